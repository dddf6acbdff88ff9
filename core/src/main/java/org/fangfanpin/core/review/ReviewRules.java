package org.fangfanpin.core.review;

import static org.fangfanpin.core.review.ReviewChecks.attributes;
import static org.fangfanpin.core.review.ReviewChecks.firstFailing;
import static org.fangfanpin.core.review.ReviewChecks.inJurisdiction;
import static org.fangfanpin.core.review.ReviewChecks.inState;
import static org.fangfanpin.core.review.ReviewChecks.moved;
import static org.fangfanpin.core.review.ReviewChecks.notAfterToday;
import static org.fangfanpin.core.review.ReviewChecks.notAnEarlierActor;
import static org.fangfanpin.core.review.ReviewChecks.notBefore;
import static org.fangfanpin.core.review.ReviewChecks.optional;
import static org.fangfanpin.core.review.ReviewChecks.required;
import static org.fangfanpin.core.review.ReviewChecks.role;
import static org.fangfanpin.core.review.ReviewChecks.texts;
import static org.fangfanpin.core.review.ReviewChecks.unlessRefused;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.stream.Collectors;
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
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
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
 *
 * <p>The appraisal, the notice with its objections and the township verification are the steps
 * every tiered review shares: they run in {@link ReviewSteps} on the recognition track
 * ({@link RecognitionTrack}), the same code risk elimination runs on its own.
 */
final class ReviewRules {

  /** The longest free text a step accepts, in characters. */
  static final int MAX_TEXT_LENGTH = ReviewChecks.MAX_TEXT_LENGTH;
  /** A run of this many digits is taken for a resident ID number, a phone or a bank account. */
  static final int PERSONAL_NUMBER_DIGITS = ReviewChecks.PERSONAL_NUMBER_DIGITS;

  private static final ReviewTrack TRACK = RecognitionTrack.INSTANCE;

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
              : TRACK.refused(c, visited, by, v.visitedOn(), v.note(), ReviewActions.SCREENING_VISIT);
        });
  }

  /**
   * The democratic appraisal (民主评议): the figures must add up and the outcome must be the
   * majority of the votes cast; agreed goes on to the notice, refused dismisses the case with the
   * minutes as the reason.
   */
  static Either<Rejection, Transition> recordAppraisal(MonitoringCase c, Appraisal a, LocalDate today) {
    return ReviewSteps.appraise(TRACK, c, a, today);
  }

  /**
   * Posts the public notice (公示) on {@code startsOn}; it runs for the policy's
   * {@code recognitionNoticeDays} in force for the village on that day, through
   * {@code startsOn + days - 1}.
   */
  static Either<Rejection, Transition> startNotice(MonitoringCase c, Actor by, LocalDate startsOn, LocalDate today,
      PolicyLookup policy) {
    return ReviewSteps.startNotice(TRACK, c, by, startsOn, today, policy);
  }

  /** Records an objection (异议) filed while the notice runs, numbered from 1. */
  static Either<Rejection, Transition> fileObjection(MonitoringCase c, Actor by, LocalDate filedOn, String text,
      LocalDate today) {
    return ReviewSteps.fileObjection(TRACK, c, by, filedOn, text, today);
  }

  /** Answers an objection (异议答复) once, on or after the day it was filed. */
  static Either<Rejection, Transition> answerObjection(MonitoringCase c, int number, Actor by, LocalDate on,
      String text, LocalDate today) {
    return ReviewSteps.answerObjection(TRACK, c, number, by, on, text, today);
  }

  /**
   * Closes the notice and sends the result to the township: only after the last day, once every
   * objection is answered, and not before the latest answer. The closing day is the day the
   * result reaches the township, from which its verification deadline counts.
   */
  static Either<Rejection, Transition> closeNotice(MonitoringCase c, Actor by, LocalDate on, LocalDate today) {
    return ReviewSteps.closeNotice(TRACK, c, by, on, today);
  }

  /**
   * The township verification (乡镇审核), by a township officer or head who has not acted on an
   * earlier step: upheld goes on to the county, not upheld dismisses the case with the note as
   * the reason.
   */
  static Either<Rejection, Transition> verify(MonitoringCase c, TownshipVerification v, LocalDate today) {
    return ReviewSteps.verify(TRACK, c, v, today);
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
        () -> notAnEarlierActor(TRACK, c, by, true),
        () -> notAfterToday("decidedOn", d.decidedOn(), today),
        () -> notBefore("decidedOn", d.decidedOn(), "乡镇审核", "township verification",
            ReviewSteps.verifiedOn(TRACK, c)),
        () -> texts(decisionProblems(d)),
        () -> Option.ofOptional(d.category())
            .filter(cat -> !fits(cat, c.householdStatus()))
            .map(cat -> ReviewRejections.categoryMismatch(cat.zh(), cat.en(), c.householdStatus().zh(),
                c.householdStatus().en()))),
        () -> {
          MonitoringCase decided = c.withDecision(d);
          if (!d.confirmed()) {
            return TRACK.refused(c, decided, by, d.decidedOn(), d.reason(), ReviewActions.COUNTY_DECISION);
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
    return ReviewChecks.holdsPersonalNumber(text);
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
}
