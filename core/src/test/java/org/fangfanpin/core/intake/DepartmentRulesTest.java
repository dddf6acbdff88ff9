package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.intake.DepartmentRecordKind;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The industry-department comparison rules at and around every threshold, with the default policy
 * (10,000 yuan for medical expense and disaster loss, house grade C, every disability grade) and
 * with stricter ones.
 */
class DepartmentRulesTest {

  static final PolicyParameters DEFAULTS = PolicyParameters.builder().build();
  static final LocalDate DAY = LocalDate.of(2025, 2, 20);

  static DepartmentRecord.Builder record(DepartmentRecordKind kind) {
    return DepartmentRecord.builder().recordId("r-1").kind(kind).householdId("H1").observedOn(DAY);
  }

  static Validation<Seq<Problem>, Optional<RiskSignal>> evaluate(DepartmentRecord.Builder r, PolicyParameters p) {
    return DepartmentRules.evaluate(r.build(), p, TestCounty.DEPARTMENT_OFFICER);
  }

  static boolean raises(DepartmentRecord.Builder r, PolicyParameters p) {
    Validation<Seq<Problem>, Optional<RiskSignal>> v = evaluate(r, p);
    assertThat(v.isValid()).as("valid: %s", v).isTrue();
    return v.get().isPresent();
  }

  static Seq<Problem> problems(DepartmentRecord.Builder r) {
    Validation<Seq<Problem>, Optional<RiskSignal>> v = evaluate(r, DEFAULTS);
    assertThat(v.isInvalid()).as("invalid: %s", v).isTrue();
    return v.getError();
  }

  @Nested
  class Amounts {

    @ParameterizedTest
    @EnumSource(value = DepartmentRecordKind.class, names = {"MEDICAL_EXPENSE", "DISASTER_LOSS"})
    void raisesAtTheThresholdAndAboveButNotOneFenBelow(DepartmentRecordKind kind) {
      assertThat(raises(record(kind).amount(Money.ofYuan(10_000)), DEFAULTS)).isTrue();
      assertThat(raises(record(kind).amount(Money.ofFen(1_000_001)), DEFAULTS)).isTrue();
      assertThat(raises(record(kind).amount(Money.ofFen(999_999)), DEFAULTS)).isFalse();
      assertThat(raises(record(kind).amount(Money.ZERO), DEFAULTS)).isFalse();
    }

    @Test
    void readsEachThresholdFromItsOwnParameter() {
      PolicyParameters p = PolicyParameters.builder().medicalExpenseSignalThreshold(Money.ofYuan(5_000))
          .disasterLossSignalThreshold(Money.ofYuan(20_000)).build();

      assertThat(raises(record(DepartmentRecordKind.MEDICAL_EXPENSE).amount(Money.ofYuan(5_000)), p)).isTrue();
      assertThat(raises(record(DepartmentRecordKind.MEDICAL_EXPENSE).amount(Money.ofFen(499_999)), p)).isFalse();
      assertThat(raises(record(DepartmentRecordKind.DISASTER_LOSS).amount(Money.ofYuan(20_000)), p)).isTrue();
      assertThat(raises(record(DepartmentRecordKind.DISASTER_LOSS).amount(Money.ofFen(1_999_999)), p)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = DepartmentRecordKind.class, names = {"MEDICAL_EXPENSE", "DISASTER_LOSS"})
    void reportsAMissingAmount(DepartmentRecordKind kind) {
      assertThat(problems(record(kind))).singleElement().satisfies(p -> {
        assertThat(p.field()).isEqualTo("amount");
        assertThat(p.code()).isEqualTo("department.amount.missing");
        assertThat(p.zh()).contains(kind.zh());
        assertThat(p.en()).contains(kind.en());
      });
    }

    @ParameterizedTest
    @EnumSource(DepartmentRecordKind.class)
    void reportsANegativeAmountOfAnyKind(DepartmentRecordKind kind) {
      assertThat(problems(record(kind).amount(Money.ofFen(-1)).detail(validDetail(kind))))
          .extracting(Problem::code).containsExactly("department.amount.negative");
    }
  }

  @Nested
  class Grades {

    @ParameterizedTest
    @CsvSource({"A,false", "B,false", "C,true", "D,true"})
    void raisesAHouseRatedCOrWorseUnderTheDefaultPolicy(String grade, boolean raised) {
      assertThat(raises(record(DepartmentRecordKind.DANGEROUS_HOUSE).detail(grade), DEFAULTS)).isEqualTo(raised);
    }

    @ParameterizedTest
    @CsvSource({"A,false", "B,false", "C,false", "D,true"})
    void raisesOnlyAGradeDHouseWhenThePolicySaysD(String grade, boolean raised) {
      PolicyParameters p = PolicyParameters.builder().dangerousHouseSignalGrade('D').build();

      assertThat(raises(record(DepartmentRecordKind.DANGEROUS_HOUSE).detail(grade), p)).isEqualTo(raised);
    }

    @Test
    void readsAHouseGradeInSmallLettersOrWithBlanks() {
      assertThat(raises(record(DepartmentRecordKind.DANGEROUS_HOUSE).detail(" d "), DEFAULTS)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "CD", "1", "危"})
    void reportsAnUnknownHouseGrade(String grade) {
      assertThat(problems(record(DepartmentRecordKind.DANGEROUS_HOUSE).detail(grade)))
          .extracting(Problem::field, Problem::code)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("detail", "department.detail.invalid"));
    }

    @ParameterizedTest
    @CsvSource({"1,true", "2,true", "3,false", "4,false"})
    void raisesADisabilityGradeAtOrBelowThePolicysGrade(String grade, boolean raised) {
      PolicyParameters p = PolicyParameters.builder().disabilitySignalGrade(2).build();

      assertThat(raises(record(DepartmentRecordKind.DISABILITY_CERTIFICATE).detail(grade), p)).isEqualTo(raised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "3", "4"})
    void raisesEveryDisabilityGradeUnderTheDefaultPolicy(String grade) {
      assertThat(raises(record(DepartmentRecordKind.DISABILITY_CERTIFICATE).detail(grade), DEFAULTS)).isTrue();
    }

    @Test
    void raisesOnlyTheSeverestGradeWhenThePolicySaysOne() {
      PolicyParameters p = PolicyParameters.builder().disabilitySignalGrade(1).build();

      assertThat(raises(record(DepartmentRecordKind.DISABILITY_CERTIFICATE).detail("1"), p)).isTrue();
      assertThat(raises(record(DepartmentRecordKind.DISABILITY_CERTIFICATE).detail("2"), p)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "一", "12"})
    void reportsAnUnknownDisabilityGrade(String grade) {
      assertThat(problems(record(DepartmentRecordKind.DISABILITY_CERTIFICATE).detail(grade)))
          .extracting(Problem::code).containsExactly("department.detail.invalid");
    }

    @ParameterizedTest
    @EnumSource(value = DepartmentRecordKind.class, names = {"DANGEROUS_HOUSE", "DISABILITY_CERTIFICATE", "DIBAO_CHANGE"})
    void reportsAMissingOrBlankDetail(DepartmentRecordKind kind) {
      assertThat(problems(record(kind))).extracting(Problem::code).containsExactly("department.detail.missing");
      assertThat(problems(record(kind).detail("  "))).extracting(Problem::code)
          .containsExactly("department.detail.missing");
    }
  }

  @Nested
  class Facts {

    @ParameterizedTest
    @ValueSource(strings = {"GRANTED", "REVOKED", "granted"})
    void raisesA低保GrantOrRevocation(String change) {
      assertThat(raises(record(DepartmentRecordKind.DIBAO_CHANGE).detail(change), DEFAULTS)).isTrue();
    }

    @Test
    void reportsAnUnknown低保Change() {
      assertThat(problems(record(DepartmentRecordKind.DIBAO_CHANGE).detail("RAISED")))
          .extracting(Problem::code).containsExactly("department.detail.invalid");
    }

    @ParameterizedTest
    @EnumSource(value = DepartmentRecordKind.class, names = {"MEMBER_DEATH", "SCHOOL_ENROLMENT", "EMPLOYMENT_LOSS"})
    void alwaysRaisesADeathAnEnrolmentOrALossOfEmployment(DepartmentRecordKind kind) {
      assertThat(raises(record(kind), DEFAULTS)).isTrue();
    }
  }

  @Nested
  class TheSignal {

    @Test
    void isAnIndustryDepartmentSignalKeyedByKindAndRecordId() {
      RiskSignal s = evaluate(record(DepartmentRecordKind.MEDICAL_EXPENSE).recordId("yb-2025-0042")
          .amount(Money.parseYuan("x", "12345.60").get()), DEFAULTS).get().orElseThrow();

      assertThat(s.channel()).isEqualTo(Channel.INDUSTRY_DEPARTMENT);
      assertThat(s.sourceRef()).isEqualTo("MEDICAL_EXPENSE:yb-2025-0042");
      assertThat(s.householdId()).isEqualTo("H1");
      assertThat(s.observedOn()).isEqualTo(DAY);
      assertThat(s.reportedBy()).isEqualTo(TestCounty.DEPARTMENT_OFFICER);
    }

    @ParameterizedTest
    @EnumSource(DepartmentRecordKind.class)
    void namesTheKindsRisk(DepartmentRecordKind kind) {
      RiskSignal s = evaluate(record(kind).amount(Money.ofYuan(50_000)).detail(validDetail(kind)), DEFAULTS).get()
          .orElseThrow();

      assertThat(s.riskTypes()).isEqualTo(Set.of(kind.risk()));
    }

    @Test
    void givesEvidenceNamingTheKindAndTheAmount() {
      RiskSignal s = evaluate(record(DepartmentRecordKind.DISASTER_LOSS).amount(Money.ofYuan(18_000)), DEFAULTS).get()
          .orElseThrow();

      assertThat(s.evidence()).singleElement().satisfies(e -> {
        assertThat(e.text()).contains("灾害损失").contains("disaster loss").contains("18000.00")
            .contains("10000.00");
        assertThat(e.amount()).contains(Money.ofYuan(18_000));
      });
    }

    @Test
    void givesEvidenceNamingTheGrade() {
      RiskSignal s = evaluate(record(DepartmentRecordKind.DANGEROUS_HOUSE).detail("D"), DEFAULTS).get().orElseThrow();

      assertThat(s.evidence().get(0).text()).contains("危房鉴定").contains("D");
      assertThat(s.evidence().get(0).amount()).isEmpty();
    }
  }

  @Nested
  class InvalidRecords {

    @Test
    void listsEveryProblemOfARecordAtOnce() {
      Seq<Problem> p = problems(record(DepartmentRecordKind.MEDICAL_EXPENSE).recordId(" ").householdId(""));

      assertThat(p).extracting(Problem::field).containsExactlyInAnyOrder("household_id", "record_id", "amount");
      assertThat(p).allSatisfy(problem -> {
        assertThat(problem.zh()).isNotBlank();
        assertThat(problem.en()).isNotBlank();
      });
    }

    @Test
    void reportsARecordIdTooLongForTheSourceReference() {
      int longest = RiskSignal.MAX_SOURCE_REF_LENGTH - "MEMBER_DEATH:".length();

      assertThat(raises(record(DepartmentRecordKind.MEMBER_DEATH).recordId("x".repeat(longest)), DEFAULTS)).isTrue();
      assertThat(problems(record(DepartmentRecordKind.MEMBER_DEATH).recordId("x".repeat(longest + 1))))
          .extracting(Problem::code).containsExactly("department.record_id.invalid");
    }

    @Test
    void reportsAHouseholdIdTheRegisterCannotHold() {
      assertThat(problems(record(DepartmentRecordKind.MEMBER_DEATH).householdId("H".repeat(65))))
          .extracting(Problem::field).containsExactly("household_id");
    }
  }

  static String validDetail(DepartmentRecordKind kind) {
    switch (kind) {
      case DANGEROUS_HOUSE:
        return "D";
      case DISABILITY_CERTIFICATE:
        return "1";
      case DIBAO_CHANGE:
        return "GRANTED";
      default:
        return "-";
    }
  }
}
