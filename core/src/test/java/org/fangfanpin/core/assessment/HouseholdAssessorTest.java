package org.fangfanpin.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.assessment.AssessmentRule.BASIC_NEED_UNMET;
import static org.fangfanpin.core.assessment.AssessmentRule.INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE;
import static org.fangfanpin.core.assessment.AssessmentRule.INCOME_BELOW_LINE;
import static org.fangfanpin.core.assessment.AssessmentRule.RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME;
import static org.fangfanpin.core.assessment.AssessmentRule.SHARP_INCOME_DROP;

import java.time.LocalDate;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The five rules at their boundaries, with the default policy: a line of 6,000 yuan a person, so
 * 18,000 yuan for the three members of {@link #household()}.
 */
class HouseholdAssessorTest {

  static final PolicyParameters POLICY = PolicyParameters.builder().build();
  static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

  /** Three members, two of them working, 60,000 yuan this year and last, no rigid expenditure. */
  static Household.Builder household() {
    return Household.builder()
        .id("6110221002010001")
        .area(AreaCode.of("611022100201"))
        .status(HouseholdStatus.ORDINARY)
        .head(ResidentId.of("11010519491231002X"))
        .memberCount(3)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(yuan("60000"))
        .previousYearIncome(yuan("60000"))
        .rigidExpenditure(Money.ZERO);
  }

  static Money yuan(String text) {
    return Money.parseYuan("test", text).get();
  }

  static Assessment assess(Household.Builder household) {
    return HouseholdAssessor.assess(household.build(), POLICY, AS_OF);
  }

  static Assessment assess(Household.Builder household, PolicyParameters policy) {
    return HouseholdAssessor.assess(household.build(), policy, AS_OF);
  }

  @Test
  void findsNothingInAHouseholdWellAboveTheLine() {
    Assessment a = assess(household());

    assertThat(a.candidate()).isFalse();
    assertThat(a.findings()).isEmpty();
    assertThat(a.category()).isEmpty();
    assertThat(a.riskTypes()).isEmpty();
    assertThat(a.householdId()).isEqualTo("6110221002010001");
    assertThat(a.asOf()).isEqualTo(AS_OF);
    assertThat(a.perCapitaIncome()).isEqualTo(yuan("20000"));
  }

  @Nested
  class IncomeBelowLine {

    @Test
    void doesNotFireWhenIncomeIsExactlyTheLineTimesMembers() {
      assertThat(assess(household().incomeLast12Months(yuan("18000"))).fired(INCOME_BELOW_LINE)).isFalse();
    }

    @Test
    void firesOneFenBelowTheLineTimesMembers() {
      Assessment a = assess(household().incomeLast12Months(yuan("17999.99")));

      assertThat(a.fired(INCOME_BELOW_LINE)).isTrue();
      assertThat(a.findings().get(0).actual()).isEqualTo(yuan("17999.99"));
      assertThat(a.findings().get(0).limit()).isEqualTo(yuan("18000"));
    }
  }

  @Nested
  class IncomeAfterRigidExpenditureBelowLine {

    @Test
    void doesNotFireWhenWhatIsLeftIsExactlyTheLine() {
      Assessment a = assess(household().rigidExpenditure(yuan("42000")));

      assertThat(a.candidate()).isFalse();
    }

    @Test
    void firesWhenOneFenLessIsLeft() {
      Assessment a = assess(household().rigidExpenditure(yuan("42000.01")));

      assertThat(a.findings()).extracting(RuleFinding::rule).containsExactly(INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE);
      assertThat(a.findings().get(0).actual()).isEqualTo(yuan("17999.99"));
    }
  }

  @Nested
  class RigidExpenditureExceedsLastYearIncome {

    private Household.Builder withLastYear(String previous, String rigid) {
      return household().incomeLast12Months(yuan("100000")).previousYearIncome(yuan(previous))
          .rigidExpenditure(yuan(rigid));
    }

    @Test
    void doesNotFireWhenExpenditureEqualsLastYearsIncome() {
      assertThat(assess(withLastYear("20000", "20000")).candidate()).isFalse();
    }

    @Test
    void firesOneFenAboveLastYearsIncome() {
      Assessment a = assess(withLastYear("20000", "20000.01"));

      assertThat(a.findings()).extracting(RuleFinding::rule).containsExactly(RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME);
      assertThat(a.findings().get(0).limit()).isEqualTo(yuan("20000"));
    }

    @Test
    void comparesWithTheFactorWithoutRoundingTheProduct() {
      PolicyParameters oneAndAHalf = PolicyParameters.builder().rigidExpenditureFactorBp(15_000).build();

      // 20,000.01 × 1.5 = 30,000.015 yuan: 30,000.01 is not above it, 30,000.02 is.
      assertThat(assess(withLastYear("20000.01", "30000.01"), oneAndAHalf).candidate()).isFalse();
      assertThat(assess(withLastYear("20000.01", "30000.02"), oneAndAHalf).fired(RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME))
          .isTrue();
    }

    @Test
    void firesOnAnyExpenditureAfterAYearWithoutIncome() {
      assertThat(assess(withLastYear("0", "0")).candidate()).isFalse();
      assertThat(assess(withLastYear("0", "0.01")).fired(RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME)).isTrue();
    }
  }

  @Nested
  class SharpIncomeDrop {

    private Household.Builder dropped(String previous, String income) {
      return household().previousYearIncome(yuan(previous)).incomeLast12Months(yuan(income));
    }

    @Test
    void doesNotFireWhenIncomeFellByExactlyTheShare() {
      assertThat(assess(dropped("60000", "30000")).candidate()).isFalse();
    }

    @Test
    void firesWhenIncomeFellByOneFenMore() {
      Assessment a = assess(dropped("60000", "29999.99"));

      assertThat(a.findings()).extracting(RuleFinding::rule).containsExactly(SHARP_INCOME_DROP);
      assertThat(a.findings().get(0).limit()).isEqualTo(yuan("30000"));
    }

    @Test
    void doesNotFireWhenIncomeStaysAtTwiceTheLine() {
      assertThat(assess(dropped("100000", "36000")).candidate()).isFalse();
    }

    @Test
    void firesOneFenBelowTwiceTheLine() {
      assertThat(assess(dropped("100000", "35999.99")).fired(SHARP_INCOME_DROP)).isTrue();
    }

    @Test
    void doesNotFireWithoutIncomeLastYear() {
      assertThat(assess(dropped("0", "18000")).candidate()).isFalse();
    }
  }

  @Nested
  class BasicNeedUnmet {

    @ParameterizedTest
    @EnumSource(BasicNeed.class)
    void firesForEachNeedThatIsNotSecure(BasicNeed need) {
      Assessment a = assess(household().addUnmetNeeds(need));

      assertThat(a.findings()).extracting(RuleFinding::rule).containsExactly(BASIC_NEED_UNMET);
      assertThat(a.findings().get(0).unmetNeeds()).containsExactly(need);
    }

    @Test
    void doesNotFireWhenEveryNeedIsSecure() {
      assertThat(assess(household()).fired(BASIC_NEED_UNMET)).isFalse();
    }
  }

  @Nested
  class Categories {

    @Test
    void aLiftedHouseholdBelowTheLineIsAnUnstableLiftedHousehold() {
      Assessment a = assess(household().status(HouseholdStatus.LIFTED).incomeLast12Months(yuan("17999.99")));

      assertThat(a.category()).contains(MonitoringCategory.UNSTABLE_LIFTED);
    }

    @Test
    void anOrdinaryHouseholdBelowTheLineIsAMarginalHousehold() {
      Assessment a = assess(household().status(HouseholdStatus.ORDINARY).incomeLast12Months(yuan("17999.99")));

      assertThat(a.category()).contains(MonitoringCategory.MARGINAL);
    }

    @ParameterizedTest
    @EnumSource(HouseholdStatus.class)
    void aHouseholdAboveTheLineHitByAnotherRuleIsASuddenHardshipHousehold(HouseholdStatus status) {
      assertThat(assess(household().status(status).rigidExpenditure(yuan("42000.01"))).category())
          .contains(MonitoringCategory.SUDDEN_HARDSHIP);
      assertThat(assess(household().status(status).addUnmetNeeds(BasicNeed.SAFE_HOUSING)).category())
          .contains(MonitoringCategory.SUDDEN_HARDSHIP);
      assertThat(assess(household().status(status).previousYearIncome(yuan("100000"))
          .incomeLast12Months(yuan("20000"))).category()).contains(MonitoringCategory.SUDDEN_HARDSHIP);
    }
  }

  @Nested
  class RiskTypes {

    @Test
    void readsIllnessAndHousingFromTheFacts() {
      Assessment a = assess(household().seriouslyIllMembers(1).addUnmetNeeds(BasicNeed.SAFE_HOUSING));

      assertThat(a.riskTypes()).containsExactlyInAnyOrder(RiskType.ILLNESS, RiskType.HOUSING_SAFETY);
    }

    @Test
    void readsASharpDropOfAWorkingHouseholdAsUnstableEmployment() {
      assertThat(assess(household().incomeLast12Months(yuan("20000"))).riskTypes())
          .containsExactly(RiskType.UNSTABLE_EMPLOYMENT);
      assertThat(assess(household().workers(0).incomeLast12Months(yuan("20000"))).riskTypes())
          .containsExactly(RiskType.LACK_OF_LABOUR);
    }

    @Test
    void saysOtherWhenNoCauseIsEvident() {
      assertThat(assess(household().incomeLast12Months(yuan("17999.99")).previousYearIncome(yuan("18000"))).riskTypes())
          .containsExactly(RiskType.OTHER);
    }
  }

  @Nested
  class Reasons {

    @Test
    void giveTheFiguresOfTheIncomeRuleInChineseAndEnglish() {
      RuleFinding f = assess(household().incomeLast12Months(yuan("17999.99"))).findings().get(0);

      assertThat(f.zh()).contains("17999.99", "18000.00", "元");
      assertThat(f.en()).contains("17999.99", "18000.00", "yuan");
    }

    @Test
    void giveTheFiguresOfEveryRuleThatFired() {
      Assessment a = assess(household().incomeLast12Months(yuan("100000")).previousYearIncome(yuan("20000"))
          .rigidExpenditure(yuan("90000.50")));

      assertThat(a.findings()).extracting(RuleFinding::rule)
          .containsExactly(INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE, RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME);
      assertThat(a.findings().get(0).zh()).contains("9999.50", "18000.00");
      assertThat(a.findings().get(0).en()).contains("9999.50", "18000.00");
      assertThat(a.findings().get(1).zh()).contains("90000.50", "20000.00");
      assertThat(a.findings().get(1).en()).contains("90000.50", "20000.00");
    }

    @Test
    void nameTheNeedsThatAreNotSecure() {
      RuleFinding f = assess(household().addUnmetNeeds(BasicNeed.SAFE_HOUSING, BasicNeed.SAFE_DRINKING_WATER))
          .findings().get(0);

      assertThat(f.zh()).contains("住房安全有保障", "饮水安全有保障");
      assertThat(f.en()).contains("safe housing", "safe drinking water");
    }

    @Test
    void giveTheFiguresOfASharpDrop() {
      RuleFinding f = assess(household().incomeLast12Months(yuan("20000"))).findings().get(0);

      assertThat(f.zh()).contains("20000.00", "30000.00");
      assertThat(f.en()).contains("20000.00", "30000.00");
    }
  }

  @Test
  void roundsPerCapitaIncomeDownToTheFen() {
    assertThat(assess(household().incomeLast12Months(Money.ofFen(10))).perCapitaIncome()).isEqualTo(Money.ofFen(3));
  }

  @Nested
  class HugeFigures {

    private final long max = Long.MAX_VALUE;

    @Test
    void compareExpenditureWithAFactorOfTheLargestIncomeWithoutOverflow() {
      PolicyParameters oneAndAHalf = PolicyParameters.builder().rigidExpenditureFactorBp(15_000).build();

      Assessment equal = assess(household().incomeLast12Months(Money.ofFen(max)).previousYearIncome(Money.ofFen(max))
          .rigidExpenditure(Money.ofFen(max)), oneAndAHalf);
      Assessment above = assess(household().incomeLast12Months(Money.ofFen(max))
          .previousYearIncome(Money.ofFen(max / 2)).rigidExpenditure(Money.ofFen(max)), oneAndAHalf);

      assertThat(equal.fired(RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME)).isFalse();
      assertThat(equal.fired(INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE)).isTrue();
      assertThat(above.fired(RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME)).isTrue();
      assertThat(above.findings().get(1).limit()).isEqualTo(Money.ofFen(Exact.scaleDown(max / 2, 15_000)));
    }

    @Test
    void compareASharpDropNearTheLargestLineWithoutOverflow() {
      // A line of 2^60 − 1 fen for 4 members: L × n = 2^62 − 4 and the band 2 × L × n = 2^63 − 8.
      PolicyParameters huge = PolicyParameters.builder().monitoringLine(Money.ofFen(max / 8)).build();
      long income = (1L << 62) - 1;

      Assessment a = assess(household().memberCount(4).incomeLast12Months(Money.ofFen(income))
          .previousYearIncome(Money.ofFen(max)), huge);

      assertThat(a.findings()).extracting(RuleFinding::rule).containsExactly(SHARP_INCOME_DROP);
      assertThat(a.findings().get(0).limit()).isEqualTo(Money.ofFen(max / 2));
      assertThat(a.findings().get(0).en()).contains(Money.ofFen(max / 2).toYuanString());
    }

    @Test
    void doNotTakeAFallFromTheLargestIncomeForASharpDropAboveTheBand() {
      Assessment a = assess(household().incomeLast12Months(Money.ofFen(max / 2 - 1)).previousYearIncome(Money.ofFen(max)));

      assertThat(a.candidate()).isFalse();
    }
  }
}
