package org.fangfanpin.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CADRE_1;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CADRE_2;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CONFIRMED;
import static org.fangfanpin.core.assistance.AssistanceFixtures.COUNTY_OFFICER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.DEPARTMENT_OFFICER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.GRID_WORKER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.GRID_WORKER_A2;
import static org.fangfanpin.core.assistance.AssistanceFixtures.GRID_WORKER_OTHER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.HOUSEHOLD_ID;
import static org.fangfanpin.core.assistance.AssistanceFixtures.POLICIES;
import static org.fangfanpin.core.assistance.AssistanceFixtures.POLICY;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TODAY;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TOWNSHIP_HEAD;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TOWNSHIP_OFFICER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TOWNSHIP_OFFICER_B;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TOWNSHIP_OFFICER_OTHER;
import static org.fangfanpin.core.assistance.AssistanceFixtures.VILLAGE_GROUP;
import static org.fangfanpin.core.assistance.AssistanceFixtures.VILLAGE_GROUP_A2;
import static org.fangfanpin.core.assistance.AssistanceFixtures.after;
import static org.fangfanpin.core.assistance.AssistanceFixtures.confirmed;
import static org.fangfanpin.core.assistance.AssistanceFixtures.household;
import static org.fangfanpin.core.assistance.AssistanceFixtures.ids;
import static org.fangfanpin.core.assistance.AssistanceFixtures.inState;
import static org.fangfanpin.core.assistance.AssistanceFixtures.move;
import static org.fangfanpin.core.assistance.AssistanceFixtures.plan;
import static org.fangfanpin.core.assistance.AssistanceFixtures.refused;
import static org.fangfanpin.core.assistance.AssistanceFixtures.text;
import static org.fangfanpin.core.assistance.AssistanceFixtures.withCadres;
import static org.fangfanpin.core.assistance.AssistanceFixtures.withImplementedMeasure;
import static org.fangfanpin.core.assistance.AssistanceFixtures.withPlannedMeasure;
import static org.fangfanpin.core.assistance.AssistanceFixtures.withVerifiedMeasure;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.internal.Checks;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of assistance and every rejection it gives, as pure functions of values. */
class AssistanceRulesTest {

  static final LocalDate PLANNED_ON = LocalDate.of(2025, 3, 20);
  static final LocalDate IMPLEMENTED_ON = LocalDate.of(2025, 4, 1);

  @Nested
  class Monitored {

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CONFIRMED", "ELIMINATION_PROPOSED", "ELIMINATION_AWAITING_NOTICE",
        "ELIMINATION_IN_NOTICE", "ELIMINATION_AWAITING_TOWNSHIP", "ELIMINATION_AWAITING_COUNTY", "GRADUAL_EXIT"})
    void acceptsEveryMoveFromConfirmationThroughGradualExit(CaseState state) {
      MonitoringCase c = inState(state);
      assertThat(AssistanceRules.isMonitored(c)).isTrue();
      MonitoringCase assigned = after(AssistanceRules.assignCadres(c, ids(CADRE_1), TOWNSHIP_OFFICER, CONFIRMED, TODAY,
          POLICIES));
      MonitoringCase planned = after(AssistanceRules.planMeasure(assigned, plan(PLANNED_ON), VILLAGE_GROUP, TODAY));
      MonitoringCase done = after(AssistanceRules.implementMeasure(planned, 1, VILLAGE_GROUP, IMPLEMENTED_ON, "已落实",
          TODAY));
      MonitoringCase verified = after(AssistanceRules.verifyMeasure(done, 1, TOWNSHIP_OFFICER, IMPLEMENTED_ON, TODAY));
      MonitoringCase followed = after(AssistanceRules.recordFollowUp(verified, household(), facts(YearMonth.of(2025, 4),
          Money.ofYuan(40_000)), TODAY, POLICIES));

      assertThat(followed.state()).isEqualTo(state);
      assertThat(followed.version()).isEqualTo(c.version() + 5);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"AWAITING_VISIT", "AWAITING_APPRAISAL", "AWAITING_NOTICE",
        "IN_NOTICE", "AWAITING_TOWNSHIP", "AWAITING_COUNTY", "DISMISSED", "CLOSED"})
    void refusesEveryMoveOnACaseNotMonitored(CaseState state) {
      MonitoringCase c = inState(state).withCadreIds(CADRE_1);
      assertThat(AssistanceRules.isMonitored(c)).isFalse();

      refused(AssistanceRules.assignCadres(c, ids(CADRE_2), TOWNSHIP_OFFICER, TODAY, TODAY, POLICIES),
          "assistance.wrong_state");
      refused(AssistanceRules.planMeasure(c, plan(PLANNED_ON), VILLAGE_GROUP, TODAY), "assistance.wrong_state");
      refused(AssistanceRules.implementMeasure(c, 1, VILLAGE_GROUP, TODAY, "已落实", TODAY), "assistance.wrong_state");
      refused(AssistanceRules.verifyMeasure(c, 1, TOWNSHIP_OFFICER, TODAY, TODAY), "assistance.wrong_state");
      Rejection r = refused(AssistanceRules.recordFollowUp(c, household(), facts(YearMonth.of(2025, 4),
          Money.ofYuan(40_000)), TODAY, POLICIES), "assistance.wrong_state");
      assertThat(r.zh()).contains(state.zh());
      assertThat(r.en()).contains(state.en());
    }
  }

  @Nested
  class AssignCadres {

    @Test
    void assignsOneOrTwoCadresOneVersionLater() {
      CaseMove one = move(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER, CONFIRMED, TODAY,
          POLICIES));
      CaseMove two = move(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1, CADRE_2), TOWNSHIP_HEAD, TODAY, TODAY,
          POLICIES));

      assertThat(one.after().cadreIds()).containsExactly(CADRE_1);
      assertThat(two.after().cadreIds()).containsExactly(CADRE_1, CADRE_2);
      assertThat(two.after().version()).isEqualTo(confirmed().version() + 1);
      assertThat(two.action()).isEqualTo(AssistanceActions.CADRES_ASSIGNED);
      assertThat(two.actor()).isEqualTo(TOWNSHIP_HEAD);
      assertThat(two.household()).isEmpty();
      assertThat(two.beforeState()).isEqualTo("CONFIRMED cadres=");
      assertThat(two.afterState()).isEqualTo("CONFIRMED cadres=cadre-1,cadre-2");
    }

    @Test
    void replacesTheCadresAndKeepsTheCadreOfEachMeasure() {
      CaseMove m = move(AssistanceRules.assignCadres(withPlannedMeasure(), ids("cadre-3"), TOWNSHIP_OFFICER, TODAY,
          TODAY, POLICIES));

      assertThat(m.after().cadreIds()).containsExactly("cadre-3");
      assertThat(m.after().measures()).singleElement().extracting(Measure::cadreId).isEqualTo(CADRE_1);
      assertThat(m.beforeState()).isEqualTo("CONFIRMED cadres=cadre-1,cadre-2");
    }

    @Test
    void refusesRolesOtherThanTheTownship() {
      for (Actor by : List.of(VILLAGE_GROUP, GRID_WORKER, COUNTY_OFFICER, DEPARTMENT_OFFICER)) {
        Rejection r = refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), by, TODAY, TODAY, POLICIES),
            "actor.role_not_allowed");
        assertThat(r.en()).contains(by.role().en());
      }
    }

    @Test
    void refusesAnOfficerOfAnotherTownship() {
      refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER_B, TODAY, TODAY, POLICIES),
          "actor.outside_jurisdiction");
    }

    @Test
    void refusesADayAfterTodayOrBeforeTheConfirmation() {
      Rejection future = refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER,
          TODAY.plusDays(1), TODAY, POLICIES), "assistance.date_out_of_order");
      Rejection early = refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER,
          CONFIRMED.minusDays(1), TODAY, POLICIES), "assistance.date_out_of_order");

      assertThat(future.en()).contains("on 2025-05-01 lies after today");
      assertThat(early.en()).contains("before the county's confirmation");
    }

    @Test
    void listsEveryBlankLongOrPaddedId() {
      Rejection r = refused(AssistanceRules.assignCadres(confirmed(), ids(" ", "x".repeat(65)), TOWNSHIP_OFFICER,
          TODAY, TODAY, POLICIES), "input.invalid");
      Rejection padded = refused(AssistanceRules.assignCadres(confirmed(), ids(" cadre-1"), TOWNSHIP_OFFICER, TODAY,
          TODAY, POLICIES), "input.invalid");

      assertThat(r.en()).contains("cadreIds[0] must not be blank", "cadreIds[1] must not be longer than 64");
      assertThat(padded.en()).contains("cadreIds[0] holds control characters or surrounding blanks");
    }

    @Test
    void refusesTheSameCadreTwice() {
      Rejection r = refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1, CADRE_1), TOWNSHIP_OFFICER, TODAY,
          TODAY, POLICIES), "assistance.cadre_duplicate");
      assertThat(r.zh()).contains("cadreIds", CADRE_1);
    }

    @Test
    void refusesNoCadreAndMoreThanTwo() {
      refused(AssistanceRules.assignCadres(confirmed(), ids(), TOWNSHIP_OFFICER, TODAY, TODAY, POLICIES),
          "assistance.cadre_count");
      Rejection three = refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1, CADRE_2, "cadre-3"),
          TOWNSHIP_OFFICER, TODAY, TODAY, POLICIES), "assistance.cadre_count");
      assertThat(three.en()).contains("cadreIds: a household has 1 to 2 responsible cadres, not 3");
    }

    @Test
    void takesTheLimitsFromThePolicyOfTheVillageOnTheDay() {
      PolicyParameters twoToThree = PolicyParameters.builder().minCadresPerHousehold(2).maxCadresPerHousehold(3).build();
      PolicyLookup fromApril = (area, day) -> day.isBefore(LocalDate.of(2025, 4, 1)) ? POLICY : twoToThree;

      after(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER, LocalDate.of(2025, 3, 31), TODAY,
          fromApril));
      refused(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1), TOWNSHIP_OFFICER, LocalDate.of(2025, 4, 1),
          TODAY, fromApril), "assistance.cadre_count");
      after(AssistanceRules.assignCadres(confirmed(), ids(CADRE_1, CADRE_2, "cadre-3"), TOWNSHIP_OFFICER, TODAY, TODAY,
          fromApril));
    }

    @Test
    void refusesTheCadresTheHouseholdAlreadyHasInAnyOrder() {
      refused(AssistanceRules.assignCadres(withCadres(), ids(CADRE_2, CADRE_1), TOWNSHIP_OFFICER, TODAY, TODAY,
          POLICIES), "assistance.cadres_unchanged");
    }
  }

  @Nested
  class PlanMeasure {

    @Test
    void appendsPlannedMeasuresNumberedFromOne() {
      CaseMove first = move(AssistanceRules.planMeasure(withCadres(), plan(PLANNED_ON), VILLAGE_GROUP, TODAY));
      MeasurePlan loan = new MeasurePlan(MeasureType.MICRO_CREDIT, "县农商银行", CADRE_2, TODAY,
          Optional.of(LocalDate.of(2028, 4, 29)));
      CaseMove second = move(AssistanceRules.planMeasure(first.after(), loan, TOWNSHIP_OFFICER, TODAY));

      Measure m = first.after().measures().get(0);
      assertThat(m.number()).isEqualTo(1);
      assertThat(m.type()).isEqualTo(MeasureType.PUBLIC_WELFARE_JOB);
      assertThat(m.department()).isEqualTo("县人社局");
      assertThat(m.cadreId()).isEqualTo(CADRE_1);
      assertThat(m.plannedOn()).isEqualTo(PLANNED_ON);
      assertThat(m.endsOn()).isEmpty();
      assertThat(m.status()).isEqualTo(MeasureStatus.PLANNED);
      assertThat(m.plannedBy()).isEqualTo(VILLAGE_GROUP);
      assertThat(m.implementedOn()).isEmpty();
      assertThat(second.after().measures()).extracting(Measure::number).containsExactly(1, 2);
      assertThat(second.after().measures().get(1).endsOn()).contains(LocalDate.of(2028, 4, 29));
      assertThat(second.after().version()).isEqualTo(withCadres().version() + 2);
      assertThat(second.action()).isEqualTo(AssistanceActions.MEASURE_PLANNED);
      assertThat(second.beforeState()).isEqualTo("CONFIRMED measures=1");
      assertThat(second.afterState()).isEqualTo("CONFIRMED measure#2=PLANNED");
    }

    @Test
    void refusesRolesOtherThanTheVillageGroupAndTheTownshipOfficer() {
      for (Actor by : List.of(GRID_WORKER, TOWNSHIP_HEAD, COUNTY_OFFICER, DEPARTMENT_OFFICER)) {
        refused(AssistanceRules.planMeasure(withCadres(), plan(PLANNED_ON), by, TODAY), "actor.role_not_allowed");
      }
    }

    @Test
    void refusesAVillageGroupOfAnotherVillage() {
      refused(AssistanceRules.planMeasure(withCadres(), plan(PLANNED_ON), VILLAGE_GROUP_A2, TODAY),
          "actor.outside_jurisdiction");
    }

    @Test
    void refusesAPlannedDayAfterTodayOrBeforeTheConfirmation() {
      refused(AssistanceRules.planMeasure(withCadres(), plan(TODAY.plusDays(1)), VILLAGE_GROUP, TODAY),
          "assistance.date_out_of_order");
      Rejection early = refused(AssistanceRules.planMeasure(withCadres(), plan(CONFIRMED.minusDays(1)), VILLAGE_GROUP,
          TODAY), "assistance.date_out_of_order");
      assertThat(early.en()).startsWith("plannedOn");
    }

    @Test
    void refusesAnEndOnOrBeforeThePlannedDay() {
      for (LocalDate end : List.of(PLANNED_ON, PLANNED_ON.minusDays(1))) {
        MeasurePlan p = new MeasurePlan(MeasureType.EDUCATION, "县教育局", CADRE_1, PLANNED_ON, Optional.of(end));
        Rejection r = refused(AssistanceRules.planMeasure(withCadres(), p, VILLAGE_GROUP, TODAY),
            "assistance.date_out_of_order");
        assertThat(r.en()).contains("endsOn", "plannedOn");
      }
      MeasurePlan dayAfter = new MeasurePlan(MeasureType.EDUCATION, "县教育局", CADRE_1, PLANNED_ON,
          Optional.of(PLANNED_ON.plusDays(1)));
      after(AssistanceRules.planMeasure(withCadres(), dayAfter, VILLAGE_GROUP, TODAY));
    }

    @Test
    void listsEveryProblemOfTheDepartmentAndTheCadre() {
      MeasurePlan blank = new MeasurePlan(MeasureType.MEDICAL, " ", " ", PLANNED_ON, Optional.empty());
      MeasurePlan tooLong = MeasurePlan.of(MeasureType.MEDICAL, text(101), CADRE_1, PLANNED_ON);
      MeasurePlan phone = MeasurePlan.of(MeasureType.MEDICAL, "县医保局 13912345678", CADRE_1, PLANNED_ON);

      Rejection r = refused(AssistanceRules.planMeasure(withCadres(), blank, VILLAGE_GROUP, TODAY), "input.invalid");
      assertThat(r.en()).contains("department must not be blank", "cadreId must not be blank");
      assertThat(refused(AssistanceRules.planMeasure(withCadres(), tooLong, VILLAGE_GROUP, TODAY), "input.invalid")
          .en()).contains("department must not be longer than 100");
      assertThat(refused(AssistanceRules.planMeasure(withCadres(), phone, VILLAGE_GROUP, TODAY), "input.invalid")
          .en()).contains("department must not hold a resident ID number, phone or bank account");
      after(AssistanceRules.planMeasure(withCadres(), MeasurePlan.of(MeasureType.MEDICAL, text(100), CADRE_1,
          PLANNED_ON), VILLAGE_GROUP, TODAY));
    }

    @Test
    void refusesACadreWhoIsNotTheHouseholds() {
      MeasurePlan other = MeasurePlan.of(MeasureType.HOUSING, "县住建局", "cadre-9", PLANNED_ON);
      Rejection r = refused(AssistanceRules.planMeasure(withCadres(), other, VILLAGE_GROUP, TODAY),
          "assistance.cadre_not_responsible");
      Rejection none = refused(AssistanceRules.planMeasure(confirmed(), plan(PLANNED_ON), VILLAGE_GROUP, TODAY),
          "assistance.cadre_not_responsible");

      assertThat(r.en()).contains("cadreId cadre-9", "[cadre-1, cadre-2]");
      assertThat(none.en()).contains("no responsible cadre yet");
    }
  }

  @Nested
  class ImplementMeasure {

    @Test
    void recordsTheImplementationWithItsEvidence() {
      MonitoringCase planned = after(AssistanceRules.planMeasure(withPlannedMeasure(), plan(PLANNED_ON),
          TOWNSHIP_OFFICER, TODAY));
      CaseMove m = move(AssistanceRules.implementMeasure(planned, 2, TOWNSHIP_OFFICER, PLANNED_ON, "已签订协议",
          TODAY));

      Measure done = m.after().measures().get(1);
      assertThat(done.status()).isEqualTo(MeasureStatus.IMPLEMENTED);
      assertThat(done.implementedOn()).contains(PLANNED_ON);
      assertThat(done.implementedBy()).contains(TOWNSHIP_OFFICER);
      assertThat(done.evidence()).contains("已签订协议");
      assertThat(done.verifiedOn()).isEmpty();
      assertThat(m.after().measures().get(0)).isEqualTo(planned.measures().get(0));
      assertThat(m.after().version()).isEqualTo(planned.version() + 1);
      assertThat(m.action()).isEqualTo(AssistanceActions.MEASURE_IMPLEMENTED);
      assertThat(m.beforeState()).isEqualTo("CONFIRMED measure#2=PLANNED");
      assertThat(m.afterState()).isEqualTo("CONFIRMED measure#2=IMPLEMENTED");
    }

    @Test
    void refusesAnUnknownMeasure() {
      for (int number : new int[] {0, 2, -1}) {
        Rejection r = refused(AssistanceRules.implementMeasure(withPlannedMeasure(), number, VILLAGE_GROUP,
            IMPLEMENTED_ON, "已落实", TODAY), "assistance.measure_not_found");
        assertThat(r.en()).contains("number " + number);
      }
    }

    @Test
    void refusesAMeasureImplementedOrVerifiedAlready() {
      Rejection r = refused(AssistanceRules.implementMeasure(withImplementedMeasure(), 1, VILLAGE_GROUP,
          IMPLEMENTED_ON, "再次落实", TODAY), "assistance.measure_wrong_status");
      refused(AssistanceRules.implementMeasure(withVerifiedMeasure(), 1, VILLAGE_GROUP, IMPLEMENTED_ON, "再次落实",
          TODAY), "assistance.measure_wrong_status");
      assertThat(r.zh()).contains("已落实", "计划");
    }

    @Test
    void refusesRolesOtherThanTheVillageGroupAndTheTownshipOfficer() {
      for (Actor by : List.of(GRID_WORKER, TOWNSHIP_HEAD, COUNTY_OFFICER)) {
        refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, by, IMPLEMENTED_ON, "已落实", TODAY),
            "actor.role_not_allowed");
      }
      refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP_A2, IMPLEMENTED_ON, "已落实",
          TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void refusesADayAfterTodayBeforeThePlanOrAfterTheEnd() {
      refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, TODAY.plusDays(1), "已落实",
          TODAY), "assistance.date_out_of_order");
      refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, PLANNED_ON.minusDays(1), "已落实",
          TODAY), "assistance.date_out_of_order");
      MeasurePlan shortTerm = new MeasurePlan(MeasureType.EMERGENCY_RELIEF, "县民政局", CADRE_1, PLANNED_ON,
          Optional.of(PLANNED_ON.plusDays(10)));
      MonitoringCase c = after(AssistanceRules.planMeasure(withCadres(), shortTerm, VILLAGE_GROUP, TODAY));

      after(AssistanceRules.implementMeasure(c, 1, VILLAGE_GROUP, PLANNED_ON.plusDays(10), "已发放", TODAY));
      Rejection r = refused(AssistanceRules.implementMeasure(c, 1, VILLAGE_GROUP, PLANNED_ON.plusDays(11), "已发放",
          TODAY), "assistance.date_out_of_order");
      assertThat(r.en()).contains("after the measure's end");
    }

    @Test
    void refusesBlankLongOrPersonalEvidence() {
      assertThat(refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, IMPLEMENTED_ON, "  ",
          TODAY), "input.invalid").en()).contains("evidence must not be blank");
      assertThat(refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, IMPLEMENTED_ON,
          text(501), TODAY), "input.invalid").en()).contains("evidence must not be longer than 500");
      assertThat(refused(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, IMPLEMENTED_ON,
          "工资打入账户 6222021234567890", TODAY), "input.invalid").en()).contains("evidence must not hold");
      after(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, IMPLEMENTED_ON, text(500), TODAY));
    }
  }

  @Nested
  class VerifyMeasure {

    @Test
    void verifiesByAnotherActorThanTheImplementer() {
      for (Actor by : List.of(TOWNSHIP_OFFICER, TOWNSHIP_HEAD, COUNTY_OFFICER)) {
        CaseMove m = move(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, by, TODAY, TODAY));
        Measure v = m.after().measures().get(0);
        assertThat(v.status()).isEqualTo(MeasureStatus.VERIFIED);
        assertThat(v.verifiedOn()).contains(TODAY);
        assertThat(v.verifiedBy()).contains(by);
        assertThat(v.evidence()).isEqualTo(withImplementedMeasure().measures().get(0).evidence());
        assertThat(m.action()).isEqualTo(AssistanceActions.MEASURE_VERIFIED);
        assertThat(m.afterState()).isEqualTo("CONFIRMED measure#1=VERIFIED");
      }
    }

    @Test
    void refusesTheImplementerEvenInAnotherRole() {
      MonitoringCase c = after(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, TOWNSHIP_OFFICER,
          IMPLEMENTED_ON, "已落实", TODAY));

      refused(AssistanceRules.verifyMeasure(c, 1, TOWNSHIP_OFFICER, TODAY, TODAY), "actor.same_as_proposer");
      refused(AssistanceRules.verifyMeasure(c, 1, Actor.of(TOWNSHIP_OFFICER.id(), TOWNSHIP_HEAD.role(),
          TOWNSHIP_HEAD.jurisdiction()), TODAY, TODAY), "actor.same_as_proposer");
      after(AssistanceRules.verifyMeasure(c, 1, TOWNSHIP_OFFICER_OTHER, TODAY, TODAY));
    }

    @Test
    void refusesAMeasureNotImplementedOrVerifiedAlready() {
      refused(AssistanceRules.verifyMeasure(withPlannedMeasure(), 1, TOWNSHIP_OFFICER, TODAY, TODAY),
          "assistance.measure_wrong_status");
      refused(AssistanceRules.verifyMeasure(withVerifiedMeasure(), 1, TOWNSHIP_HEAD, TODAY, TODAY),
          "assistance.measure_wrong_status");
      refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 2, TOWNSHIP_OFFICER, TODAY, TODAY),
          "assistance.measure_not_found");
    }

    @Test
    void refusesTheVillageAndOtherTownships() {
      refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, GRID_WORKER, TODAY, TODAY),
          "actor.role_not_allowed");
      refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, VILLAGE_GROUP, TODAY, TODAY),
          "actor.role_not_allowed");
      refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, TOWNSHIP_OFFICER_B, TODAY, TODAY),
          "actor.outside_jurisdiction");
    }

    @Test
    void refusesADayAfterTodayOrBeforeTheImplementation() {
      refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, TOWNSHIP_OFFICER, TODAY.plusDays(1), TODAY),
          "assistance.date_out_of_order");
      Rejection r = refused(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, TOWNSHIP_OFFICER,
          IMPLEMENTED_ON.minusDays(1), TODAY), "assistance.date_out_of_order");
      assertThat(r.en()).contains("before the measure's implementation");
      after(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, TOWNSHIP_OFFICER, IMPLEMENTED_ON, TODAY));
    }
  }

  @Nested
  class RecordFollowUp {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    @Test
    void updatesTheRegisterEntryAndKeepsTheReassessment() {
      FollowUpFacts f = new FollowUpFacts(APRIL, TODAY, GRID_WORKER, Money.ofYuan(20_000), Money.ofYuan(3_000),
          Set.of(BasicNeed.BASIC_MEDICAL_CARE));
      CaseMove m = move(AssistanceRules.recordFollowUp(confirmed(), household(), f, TODAY, POLICIES));

      Household h = m.household().orElseThrow();
      assertThat(h.incomeLast12Months()).isEqualTo(Money.ofYuan(20_000));
      assertThat(h.rigidExpenditure()).isEqualTo(Money.ofYuan(3_000));
      assertThat(h.unmetNeeds()).containsExactly(BasicNeed.BASIC_MEDICAL_CARE);
      assertThat(h.previousYearIncome()).isEqualTo(household().previousYearIncome());
      assertThat(h.memberCount()).isEqualTo(4);
      FollowUp fu = m.after().followUps().get(0);
      assertThat(fu.month()).isEqualTo(APRIL);
      assertThat(fu.recordedOn()).isEqualTo(TODAY);
      assertThat(fu.by()).isEqualTo(GRID_WORKER);
      assertThat(fu.incomeLast12Months()).isEqualTo(Money.ofYuan(20_000));
      assertThat(fu.rigidExpenditure()).isEqualTo(Money.ofYuan(3_000));
      assertThat(fu.unmetNeeds()).containsExactly(BasicNeed.BASIC_MEDICAL_CARE);
      assertThat(fu.perCapitaIncome()).isEqualTo(Money.ofYuan(5_000));
      assertThat(fu.incomeAboveLine()).isFalse();
      assertThat(fu.stillAtRisk()).isTrue();
      assertThat(m.after().version()).isEqualTo(confirmed().version() + 1);
      assertThat(m.action()).isEqualTo(AssistanceActions.FOLLOW_UP_RECORDED);
      assertThat(m.beforeState()).isEqualTo("CONFIRMED followUps=0");
      assertThat(m.afterState()).isEqualTo("CONFIRMED followUp#2025-04 atRisk=true");
    }

    @Test
    void countsIncomeExactlyOnTheLineAsAboveIt() {
      // 6,000 yuan × 4 members: on the line is not below it; one fen less is.
      FollowUp on = followUp(Money.ofYuan(24_000), Set.of());
      FollowUp below = followUp(Money.ofFen(2_399_999), Set.of());

      assertThat(on.incomeAboveLine()).isTrue();
      assertThat(on.stillAtRisk()).isFalse();
      assertThat(on.perCapitaIncome()).isEqualTo(Money.ofYuan(6_000));
      assertThat(below.incomeAboveLine()).isFalse();
      assertThat(below.stillAtRisk()).isTrue();
    }

    @Test
    void keepsTheHouseholdAtRiskWhileANeedIsUnmetThoughIncomeIsAboveTheLine() {
      FollowUp f = followUp(Money.ofYuan(40_000), Set.of(BasicNeed.SAFE_HOUSING));

      assertThat(f.incomeAboveLine()).isTrue();
      assertThat(f.stillAtRisk()).isTrue();
    }

    @Test
    void assessesUnderThePolicyOfTheVillageOnTheDayRecorded() {
      PolicyParameters higherLine = PolicyParameters.builder().monitoringLine(Money.ofYuan(7_000)).build();
      PolicyLookup fromApril = (area, day) -> day.isBefore(LocalDate.of(2025, 4, 1)) ? POLICY : higherLine;
      FollowUpFacts march = new FollowUpFacts(YearMonth.of(2025, 3), LocalDate.of(2025, 3, 31), VILLAGE_GROUP,
          Money.ofYuan(25_000), Money.ZERO, Set.of());
      FollowUpFacts april = new FollowUpFacts(APRIL, LocalDate.of(2025, 4, 1), VILLAGE_GROUP, Money.ofYuan(25_000),
          Money.ZERO, Set.of());

      MonitoringCase c = after(AssistanceRules.recordFollowUp(confirmed(), household(), march, TODAY, fromApril));
      MonitoringCase c2 = after(AssistanceRules.recordFollowUp(c, household(), april, TODAY, fromApril));

      assertThat(c2.followUps()).extracting(FollowUp::incomeAboveLine).containsExactly(true, false);
    }

    @Test
    void acceptsTheVillageGroupGridWorkerAndTownshipOfficerOnly() {
      for (Actor by : List.of(VILLAGE_GROUP, GRID_WORKER, TOWNSHIP_OFFICER)) {
        after(AssistanceRules.recordFollowUp(confirmed(), household(), facts(APRIL, Money.ofYuan(30_000), by), TODAY,
            POLICIES));
      }
      for (Actor by : List.of(TOWNSHIP_HEAD, COUNTY_OFFICER, DEPARTMENT_OFFICER)) {
        refused(AssistanceRules.recordFollowUp(confirmed(), household(), facts(APRIL, Money.ofYuan(30_000), by), TODAY,
            POLICIES), "actor.role_not_allowed");
      }
      refused(AssistanceRules.recordFollowUp(confirmed(), household(), facts(APRIL, Money.ofYuan(30_000),
          GRID_WORKER_A2), TODAY, POLICIES), "actor.outside_jurisdiction");
    }

    @Test
    void keepsOneFollowUpPerMonth() {
      MonitoringCase c = after(AssistanceRules.recordFollowUp(confirmed(), household(), facts(APRIL,
          Money.ofYuan(30_000)), TODAY, POLICIES));

      Rejection r = refused(AssistanceRules.recordFollowUp(c, household(), facts(APRIL, Money.ofYuan(31_000)), TODAY,
          POLICIES), "assistance.follow_up_exists");
      assertThat(r.en()).contains("2025-04");
    }

    @Test
    void refusesAMonthBeforeTheLatestFollowUp() {
      MonitoringCase c = after(AssistanceRules.recordFollowUp(confirmed(), household(), facts(APRIL,
          Money.ofYuan(30_000)), TODAY, POLICIES));

      Rejection r = refused(AssistanceRules.recordFollowUp(c, household(), facts(YearMonth.of(2025, 3),
          Money.ofYuan(30_000)), TODAY, POLICIES), "assistance.date_out_of_order");
      assertThat(r.en()).contains("month 2025-03 lies before the month of the latest follow-up, 2025-04");
    }

    @Test
    void refusesAMonthAfterTheDayRecordedOrBeforeTheConfirmation() {
      FollowUpFacts may = new FollowUpFacts(YearMonth.of(2025, 5), TODAY, VILLAGE_GROUP, Money.ofYuan(30_000),
          Money.ZERO, Set.of());
      FollowUpFacts february = new FollowUpFacts(YearMonth.of(2025, 2), TODAY, VILLAGE_GROUP, Money.ofYuan(30_000),
          Money.ZERO, Set.of());

      assertThat(refused(AssistanceRules.recordFollowUp(confirmed(), household(), may, TODAY.plusMonths(1), POLICIES),
          "assistance.date_out_of_order").en()).contains("month 2025-05 lies after the month recorded");
      assertThat(refused(AssistanceRules.recordFollowUp(confirmed(), household(), february, TODAY, POLICIES),
          "assistance.date_out_of_order").en()).contains("before the month of confirmation");
    }

    @Test
    void refusesARecordingDayAfterTodayOrBeforeTheConfirmation() {
      FollowUpFacts tomorrow = new FollowUpFacts(APRIL, TODAY.plusDays(1), VILLAGE_GROUP, Money.ofYuan(30_000),
          Money.ZERO, Set.of());
      FollowUpFacts early = new FollowUpFacts(YearMonth.of(2025, 3), CONFIRMED.minusDays(1), VILLAGE_GROUP,
          Money.ofYuan(30_000), Money.ZERO, Set.of());

      refused(AssistanceRules.recordFollowUp(confirmed(), household(), tomorrow, TODAY, POLICIES),
          "assistance.date_out_of_order");
      assertThat(refused(AssistanceRules.recordFollowUp(confirmed(), household(), early, TODAY, POLICIES),
          "assistance.date_out_of_order").en()).startsWith("recordedOn");
    }

    @Test
    void listsEveryNegativeAmount() {
      FollowUpFacts f = new FollowUpFacts(APRIL, TODAY, VILLAGE_GROUP, Money.ofFen(-1), Money.ofFen(-1), Set.of());

      Rejection r = refused(AssistanceRules.recordFollowUp(confirmed(), household(), f, TODAY, POLICIES),
          "input.invalid");
      assertThat(r.en()).contains("incomeLast12Months cannot be negative", "rigidExpenditure cannot be negative");
    }

    FollowUp followUp(Money income, Set<BasicNeed> unmet) {
      FollowUpFacts f = new FollowUpFacts(APRIL, TODAY, VILLAGE_GROUP, income, Money.ZERO, unmet);
      return after(AssistanceRules.recordFollowUp(confirmed(), household(), f, TODAY, POLICIES)).followUps().get(0);
    }
  }

  @Nested
  class AssignGrid {

    @Test
    void assignsAHouseholdAndRecordsTheWorkerBeforeAndAfter() {
      GridMove first = move(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER, Optional.empty(), 0,
          TODAY, POLICIES));
      GridMove moved = move(AssistanceRules.assignGrid(household(), "grid-a1-2", TOWNSHIP_HEAD, Optional.of("grid-a1"),
          3, TODAY, POLICIES));

      assertThat(first.householdId()).isEqualTo(HOUSEHOLD_ID);
      assertThat(first.village()).isEqualTo(household().area());
      assertThat(first.action()).isEqualTo(AssistanceActions.GRID_ASSIGNED);
      assertThat(first.beforeState()).isEmpty();
      assertThat(first.afterState()).isEqualTo("grid=grid-a1");
      assertThat(moved.beforeState()).contains("grid=grid-a1");
      assertThat(moved.afterState()).isEqualTo("grid=grid-a1-2");
    }

    @Test
    void acceptsTheFifteenthHouseholdAndRefusesTheSixteenth() {
      move(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER, Optional.empty(), 14, TODAY,
          POLICIES));
      Rejection r = refused(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER, Optional.empty(), 15,
          TODAY, POLICIES), "assistance.grid_full");
      assertThat(r.en()).contains("already covers 15 households; at most 15");
    }

    @Test
    void takesTheLimitFromThePolicy() {
      PolicyParameters ten = PolicyParameters.builder().maxHouseholdsPerGridWorker(10).build();
      refused(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER, Optional.empty(), 10, TODAY,
          (area, day) -> ten), "assistance.grid_full");
    }

    @Test
    void refusesTheSameWorkerAgain() {
      refused(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER, Optional.of("grid-a1"), 15, TODAY,
          POLICIES), "assistance.grid_already_assigned");
    }

    @Test
    void refusesRolesOtherThanTheTownshipAndOtherTownships() {
      for (Actor by : List.of(VILLAGE_GROUP, GRID_WORKER, COUNTY_OFFICER)) {
        refused(AssistanceRules.assignGrid(household(), "grid-a1", by, Optional.empty(), 0, TODAY, POLICIES),
            "actor.role_not_allowed");
      }
      refused(AssistanceRules.assignGrid(household(), "grid-a1", TOWNSHIP_OFFICER_B, Optional.empty(), 0, TODAY,
          POLICIES), "actor.outside_jurisdiction");
    }

    @Test
    void refusesABlankOrLongWorkerId() {
      assertThat(refused(AssistanceRules.assignGrid(household(), " ", TOWNSHIP_OFFICER, Optional.empty(), 0, TODAY,
          POLICIES), "input.invalid").en()).contains("gridWorkerId must not be blank");
      refused(AssistanceRules.assignGrid(household(), "g".repeat(65), TOWNSHIP_OFFICER, Optional.empty(), 0, TODAY,
          POLICIES), "input.invalid");
    }
  }

  @Nested
  class RecordVisit {

    static final GridVisit VISIT = new GridVisit("grid-a1", HOUSEHOLD_ID, TODAY, "家中情况稳定");

    @Test
    void recordsTheAssignedWorkersOwnVisit() {
      GridMove m = move(AssistanceRules.recordVisit(household(), VISIT, GRID_WORKER, Optional.of("grid-a1"),
          Optional.of(new GridVisit("grid-a1", HOUSEHOLD_ID, TODAY.minusDays(7), "正常")), TODAY));

      assertThat(m.action()).isEqualTo(AssistanceActions.GRID_VISIT);
      assertThat(m.householdId()).isEqualTo(HOUSEHOLD_ID);
      assertThat(m.beforeState()).isEmpty();
      assertThat(m.afterState()).isEqualTo("visited=2025-04-30");
    }

    @Test
    void refusesAnyoneButAGridWorker() {
      for (Actor by : List.of(VILLAGE_GROUP, TOWNSHIP_OFFICER, Actor.of("grid-a1", VILLAGE_GROUP.role(),
          VILLAGE_GROUP.jurisdiction()))) {
        refused(AssistanceRules.recordVisit(household(), VISIT, by, Optional.of("grid-a1"), Optional.empty(), TODAY),
            "actor.role_not_allowed");
      }
    }

    @Test
    void refusesAVisitRecordedForAnotherWorker() {
      Rejection r = refused(AssistanceRules.recordVisit(household(), VISIT, GRID_WORKER_OTHER, Optional.of("grid-a1"),
          Optional.empty(), TODAY), "assistance.visit_by_other_worker");
      assertThat(r.en()).contains("grid-a1", "grid-a1-2");
    }

    @Test
    void refusesAWorkerOfAnotherVillage() {
      GridVisit v = new GridVisit("grid-a2", HOUSEHOLD_ID, TODAY, "走访");
      refused(AssistanceRules.recordVisit(household(), v, GRID_WORKER_A2, Optional.of("grid-a2"), Optional.empty(),
          TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void refusesAHouseholdNotAssignedToTheWorker() {
      refused(AssistanceRules.recordVisit(household(), VISIT, GRID_WORKER, Optional.empty(), Optional.empty(), TODAY),
          "assistance.household_not_assigned");
      refused(AssistanceRules.recordVisit(household(), VISIT, GRID_WORKER, Optional.of("grid-a1-2"), Optional.empty(),
          TODAY), "assistance.household_not_assigned");
    }

    @Test
    void refusesADayAfterTodayABlankNoteAndASecondVisitTheSameDay() {
      GridVisit tomorrow = new GridVisit("grid-a1", HOUSEHOLD_ID, TODAY.plusDays(1), "走访");
      GridVisit blank = new GridVisit("grid-a1", HOUSEHOLD_ID, TODAY, " ");
      refused(AssistanceRules.recordVisit(household(), tomorrow, GRID_WORKER, Optional.of("grid-a1"), Optional.empty(),
          TODAY), "assistance.date_out_of_order");
      assertThat(refused(AssistanceRules.recordVisit(household(), blank, GRID_WORKER, Optional.of("grid-a1"),
          Optional.empty(), TODAY), "input.invalid").en()).contains("note must not be blank");
      refused(AssistanceRules.recordVisit(household(), VISIT, GRID_WORKER, Optional.of("grid-a1"), Optional.of(VISIT),
          TODAY), "assistance.visit_exists");
    }
  }

  @Nested
  class Lists {

    @Test
    void missesAVisitOnlyAfterTheIntervalHasFullyPassed() {
      LocalDate on = LocalDate.of(2025, 4, 14);

      assertThat(AssistanceRules.visitMissed(Optional.of(on), on, 7)).isFalse();
      assertThat(AssistanceRules.visitMissed(Optional.of(on.minusDays(7)), on, 7)).isFalse();
      assertThat(AssistanceRules.visitMissed(Optional.of(on.minusDays(8)), on, 7)).isTrue();
      assertThat(AssistanceRules.visitMissed(Optional.empty(), on, 7)).isTrue();
      assertThat(AssistanceRules.visitMissed(Optional.of(on.minusDays(14)), on, 14)).isFalse();
    }

    @Test
    void monitorsExactlyTheStatesFromConfirmationThroughGradualExit() {
      Set<CaseState> monitored = EnumSet.noneOf(CaseState.class);
      for (CaseState s : CaseState.values()) {
        if (AssistanceRules.isMonitored(inState(s))) {
          monitored.add(s);
        }
      }
      assertThat(monitored).containsExactlyInAnyOrder(CaseState.CONFIRMED, CaseState.ELIMINATION_PROPOSED,
          CaseState.ELIMINATION_AWAITING_NOTICE, CaseState.ELIMINATION_IN_NOTICE,
          CaseState.ELIMINATION_AWAITING_TOWNSHIP, CaseState.ELIMINATION_AWAITING_COUNTY, CaseState.GRADUAL_EXIT);
    }

    @Test
    void takesElevenDigitsInARowForAPersonalNumber() {
      assertThat(Checks.holdsPersonalNumber("电话 1391234567")).isFalse();
      assertThat(Checks.holdsPersonalNumber("电话 13912345678")).isTrue();
      assertThat(Checks.holdsPersonalNumber("2025-04-30 发放 5000 元")).isFalse();
    }
  }

  static FollowUpFacts facts(YearMonth month, Money income) {
    return facts(month, income, VILLAGE_GROUP);
  }

  static FollowUpFacts facts(YearMonth month, Money income, Actor by) {
    return new FollowUpFacts(month, TODAY, by, income, Money.ZERO, Set.of());
  }
}
