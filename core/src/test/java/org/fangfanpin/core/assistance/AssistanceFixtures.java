package org.fangfanpin.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;

/**
 * Cases, households and actors for the pure rule tests, free of any store: Danfeng county's areas,
 * the actors of each role, and a lifted household of four in village A1 confirmed by the county
 * on 2025-03-13, asked about on 2025-04-30.
 */
final class AssistanceFixtures {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  static final AreaCode TOWNSHIP_B = AreaCode.of("611022101000");
  static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");
  static final AreaCode VILLAGE_A2 = AreaCode.of("611022100202");

  static final Actor VILLAGE_GROUP = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor VILLAGE_GROUP_A2 = Actor.of("vwg-a2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A2);
  static final Actor GRID_WORKER = Actor.of("grid-a1", Role.GRID_WORKER, VILLAGE_A1);
  static final Actor GRID_WORKER_OTHER = Actor.of("grid-a1-2", Role.GRID_WORKER, VILLAGE_A1);
  static final Actor GRID_WORKER_A2 = Actor.of("grid-a2", Role.GRID_WORKER, VILLAGE_A2);
  static final Actor TOWNSHIP_OFFICER = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  static final Actor TOWNSHIP_OFFICER_OTHER = Actor.of("twp-a-2", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  static final Actor TOWNSHIP_OFFICER_B = Actor.of("twp-b", Role.TOWNSHIP_OFFICER, TOWNSHIP_B);
  static final Actor TOWNSHIP_HEAD = Actor.of("head-a", Role.TOWNSHIP_HEAD, TOWNSHIP_A);
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final Actor DEPARTMENT_OFFICER = Actor.of("dept-health", Role.DEPARTMENT_OFFICER, COUNTY);

  static final PolicyParameters POLICY = PolicyParameters.builder().build();
  static final PolicyLookup POLICIES = (area, day) -> POLICY;

  static final String HOUSEHOLD_ID = "6110221002010001";
  static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  static final LocalDate CONFIRMED = LocalDate.of(2025, 3, 13);
  static final LocalDate TODAY = LocalDate.of(2025, 4, 30);

  /** The two cadres the fixtures assign. */
  static final String CADRE_1 = "cadre-1";
  static final String CADRE_2 = "cadre-2";

  private AssistanceFixtures() {}

  /** The household's case, just confirmed by the county, without cadres or measures. */
  static MonitoringCase confirmed() {
    return inState(CaseState.CONFIRMED);
  }

  /** The household's case in the state, confirmed on {@link #CONFIRMED} when past recognition. */
  static MonitoringCase inState(CaseState state) {
    MonitoringCase.Builder b = MonitoringCase.builder()
        .id("case-1")
        .householdId(HOUSEHOLD_ID)
        .area(VILLAGE_A1)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(state)
        .version(9)
        .openedOn(OPENED)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "ref-1", OPENED, OPENED, Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS));
    if (!state.inRecognition() && state != CaseState.DISMISSED) {
      b.decision(new CountyDecision(CONFIRMED, COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
          Set.of(RiskType.ILLNESS), ""));
    }
    return b.build();
  }

  /** The confirmed case with both cadres. */
  static MonitoringCase withCadres() {
    return confirmed().withCadreIds(CADRE_1, CADRE_2);
  }

  /** The confirmed case with both cadres and one planned measure, number 1, planned on 2025-03-20. */
  static MonitoringCase withPlannedMeasure() {
    return after(AssistanceRules.planMeasure(withCadres(), plan(LocalDate.of(2025, 3, 20)), VILLAGE_GROUP, TODAY));
  }

  /** The case with measure 1 implemented by the village working group on 2025-04-01. */
  static MonitoringCase withImplementedMeasure() {
    return after(AssistanceRules.implementMeasure(withPlannedMeasure(), 1, VILLAGE_GROUP, LocalDate.of(2025, 4, 1),
        "公益性岗位协议已签订，首月工资已发放", TODAY));
  }

  /** The case with measure 1 verified by the township officer on 2025-04-10. */
  static MonitoringCase withVerifiedMeasure() {
    return after(AssistanceRules.verifyMeasure(withImplementedMeasure(), 1, TOWNSHIP_OFFICER,
        LocalDate.of(2025, 4, 10), TODAY));
  }

  /** A public-welfare job planned on the day, with cadre 1 responsible. */
  static MeasurePlan plan(LocalDate plannedOn) {
    return MeasurePlan.of(MeasureType.PUBLIC_WELFARE_JOB, "县人社局", CADRE_1, plannedOn);
  }

  /** The household of the case: four members, two workers, 40,000 yuan, every need secure. */
  static Household household() {
    return Household.builder()
        .id(HOUSEHOLD_ID)
        .area(VILLAGE_A1)
        .status(HouseholdStatus.LIFTED)
        .head(ResidentId.parse("head", "61102219700101001" + check("61102219700101001")).get())
        .memberCount(4)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(Money.ofYuan(40_000))
        .previousYearIncome(Money.ofYuan(40_000))
        .rigidExpenditure(Money.ZERO)
        .unmetNeeds(Set.<BasicNeed>of())
        .build();
  }

  /** The case after an accepted move; fails the test on a rejection. */
  static MonitoringCase after(Either<Rejection, CaseMove> result) {
    return move(result).after();
  }

  /** The accepted move; fails the test on a rejection. */
  static <T> T move(Either<Rejection, T> result) {
    return result.getOrElseThrow(r -> new AssertionError("expected the move to be accepted: " + r));
  }

  /** The rejection, checked to have the code. */
  static Rejection refused(Either<Rejection, ?> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    assertThat(result.getLeft().zh()).isNotBlank();
    assertThat(result.getLeft().en()).isNotBlank();
    return result.getLeft();
  }

  /** A text of {@code n} characters without digits. */
  static String text(int n) {
    return "帮".repeat(n);
  }

  /** The cadre ids as a list. */
  static List<String> ids(String... ids) {
    return List.of(ids);
  }

  /** The check character of a resident ID's first 17 digits. */
  static char check(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
