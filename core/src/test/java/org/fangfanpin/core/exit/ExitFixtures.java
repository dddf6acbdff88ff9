package org.fangfanpin.core.exit;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.review.PolicyLookup;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * Cases, households and actors for the exit tests, free of any store: a lifted household of
 * Danfeng county confirmed on 2025-03-13 for illness, with two implemented measures and a
 * follow-up above the line for every month from March to August 2025, and an elimination walked by
 * the rules themselves on a timetable of September 2025.
 */
final class ExitFixtures {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");
  static final String HOUSEHOLD_ID = "6110221002010001";

  static final Actor VILLAGE_GROUP = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor VILLAGE_GROUP_OTHER = Actor.of("vwg-a1-2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor VILLAGE_GROUP_A2 =
      Actor.of("vwg-a2", Role.VILLAGE_WORKING_GROUP, AreaCode.of("611022100202"));
  static final Actor GRID_WORKER = Actor.of("grid-a1", Role.GRID_WORKER, VILLAGE_A1);
  static final Actor CADRE = Actor.of("cadre-1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor TOWNSHIP_OFFICER = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  static final Actor TOWNSHIP_HEAD = Actor.of("head-a", Role.TOWNSHIP_HEAD, TOWNSHIP_A);
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final Actor COUNTY_OFFICER_OTHER = Actor.of("county-2", Role.COUNTY_OFFICE, COUNTY);

  static final PolicyParameters POLICY = PolicyParameters.builder().build();
  static final PolicyLookup POLICIES = (area, day) -> POLICY;

  /** The day the county confirmed the case. */
  static final LocalDate CONFIRMED = LocalDate.of(2025, 3, 13);
  /** Six months later: the first day elimination may be proposed under the national default. */
  static final LocalDate EARLIEST = LocalDate.of(2025, 9, 13);
  static final LocalDate PROPOSED = LocalDate.of(2025, 9, 15);
  static final LocalDate APPRAISED = LocalDate.of(2025, 9, 16);
  static final LocalDate NOTICE_STARTS = LocalDate.of(2025, 9, 17);
  /** Five days of notice: the 17th to the 21st. */
  static final LocalDate NOTICE_LAST_DAY = LocalDate.of(2025, 9, 21);
  static final LocalDate NOTICE_CLOSED = LocalDate.of(2025, 9, 22);
  static final LocalDate VERIFIED = LocalDate.of(2025, 9, 23);
  static final LocalDate DECIDED = LocalDate.of(2025, 9, 24);
  /** The day the rules are asked on, after every step. */
  static final LocalDate TODAY = LocalDate.of(2025, 9, 30);

  private ExitFixtures() {}

  /** A lifted household of four, two of them able to work, 40,000 yuan a year, every need secure. */
  static Household household() {
    return household(HOUSEHOLD_ID, VILLAGE_A1, 2, Money.ofYuan(40_000), Set.of(), Set.of());
  }

  /** A household of four with the given workers, income, unmet needs and focus flags. */
  static Household household(String id, AreaCode village, int workers, Money income, Set<BasicNeed> unmet,
      Set<FocusFlag> flags) {
    return Household.builder()
        .id(id)
        .area(village)
        .status(HouseholdStatus.LIFTED)
        .head(residentId(id))
        .memberCount(4)
        .workers(workers)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(income)
        .previousYearIncome(Money.ofYuan(30_000))
        .rigidExpenditure(Money.ZERO)
        .unmetNeeds(unmet)
        .focusFlags(flags)
        .build();
  }

  /** The case confirmed on {@link #CONFIRMED}, with the standard plan and follow-ups. */
  static MonitoringCase confirmed() {
    return confirmed("case-1", HOUSEHOLD_ID, VILLAGE_A1);
  }

  /** A case of the household confirmed on {@link #CONFIRMED}, with the standard plan and follow-ups. */
  static MonitoringCase confirmed(String id, String householdId, AreaCode village) {
    LocalDate opened = CONFIRMED.minusDays(10);
    return MonitoringCase.builder()
        .id(id)
        .householdId(householdId)
        .area(village)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(CaseState.CONFIRMED)
        .version(1)
        .openedOn(opened)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + id, opened, opened, Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .screeningVisit(new ScreeningVisit(opened.plusDays(1), VILLAGE_GROUP, true, true, "因病致贫风险属实"))
        .appraisal(new Appraisal(opened.plusDays(2), VILLAGE_GROUP, 20, 16, 2, true, "同意纳入"))
        .notice(new PublicNotice(opened.plusDays(3), opened.plusDays(7), VILLAGE_GROUP, List.of(),
            Optional.of(opened.plusDays(8)), Optional.of(VILLAGE_GROUP)))
        .verification(new TownshipVerification(opened.plusDays(9), TOWNSHIP_OFFICER, true, "核查属实"))
        .decision(new CountyDecision(CONFIRMED, COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
            Set.of(RiskType.ILLNESS), ""))
        .addCadreIds(CADRE.id())
        .measures(List.of(
            measure(1, MeasureType.EMPLOYMENT, MeasureStatus.VERIFIED, Optional.empty()),
            measure(2, MeasureType.MEDICAL, MeasureStatus.IMPLEMENTED, Optional.empty())))
        .followUps(followUps(YearMonth.of(2025, 3), YearMonth.of(2025, 8), true))
        .build();
  }

  /** A measure planned on the day after the confirmation, with the status and end date. */
  static Measure measure(int number, MeasureType type, MeasureStatus status, Optional<LocalDate> endsOn) {
    Measure.Builder b = Measure.builder()
        .number(number)
        .type(type)
        .department("县乡村振兴局")
        .cadreId(CADRE.id())
        .plannedOn(CONFIRMED.plusDays(1))
        .endsOn(endsOn)
        .status(status)
        .plannedBy(CADRE);
    if (status.isImplemented()) {
      b.implementedOn(CONFIRMED.plusDays(20)).implementedBy(CADRE).evidence("落实台账");
    }
    if (status == MeasureStatus.VERIFIED) {
      b.verifiedOn(CONFIRMED.plusDays(30)).verifiedBy(TOWNSHIP_OFFICER);
    }
    return b.build();
  }

  /** One follow-up for each month from {@code first} to {@code last}, all above or all below the line. */
  static List<FollowUp> followUps(YearMonth first, YearMonth last, boolean aboveLine) {
    List<FollowUp> all = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      all.add(followUp(m, m.atEndOfMonth(), aboveLine));
    }
    return all;
  }

  /** The follow-up of a month, recorded on the day. */
  static FollowUp followUp(YearMonth month, LocalDate recordedOn, boolean aboveLine) {
    Money perCapita = aboveLine ? Money.ofYuan(10_000) : Money.ofYuan(5_000);
    return FollowUp.builder()
        .month(month)
        .recordedOn(recordedOn)
        .by(CADRE)
        .incomeLast12Months(perCapita.times(4))
        .rigidExpenditure(Money.ZERO)
        .perCapitaIncome(perCapita)
        .incomeAboveLine(aboveLine)
        .stillAtRisk(!aboveLine)
        .build();
  }

  static EliminationProposal proposal() {
    return proposal(PROPOSED);
  }

  static EliminationProposal proposal(LocalDate visitedOn) {
    return new EliminationProposal(visitedOn, VILLAGE_GROUP, "务工收入稳定，医疗费用已报销");
  }

  static Appraisal appraisal(boolean agreed) {
    return agreed
        ? new Appraisal(APPRAISED, VILLAGE_GROUP, 24, 20, 1, true, "同意标注风险消除")
        : new Appraisal(APPRAISED, VILLAGE_GROUP, 24, 4, 18, false, "收入尚不稳定，不同意");
  }

  static TownshipVerification verification(boolean upheld) {
    return new TownshipVerification(VERIFIED, TOWNSHIP_OFFICER, upheld, upheld ? "入户核实，措施已落实" : "措施落实不到位");
  }

  static EliminationDecision elimination() {
    return new EliminationDecision(DECIDED, COUNTY_OFFICER, true, "行业部门数据比对无异常");
  }

  static EliminationDecision refusal(String note) {
    return new EliminationDecision(DECIDED, COUNTY_OFFICER, false, note);
  }

  static MonitoringCase proposed(MonitoringCase confirmed, Household h) {
    return accepted(EliminationRules.propose(confirmed, proposal(), h, TODAY, POLICIES));
  }

  static MonitoringCase proposed() {
    return proposed(confirmed(), household());
  }

  static MonitoringCase awaitingNotice() {
    return accepted(EliminationRules.appraise(proposed(), appraisal(true), TODAY));
  }

  static MonitoringCase inNotice() {
    return accepted(EliminationRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY, POLICIES));
  }

  static MonitoringCase awaitingTownship() {
    return accepted(EliminationRules.closeNotice(inNotice(), VILLAGE_GROUP, NOTICE_CLOSED, TODAY));
  }

  static MonitoringCase awaitingCounty() {
    return accepted(EliminationRules.verify(awaitingTownship(), verification(true), TODAY));
  }

  static MonitoringCase inGradualExit() {
    return accepted(EliminationRules.decide(awaitingCounty(), elimination(), household(), TODAY, POLICIES));
  }

  /** The case after an accepted move; fails the test on a rejection. */
  static MonitoringCase accepted(Either<Rejection, Transition> result) {
    return result.getOrElseThrow(r -> new AssertionError("expected the move to be accepted: " + r)).after();
  }

  /** A valid resident ID of a Danfeng resident born in 1970, derived from the household id. */
  static ResidentId residentId(String householdId) {
    String body = "611022" + "19700101" + String.format("%03d", Math.floorMod(householdId.hashCode(), 1000));
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return ResidentId.parse("head_id_number", body + "10X98765432".charAt(sum % 11)).get();
  }
}
