package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.fangfanpin.spi.intake.DepartmentRecordKind;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.policy.PolicyParameters;

/** The department thresholds hold for every amount and grade, not only the chosen boundaries. */
class DepartmentRulesProperties {

  @Property
  void raisesAnAmountExactlyFromItsThresholdOn(@ForAll @LongRange(min = 0, max = 100_000_000) long fen,
      @ForAll @LongRange(min = 1, max = 50_000_000) long thresholdFen, @ForAll boolean medical) {
    PolicyParameters p = PolicyParameters.builder().medicalExpenseSignalThreshold(Money.ofFen(thresholdFen))
        .disasterLossSignalThreshold(Money.ofFen(thresholdFen)).build();
    DepartmentRecordKind kind = medical ? DepartmentRecordKind.MEDICAL_EXPENSE : DepartmentRecordKind.DISASTER_LOSS;

    assertThat(DepartmentRulesTest.raises(DepartmentRulesTest.record(kind).amount(Money.ofFen(fen)), p))
        .isEqualTo(fen >= thresholdFen);
  }

  @Property
  void raisesADisabilityGradeExactlyUpToThePolicysGrade(@ForAll @IntRange(min = 1, max = 4) int grade,
      @ForAll @IntRange(min = 1, max = 4) int signalGrade) {
    PolicyParameters p = PolicyParameters.builder().disabilitySignalGrade(signalGrade).build();

    assertThat(DepartmentRulesTest.raises(DepartmentRulesTest.record(DepartmentRecordKind.DISABILITY_CERTIFICATE)
        .detail(Integer.toString(grade)), p)).isEqualTo(grade <= signalGrade);
  }

  @Property
  void raisesAHouseGradeExactlyFromThePolicysGradeOn(@ForAll("grades") char grade, @ForAll boolean fromD) {
    char signalGrade = fromD ? 'D' : 'C';
    PolicyParameters p = PolicyParameters.builder().dangerousHouseSignalGrade(signalGrade).build();

    assertThat(DepartmentRulesTest.raises(DepartmentRulesTest.record(DepartmentRecordKind.DANGEROUS_HOUSE)
        .detail(String.valueOf(grade)), p)).isEqualTo(grade >= signalGrade);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Character> grades() {
    return net.jqwik.api.Arbitraries.of('A', 'B', 'C', 'D');
  }
}
