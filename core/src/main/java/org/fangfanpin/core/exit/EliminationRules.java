package org.fangfanpin.core.exit;

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
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fangfanpin.core.review.PolicyLookup;
import org.fangfanpin.core.review.ReviewSteps;
import org.fangfanpin.core.review.ReviewTrack;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * The moves of the elimination review and of the gradual exit (风险消除与渐退规则) as pure
 * functions of the case, the household's register entry, the command, the policy and the day.
 *
 * <p>The appraisal, the notice with its objections and the township verification are the tiered
 * steps recognition runs too ({@link ReviewSteps}), here on the {@link EliminationTrack}. Only the
 * proposal and the county decision are elimination's own: both are refused while an
 * {@link EliminationBlocker} stands on the day of the move, and an accepted decision starts the
 * gradual exit. A refused appraisal, verification or decision returns the case to monitoring.
 */
final class EliminationRules {

  static final ReviewTrack TRACK = EliminationTrack.INSTANCE;

  private EliminationRules() {}

  /**
   * A blocker found on a case, with what it is about (the months not shown, the needs not
   * secure, the measures not implemented…).
   *
   * @param blocker which rule
   * @param zh the finding in Chinese
   * @param en the finding in English
   */
  record Blocked(EliminationBlocker blocker, String zh, String en) {}

  /**
   * The village working group's proposal after its home visit (入户核实后提出): from a confirmed
   * case, on a day not before the confirmation, with what the visit found; refused while a
   * blocker stands on the visit's day. A proposal replaces a refused elimination kept on the case.
   */
  static Either<Rejection, Transition> propose(MonitoringCase c, EliminationProposal p, Household h,
      LocalDate today, PolicyLookup policy) {
    requireHouseholdOf(c, h);
    Actor by = p.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.CONFIRMED),
        () -> role(by, "提出风险消除", "propose eliminating the risk", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("visitedOn", p.visitedOn(), today),
        () -> notBefore("visitedOn", p.visitedOn(), "县级确认纳入监测", "county's confirmation", confirmedOn(c)),
        () -> texts(required("finding", p.finding())),
        () -> refusal(blockers(c, h, p.visitedOn(), policy.on(c.area(), p.visitedOn())))),
        () -> moved(c, c.withElimination(Elimination.builder().proposal(p).build()), CaseState.ELIMINATION_PROPOSED,
            by, ExitActions.PROPOSAL, List.of(new Transition.Raised(EventType.ELIMINATION_PROPOSED,
                attributes("visitedOn", p.visitedOn().toString())))));
  }

  /** The elimination's democratic appraisal: agreed goes on to the notice, refused back to monitoring. */
  static Either<Rejection, Transition> appraise(MonitoringCase c, Appraisal a, LocalDate today) {
    return ReviewSteps.appraise(TRACK, c, a, today);
  }

  /** Posts the elimination notice for the policy's {@code eliminationNoticeDays} (004: 5). */
  static Either<Rejection, Transition> startNotice(MonitoringCase c, Actor by, LocalDate startsOn, LocalDate today,
      PolicyLookup policy) {
    return ReviewSteps.startNotice(TRACK, c, by, startsOn, today, policy);
  }

  /** Records an objection to the elimination notice. */
  static Either<Rejection, Transition> fileObjection(MonitoringCase c, Actor by, LocalDate filedOn, String text,
      LocalDate today) {
    return ReviewSteps.fileObjection(TRACK, c, by, filedOn, text, today);
  }

  /** Answers an objection to the elimination notice. */
  static Either<Rejection, Transition> answerObjection(MonitoringCase c, int number, Actor by, LocalDate on,
      String text, LocalDate today) {
    return ReviewSteps.answerObjection(TRACK, c, number, by, on, text, today);
  }

  /** Closes the elimination notice after its last day, every objection answered. */
  static Either<Rejection, Transition> closeNotice(MonitoringCase c, Actor by, LocalDate on, LocalDate today) {
    return ReviewSteps.closeNotice(TRACK, c, by, on, today);
  }

  /** The township's verification: upheld goes on to the county, not upheld back to monitoring. */
  static Either<Rejection, Transition> verify(MonitoringCase c, TownshipVerification v, LocalDate today) {
    return ReviewSteps.verify(TRACK, c, v, today);
  }

  /**
   * The county's decision (县级审定), by a county officer who acted on no earlier step of the
   * elimination. Eliminated: refused while a blocker stands on the decision's day, otherwise the
   * case enters its {@link #gradualExit gradual exit} and a RISK_ELIMINATED event is raised. Not
   * eliminated: needs a note, and the case goes back to monitoring.
   */
  static Either<Rejection, Transition> decide(MonitoringCase c, EliminationDecision d, Household h, LocalDate today,
      PolicyLookup policy) {
    requireHouseholdOf(c, h);
    Actor by = d.by();
    return unlessRefused(firstFailing(
        () -> inState(c, CaseState.ELIMINATION_AWAITING_COUNTY),
        () -> role(by, "审定风险消除", "decide an elimination for the county", Role.COUNTY_OFFICE),
        () -> inJurisdiction(c, by),
        () -> notAnEarlierActor(TRACK, c, by, true),
        () -> notAfterToday("decidedOn", d.decidedOn(), today),
        () -> notBefore("decidedOn", d.decidedOn(), "乡镇审核", "township verification",
            ReviewSteps.verifiedOn(TRACK, c)),
        () -> texts(d.eliminated() ? optional("note", d.note()) : required("note", d.note())),
        () -> d.eliminated()
            ? refusal(blockers(c, h, d.decidedOn(), policy.on(c.area(), d.decidedOn())))
            : Option.none()),
        () -> {
          MonitoringCase decided = c.withElimination(EliminationTrack.elimination(c).withDecision(d));
          if (!d.eliminated()) {
            return TRACK.refused(c, decided, by, d.decidedOn(), d.note(), ExitActions.COUNTY_DECISION);
          }
          GradualExit exit = gradualExit(h, d.decidedOn(), policy.on(c.area(), d.decidedOn()));
          return moved(c, decided.withExit(exit), CaseState.GRADUAL_EXIT, by, ExitActions.COUNTY_DECISION,
              List.of(new Transition.Raised(EventType.RISK_ELIMINATED, attributes(
                  "decidedOn", d.decidedOn().toString(),
                  "exitStartsOn", exit.startsOn().toString(),
                  "exitEndsOn", exit.endsOn().toString(),
                  "exitMonths", Integer.toString(exit.months()),
                  "dibaoRule", Boolean.toString(exit.dibaoRule())))));
        });
  }

  /**
   * Why the county officer may not close the gradual exits of the area on the day: not a county
   * officer, the area outside their jurisdiction, or a day after today.
   */
  static Option<Rejection> closingRefusal(AreaCode area, Actor by, LocalDate on, LocalDate today) {
    return firstFailing(
        () -> role(by, "结束渐退期并销号", "close the gradual exits", Role.COUNTY_OFFICE),
        () -> inJurisdiction(area, by),
        () -> notAfterToday("on", on, today));
  }

  /** Whether the case is in its gradual exit and the period ended before the day. */
  static boolean exitEndedBefore(MonitoringCase c, LocalDate on) {
    return c.state() == CaseState.GRADUAL_EXIT && c.exit().map(e -> e.endsOn().isBefore(on)).orElse(false);
  }

  /**
   * Closes a case whose gradual exit ended without a new risk (销号): CLOSED on the day, with a
   * CASE_CLOSED event.
   *
   * @throws IllegalArgumentException when the case's exit did not end before the day
   */
  static Transition close(MonitoringCase c, Actor by, LocalDate on) {
    if (!exitEndedBefore(c, on)) {
      throw new IllegalArgumentException("case " + c.id() + " is " + c.state() + " and its exit has not ended before "
          + on);
    }
    return moved(c, c.withClosedOn(on), CaseState.CLOSED, by, ExitActions.CLOSE,
        List.of(new Transition.Raised(EventType.CASE_CLOSED, attributes(
            "closedOn", on.toString(),
            "exitEndedOn", c.exit().orElseThrow().endsOn().toString()))));
  }

  /**
   * Every blocker that stands against eliminating the case's risk on the day, in the order of
   * {@link EliminationBlocker}; empty when the risk may be marked eliminated.
   */
  static java.util.List<Blocked> blockers(MonitoringCase c, Household h, LocalDate on, PolicyParameters p) {
    java.util.List<Blocked> found = new ArrayList<>(2);
    LocalDate confirmed = confirmedOn(c);
    LocalDate earliest = confirmed.plusMonths(p.eliminationMinMonthsSinceConfirmation());
    if (on.isBefore(earliest)) {
      found.add(new Blocked(EliminationBlocker.TOO_SOON,
          "自县级确认纳入监测（" + confirmed + "）起未满 " + p.eliminationMinMonthsSinceConfirmation() + " 个月，最早 "
              + earliest + " 可标注风险消除",
          "fewer than " + p.eliminationMinMonthsSinceConfirmation() + " months since the county confirmed the case on "
              + confirmed + "; the earliest day is " + earliest));
    }
    java.util.List<YearMonth> notShown = monthsNotShown(c, on, p.eliminationStableIncomeMonths());
    if (!notShown.isEmpty()) {
      String months = notShown.stream().map(YearMonth::toString).collect(Collectors.joining(", "));
      found.add(new Blocked(EliminationBlocker.INCOME_NOT_STABLE,
          "近 " + p.eliminationStableIncomeMonths() + " 个月的跟踪回访未显示收入稳定高于监测标准（" + months + "）",
          "the follow-ups do not show income above the line in each of the last "
              + p.eliminationStableIncomeMonths() + " months (" + months + ")"));
    }
    if (!h.unmetNeeds().isEmpty()) {
      java.util.List<BasicNeed> needs = h.unmetNeeds().stream().sorted().toList();
      found.add(new Blocked(EliminationBlocker.BASIC_NEED_UNMET,
          "基本需求未保障：" + needs.stream().map(BasicNeed::zh).collect(Collectors.joining("、")),
          "basic needs not secure: " + needs.stream().map(BasicNeed::en).collect(Collectors.joining(", "))));
    }
    if (c.measures().stream().noneMatch(m -> m.status().isImplemented())) {
      found.add(new Blocked(EliminationBlocker.NO_MEASURE_IMPLEMENTED,
          "尚无一项帮扶措施落实", "no measure of the plan has been implemented"));
    }
    java.util.List<Measure> pending = c.measures().stream()
        .filter(m -> !m.endedOn(on) && !m.status().isImplemented())
        .toList();
    if (!pending.isEmpty()) {
      String numbers = pending.stream().map(m -> Integer.toString(m.number())).collect(Collectors.joining(", "));
      found.add(new Blocked(EliminationBlocker.MEASURE_NOT_IMPLEMENTED,
          "帮扶措施 " + numbers + " 尚未落实且未到期",
          "measures " + numbers + " have not ended and are not implemented"));
    }
    if (h.workers() == 0 && livesOnSafetyNet(c, h, on)) {
      found.add(new Blocked(EliminationBlocker.SAFETY_NET_WITHOUT_LABOUR,
          "家庭无劳动力且依靠低保或特困供养兜底，暂不标注风险消除，继续监测",
          "the household has no member able to work and lives on the safety net (dibao or tekun); it stays "
              + "monitored"));
    }
    return found;
  }

  /**
   * The gradual exit (渐退期) of a risk eliminated on {@code decidedOn}: the policy's
   * {@code dibaoGradualExitMonths} (003: 12) for a 低保 household whose per-capita income is within
   * {@code dibaoExitIncomeFactorBp} of the 低保 line, otherwise {@code gradualExitDefaultMonths};
   * always within the policy's shortest and longest. It starts the day after the decision and
   * ends the day before the same day of the month {@code months} later.
   */
  static GradualExit gradualExit(Household h, LocalDate decidedOn, PolicyParameters p) {
    boolean dibaoRule = h.has(FocusFlag.DIBAO) && withinDibaoBand(perCapitaIncome(h), p);
    int wanted = dibaoRule ? p.dibaoGradualExitMonths() : p.gradualExitDefaultMonths();
    int months = Math.max(p.gradualExitMinMonths(), Math.min(p.gradualExitMaxMonths(), wanted));
    LocalDate startsOn = decidedOn.plusDays(1);
    return new GradualExit(startsOn, months, startsOn.plusMonths(months).minusDays(1), dibaoRule);
  }

  /** The household's income of the last 12 months divided by its members, rounded down to the fen. */
  static Money perCapitaIncome(Household h) {
    return Money.ofFen(Math.floorDiv(h.incomeLast12Months().fen(), (long) h.memberCount()));
  }

  /** Whether the per-capita income is at most {@code dibaoExitIncomeFactorBp / 10,000} × the 低保 line, exactly. */
  static boolean withinDibaoBand(Money perCapita, PolicyParameters p) {
    return Math.multiplyExact(perCapita.fen(), (long) PolicyParameters.ONE)
        <= Math.multiplyExact(p.dibaoLine().fen(), (long) p.dibaoExitIncomeFactorBp());
  }

  /** The day the county confirmed the case. */
  static LocalDate confirmedOn(MonitoringCase c) {
    return c.decision().filter(CountyDecision::confirmed).map(CountyDecision::decidedOn)
        .orElseThrow(() -> new IllegalStateException("case " + c.id() + " is " + c.state()
            + " without the county's confirmation"));
  }

  /**
   * The months among the {@code count} before the month of {@code on} whose follow-up does not
   * show income above the line: none recorded, or the latest recorded for the month (the last in
   * the list among those recorded on the same day: a correction is a new record) says not.
   */
  static java.util.List<YearMonth> monthsNotShown(MonitoringCase c, LocalDate on, int count) {
    YearMonth current = YearMonth.from(on);
    java.util.List<YearMonth> notShown = new ArrayList<>(0);
    for (int back = count; back >= 1; back--) {
      YearMonth month = current.minusMonths(back);
      Optional<FollowUp> latest = c.followUps().stream()
          .filter(f -> f.month().equals(month))
          .reduce((earlier, later) -> later.recordedOn().isBefore(earlier.recordedOn()) ? earlier : later);
      if (latest.map(f -> !f.incomeAboveLine()).orElse(true)) {
        notShown.add(month);
      }
    }
    return notShown;
  }

  /** Whether the household lives on 低保 or 特困 support: a focus flag, or such a measure not ended. */
  private static boolean livesOnSafetyNet(MonitoringCase c, Household h, LocalDate on) {
    return h.has(FocusFlag.DIBAO) || h.has(FocusFlag.TEKUN)
        || c.measures().stream().anyMatch(m -> m.type().isSafetyNet() && !m.endedOn(on));
  }

  /** The blockers' rejection: the first one's code, every finding in the message; none when clear. */
  static Option<Rejection> refusal(java.util.List<Blocked> blockers) {
    if (blockers.isEmpty()) {
      return Option.none();
    }
    return Option.some(Rejection.of(blockers.get(0).blocker().code(),
        "不能标注风险消除：" + blockers.stream().map(b -> b.zh() + "〔" + b.blocker().code() + "〕")
            .collect(Collectors.joining("；")),
        "the risk cannot be marked eliminated: " + blockers.stream().map(b -> b.en() + " [" + b.blocker().code() + "]")
            .collect(Collectors.joining("; "))));
  }

  private static void requireHouseholdOf(MonitoringCase c, Household h) {
    if (!h.id().equals(c.householdId())) {
      throw new IllegalArgumentException("household " + h.id() + " is not the household of case " + c.id());
    }
  }
}
