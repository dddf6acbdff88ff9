package org.fangfanpin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.exit.ExitFixtures.APPRAISED;
import static org.fangfanpin.core.exit.ExitFixtures.CONFIRMED;
import static org.fangfanpin.core.exit.ExitFixtures.COUNTY_OFFICER;
import static org.fangfanpin.core.exit.ExitFixtures.COUNTY_OFFICER_OTHER;
import static org.fangfanpin.core.exit.ExitFixtures.DECIDED;
import static org.fangfanpin.core.exit.ExitFixtures.EARLIEST;
import static org.fangfanpin.core.exit.ExitFixtures.GRID_WORKER;
import static org.fangfanpin.core.exit.ExitFixtures.HOUSEHOLD_ID;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_CLOSED;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_LAST_DAY;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_STARTS;
import static org.fangfanpin.core.exit.ExitFixtures.POLICIES;
import static org.fangfanpin.core.exit.ExitFixtures.POLICY;
import static org.fangfanpin.core.exit.ExitFixtures.PROPOSED;
import static org.fangfanpin.core.exit.ExitFixtures.TODAY;
import static org.fangfanpin.core.exit.ExitFixtures.TOWNSHIP_HEAD;
import static org.fangfanpin.core.exit.ExitFixtures.TOWNSHIP_OFFICER;
import static org.fangfanpin.core.exit.ExitFixtures.VERIFIED;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_A1;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_GROUP;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_GROUP_A2;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_GROUP_OTHER;
import static org.fangfanpin.core.exit.ExitFixtures.accepted;
import static org.fangfanpin.core.exit.ExitFixtures.appraisal;
import static org.fangfanpin.core.exit.ExitFixtures.awaitingCounty;
import static org.fangfanpin.core.exit.ExitFixtures.awaitingNotice;
import static org.fangfanpin.core.exit.ExitFixtures.awaitingTownship;
import static org.fangfanpin.core.exit.ExitFixtures.confirmed;
import static org.fangfanpin.core.exit.ExitFixtures.elimination;
import static org.fangfanpin.core.exit.ExitFixtures.followUp;
import static org.fangfanpin.core.exit.ExitFixtures.followUps;
import static org.fangfanpin.core.exit.ExitFixtures.household;
import static org.fangfanpin.core.exit.ExitFixtures.inGradualExit;
import static org.fangfanpin.core.exit.ExitFixtures.inNotice;
import static org.fangfanpin.core.exit.ExitFixtures.measure;
import static org.fangfanpin.core.exit.ExitFixtures.proposal;
import static org.fangfanpin.core.exit.ExitFixtures.proposed;
import static org.fangfanpin.core.exit.ExitFixtures.refusal;
import static org.fangfanpin.core.exit.ExitFixtures.verification;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.review.PolicyLookup;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every move of the elimination review and every blocker at and around its boundary. */
class EliminationRulesTest {

  static Rejection rejected(Either<Rejection, Transition> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    return result.getLeft();
  }

  static Transition transition(Either<Rejection, Transition> result) {
    assertThat(result.isRight()).as("expected the move to be accepted, got %s", result).isTrue();
    return result.get();
  }

  static Either<Rejection, Transition> propose(MonitoringCase c, Household h, LocalDate on) {
    return EliminationRules.propose(c, proposal(on), h, TODAY, POLICIES);
  }

  static Either<Rejection, Transition> propose(MonitoringCase c, Household h) {
    return propose(c, h, PROPOSED);
  }

  static PolicyLookup policy(PolicyParameters p) {
    return (area, day) -> p;
  }

  @Nested
  class Proposals {

    @Test
    void movesAConfirmedCaseToTheAppraisalWithTheProposalAndAnEvent() {
      Transition t = transition(propose(confirmed(), household()));

      assertThat(t.after().state()).isEqualTo(CaseState.ELIMINATION_PROPOSED);
      assertThat(t.after().version()).isEqualTo(2);
      assertThat(t.after().elimination()).hasValueSatisfying(e -> {
        assertThat(e.proposal()).isEqualTo(proposal());
        assertThat(e.appraisal()).isEmpty();
        assertThat(e.decision()).isEmpty();
      });
      assertThat(t.action()).isEqualTo(ExitActions.PROPOSAL).isEqualTo("exit.proposal");
      assertThat(t.actor()).isEqualTo(VILLAGE_GROUP);
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.ELIMINATION_PROPOSED);
        assertThat(e.attributes()).containsExactly(Map.entry("visitedOn", "2025-09-15"));
      });
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CONFIRMED"}, mode = EnumSource.Mode.EXCLUDE)
    void isRefusedUnlessTheCaseIsConfirmed(CaseState state) {
      rejected(propose(confirmed().withState(state), household()), "review.wrong_state");
    }

    @Test
    void isMadeByTheVillageWorkingGroupOfTheHouseholdsVillage() {
      rejected(EliminationRules.propose(confirmed(), new EliminationProposal(PROPOSED, GRID_WORKER, "收入稳定"),
          household(), TODAY, POLICIES), "actor.role_not_allowed");
      rejected(EliminationRules.propose(confirmed(), new EliminationProposal(PROPOSED, VILLAGE_GROUP_A2, "收入稳定"),
          household(), TODAY, POLICIES), "actor.outside_jurisdiction");
    }

    @Test
    void isRefusedOnADayAfterTodayOrBeforeTheConfirmation() {
      rejected(EliminationRules.propose(confirmed(), proposal(TODAY.plusDays(1)), household(), TODAY, POLICIES),
          "review.date_out_of_order");
      PolicyLookup noLimits = policy(PolicyParameters.builder().eliminationMinMonthsSinceConfirmation(0)
          .eliminationStableIncomeMonths(0).build());
      rejected(EliminationRules.propose(confirmed(), proposal(CONFIRMED.minusDays(1)), household(), TODAY, noLimits),
          "review.date_out_of_order");
      transition(EliminationRules.propose(confirmed(), proposal(CONFIRMED), household(), TODAY, noLimits));
    }

    @Test
    void needsAFindingWithoutPersonalNumbers() {
      rejected(EliminationRules.propose(confirmed(), new EliminationProposal(PROPOSED, VILLAGE_GROUP, " "),
          household(), TODAY, POLICIES), "input.invalid");
      rejected(EliminationRules.propose(confirmed(), new EliminationProposal(PROPOSED, VILLAGE_GROUP,
          "户主电话 13912345678"), household(), TODAY, POLICIES), "input.invalid");
    }

    @Test
    void replacesARefusedEliminationKeptOnTheCase() {
      MonitoringCase refused = accepted(EliminationRules.appraise(proposed(), appraisal(false), TODAY));
      assertThat(refused.elimination().flatMap(e -> e.appraisal())).isPresent();

      MonitoringCase again = accepted(EliminationRules.propose(refused, proposal(TODAY), household(), TODAY,
          POLICIES));
      assertThat(again.elimination()).hasValueSatisfying(e -> {
        assertThat(e.proposal().visitedOn()).isEqualTo(TODAY);
        assertThat(e.appraisal()).isEmpty();
      });
    }

    @Test
    void failsLoudlyWhenGivenAnotherHousehold() {
      Household other = ExitFixtures.household("6110221002010099", VILLAGE_A1, 2, Money.ofYuan(40_000), Set.of(),
          Set.of());
      assertThatThrownBy(() -> propose(confirmed(), other)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class TimeSinceConfirmation {

    /** Only the time rule: no follow-ups needed. */
    final PolicyLookup onlyTime = policy(PolicyParameters.builder().eliminationStableIncomeMonths(0).build());

    @Test
    void refusesTheDayBeforeSixMonthsHavePassedAndAcceptsTheDayThey() {
      Rejection r = rejected(EliminationRules.propose(confirmed(), proposal(EARLIEST.minusDays(1)), household(),
          TODAY, onlyTime), "exit.too_soon");
      assertThat(r.en()).contains("2025-03-13").contains("2025-09-13");
      transition(EliminationRules.propose(confirmed(), proposal(EARLIEST), household(), TODAY, onlyTime));
    }

    @ParameterizedTest
    @CsvSource({"0, 2025-03-13, true", "1, 2025-04-12, false", "1, 2025-04-13, true", "12, 2026-03-12, false",
        "12, 2026-03-13, true"})
    void countsThePolicysMonths(int months, LocalDate on, boolean allowed) {
      PolicyLookup p = policy(PolicyParameters.builder().eliminationMinMonthsSinceConfirmation(months)
          .eliminationStableIncomeMonths(0).build());
      Either<Rejection, Transition> result = EliminationRules.propose(confirmed(), proposal(on), household(),
          on, p);
      if (allowed) {
        transition(result);
      } else {
        rejected(result, "exit.too_soon");
      }
    }

    @Test
    void countsToTheLastDayOfAShorterMonth() {
      MonitoringCase endOfAugust = confirmed().withDecision(new CountyDecision(LocalDate.of(2025, 8, 31),
          COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), ""));
      PolicyLookup p = policy(PolicyParameters.builder().eliminationStableIncomeMonths(0).build());

      rejected(EliminationRules.propose(endOfAugust, proposal(LocalDate.of(2026, 2, 27)), household(),
          LocalDate.of(2026, 3, 1), p), "exit.too_soon");
      transition(EliminationRules.propose(endOfAugust, proposal(LocalDate.of(2026, 2, 28)), household(),
          LocalDate.of(2026, 3, 1), p));
    }
  }

  @Nested
  class StableIncome {

    @Test
    void acceptsAFollowUpAboveTheLineInEachOfTheSixMonthsBeforeTheMonthOfTheVisit() {
      assertThat(confirmed().followUps()).extracting(FollowUp::month)
          .containsExactly(YearMonth.of(2025, 3), YearMonth.of(2025, 4), YearMonth.of(2025, 5), YearMonth.of(2025, 6),
              YearMonth.of(2025, 7), YearMonth.of(2025, 8));
      transition(propose(confirmed(), household()));
    }

    @Test
    void refusesWhenTheOldestMonthOfTheWindowHasNoFollowUp() {
      MonitoringCase c = confirmed().withFollowUps(followUps(YearMonth.of(2025, 4), YearMonth.of(2025, 9), true));

      Rejection r = rejected(propose(c, household()), "exit.income_not_stable");
      assertThat(r.en()).contains("2025-03").doesNotContain("2025-04");
    }

    @Test
    void refusesWhenAMonthInTheWindowShowsIncomeBelowTheLine() {
      List<FollowUp> followUps = new ArrayList<>(confirmed().followUps());
      followUps.set(5, followUp(YearMonth.of(2025, 8), LocalDate.of(2025, 8, 31), false));

      Rejection r = rejected(propose(confirmed().withFollowUps(followUps), household()), "exit.income_not_stable");
      assertThat(r.zh()).contains("2025-08");
    }

    @Test
    void ignoresTheMonthOfTheVisitAndTheMonthsBeforeTheWindow() {
      List<FollowUp> followUps = new ArrayList<>(confirmed().followUps());
      followUps.add(0, followUp(YearMonth.of(2025, 2), LocalDate.of(2025, 2, 28), false));
      followUps.add(followUp(YearMonth.of(2025, 9), LocalDate.of(2025, 9, 10), false));

      transition(propose(confirmed().withFollowUps(followUps), household()));
    }

    @Test
    void takesTheLatestRecordedFollowUpOfAMonth() {
      List<FollowUp> corrected = new ArrayList<>(confirmed().followUps());
      corrected.add(followUp(YearMonth.of(2025, 7), LocalDate.of(2025, 8, 5), false));
      rejected(propose(confirmed().withFollowUps(corrected), household()), "exit.income_not_stable");

      List<FollowUp> correctedBack = new ArrayList<>(confirmed().followUps());
      correctedBack.add(0, followUp(YearMonth.of(2025, 7), LocalDate.of(2025, 7, 1), false));
      transition(propose(confirmed().withFollowUps(correctedBack), household()));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "3, 3", "6, 6", "7, 6"})
    void needsExactlyThePolicysMonths(int months, int shown) {
      PolicyLookup p = policy(PolicyParameters.builder().eliminationStableIncomeMonths(months).build());
      MonitoringCase c = confirmed().withFollowUps(shown == 0 ? List.of()
          : followUps(YearMonth.of(2025, 9 - shown), YearMonth.of(2025, 8), true));

      Either<Rejection, Transition> result = EliminationRules.propose(c, proposal(), household(), TODAY, p);
      if (months <= shown) {
        transition(result);
      } else {
        rejected(result, "exit.income_not_stable");
      }
    }
  }

  @Nested
  class BasicNeeds {

    @ParameterizedTest
    @EnumSource(BasicNeed.class)
    void refusesWhileAnyBasicNeedIsNotSecure(BasicNeed need) {
      Household h = ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 2, Money.ofYuan(40_000), Set.of(need), Set.of());

      Rejection r = rejected(propose(confirmed(), h), "exit.basic_need_unmet");
      assertThat(r.zh()).contains(need.zh());
      assertThat(r.en()).contains(need.en());
    }
  }

  @Nested
  class Measures {

    @Test
    void refusesWithoutAnyMeasure() {
      rejected(propose(confirmed().withMeasures(List.of()), household()), "exit.no_measure_implemented");
    }

    @Test
    void refusesWhenEveryMeasureIsStillPlannedNamingBothRules() {
      MonitoringCase c = confirmed().withMeasures(List.of(
          measure(1, MeasureType.EMPLOYMENT, MeasureStatus.PLANNED, Optional.empty())));

      Rejection r = rejected(propose(c, household()), "exit.no_measure_implemented");
      assertThat(r.en()).contains("exit.measure_not_implemented").contains("measures 1 ");
    }

    @Test
    void refusesWhileAMeasureThatHasNotEndedIsPlanned() {
      MonitoringCase c = withMeasure(measure(3, MeasureType.HOUSING, MeasureStatus.PLANNED, Optional.empty()));

      Rejection r = rejected(propose(c, household()), "exit.measure_not_implemented");
      assertThat(r.zh()).contains("帮扶措施 3");
    }

    @Test
    void countsAMeasureEndingOnTheDayAsNotEndedAndOneEndedTheDayBeforeAsEnded() {
      rejected(propose(withMeasure(measure(3, MeasureType.MICRO_CREDIT, MeasureStatus.PLANNED,
          Optional.of(PROPOSED))), household()), "exit.measure_not_implemented");
      transition(propose(withMeasure(measure(3, MeasureType.MICRO_CREDIT, MeasureStatus.PLANNED,
          Optional.of(PROPOSED.minusDays(1)))), household()));
    }

    @Test
    void acceptsImplementedAndVerifiedMeasuresThatContinueAfterElimination() {
      MonitoringCase c = confirmed().withMeasures(List.of(
          measure(1, MeasureType.MICRO_CREDIT, MeasureStatus.IMPLEMENTED, Optional.of(LocalDate.of(2027, 6, 30))),
          measure(2, MeasureType.EDUCATION, MeasureStatus.VERIFIED, Optional.of(LocalDate.of(2026, 7, 1)))));

      transition(propose(c, household()));
    }

    @Test
    void needsOneImplementedMeasureEvenWhenEveryOtherHasEnded() {
      MonitoringCase c = confirmed().withMeasures(List.of(
          measure(1, MeasureType.EMPLOYMENT, MeasureStatus.PLANNED, Optional.of(PROPOSED.minusDays(1)))));

      Rejection r = rejected(propose(c, household()), "exit.no_measure_implemented");
      assertThat(r.en()).doesNotContain("exit.measure_not_implemented");
    }

    private MonitoringCase withMeasure(Measure m) {
      List<Measure> measures = new ArrayList<>(confirmed().measures());
      measures.add(m);
      return confirmed().withMeasures(measures);
    }
  }

  @Nested
  class SafetyNetWithoutLabour {

    @ParameterizedTest
    @EnumSource(value = FocusFlag.class, names = {"DIBAO", "TEKUN"})
    void keepsAHouseholdWithoutWorkersOnTheSafetyNetMonitored(FocusFlag flag) {
      Rejection r = rejected(propose(confirmed(), withoutWorkers(Set.of(flag))), "exit.safety_net_without_labour");
      assertThat(r.zh()).contains("继续监测");
    }

    @ParameterizedTest
    @EnumSource(value = MeasureType.class, names = {"DIBAO", "TEKUN"})
    void countsASafetyNetMeasureThatHasNotEnded(MeasureType type) {
      MonitoringCase onIt = confirmed().withMeasures(List.of(
          measure(1, type, MeasureStatus.IMPLEMENTED, Optional.of(PROPOSED))));
      MonitoringCase offIt = confirmed().withMeasures(List.of(
          measure(1, MeasureType.EMPLOYMENT, MeasureStatus.IMPLEMENTED, Optional.empty()),
          measure(2, type, MeasureStatus.IMPLEMENTED, Optional.of(PROPOSED.minusDays(1)))));

      rejected(propose(onIt, withoutWorkers(Set.of())), "exit.safety_net_without_labour");
      transition(propose(offIt, withoutWorkers(Set.of())));
    }

    @Test
    void letsAHouseholdWithOneWorkerOnTheSafetyNetOrOneWithoutWorkersOffItGo() {
      Household oneWorker = ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 1, Money.ofYuan(40_000), Set.of(),
          Set.of(FocusFlag.DIBAO, FocusFlag.TEKUN));
      transition(propose(confirmed(), oneWorker));
      transition(propose(confirmed(), withoutWorkers(Set.of(FocusFlag.ELDERLY))));
    }

    private Household withoutWorkers(Set<FocusFlag> flags) {
      return ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 0, Money.ofYuan(40_000), Set.of(), flags);
    }
  }

  @Nested
  class EveryBlockerAtOnce {

    @Test
    void namesTheFirstBlockersCodeAndListsEveryBlockerInTheMessage() {
      MonitoringCase c = confirmed().withFollowUps(List.of()).withMeasures(List.of(
          measure(1, MeasureType.DIBAO, MeasureStatus.PLANNED, Optional.empty())));
      Household h = ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 0, Money.ofYuan(10_000),
          Set.of(BasicNeed.SAFE_HOUSING), Set.of());

      Rejection r = rejected(propose(c, h, EARLIEST.minusDays(1)), "exit.too_soon");
      for (EliminationBlocker b : EliminationBlocker.values()) {
        assertThat(r.en()).contains(b.code());
        assertThat(r.zh()).contains(b.code());
      }
      assertThat(EliminationRules.blockers(c, h, EARLIEST.minusDays(1), POLICY))
          .extracting(EliminationRules.Blocked::blocker).containsExactly(EliminationBlocker.values());
    }

    @Test
    void findsNoBlockerOnTheStandardCase() {
      assertThat(EliminationRules.blockers(confirmed(), household(), PROPOSED, POLICY)).isEmpty();
    }
  }

  @Nested
  class TheSharedSteps {

    @Test
    void recordsTheAppraisalOnTheEliminationAndMovesToTheNotice() {
      Transition t = transition(EliminationRules.appraise(proposed(), appraisal(true), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.ELIMINATION_AWAITING_NOTICE);
      assertThat(t.after().elimination().flatMap(e -> e.appraisal())).contains(appraisal(true));
      assertThat(t.after().appraisal()).isEqualTo(confirmed().appraisal());
      assertThat(t.action()).isEqualTo(ExitActions.APPRAISAL).isEqualTo("exit.appraisal");
      assertThat(t.events()).isEmpty();
    }

    @Test
    void returnsTheCaseToMonitoringWhenTheAppraisalRefusesKeepingTheElimination() {
      Transition t = transition(EliminationRules.appraise(proposed(), appraisal(false), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(t.after().dismissal()).isEmpty();
      assertThat(t.after().elimination().flatMap(e -> e.appraisal())).contains(appraisal(false));
      assertThat(t.events()).isEmpty();
    }

    @Test
    void checksTheAppraisalLikeRecognitionDoes() {
      rejected(EliminationRules.appraise(confirmed(), appraisal(true), TODAY), "review.wrong_state");
      rejected(EliminationRules.appraise(proposed(), new Appraisal(APPRAISED, VILLAGE_GROUP, 10, 8, 5, true, "通过"),
          TODAY), "review.appraisal_votes");
      Rejection r = rejected(EliminationRules.appraise(proposed(), new Appraisal(PROPOSED.minusDays(1), VILLAGE_GROUP,
          10, 8, 1, true, "通过"), TODAY), "review.date_out_of_order");
      assertThat(r.en()).contains("elimination home visit");
    }

    @Test
    void postsTheNoticeForTheEliminationNoticeDaysAndSaysWhichReview() {
      Transition t = transition(EliminationRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY,
          POLICIES));

      assertThat(t.after().state()).isEqualTo(CaseState.ELIMINATION_IN_NOTICE);
      assertThat(t.after().elimination().flatMap(e -> e.notice())).hasValueSatisfying(n -> {
        assertThat(n.startsOn()).isEqualTo(NOTICE_STARTS);
        assertThat(n.lastDay()).isEqualTo(NOTICE_LAST_DAY);
      });
      assertThat(t.after().notice()).isEqualTo(confirmed().notice());
      assertThat(t.action()).isEqualTo(ExitActions.NOTICE_START);
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.NOTICE_STARTED);
        assertThat(e.attributes()).containsExactly(Map.entry("startsOn", "2025-09-17"),
            Map.entry("lastDay", "2025-09-21"), Map.entry("review", "elimination"));
      });
    }

    @Test
    void readsTheEliminationNoticeDaysNotTheRecognitionOnes() {
      PolicyLookup p = policy(PolicyParameters.builder().eliminationNoticeDays(7).recognitionNoticeDays(3).build());

      MonitoringCase c = accepted(EliminationRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY,
          p));
      assertThat(c.elimination().get().notice().get().lastDay()).isEqualTo(NOTICE_STARTS.plusDays(6));
    }

    @Test
    void takesObjectionsAndTheirAnswersAndClosesOnlyAfterTheLastDay() {
      Transition filed = transition(EliminationRules.fileObjection(inNotice(), VILLAGE_GROUP_OTHER,
          NOTICE_STARTS.plusDays(1), "有村民反映其务工已中断", TODAY));
      assertThat(filed.action()).isEqualTo(ExitActions.OBJECTION_FILED);
      assertThat(filed.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.OBJECTION_FILED);
        assertThat(e.attributes()).containsExactly(Map.entry("number", "1"), Map.entry("filedOn", "2025-09-18"),
            Map.entry("review", "elimination"));
      });
      rejected(EliminationRules.closeNotice(filed.after(), VILLAGE_GROUP, NOTICE_CLOSED, TODAY),
          "review.objections_unanswered");

      Transition answered = transition(EliminationRules.answerObjection(filed.after(), 1, VILLAGE_GROUP,
          NOTICE_STARTS.plusDays(2), "经核实已在县城稳定务工", TODAY));
      assertThat(answered.action()).isEqualTo(ExitActions.OBJECTION_ANSWERED);
      rejected(EliminationRules.closeNotice(answered.after(), VILLAGE_GROUP, NOTICE_LAST_DAY, TODAY),
          "review.notice_still_running");

      Transition closed = transition(EliminationRules.closeNotice(answered.after(), VILLAGE_GROUP, NOTICE_CLOSED,
          TODAY));
      assertThat(closed.after().state()).isEqualTo(CaseState.ELIMINATION_AWAITING_TOWNSHIP);
      assertThat(closed.action()).isEqualTo(ExitActions.NOTICE_CLOSE);
      assertThat(closed.after().elimination().get().notice().get().closedOn()).contains(NOTICE_CLOSED);
    }

    @Test
    void refusesAnObjectionAfterTheNoticesLastDay() {
      rejected(EliminationRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_LAST_DAY.plusDays(1), "异议", TODAY),
          "review.objection_outside_notice");
    }

    @Test
    void verifiesForTheTownshipByNoOneWhoActedOnTheElimination() {
      Transition t = transition(EliminationRules.verify(awaitingTownship(), verification(true), TODAY));
      assertThat(t.after().state()).isEqualTo(CaseState.ELIMINATION_AWAITING_COUNTY);
      assertThat(t.action()).isEqualTo(ExitActions.TOWNSHIP_VERIFICATION);
      assertThat(t.after().verification()).isEqualTo(confirmed().verification());

      Actor proposerAsTownship = Actor.of(VILLAGE_GROUP.id(), Role.TOWNSHIP_HEAD, TOWNSHIP_HEAD.jurisdiction());
      rejected(EliminationRules.verify(awaitingTownship(), new TownshipVerification(VERIFIED, proposerAsTownship,
          true, "核实"), TODAY), "actor.same_as_proposer");
    }

    @Test
    void letsTheTownshipOfficerWhoVerifiedTheRecognitionVerifyTheEliminationToo() {
      assertThat(confirmed().verification().get().by()).isEqualTo(TOWNSHIP_OFFICER);
      transition(EliminationRules.verify(awaitingTownship(), verification(true), TODAY));
    }

    @Test
    void returnsTheCaseToMonitoringWhenTheTownshipDoesNotUphold() {
      Transition t = transition(EliminationRules.verify(awaitingTownship(), verification(false), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(t.after().elimination().get().verification()).contains(verification(false));
      assertThat(t.action()).isEqualTo(ExitActions.TOWNSHIP_VERIFICATION);
    }

    @Test
    void refusesTheRecognitionStepsOnAnEliminationState() {
      rejected(EliminationRules.verify(proposed(), verification(true), TODAY), "review.wrong_state");
      rejected(EliminationRules.closeNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_CLOSED, TODAY),
          "review.wrong_state");
    }
  }

  @Nested
  class CountyDecisions {

    @Test
    void eliminatesTheRiskAndStartsTheGradualExitTheDayAfter() {
      Transition t = transition(EliminationRules.decide(awaitingCounty(), elimination(), household(), TODAY,
          POLICIES));

      assertThat(t.after().state()).isEqualTo(CaseState.GRADUAL_EXIT);
      assertThat(t.after().elimination().get().decision()).contains(elimination());
      assertThat(t.after().exit()).contains(new GradualExit(LocalDate.of(2025, 9, 25), 6, LocalDate.of(2026, 3, 24),
          false));
      assertThat(t.action()).isEqualTo(ExitActions.COUNTY_DECISION).isEqualTo("exit.county_decision");
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.RISK_ELIMINATED);
        assertThat(e.attributes()).containsExactly(Map.entry("decidedOn", "2025-09-24"),
            Map.entry("exitStartsOn", "2025-09-25"), Map.entry("exitEndsOn", "2026-03-24"),
            Map.entry("exitMonths", "6"), Map.entry("dibaoRule", "false"));
      });
    }

    @Test
    void returnsTheCaseToMonitoringWhenTheCountyRefusesWithANote() {
      Transition t = transition(EliminationRules.decide(awaitingCounty(), refusal("部门比对发现务工收入中断"), household(),
          TODAY, POLICIES));

      assertThat(t.after().state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(t.after().exit()).isEmpty();
      assertThat(t.after().elimination().get().decision()).contains(refusal("部门比对发现务工收入中断"));
      assertThat(t.events()).isEmpty();
      rejected(EliminationRules.decide(awaitingCounty(), refusal(""), household(), TODAY, POLICIES), "input.invalid");
    }

    @Test
    void refusesAnEliminationWhenABlockerStandsOnTheDecisionsDay() {
      MonitoringCase c = awaitingCounty();
      List<Measure> measures = new ArrayList<>(c.measures());
      measures.add(measure(3, MeasureType.HOUSING, MeasureStatus.PLANNED, Optional.empty()));

      rejected(EliminationRules.decide(c.withMeasures(measures), elimination(), household(), TODAY, POLICIES),
          "exit.measure_not_implemented");
      transition(EliminationRules.decide(c.withMeasures(measures), refusal("住房措施未落实"), household(), TODAY,
          POLICIES));
    }

    @Test
    void checksTheMonthsSinceConfirmationOnTheDecisionsDay() {
      PolicyLookup sevenMonths = policy(PolicyParameters.builder().eliminationMinMonthsSinceConfirmation(7)
          .eliminationStableIncomeMonths(0).build());
      MonitoringCase c = awaitingCounty();

      rejected(EliminationRules.decide(c, elimination(), household(), TODAY, sevenMonths), "exit.too_soon");
    }

    @Test
    void isMadeByACountyOfficerWhoActedOnNoEarlierStepOfTheElimination() {
      rejected(EliminationRules.decide(awaitingCounty(), new EliminationDecision(DECIDED, TOWNSHIP_OFFICER, true, ""),
          household(), TODAY, POLICIES), "actor.role_not_allowed");
      Actor verifierAsCounty = Actor.of(TOWNSHIP_OFFICER.id(), Role.COUNTY_OFFICE, COUNTY_OFFICER.jurisdiction());
      rejected(EliminationRules.decide(awaitingCounty(), new EliminationDecision(DECIDED, verifierAsCounty, true, ""),
          household(), TODAY, POLICIES), "actor.same_as_proposer");
      Actor proposerAsCounty = Actor.of(VILLAGE_GROUP.id(), Role.COUNTY_OFFICE, COUNTY_OFFICER.jurisdiction());
      rejected(EliminationRules.decide(awaitingCounty(), new EliminationDecision(DECIDED, proposerAsCounty, true, ""),
          household(), TODAY, POLICIES), "actor.same_as_proposer");
      transition(EliminationRules.decide(awaitingCounty(), new EliminationDecision(DECIDED, COUNTY_OFFICER_OTHER, true,
          ""), household(), TODAY, POLICIES));
    }

    @Test
    void isRefusedBeforeTheVerificationOrAfterToday() {
      rejected(EliminationRules.decide(awaitingCounty(), new EliminationDecision(VERIFIED.minusDays(1), COUNTY_OFFICER,
          true, ""), household(), TODAY, POLICIES), "review.date_out_of_order");
      rejected(EliminationRules.decide(awaitingCounty(), new EliminationDecision(TODAY.plusDays(1), COUNTY_OFFICER,
          true, ""), household(), TODAY, POLICIES), "review.date_out_of_order");
      rejected(EliminationRules.decide(awaitingTownship(), elimination(), household(), TODAY, POLICIES),
          "review.wrong_state");
    }
  }

  @Nested
  class GradualExits {

    final LocalDate decided = LocalDate.of(2025, 9, 24);

    @Test
    void lastsTheDefaultSixMonthsForAHouseholdNotOnDibao() {
      GradualExit e = EliminationRules.gradualExit(household(), decided, POLICY);

      assertThat(e).isEqualTo(new GradualExit(LocalDate.of(2025, 9, 25), 6, LocalDate.of(2026, 3, 24), false));
    }

    @Test
    void lastsTwelveMonthsForADibaoHouseholdWhosePerCapitaIncomeIsWithinOneAndAHalfDibaoLines() {
      // 6,000 yuan line × 1.5 = 9,000 yuan per person; four members.
      GradualExit e = EliminationRules.gradualExit(dibao(Money.ofYuan(36_000)), decided, POLICY);

      assertThat(e).isEqualTo(new GradualExit(LocalDate.of(2025, 9, 25), 12, LocalDate.of(2026, 9, 24), true));
    }

    @ParameterizedTest
    @CsvSource({"3600000, 12", "3600003, 12", "3600004, 6", "0, 12", "3599999, 12"})
    void roundsThePerCapitaIncomeDownToTheFenAtTheBoundary(long incomeFen, int months) {
      GradualExit e = EliminationRules.gradualExit(dibao(Money.ofFen(incomeFen)), decided, POLICY);

      assertThat(e.months()).isEqualTo(months);
      assertThat(e.dibaoRule()).isEqualTo(months == 12);
    }

    @Test
    void takesTheDefaultForALowIncomeHouseholdNotOnDibao() {
      Household tekun = ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 2, Money.ofYuan(8_000), Set.of(),
          Set.of(FocusFlag.TEKUN));
      assertThat(EliminationRules.gradualExit(tekun, decided, POLICY).months()).isEqualTo(6);
    }

    @Test
    void readsThePolicysMonthsLineAndFactor() {
      PolicyParameters p = PolicyParameters.builder().gradualExitMinMonths(3).gradualExitMaxMonths(9)
          .gradualExitDefaultMonths(4).dibaoGradualExitMonths(9).dibaoLine(Money.ofYuan(8_000))
          .dibaoExitIncomeFactorBp(12_500).build();

      assertThat(EliminationRules.gradualExit(dibao(Money.ofYuan(40_000)), decided, p).months()).isEqualTo(9);
      assertThat(EliminationRules.gradualExit(dibao(Money.ofFen(4_000_004)), decided, p).months()).isEqualTo(4);
      assertThat(EliminationRules.gradualExit(household(), decided, p))
          .isEqualTo(new GradualExit(LocalDate.of(2025, 9, 25), 4, LocalDate.of(2026, 1, 24), false));
    }

    @Test
    void endsTheDayBeforeTheSameDayOfTheMonthOrTheMonthsLastDay() {
      GradualExit fromMidMonth = EliminationRules.gradualExit(household(), LocalDate.of(2025, 10, 14), POLICY);
      assertThat(fromMidMonth.startsOn()).isEqualTo(LocalDate.of(2025, 10, 15));
      assertThat(fromMidMonth.endsOn()).isEqualTo(LocalDate.of(2026, 4, 14));

      GradualExit fromAMonthsLastDay = EliminationRules.gradualExit(household(), LocalDate.of(2025, 8, 30), POLICY);
      assertThat(fromAMonthsLastDay.startsOn()).isEqualTo(LocalDate.of(2025, 8, 31));
      assertThat(fromAMonthsLastDay.endsOn()).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void startsTheDibaoHouseholdsTwelveMonthsThroughTheDecision() {
      MonitoringCase c = accepted(EliminationRules.decide(awaitingCounty(), elimination(), dibao(Money.ofYuan(36_000)),
          TODAY, POLICIES));
      assertThat(c.exit()).hasValueSatisfying(e -> {
        assertThat(e.months()).isEqualTo(12);
        assertThat(e.dibaoRule()).isTrue();
      });
    }

    private Household dibao(Money income) {
      return ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 2, income, Set.of(), Set.of(FocusFlag.DIBAO));
    }
  }

  @Nested
  class Closing {

    @Test
    void closesACaseTheDayAfterItsExitEnded() {
      MonitoringCase c = inGradualExit();
      LocalDate endsOn = c.exit().get().endsOn();

      assertThat(EliminationRules.exitEndedBefore(c, endsOn)).isFalse();
      assertThat(EliminationRules.exitEndedBefore(c, endsOn.plusDays(1))).isTrue();
      assertThatThrownBy(() -> EliminationRules.close(c, COUNTY_OFFICER, endsOn))
          .isInstanceOf(IllegalArgumentException.class);

      Transition t = EliminationRules.close(c, COUNTY_OFFICER, endsOn.plusDays(1));
      assertThat(t.after().state()).isEqualTo(CaseState.CLOSED);
      assertThat(t.after().closedOn()).contains(endsOn.plusDays(1));
      assertThat(t.after().version()).isEqualTo(c.version() + 1);
      assertThat(t.action()).isEqualTo(ExitActions.CLOSE).isEqualTo("exit.close");
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_CLOSED);
        assertThat(e.attributes()).containsExactly(Map.entry("closedOn", "2026-03-25"),
            Map.entry("exitEndedOn", "2026-03-24"));
      });
    }

    @Test
    void closesOnlyCasesInTheirGradualExit() {
      MonitoringCase relapsed = ExitRules.relapse(inGradualExit(), Set.of(RiskType.DISASTER), TODAY);
      MonitoringCase withExitButClosed = inGradualExit().withState(CaseState.CLOSED);

      assertThat(EliminationRules.exitEndedBefore(relapsed, LocalDate.of(2030, 1, 1))).isFalse();
      assertThat(EliminationRules.exitEndedBefore(withExitButClosed, LocalDate.of(2030, 1, 1))).isFalse();
      assertThat(EliminationRules.exitEndedBefore(awaitingCounty(), LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void isRefusedToAnyoneButACountyOfficerOfTheAreaAndOnAFutureDay() {
      assertThat(EliminationRules.closingRefusal(COUNTY_OFFICER.jurisdiction(), TOWNSHIP_OFFICER, TODAY, TODAY)
          .map(Rejection::code)).contains("actor.role_not_allowed");
      assertThat(EliminationRules.closingRefusal(AreaCode.of("611002000000"),
          COUNTY_OFFICER, TODAY, TODAY).map(Rejection::code)).contains("actor.outside_jurisdiction");
      assertThat(EliminationRules.closingRefusal(VILLAGE_A1, COUNTY_OFFICER, TODAY.plusDays(1), TODAY)
          .map(Rejection::code)).contains("review.date_out_of_order");
      assertThat(EliminationRules.closingRefusal(VILLAGE_A1, COUNTY_OFFICER, TODAY, TODAY)).isEmpty();
    }
  }
}
