package org.fangfanpin.core.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;

/** Screening a register against a book in which one province publishes its own, higher line. */
class ScreeningTest {

  private static final AreaCode SHAANXI = AreaCode.of("610000000000");
  private static final LocalDate PROVINCE_FROM = LocalDate.of(2023, 1, 1);
  private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
  private static final PolicyParameters NATIONAL = PolicyParameters.builder().build();
  private static final PolicyParameters PROVINCIAL =
      PolicyParameters.builder().from(NATIONAL).monitoringLine(Money.ofYuan(7_000)).build();
  private static final PolicyBook BOOK = PolicyBook.nationalDefaults().with(PolicyEntry.builder()
      .region(SHAANXI).effectiveFrom(PROVINCE_FROM).parameters(PROVINCIAL).build());

  @Provide
  Arbitrary<List<Household>> registers() {
    Arbitrary<AreaCode> villages = Arbitraries.oneOf(
        DomainArbitraries.areasWithin(SHAANXI, AreaLevel.VILLAGE), DomainArbitraries.villages());
    return DomainArbitraries.households(villages).list().ofMaxSize(30);
  }

  @Property(tries = 100)
  void givesTheProvincialLineToTheHouseholdsOfThatProvinceOnly(@ForAll("registers") List<Household> register) {
    List<Assessment> screened = HouseholdAssessor.screen(register.stream(), BOOK, AS_OF).collect(Collectors.toList());

    assertThat(screened).hasSameSizeAs(register)
        .isEqualTo(HouseholdAssessor.screen(register.parallelStream(), BOOK, AS_OF).collect(Collectors.toList()));
    for (int i = 0; i < register.size(); i++) {
      Household h = register.get(i);
      PolicyParameters expected = SHAANXI.contains(h.area()) ? PROVINCIAL : NATIONAL;
      assertThat(screened.get(i)).isEqualTo(HouseholdAssessor.assess(h, expected, AS_OF));
    }
  }

  @Test
  void flagsAHouseholdBetweenTheTwoLinesOnlyInsideTheProvince() {
    Household inside = HouseholdAssessorTest.household().area(AreaCode.of("611022100201"))
        .incomeLast12Months(Money.ofYuan(19_500)).previousYearIncome(Money.ofYuan(19_500)).build();
    Household outside = inside.withArea(AreaCode.of("110101001001"));

    List<Assessment> screened = HouseholdAssessor.screen(Stream.of(inside, outside), BOOK, AS_OF)
        .collect(Collectors.toList());

    assertThat(screened.get(0).fired(AssessmentRule.INCOME_BELOW_LINE)).isTrue();
    assertThat(screened.get(0).findings().get(0).limit()).isEqualTo(Money.ofYuan(21_000));
    assertThat(screened.get(1).candidate()).isFalse();
  }

  @Test
  void usesTheNationalLineInTheProvinceBeforeItsOwnTookEffect() {
    Household inside = HouseholdAssessorTest.household().incomeLast12Months(Money.ofYuan(19_500))
        .previousYearIncome(Money.ofYuan(19_500)).build();

    assertThat(HouseholdAssessor.screen(Stream.of(inside), BOOK, PROVINCE_FROM.minusDays(1)).findFirst().get()
        .candidate()).isFalse();
  }

  @Test
  void failsWhenNoPolicyCoversAHousehold() {
    Household h = HouseholdAssessorTest.household().build();
    Stream<Assessment> screened = HouseholdAssessor.screen(Stream.of(h), BOOK, LocalDate.of(2020, 12, 31));

    assertThatThrownBy(() -> screened.collect(Collectors.toList())).isInstanceOf(IllegalStateException.class).hasMessageContaining(h.area().code());
  }
}
