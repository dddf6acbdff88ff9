package org.fangfanpin.core.intake;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.intake.AbstractRiskSignal;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.intake.DepartmentRecordKind;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.AbstractHousehold;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The industry-department comparison (行业部门数据比对): which department records cross the policy's
 * thresholds and become signals of channel {@link Channel#INDUSTRY_DEPARTMENT}. A pure function
 * of the record, the policy and the officer.
 *
 * <ul>
 *   <li>out-of-pocket medical expense and disaster loss: the amount at or above the policy's
 *       threshold;
 *   <li>dangerous-house rating: the grade at or beyond the policy's grade (C or D);
 *   <li>disability certificate: the grade at or below the policy's grade (1 is the severest);
 *   <li>低保 change: granted or revoked;
 *   <li>death of a member, enrolment in senior school or college, loss of employment: always.
 * </ul>
 *
 * <p>The signal's source reference is {@code <kind>:<record id>}, so the same record delivered
 * again is the same signal.
 */
final class DepartmentRules {

  /** The 低保 change codes. */
  static final String GRANTED = "GRANTED";
  static final String REVOKED = "REVOKED";

  private DepartmentRules() {}

  /**
   * Compares one record: a signal when it crosses its threshold, empty when it stays below, every
   * problem when the record cannot be judged.
   */
  static Validation<Seq<Problem>, Optional<RiskSignal>> evaluate(DepartmentRecord record, PolicyParameters policy,
      Actor officer) {
    Seq<Problem> problems = keyProblems(record).appendAll(amountProblems(record));
    Validation<Seq<Problem>, Optional<Finding>> crossing = crossing(record, policy);
    if (crossing.isInvalid()) {
      problems = problems.appendAll(crossing.getError());
    }
    if (!problems.isEmpty()) {
      return Validation.invalid(problems);
    }
    return Validation.valid(crossing.get().map(f -> signal(record, f, officer)));
  }

  /** The source reference of a record's signal. */
  static String sourceRef(DepartmentRecord record) {
    return record.kind().name() + ":" + record.recordId();
  }

  private static Seq<Problem> keyProblems(DepartmentRecord r) {
    Seq<Problem> problems = AbstractHousehold.idProblems("household_id", r.householdId());
    int maxIdLength = AbstractRiskSignal.MAX_SOURCE_REF_LENGTH - r.kind().name().length() - 1;
    String id = r.recordId();
    if (id.isBlank() || id.length() > maxIdLength || id.chars().anyMatch(Character::isISOControl)) {
      problems = problems.append(Problem.of("record_id", "department.record_id.invalid",
          "部门记录编号不能为空、不含控制字符且不超过 " + maxIdLength + " 个字符",
          "the record id must not be blank, hold no control characters and be at most " + maxIdLength
              + " characters"));
    }
    return problems;
  }

  private static Seq<Problem> amountProblems(DepartmentRecord r) {
    return r.amount().isPresent() && r.amount().get().isNegative()
        ? List.of(Problem.of("amount", "department.amount.negative", "金额不能为负数", "the amount cannot be negative"))
        : List.empty();
  }

  private static Validation<Seq<Problem>, Optional<Finding>> crossing(DepartmentRecord r, PolicyParameters p) {
    DepartmentRecordKind kind = r.kind();
    switch (kind) {
      case MEDICAL_EXPENSE:
        return amountAtLeast(r, p.medicalExpenseSignalThreshold());
      case DISASTER_LOSS:
        return amountAtLeast(r, p.disasterLossSignalThreshold());
      case DANGEROUS_HOUSE:
        return houseGrade(r, p.dangerousHouseSignalGrade());
      case DISABILITY_CERTIFICATE:
        return disabilityGrade(r, p.disabilitySignalGrade());
      case DIBAO_CHANGE:
        return dibaoChange(r);
      default:
        // Death of a member, enrolment, loss of employment: the fact itself is the risk.
        return Validation.valid(Optional.of(new Finding(kind.zh(), kind.en())));
    }
  }

  private static Validation<Seq<Problem>, Optional<Finding>> amountAtLeast(DepartmentRecord r, Money threshold) {
    if (r.amount().isEmpty()) {
      return Validation.invalid(List.of(Problem.of("amount", "department.amount.missing",
          r.kind().zh() + "记录缺少金额", "a " + r.kind().en() + " record needs an amount")));
    }
    Money amount = r.amount().get();
    if (amount.isLessThan(threshold)) {
      return Validation.valid(Optional.empty());
    }
    return Validation.valid(Optional.of(new Finding(
        r.kind().zh() + " " + amount.toYuanString() + " 元，达到预警线 " + threshold.toYuanString() + " 元",
        r.kind().en() + " of " + amount.toYuanString() + " yuan, at or above the signal threshold of "
            + threshold.toYuanString() + " yuan")));
  }

  private static Validation<Seq<Problem>, Optional<Finding>> houseGrade(DepartmentRecord r, char signalGrade) {
    Optional<String> detail = code(r);
    if (detail.isEmpty()) {
      return missingDetail(r);
    }
    String grade = detail.get();
    if (grade.length() != 1 || grade.charAt(0) < 'A' || grade.charAt(0) > 'D') {
      return invalidDetail("危房等级应为 A、B、C、D 之一", "the house grade must be one of A, B, C, D");
    }
    if (grade.charAt(0) < signalGrade) {
      return Validation.valid(Optional.empty());
    }
    return Validation.valid(Optional.of(new Finding(
        "危房鉴定为 " + grade + " 级（预警线 " + signalGrade + " 级）",
        "house rated grade " + grade + " (signal from grade " + signalGrade + ")")));
  }

  private static Validation<Seq<Problem>, Optional<Finding>> disabilityGrade(DepartmentRecord r, int signalGrade) {
    Optional<String> detail = code(r);
    if (detail.isEmpty()) {
      return missingDetail(r);
    }
    String grade = detail.get();
    if (grade.length() != 1 || grade.charAt(0) < '1' || grade.charAt(0) > '4') {
      return invalidDetail("残疾等级应为 1 到 4 之一", "the disability grade must be one of 1, 2, 3, 4");
    }
    if (grade.charAt(0) - '0' > signalGrade) {
      return Validation.valid(Optional.empty());
    }
    return Validation.valid(Optional.of(new Finding(
        "办理 " + grade + " 级残疾证（预警线 " + signalGrade + " 级及以上）",
        "disability certificate of grade " + grade + " (signal at grade " + signalGrade + " or severer)")));
  }

  private static Validation<Seq<Problem>, Optional<Finding>> dibaoChange(DepartmentRecord r) {
    Optional<String> detail = code(r);
    if (detail.isEmpty()) {
      return missingDetail(r);
    }
    switch (detail.get()) {
      case GRANTED:
        return Validation.valid(Optional.of(new Finding("新纳入低保", "newly granted dibao")));
      case REVOKED:
        return Validation.valid(Optional.of(new Finding("退出低保", "dibao revoked")));
      default:
        return invalidDetail("低保变动应为 GRANTED（纳入）或 REVOKED（退出）",
            "the dibao change must be GRANTED or REVOKED");
    }
  }

  /** The detail code, stripped and in capitals; empty when missing or blank. */
  private static Optional<String> code(DepartmentRecord r) {
    return r.detail().map(d -> d.strip().toUpperCase(Locale.ROOT)).filter(d -> !d.isEmpty());
  }

  private static Validation<Seq<Problem>, Optional<Finding>> missingDetail(DepartmentRecord r) {
    return Validation.invalid(List.of(Problem.of("detail", "department.detail.missing",
        r.kind().zh() + "记录缺少明细代码", "a " + r.kind().en() + " record needs its detail code")));
  }

  private static Validation<Seq<Problem>, Optional<Finding>> invalidDetail(String zh, String en) {
    return Validation.invalid(List.of(Problem.of("detail", "department.detail.invalid", zh, en)));
  }

  private static RiskSignal signal(DepartmentRecord r, Finding f, Actor officer) {
    DepartmentRecordKind kind = r.kind();
    return RiskSignal.builder()
        .channel(Channel.INDUSTRY_DEPARTMENT)
        .sourceRef(sourceRef(r))
        .householdId(r.householdId())
        .observedOn(r.observedOn())
        .riskTypes(Set.of(kind.risk()))
        .addEvidence(Evidence.of("行业部门比对（" + kind.zh() + "）：" + f.zh
            + " / department comparison (" + kind.en() + "): " + f.en, r.amount()))
        .reportedBy(officer)
        .build();
  }

  /** Why a record crossed its threshold, in Chinese and English. */
  private record Finding(String zh, String en) {}
}
