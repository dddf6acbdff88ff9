package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
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
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * A lifted household's case told step by step (案件全程), as the review and exit rules of core build
 * it: recognition through the tiers with an answered objection, assistance with measures and monthly
 * follow-ups, elimination through the same tiers, the gradual exit, closing, and a relapse. Each
 * {@link Stage} is the case as stored after that step; dates follow the day the case opened.
 */
final class CaseStories {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP = AreaCode.of("611022100000");
  static final AreaCode VILLAGE = AreaCode.of("611022100201");
  static final Actor VILLAGE_GROUP = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE);
  static final Actor VILLAGE_GROUP_OTHER = Actor.of("vwg-a1-2", Role.VILLAGE_WORKING_GROUP, VILLAGE);
  static final Actor CADRE = Actor.of("cadre-1", Role.VILLAGE_WORKING_GROUP, VILLAGE);
  static final Actor TOWNSHIP_OFFICER = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP);
  static final Actor TOWNSHIP_HEAD = Actor.of("head-a", Role.TOWNSHIP_HEAD, TOWNSHIP);
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);

  /** The steps of a case's life, in order; each stage holds every step before it. */
  enum Stage {
    OPENED, JOINED, VISITED, EMERGENCY_AID, APPRAISED, IN_NOTICE, OBJECTION_FILED, OBJECTION_ANSWERED,
    NOTICE_CLOSED, VERIFIED, DISMISSED_BY_COUNTY, CONFIRMED, PLANNED, IMPLEMENTED, VERIFIED_MEASURES,
    FOLLOWED_UP, ELIMINATION_PROPOSED, ELIMINATION_APPRAISED, ELIMINATION_IN_NOTICE,
    ELIMINATION_NOTICE_CLOSED, ELIMINATION_VERIFIED, ELIMINATION_REFUSED, ELIMINATED, RELAPSED, CLOSED,
    SUCCESSOR
  }

  private CaseStories() {}

  /** The case of household {@code householdId} opened on {@code opened}, as stored after {@code stage}. */
  static MonitoringCase at(Stage stage, String householdId, LocalDate opened, int monthsMonitored) {
    MonitoringCase c = MonitoringCase.builder()
        .id("case-" + householdId)
        .householdId(householdId)
        .area(VILLAGE)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(CaseState.AWAITING_VISIT)
        .version(1)
        .openedOn(opened)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + householdId, opened.minusDays(1), opened,
            Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .build();
    if (stage == Stage.OPENED) {
      return c;
    }
    c = next(c, CaseState.AWAITING_VISIT).withSignals(List.of(c.signals().get(0),
            new SignalRef(Channel.INDUSTRY_DEPARTMENT, "med-" + householdId, opened, opened.plusDays(1),
                Set.of(RiskType.ILLNESS, RiskType.LACK_OF_LABOUR))))
        .withRiskTypes(Set.of(RiskType.ILLNESS, RiskType.LACK_OF_LABOUR));
    if (stage == Stage.JOINED) {
      return c;
    }
    c = next(c, CaseState.AWAITING_APPRAISAL)
        .withScreeningVisit(new ScreeningVisit(opened.plusDays(1), VILLAGE_GROUP, true, true, "因病致贫风险属实"));
    if (stage == Stage.VISITED) {
      return c;
    }
    c = next(c, CaseState.AWAITING_APPRAISAL)
        .withEmergency(new EmergencyApproval(opened.plusDays(1), TOWNSHIP_HEAD, Money.ofFen(500_000),
            "住院无力支付 cannot pay the hospital"));
    if (stage == Stage.EMERGENCY_AID) {
      return c;
    }
    c = next(c, CaseState.AWAITING_NOTICE)
        .withAppraisal(new Appraisal(opened.plusDays(2), VILLAGE_GROUP, 20, 16, 2, true, "同意纳入"));
    if (stage == Stage.APPRAISED) {
      return c;
    }
    PublicNotice notice = new PublicNotice(opened.plusDays(3), opened.plusDays(7), VILLAGE_GROUP, List.of(),
        Optional.empty(), Optional.empty());
    c = next(c, CaseState.IN_NOTICE).withNotice(notice);
    if (stage == Stage.IN_NOTICE) {
      return c;
    }
    Objection filed = new Objection(1, opened.plusDays(4), VILLAGE_GROUP, "收入被低估", Optional.empty());
    c = next(c, CaseState.IN_NOTICE).withNotice(withObjections(notice, filed));
    if (stage == Stage.OBJECTION_FILED) {
      return c;
    }
    Objection answered = new Objection(1, filed.filedOn(), VILLAGE_GROUP, filed.text(),
        Optional.of(new Objection.Answer(opened.plusDays(5), VILLAGE_GROUP_OTHER, "经核实收入属实")));
    notice = withObjections(notice, answered);
    c = next(c, CaseState.IN_NOTICE).withNotice(notice);
    if (stage == Stage.OBJECTION_ANSWERED) {
      return c;
    }
    c = next(c, CaseState.AWAITING_TOWNSHIP).withNotice(new PublicNotice(notice.startsOn(), notice.lastDay(),
        notice.postedBy(), notice.objections(), Optional.of(opened.plusDays(8)), Optional.of(VILLAGE_GROUP)));
    if (stage == Stage.NOTICE_CLOSED) {
      return c;
    }
    c = next(c, CaseState.AWAITING_COUNTY)
        .withVerification(new TownshipVerification(opened.plusDays(9), TOWNSHIP_OFFICER, true, "核查属实"));
    if (stage == Stage.VERIFIED) {
      return c;
    }
    LocalDate confirmed = opened.plusDays(10);
    if (stage == Stage.DISMISSED_BY_COUNTY) {
      return next(c, CaseState.DISMISSED)
          .withDecision(new CountyDecision(confirmed, COUNTY_OFFICER, false, Optional.empty(), Set.of(), "收入达标"))
          .withDismissal(new Dismissal(confirmed, COUNTY_OFFICER, CaseState.AWAITING_COUNTY, "收入达标"));
    }
    c = next(c, CaseState.CONFIRMED)
        .withDecision(new CountyDecision(confirmed, COUNTY_OFFICER, true,
            Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), ""))
        .withRiskTypes(Set.of(RiskType.ILLNESS))
        .withCadreIds(List.of(CADRE.id()));
    if (stage == Stage.CONFIRMED) {
      return c;
    }
    c = next(c, CaseState.CONFIRMED).withMeasures(List.of(
        measure(1, MeasureType.EMPLOYMENT, MeasureStatus.PLANNED, confirmed, Optional.empty()),
        measure(2, MeasureType.MICRO_CREDIT, MeasureStatus.PLANNED, confirmed,
            Optional.of(confirmed.plusYears(3)))));
    if (stage == Stage.PLANNED) {
      return c;
    }
    c = next(c, CaseState.CONFIRMED).withMeasures(List.of(
        measure(1, MeasureType.EMPLOYMENT, MeasureStatus.IMPLEMENTED, confirmed, Optional.empty()),
        measure(2, MeasureType.MICRO_CREDIT, MeasureStatus.IMPLEMENTED, confirmed,
            Optional.of(confirmed.plusYears(3)))));
    if (stage == Stage.IMPLEMENTED) {
      return c;
    }
    c = next(c, CaseState.CONFIRMED).withMeasures(List.of(
        measure(1, MeasureType.EMPLOYMENT, MeasureStatus.VERIFIED, confirmed, Optional.empty()),
        measure(2, MeasureType.MICRO_CREDIT, MeasureStatus.IMPLEMENTED, confirmed,
            Optional.of(confirmed.plusYears(3)))));
    if (stage == Stage.VERIFIED_MEASURES) {
      return c;
    }
    YearMonth first = YearMonth.from(confirmed);
    c = next(c, CaseState.CONFIRMED).withFollowUps(followUps(first, first.plusMonths(monthsMonitored)));
    if (stage == Stage.FOLLOWED_UP) {
      return c;
    }
    LocalDate proposed = first.plusMonths(monthsMonitored + 1L).atDay(3);
    Elimination e = Elimination.builder()
        .proposal(new EliminationProposal(proposed, VILLAGE_GROUP, "收入稳定超过监测线"))
        .build();
    c = next(c, CaseState.ELIMINATION_PROPOSED).withElimination(e);
    if (stage == Stage.ELIMINATION_PROPOSED) {
      return c;
    }
    e = e.withAppraisal(new Appraisal(proposed.plusDays(1), VILLAGE_GROUP, 18, 17, 0, true, "同意消除"));
    c = next(c, CaseState.ELIMINATION_AWAITING_NOTICE).withElimination(e);
    if (stage == Stage.ELIMINATION_APPRAISED) {
      return c;
    }
    PublicNotice exitNotice = new PublicNotice(proposed.plusDays(2), proposed.plusDays(6), VILLAGE_GROUP, List.of(),
        Optional.empty(), Optional.empty());
    e = e.withNotice(exitNotice);
    c = next(c, CaseState.ELIMINATION_IN_NOTICE).withElimination(e);
    if (stage == Stage.ELIMINATION_IN_NOTICE) {
      return c;
    }
    e = e.withNotice(new PublicNotice(exitNotice.startsOn(), exitNotice.lastDay(), VILLAGE_GROUP, List.of(),
        Optional.of(proposed.plusDays(7)), Optional.of(VILLAGE_GROUP_OTHER)));
    c = next(c, CaseState.ELIMINATION_AWAITING_TOWNSHIP).withElimination(e);
    if (stage == Stage.ELIMINATION_NOTICE_CLOSED) {
      return c;
    }
    e = e.withVerification(new TownshipVerification(proposed.plusDays(8), TOWNSHIP_OFFICER, true, "核查属实"));
    c = next(c, CaseState.ELIMINATION_AWAITING_COUNTY).withElimination(e);
    if (stage == Stage.ELIMINATION_VERIFIED) {
      return c;
    }
    LocalDate decided = proposed.plusDays(9);
    if (stage == Stage.ELIMINATION_REFUSED) {
      return next(c, CaseState.CONFIRMED).withElimination(e.withDecision(
          new EliminationDecision(decided, COUNTY_OFFICER, false, "抽查收入不稳定")));
    }
    GradualExit exit = new GradualExit(decided.plusDays(1), 6, decided.plusMonths(6), false);
    c = next(c, CaseState.GRADUAL_EXIT)
        .withElimination(e.withDecision(new EliminationDecision(decided, COUNTY_OFFICER, true, "抽查一致")))
        .withExit(exit);
    if (stage == Stage.ELIMINATED) {
      return c;
    }
    if (stage == Stage.RELAPSED) {
      // A new risk during the exit: monitoring resumes; the same risk returning marks the elimination early.
      return next(c, CaseState.CONFIRMED)
          .withExit(Optional.empty())
          .withSignals(append(c.signals(), new SignalRef(Channel.GRID_SCREENING, "grid-" + householdId,
              exit.startsOn().plusMonths(2), exit.startsOn().plusMonths(2), Set.of(RiskType.ILLNESS))))
          .withEarlyElimination(true)
          .withRelapses(c.relapses() + 1);
    }
    c = next(c, CaseState.CLOSED).withClosedOn(exit.endsOn().plusDays(1));
    if (stage == Stage.CLOSED) {
      return c;
    }
    // A later case of the same household, opened after closing, following the closed one.
    LocalDate reopened = exit.endsOn().plusMonths(4);
    return at(Stage.CONFIRMED, householdId, reopened, monthsMonitored)
        .withId("case-" + householdId + "-2")
        .withPreviousCaseId(c.id())
        .withEarlyElimination(true);
  }

  private static MonitoringCase next(MonitoringCase c, CaseState state) {
    return c.withState(state).withVersion(c.version() + 1);
  }

  private static PublicNotice withObjections(PublicNotice n, Objection... objections) {
    return new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), List.of(objections), n.closedOn(),
        n.closedBy());
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> all = new ArrayList<>(list);
    all.add(item);
    return all;
  }

  private static Measure measure(int number, MeasureType type, MeasureStatus status, LocalDate confirmed,
      Optional<LocalDate> endsOn) {
    Measure.Builder b = Measure.builder()
        .number(number)
        .type(type)
        .department("县乡村振兴局")
        .cadreId(CADRE.id())
        .plannedOn(confirmed.plusDays(1))
        .endsOn(endsOn)
        .status(status)
        .plannedBy(CADRE);
    if (status.isImplemented()) {
      b.implementedOn(confirmed.plusDays(20)).implementedBy(CADRE).evidence("落实台账");
    }
    if (status == MeasureStatus.VERIFIED) {
      b.verifiedOn(confirmed.plusDays(30)).verifiedBy(TOWNSHIP_OFFICER);
    }
    return b.build();
  }

  private static List<FollowUp> followUps(YearMonth first, YearMonth last) {
    List<FollowUp> all = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      boolean above = m.isAfter(first);
      Money perCapita = above ? Money.ofYuan(10_000) : Money.ofFen(512_345);
      all.add(FollowUp.builder()
          .month(m)
          .recordedOn(m.atEndOfMonth())
          .by(CADRE)
          .incomeLast12Months(perCapita.times(4))
          .rigidExpenditure(above ? Money.ZERO : Money.ofYuan(30_000))
          .perCapitaIncome(perCapita)
          .incomeAboveLine(above)
          .stillAtRisk(!above)
          .build());
    }
    return all;
  }
}
