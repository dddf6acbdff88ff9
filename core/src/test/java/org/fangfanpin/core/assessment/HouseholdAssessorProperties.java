package org.fangfanpin.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.assessment.AssessmentRule.INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE;
import static org.fangfanpin.core.assessment.AssessmentRule.INCOME_BELOW_LINE;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.testkit.FangFanPinDomain;

/** What holds for every household and every policy. */
@Domain(FangFanPinDomain.class)
@Domain(DomainContext.Global.class)
class HouseholdAssessorProperties {

  private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

  @Property
  void incomeExactlyOnTheLineIsNotBelowItAndOneFenLessIs(@ForAll @IntRange(min = 1, max = 10) int members,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long lineFen) {
    PolicyParameters policy = PolicyParameters.builder().monitoringLine(Money.ofFen(lineFen)).build();
    long lineTotal = lineFen * members;

    assertThat(assess(members, lineTotal, 0, policy).fired(INCOME_BELOW_LINE)).isFalse();
    assertThat(assess(members, lineTotal - 1, 0, policy).fired(INCOME_BELOW_LINE)).isTrue();
  }

  @Property
  void incomeLeftExactlyOnTheLineIsNotBelowItAndOneFenLessIs(@ForAll @IntRange(min = 1, max = 10) int members,
      @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long lineFen,
      @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long rigidFen) {
    PolicyParameters policy = PolicyParameters.builder().monitoringLine(Money.ofFen(lineFen)).build();
    long income = lineFen * members + rigidFen;

    assertThat(assess(members, income, rigidFen, policy).fired(INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE)).isFalse();
    assertThat(assess(members, income, rigidFen + 1, policy).fired(INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE))
        .isTrue();
  }

  @Property(tries = 500)
  void loweringIncomeNeverUnfiresARule(@ForAll Household household, @ForAll PolicyParameters policy,
      @ForAll @IntRange(min = 0, max = 1_000) int keptPerMille) {
    Money lower = Money.ofFen(household.incomeLast12Months().fen() * keptPerMille / 1_000);
    Assessment before = HouseholdAssessor.assess(household, policy, AS_OF);
    Assessment after = HouseholdAssessor.assess(household.withIncomeLast12Months(lower), policy, AS_OF);

    assertThat(rules(after)).containsAll(rules(before));
    assertThat(!before.candidate() || after.candidate()).isTrue();
  }

  @Property(tries = 500)
  void raisingRigidExpenditureNeverUnfiresARule(@ForAll Household household, @ForAll PolicyParameters policy,
      @ForAll Money more) {
    Money higher = household.rigidExpenditure().plus(more);
    Assessment before = HouseholdAssessor.assess(household, policy, AS_OF);
    Assessment after = HouseholdAssessor.assess(household.withRigidExpenditure(higher), policy, AS_OF);

    assertThat(rules(after)).containsAll(rules(before));
    assertThat(!before.candidate() || after.candidate()).isTrue();
  }

  @Property(tries = 500)
  void hasACategoryAndRiskTypesExactlyWhenARuleFired(@ForAll Household household, @ForAll PolicyParameters policy) {
    Assessment a = HouseholdAssessor.assess(household, policy, AS_OF);

    assertThat(a.category().isPresent()).isEqualTo(!a.findings().isEmpty());
    assertThat(a.riskTypes().isEmpty()).isEqualTo(a.findings().isEmpty());
    assertThat(a.perCapitaIncome().fen()).isEqualTo(household.incomeLast12Months().fen() / household.memberCount());
  }

  private static Set<AssessmentRule> rules(Assessment a) {
    Set<AssessmentRule> rules = EnumSet.noneOf(AssessmentRule.class);
    a.findings().forEach(f -> rules.add(f.rule()));
    return rules;
  }

  private static Assessment assess(int members, long incomeFen, long rigidFen, PolicyParameters policy) {
    Household h = Household.builder()
        .id("6110221002010001")
        .area(AreaCode.of("611022100201"))
        .status(HouseholdStatus.ORDINARY)
        .head(ResidentId.of("11010519491231002X"))
        .memberCount(members)
        .workers(1)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(Money.ofFen(incomeFen))
        .previousYearIncome(Money.ofFen(incomeFen))
        .rigidExpenditure(Money.ofFen(rigidFen))
        .build();
    return HouseholdAssessor.assess(h, policy, AS_OF);
  }
}
