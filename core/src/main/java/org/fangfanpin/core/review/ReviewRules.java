package org.fangfanpin.core.review;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * The moves of the tiered review (分级审核认定规则) as pure functions: given the case, the command
 * and the day, the rejection or the {@link Transition}. No clock, no store.
 *
 * <p>Every move is refused, changing nothing, when the case is not in the state the move needs
 * ({@code review.wrong_state}), when the actor's role may not make it, when the household lies
 * outside the actor's jurisdiction, when a verifier or decider acted on an earlier step (the one
 * who proposes a step does not approve it), when the move's date lies after today or before the
 * previous step's ({@code review.date_out_of_order}), or when a text is blank where required,
 * longer than {@value #MAX_TEXT_LENGTH} characters, or holds a run of
 * {@value #PERSONAL_NUMBER_DIGITS} digits or more (an ID number, phone or bank account has no
 * place in a record whose text travels in events). The checks run in that order, the move's own
 * checks among them, and the first that fails is reported.
 */
final class ReviewRules {

  /** The longest free text a step accepts, in characters. */
  static final int MAX_TEXT_LENGTH = 500;
  /** A run of this many digits is taken for a resident ID number, a phone or a bank account. */
  static final int PERSONAL_NUMBER_DIGITS = 11;

  private static final String IN_RECOGNITION_ZH = "认定中（县级审定前）";
  private static final String IN_RECOGNITION_EN = "in recognition, before the county decision";

  private ReviewRules() {}

  /**
   * The village working group's home visit (入户核实): a real risk goes on to the appraisal and
   * needs the household's authorisation of the data check (授权核查, national rule); a risk not
   * real dismisses the case with the visit's note as the reason.
   */
  static Either<Rejection, Transition> recordScreeningVisit(MonitoringCase c, ScreeningVisit v, LocalDate today) {
    Actor by = v.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.AWAITING_VISIT),
        () -> role(by, "记录入户核实", "record the screening visit", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("visitedOn", v.visitedOn(), today),
        () -> notBefore("visitedOn", v.visitedOn(), "案件受理", "day the case opened", c.openedOn()),
        () -> texts(required("note", v.note())),
        () -> v.riskReal() && !v.consentToDataCheck()
            ? Option.some(ReviewRejections.consentMissing()) : Option.none()),
        () -> {
          MonitoringCase visited = c.withScreeningVisit(v);
          return v.riskReal()
              ? moved(c, visited, CaseState.AWAITING_APPRAISAL, by, ReviewActions.SCREENING_VISIT, List.empty())
              : dismissed(c, visited, by, v.visitedOn(), v.note(), ReviewActions.SCREENING_VISIT);
        });
  }

  /**
   * The democratic appraisal (民主评议): the figures must add up and the outcome must be the
   * majority of the votes cast; agreed goes on to the notice, refused dismisses the case with the
   * minutes as the reason.
   */
  static Either<Rejection, Transition> recordAppraisal(MonitoringCase c, Appraisal a, LocalDate today) {
    Actor by = a.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.AWAITING_APPRAISAL),
        () -> role(by, "记录民主评议", "record the democratic appraisal", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("heldOn", a.heldOn(), today),
        () -> notBefore("heldOn", a.heldOn(), "入户核实", "screening visit", visitedOn(c)),
        () -> votes(a),
        () -> texts(required("minutes", a.minutes()))),
        () -> {
          MonitoringCase appraised = c.withAppraisal(a);
          return a.agreed()
              ? moved(c, appraised, CaseState.AWAITING_NOTICE, by, ReviewActions.APPRAISAL, List.empty())
              : dismissed(c, appraised, by, a.heldOn(), a.minutes(), ReviewActions.APPRAISAL);
        });
  }

  /**
   * Posts the public notice (公示) on {@code startsOn}; it runs for the policy's
   * {@code recognitionNoticeDays} in force for the village on that day, through
   * {@code startsOn + days - 1}.
   */
  static Either<Rejection, Transition> startNotice(MonitoringCase c, Actor by, LocalDate startsOn, LocalDate today,
      PolicyLookup policy) {
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.AWAITING_NOTICE),
        () -> role(by, "张榜公示", "post the public notice", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("startsOn", startsOn, today),
        () -> notBefore("startsOn", startsOn, "民主评议", "democratic appraisal", appraisedOn(c))),
        () -> {
          int days = policy.on(c.area(), startsOn).recognitionNoticeDays();
          LocalDate lastDay = startsOn.plusDays(days - 1L);
          PublicNotice notice = new PublicNotice(startsOn, lastDay, by, java.util.List.of(), Optional.empty(),
              Optional.empty());
          return moved(c, c.withNotice(notice), CaseState.IN_NOTICE, by, ReviewActions.NOTICE_START,
              List.of(new Transition.Raised(EventType.NOTICE_STARTED,
                  attributes("startsOn", startsOn.toString(), "lastDay", lastDay.toString()))));
        });
  }

  /** Records an objection (异议) filed while the notice runs, numbered from 1. */
  static Either<Rejection, Transition> fileObjection(MonitoringCase c, Actor by, LocalDate filedOn, String text,
      LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.IN_NOTICE),
        () -> role(by, "登记公示异议", "record an objection", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("filedOn", filedOn, today),
        () -> notBefore("filedOn", filedOn, "公示开始", "notice's first day", notice(c).startsOn()),
        () -> filedOn.isAfter(notice(c).lastDay())
            ? Option.some(ReviewRejections.objectionOutsideNotice(filedOn, notice(c).startsOn(), notice(c).lastDay()))
            : Option.none(),
        () -> texts(required("text", text))),
        () -> {
          PublicNotice n = notice(c);
          int number = n.objections().size() + 1;
          java.util.List<Objection> objections = new ArrayList<>(n.objections());
          objections.add(new Objection(number, filedOn, by, text, Optional.empty()));
          PublicNotice filed = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), objections, n.closedOn(),
              n.closedBy());
          return moved(c, c.withNotice(filed), CaseState.IN_NOTICE, by, ReviewActions.OBJECTION_FILED,
              List.of(new Transition.Raised(EventType.OBJECTION_FILED,
                  attributes("number", Integer.toString(number), "filedOn", filedOn.toString()))));
        });
  }

  /** Answers an objection (异议答复) once, on or after the day it was filed. */
  static Either<Rejection, Transition> answerObjection(MonitoringCase c, int number, Actor by, LocalDate on,
      String text, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.IN_NOTICE),
        () -> role(by, "答复公示异议", "answer an objection", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> objection(c, number).isEmpty()
            ? Option.some(ReviewRejections.objectionNotFound(number)) : Option.none(),
        () -> objection(c, number).get().answered()
            ? Option.some(ReviewRejections.objectionAlreadyAnswered(number)) : Option.none(),
        () -> notAfterToday("on", on, today),
        () -> notBefore("on", on, "异议登记", "objection's filing", objection(c, number).get().filedOn()),
        () -> texts(required("text", text))),
        () -> {
          PublicNotice n = notice(c);
          java.util.List<Objection> objections = new ArrayList<>(n.objections().size());
          for (Objection o : n.objections()) {
            objections.add(o.number() == number
                ? new Objection(o.number(), o.filedOn(), o.recordedBy(), o.text(),
                    Optional.of(new Objection.Answer(on, by, text)))
                : o);
          }
          PublicNotice answered = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), objections,
              n.closedOn(), n.closedBy());
          return moved(c, c.withNotice(answered), CaseState.IN_NOTICE, by, ReviewActions.OBJECTION_ANSWERED,
              List.empty());
        });
  }

  /**
   * Closes the notice and sends the result to the township: only after the last day, once every
   * objection is answered, and not before the latest answer. The closing day is the day the
   * result reaches the township, from which its verification deadline counts.
   */
  static Either<Rejection, Transition> closeNotice(MonitoringCase c, Actor by, LocalDate on, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.IN_NOTICE),
        () -> role(by, "结束公示", "close the public notice", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("on", on, today),
        () -> on.isAfter(notice(c).lastDay())
            ? Option.none() : Option.some(ReviewRejections.noticeStillRunning(on, notice(c).lastDay())),
        () -> unanswered(notice(c)) == 0
            ? Option.none() : Option.some(ReviewRejections.objectionsUnanswered(unanswered(notice(c)))),
        () -> latestAnswer(notice(c))
            .flatMap(last -> notBefore("on", on, "最后一次异议答复", "latest answer to an objection", last))),
        () -> {
          PublicNotice n = notice(c);
          PublicNotice closed = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), n.objections(),
              Optional.of(on), Optional.of(by));
          return moved(c, c.withNotice(closed), CaseState.AWAITING_TOWNSHIP, by, ReviewActions.NOTICE_CLOSE,
              List.empty());
        });
  }

  /**
   * The township verification (乡镇审核), by a township officer or head who has not acted on an
   * earlier step: upheld goes on to the county, not upheld dismisses the case with the note as
   * the reason.
   */
  static Either<Rejection, Transition> verify(MonitoringCase c, TownshipVerification v, LocalDate today) {
    Actor by = v.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.AWAITING_TOWNSHIP),
        () -> role(by, "乡镇审核", "verify a case for the township", Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD),
        () -> inJurisdiction(c, by),
        () -> notAnEarlierActor(c, by, false),
        () -> notAfterToday("verifiedOn", v.verifiedOn(), today),
        () -> notBefore("verifiedOn", v.verifiedOn(), "公示结束", "notice's closing", closedOn(c)),
        () -> texts(required("note", v.note()))),
        () -> {
          MonitoringCase verified = c.withVerification(v);
          return v.upheld()
              ? moved(c, verified, CaseState.AWAITING_COUNTY, by, ReviewActions.TOWNSHIP_VERIFICATION,
                  List.empty())
              : dismissed(c, verified, by, v.verifiedOn(), v.note(), ReviewActions.TOWNSHIP_VERIFICATION);
        });
  }

  /**
   * The county decision (县级审定), by a county officer who has not acted on an earlier step,
   * verification included. A confirmation needs a category that fits the household (脱贫不稳定户
   * only for a lifted household, 边缘易致贫户 only for an ordinary one, 突发严重困难户 for either)
   * and at least one risk type, which replace the case's; a dismissal needs a reason, which goes
   * back to the village.
   */
  static Either<Rejection, Transition> decide(MonitoringCase c, CountyDecision d, LocalDate today) {
    Actor by = d.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.AWAITING_COUNTY),
        () -> role(by, "县级审定", "decide a case for the county", Role.COUNTY_OFFICE),
        () -> inJurisdiction(c, by),
        () -> notAnEarlierActor(c, by, true),
        () -> notAfterToday("decidedOn", d.decidedOn(), today),
        () -> notBefore("decidedOn", d.decidedOn(), "乡镇审核", "township verification", verifiedOn(c)),
        () -> texts(decisionProblems(d)),
        () -> Option.ofOptional(d.category())
            .filter(cat -> !fits(cat, c.householdStatus()))
            .map(cat -> ReviewRejections.categoryMismatch(cat.zh(), cat.en(), c.householdStatus().zh(),
                c.householdStatus().en()))),
        () -> {
          MonitoringCase decided = c.withDecision(d);
          if (!d.confirmed()) {
            return dismissed(c, decided, by, d.decidedOn(), d.reason(), ReviewActions.COUNTY_DECISION);
          }
          MonitoringCase confirmed = decided.withRiskTypes(d.riskTypes());
          return moved(c, confirmed, CaseState.CONFIRMED, by, ReviewActions.COUNTY_DECISION,
              List.of(new Transition.Raised(EventType.CASE_CONFIRMED, attributes(
                  "category", d.category().map(Enum::name).orElse(""),
                  "riskTypes", d.riskTypes().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                  "decidedOn", d.decidedOn().toString()))));
        });
  }

  /**
   * The township head's approval of emergency aid first (遇困即扶): any time before the county
   * decision, at most once per case, for a positive amount. The case is marked and its state
   * does not change: recognition continues.
   */
  static Either<Rejection, Transition> approveEmergency(MonitoringCase c, EmergencyApproval e, LocalDate today) {
    Actor by = e.by();
    return unlessRefused(firstFailing(
        () -> c.state().inRecognition()
            ? Option.none()
            : Option.some(ReviewRejections.wrongState(c.state(), IN_RECOGNITION_ZH, IN_RECOGNITION_EN)),
        () -> role(by, "批准先行救助", "approve emergency aid", Role.TOWNSHIP_HEAD),
        () -> inJurisdiction(c, by),
        () -> Option.ofOptional(c.emergency())
            .map(earlier -> ReviewRejections.emergencyAlreadyApproved(earlier.approvedOn())),
        () -> notAfterToday("approvedOn", e.approvedOn(), today),
        () -> notBefore("approvedOn", e.approvedOn(), "案件受理", "day the case opened", c.openedOn()),
        () -> texts(e.amount().fen() > 0
            ? required("reason", e.reason())
            : required("reason", e.reason()).prepend(Problem.of("amount", "money.not_positive",
                "救助金额必须大于 0", "the aid amount must be greater than 0")))),
        () -> moved(c, c.withEmergency(e), c.state(), by, ReviewActions.EMERGENCY_APPROVAL,
            List.of(new Transition.Raised(EventType.EMERGENCY_AID_APPROVED, attributes(
                "approvedOn", e.approvedOn().toString(),
                "amountYuan", e.amount().toYuanString())))));
  }

  /** Whether the category fits a household of the status. */
  static boolean fits(MonitoringCategory category, HouseholdStatus status) {
    switch (category) {
      case UNSTABLE_LIFTED:
        return status == HouseholdStatus.LIFTED;
      case MARGINAL:
        return status == HouseholdStatus.ORDINARY;
      default:
        return true;
    }
  }

  /** Whether the text holds a run of {@value #PERSONAL_NUMBER_DIGITS} digits or more. */
  static boolean holdsPersonalNumber(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        run++;
        if (run >= PERSONAL_NUMBER_DIGITS) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }

  // ---- the shared checks: each answers the rejection, or none when the check passes

  private static Either<Rejection, Transition> unlessRefused(Option<Rejection> refusal, Supplier<Transition> move) {
    return refusal.isDefined() ? Either.left(refusal.get()) : Either.right(move.get());
  }

  @SafeVarargs
  private static Option<Rejection> firstFailing(Supplier<Option<Rejection>>... checks) {
    for (Supplier<Option<Rejection>> check : checks) {
      Option<Rejection> failed = check.get();
      if (failed.isDefined()) {
        return failed;
      }
    }
    return Option.none();
  }

  private static Option<Rejection> inState(MonitoringCase c, CaseState needed) {
    return c.state() == needed ? Option.none() : Option.some(ReviewRejections.wrongState(c.state(), needed));
  }

  private static Option<Rejection> role(Actor by, String actionZh, String actionEn, Role... allowed) {
    for (Role r : allowed) {
      if (by.role() == r) {
        return Option.none();
      }
    }
    return Option.some(Rejections.roleNotAllowed(by, actionZh, actionEn));
  }

  private static Option<Rejection> inJurisdiction(MonitoringCase c, Actor by) {
    return by.covers(c.area()) ? Option.none() : Option.some(Rejections.outsideJurisdiction(by));
  }

  private static Option<Rejection> notAnEarlierActor(MonitoringCase c, Actor by, boolean verificationIncluded) {
    return earlierActorIds(c, verificationIncluded).contains(by.id())
        ? Option.some(Rejections.sameActor(by)) : Option.none();
  }

  private static Option<Rejection> notAfterToday(String field, LocalDate day, LocalDate today) {
    return day.isAfter(today) ? Option.some(ReviewRejections.dateAfterToday(field, day, today)) : Option.none();
  }

  private static Option<Rejection> notBefore(String field, LocalDate day, String previousZh, String previousEn,
      LocalDate previous) {
    return day.isBefore(previous)
        ? Option.some(ReviewRejections.dateBeforePrevious(field, day, previousZh, previousEn, previous))
        : Option.none();
  }

  private static Option<Rejection> texts(Seq<Problem> problems) {
    return problems.isEmpty() ? Option.none() : Option.some(Rejections.invalid(problems));
  }

  private static Seq<Problem> required(String field, String text) {
    return text.isBlank()
        ? List.of(Problem.of(field, "text.blank", field + " 不能为空", field + " must not be blank"))
        : optional(field, text);
  }

  private static Seq<Problem> optional(String field, String text) {
    List<Problem> problems = List.empty();
    if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
      problems = problems.append(Problem.of(field, "text.too_long",
          field + " 不能超过 " + MAX_TEXT_LENGTH + " 个字符",
          field + " must not be longer than " + MAX_TEXT_LENGTH + " characters"));
    }
    if (holdsPersonalNumber(text)) {
      problems = problems.append(Problem.of(field, "text.personal_number",
          field + " 不能含有身份证号、电话或银行账号",
          field + " must not hold a resident ID number, phone or bank account"));
    }
    return problems;
  }

  private static Option<Rejection> votes(Appraisal a) {
    List<Problem> problems = List.empty();
    if (a.attendees() < 1) {
      problems = problems.append(Problem.of("attendees", "appraisal.attendees", "参会人数至少为 1",
          "at least 1 person attends"));
    }
    if (a.votesFor() < 0) {
      problems = problems.append(Problem.of("votesFor", "appraisal.votes_negative", "赞成票不能为负数",
          "votes for cannot be negative"));
    }
    if (a.votesAgainst() < 0) {
      problems = problems.append(Problem.of("votesAgainst", "appraisal.votes_negative", "反对票不能为负数",
          "votes against cannot be negative"));
    }
    if (problems.isEmpty() && (long) a.votesFor() + a.votesAgainst() > a.attendees()) {
      problems = problems.append(Problem.of("votesFor", "appraisal.votes_exceed_attendees",
          "赞成票与反对票之和超过参会人数", "votes for and against add up to more than the attendees"));
    }
    if (problems.isEmpty() && a.agreed() != (a.votesFor() > a.votesAgainst())) {
      problems = problems.append(a.agreed()
          ? Problem.of("agreed", "appraisal.outcome", "赞成票未过投票数半数，结果不能为通过",
              "the votes for are not a majority of the votes cast, so the outcome cannot be agreed")
          : Problem.of("agreed", "appraisal.outcome", "赞成票已过投票数半数，结果应为通过",
              "the votes for are a majority of the votes cast, so the outcome must be agreed"));
    }
    return problems.isEmpty() ? Option.none() : Option.some(ReviewRejections.appraisalVotes(problems));
  }

  private static Seq<Problem> decisionProblems(CountyDecision d) {
    if (!d.confirmed()) {
      List<Problem> problems = List.ofAll(required("reason", d.reason()));
      if (d.category().isPresent()) {
        problems = problems.append(Problem.of("category", "decision.category_on_dismissal",
            "排除时不应填写监测类别", "a dismissal has no category"));
      }
      if (!d.riskTypes().isEmpty()) {
        problems = problems.append(Problem.of("riskTypes", "decision.risk_types_on_dismissal",
            "排除时不应填写风险类型", "a dismissal has no risk types"));
      }
      return problems;
    }
    List<Problem> problems = List.empty();
    if (d.category().isEmpty()) {
      problems = problems.append(Problem.of("category", "decision.category_missing",
          "确认纳入监测须填写监测类别", "a confirmation needs a category"));
    }
    if (d.riskTypes().isEmpty()) {
      problems = problems.append(Problem.of("riskTypes", "decision.risk_types_missing",
          "确认纳入监测须填写至少一种风险类型", "a confirmation needs at least one risk type"));
    }
    return problems.appendAll(optional("reason", d.reason()));
  }

  // ---- reading the case

  private static PublicNotice notice(MonitoringCase c) {
    return c.notice().orElseThrow(() -> new IllegalStateException("case " + c.id() + " is "
        + c.state() + " without a public notice"));
  }

  private static Option<Objection> objection(MonitoringCase c, int number) {
    return Option.ofOptional(notice(c).objections().stream().filter(o -> o.number() == number).findFirst());
  }

  private static long unanswered(PublicNotice n) {
    return n.objections().stream().filter(o -> !o.answered()).count();
  }

  private static Option<LocalDate> latestAnswer(PublicNotice n) {
    return Option.ofOptional(n.objections().stream()
        .flatMap(o -> o.answer().stream())
        .map(Objection.Answer::answeredOn)
        .max(LocalDate::compareTo));
  }

  private static LocalDate visitedOn(MonitoringCase c) {
    return c.screeningVisit().map(ScreeningVisit::visitedOn).orElse(c.openedOn());
  }

  private static LocalDate appraisedOn(MonitoringCase c) {
    return c.appraisal().map(Appraisal::heldOn).orElse(visitedOn(c));
  }

  private static LocalDate closedOn(MonitoringCase c) {
    return c.notice().flatMap(PublicNotice::closedOn).orElse(appraisedOn(c));
  }

  private static LocalDate verifiedOn(MonitoringCase c) {
    return c.verification().map(TownshipVerification::verifiedOn).orElse(closedOn(c));
  }

  /**
   * The ids of every actor who acted on a recognition step of the case: visit, appraisal, notice,
   * objections and their answers, the emergency approval, and the verification when asked.
   */
  private static Set<String> earlierActorIds(MonitoringCase c, boolean verificationIncluded) {
    Set<String> ids = new HashSet<>();
    c.screeningVisit().ifPresent(v -> ids.add(v.by().id()));
    c.appraisal().ifPresent(a -> ids.add(a.by().id()));
    c.notice().ifPresent(n -> {
      ids.add(n.postedBy().id());
      n.closedBy().ifPresent(a -> ids.add(a.id()));
      for (Objection o : n.objections()) {
        ids.add(o.recordedBy().id());
        o.answer().ifPresent(ans -> ids.add(ans.by().id()));
      }
    });
    c.emergency().ifPresent(e -> ids.add(e.by().id()));
    if (verificationIncluded) {
      c.verification().ifPresent(v -> ids.add(v.by().id()));
    }
    return ids;
  }

  // ---- building the transition

  private static Transition moved(MonitoringCase before, MonitoringCase withStep, CaseState state, Actor by,
      String action, List<Transition.Raised> events) {
    return new Transition(withStep.withState(state).withVersion(before.version() + 1), by, action,
        events.toJavaList());
  }

  private static Transition dismissed(MonitoringCase before, MonitoringCase withStep, Actor by, LocalDate on,
      String reason, String action) {
    Dismissal dismissal = new Dismissal(on, by, before.state(), reason);
    return moved(before, withStep.withDismissal(dismissal), CaseState.DISMISSED, by, action,
        List.of(new Transition.Raised(EventType.CASE_DISMISSED, attributes(
            "atState", before.state().name(),
            "dismissedOn", on.toString(),
            "byRole", by.role().name(),
            "reason", reason))));
  }

  private static Map<String, String> attributes(String... namesAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }
}
