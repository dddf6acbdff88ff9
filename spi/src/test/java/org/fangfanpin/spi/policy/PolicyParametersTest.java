package org.fangfanpin.spi.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.fangfanpin.spi.model.InvalidValueException;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.testkit.FangFanPinDomain;
import org.junit.jupiter.api.Test;

class PolicyParametersTest {

  private final PolicyParameters defaults = PolicyParameters.builder().build();

  @Test
  void derivesTheSixThousandYuanLineFromTheFourThousandYuanStandardTimesOnePointFive() {
    assertThat(defaults.povertyStandard()).isEqualTo(Money.ofYuan(4_000));
    assertThat(defaults.monitoringThresholdFactorBp()).isEqualTo(15_000);
    assertThat(defaults.monitoringLine()).isEqualTo(Money.ofYuan(6_000));
  }

  @Test
  void defaultsToTheTimeLimitsOfTheSeeds() {
    assertThat(defaults.townshipVerificationWorkingDays()).isEqualTo(7);
    assertThat(defaults.monthlyReportDay()).isEqualTo(5);
    assertThat(defaults.recognitionNoticeDays()).isEqualTo(5);
    assertThat(defaults.recognitionTimeLimit()).isEqualTo(15);
    assertThat(defaults.recognitionTimeLimitCount()).isEqualTo(DayCount.CALENDAR_DAYS);
    assertThat(defaults.eliminationNoticeDays()).isEqualTo(5);
    assertThat(defaults.eliminationTownshipReportDay()).isEqualTo(25);
    assertThat(defaults.eliminationDistrictReportDay()).isEqualTo(5);
    assertThat(defaults.eliminationMinMonthsSinceConfirmation()).isEqualTo(6);
    assertThat(defaults.eliminationStableIncomeMonths()).isEqualTo(6);
  }

  @Test
  void defaultsToTheFundCapsOfTheSeeds() {
    assertThat(defaults.householdAidCapPerYear()).isEqualTo(Money.ofYuan(100_000));
    assertThat(defaults.collegeStudentAidPerAcademicYear()).isEqualTo(Money.ofYuan(5_000));
    assertThat(defaults.hardshipAidPerPersonPerYear()).isEqualTo(Money.ofYuan(5_000));
    assertThat(defaults.countyFundMinimum()).isEqualTo(Money.ofYuan(10_000_000));
    assertThat(defaults.smallDistrictFundMinimum()).isEqualTo(Money.ofYuan(2_000_000));
    assertThat(defaults.preventionInsuranceCoverageBp()).isEqualTo(500);
    assertThat(defaults.preventionInsurancePremiumPerPerson()).isEqualTo(Money.ofYuan(50));
  }

  @Test
  void defaultsToTheStaffingOfTheSeeds() {
    assertThat(defaults.maxHouseholdsPerGridWorker()).isEqualTo(15);
    assertThat(defaults.gridVisitIntervalDays()).isEqualTo(7);
    assertThat(defaults.minCadresPerHousehold()).isEqualTo(1);
    assertThat(defaults.maxCadresPerHousehold()).isEqualTo(2);
  }

  @Test
  void defaultsToAGradualExitOfSixToTwelveMonths() {
    assertThat(defaults.gradualExitMinMonths()).isEqualTo(6);
    assertThat(defaults.gradualExitMaxMonths()).isEqualTo(12);
    assertThat(defaults.gradualExitDefaultMonths()).isEqualTo(6);
    assertThat(defaults.dibaoGradualExitMonths()).isEqualTo(12);
    assertThat(defaults.dibaoExitIncomeFactorBp()).isEqualTo(15_000);
  }

  @Test
  void derivesTheLineFromAChangedStandardUnlessTheLineIsGiven() {
    assertThat(PolicyParameters.builder().povertyStandard(Money.ofYuan(5_000)).build().monitoringLine())
        .isEqualTo(Money.ofYuan(7_500));
    assertThat(PolicyParameters.builder().monitoringThresholdFactorBp(12_345).build().monitoringLine())
        .isEqualTo(Money.ofFen(493_800));
    assertThat(PolicyParameters.builder().monitoringLine(Money.ofYuan(7_100)).build().monitoringLine())
        .isEqualTo(Money.ofYuan(7_100));
  }

  @Test
  void listsEveryProblemOfAnInvalidSet() {
    assertThatThrownBy(() -> PolicyParameters.builder()
        .povertyStandard(Money.ZERO)
        .monthlyReportDay(31)
        .sharpIncomeDropShareBp(10_000)
        .maxCadresPerHousehold(0)
        .gradualExitMinMonths(13)
        .householdAidCapPerYear(Money.ofFen(-1))
        .build())
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems())
            .extracting(Problem::field)
            .containsExactlyInAnyOrder("povertyStandard", "monitoringLine", "monthlyReportDay",
                "sharpIncomeDropShareBp", "maxCadresPerHousehold", "gradualExitMinMonths",
                "gradualExitDefaultMonths", "dibaoGradualExitMonths", "householdAidCapPerYear"));
  }

  @Test
  void keepsDefaultAndDibaoExitWithinTheExitRange() {
    assertThatThrownBy(() -> PolicyParameters.builder().dibaoGradualExitMonths(13).build())
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems())
            .extracting(Problem::code).containsExactly("policy.range"));
  }

  @Property(tries = 200)
  @Domain(FangFanPinDomain.class)
  void copiesAreEqualAndChangeOnlyWhatIsSet(@ForAll PolicyParameters parameters) {
    PolicyParameters copy = PolicyParameters.builder().from(parameters).build();
    PolicyParameters changed = parameters.withTownshipVerificationWorkingDays(20);

    assertThat(copy).isEqualTo(parameters);
    assertThat(changed.townshipVerificationWorkingDays()).isEqualTo(20);
    assertThat(changed.withTownshipVerificationWorkingDays(parameters.townshipVerificationWorkingDays()))
        .isEqualTo(parameters);
  }
}
