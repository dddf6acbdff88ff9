package org.fangfanpin.spi.policy;

import io.vavr.collection.List;
import org.fangfanpin.spi.model.InvalidValueException;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.immutables.value.Value;

/**
 * The policy parameters (政策参数) that the rules read. Every figure of DOMAIN.md's table is here
 * with its national or seed default; provinces and years override them through a
 * {@link PolicyBook}.
 *
 * <p>Ratios are in basis points (1/10,000) so that every comparison stays exact in whole fen.
 */
@Value.Immutable
public abstract class AbstractPolicyParameters {

  /** One whole, in basis points. */
  public static final int ONE = 10_000;

  /** National poverty standard (国家扶贫标准), per person per year. */
  @Value.Default
  public Money povertyStandard() {
    return Money.ofYuan(4_000);
  }

  /** The monitoring threshold as a multiple of the poverty standard (1.5 ×; 001, 002, 003). */
  @Value.Default
  public int monitoringThresholdFactorBp() {
    return 15_000;
  }

  /**
   * The monitoring income line (监测标准) L, per person per year: by default the poverty standard
   * times the threshold factor (6,000 yuan for 2021), or the figure the province publishes.
   */
  @Value.Default
  public Money monitoringLine() {
    return Money.ofFen(Math.multiplyExact(povertyStandard().fen(), (long) monitoringThresholdFactorBp()) / ONE);
  }

  /** Rigid expenditure counts as exceeding last year's income above this multiple of it (1.0). */
  @Value.Default
  public int rigidExpenditureFactorBp() {
    return ONE;
  }

  /** Share of last year's income that income must fall by to count as a sharp drop (0.5). */
  @Value.Default
  public int sharpIncomeDropShareBp() {
    return 5_000;
  }

  /** A sharp drop only counts when income stays under this multiple of the line (2 × L × n). */
  @Value.Default
  public int sharpIncomeDropBandBp() {
    return 20_000;
  }

  /** Working days the township has to verify after the appraisal result arrives (001: 7). */
  @Value.Default
  public int townshipVerificationWorkingDays() {
    return 7;
  }

  /** Day of the month by which the township reports to the county (001: the 5th). */
  @Value.Default
  public int monthlyReportDay() {
    return 5;
  }

  /** Days the recognition list stays posted in the village (national: at least 5). */
  @Value.Default
  public int recognitionNoticeDays() {
    return 5;
  }

  /** Time limit from the first risk clue to the county decision (national: 15 days). */
  @Value.Default
  public int recognitionTimeLimit() {
    return 15;
  }

  /** How {@link #recognitionTimeLimit()} counts days (some provinces: 20 working days). */
  @Value.Default
  public DayCount recognitionTimeLimitCount() {
    return DayCount.CALENDAR_DAYS;
  }

  /** Days the elimination notice stays posted without objection (004: 5). */
  @Value.Default
  public int eliminationNoticeDays() {
    return 5;
  }

  /** Day of the month by which townships report eliminations to the district (004: the 25th). */
  @Value.Default
  public int eliminationTownshipReportDay() {
    return 25;
  }

  /** Day of the next month by which the district reports eliminations to the city (004: the 5th). */
  @Value.Default
  public int eliminationDistrictReportDay() {
    return 5;
  }

  /** Households one grid worker (网格员) covers at most (004: 15). */
  @Value.Default
  public int maxHouseholdsPerGridWorker() {
    return 15;
  }

  /** Days between two visits of a grid worker to a household (004: weekly). */
  @Value.Default
  public int gridVisitIntervalDays() {
    return 7;
  }

  /** Responsible cadres (帮扶责任人) a monitored household has at least (003: 1). */
  @Value.Default
  public int minCadresPerHousehold() {
    return 1;
  }

  /** Responsible cadres a monitored household has at most (002: 2). */
  @Value.Default
  public int maxCadresPerHousehold() {
    return 2;
  }

  /** Fund aid per household per year at most (000: 100,000 yuan). */
  @Value.Default
  public Money householdAidCapPerYear() {
    return Money.ofYuan(100_000);
  }

  /** Fund aid per college student per academic year (000: 5,000 yuan). */
  @Value.Default
  public Money collegeStudentAidPerAcademicYear() {
    return Money.ofYuan(5_000);
  }

  /** Fund aid for epidemic or other hardship, per person per year at most (000: 5,000 yuan). */
  @Value.Default
  public Money hardshipAidPerPersonPerYear() {
    return Money.ofYuan(5_000);
  }

  /** The smallest yearly county fund (002: 10,000,000 yuan). */
  @Value.Default
  public Money countyFundMinimum() {
    return Money.ofYuan(10_000_000);
  }

  /** The smallest yearly fund of a small district (002: 2,000,000 yuan). */
  @Value.Default
  public Money smallDistrictFundMinimum() {
    return Money.ofYuan(2_000_000);
  }

  /** Shortest gradual exit period (渐退期) in months (003: 6). */
  @Value.Default
  public int gradualExitMinMonths() {
    return 6;
  }

  /** Longest gradual exit period in months (003: 12). */
  @Value.Default
  public int gradualExitMaxMonths() {
    return 12;
  }

  /** The gradual exit period of a household not covered by the 低保 rule, in months. */
  @Value.Default
  public int gradualExitDefaultMonths() {
    return 6;
  }

  /** The gradual exit period of a 低保 household with income near the 低保 line (003: 12). */
  @Value.Default
  public int dibaoGradualExitMonths() {
    return 12;
  }

  /** The local 低保 line (低保标准), per person per year; set it to the county's figure. */
  @Value.Default
  public Money dibaoLine() {
    return Money.ofYuan(6_000);
  }

  /** A 低保 household gets the long exit while its income is within this multiple of the 低保 line. */
  @Value.Default
  public int dibaoExitIncomeFactorBp() {
    return 15_000;
  }

  /** Share of the rural population the county insures against falling back (003: 5%). */
  @Value.Default
  public int preventionInsuranceCoverageBp() {
    return 500;
  }

  /** Prevention insurance premium per insured person (003: 50 yuan). */
  @Value.Default
  public Money preventionInsurancePremiumPerPerson() {
    return Money.ofYuan(50);
  }

  /** Months since confirmation before elimination may be proposed (national: 6). */
  @Value.Default
  public int eliminationMinMonthsSinceConfirmation() {
    return 6;
  }

  /** Months income must have stayed above the line before elimination (national: 6). */
  @Value.Default
  public int eliminationStableIncomeMonths() {
    return 6;
  }

  /** Out-of-pocket medical expense that makes a department record a signal (default 10,000 yuan). */
  @Value.Default
  public Money medicalExpenseSignalThreshold() {
    return Money.ofYuan(10_000);
  }

  /** Disaster loss that makes a department record a signal (default 10,000 yuan). */
  @Value.Default
  public Money disasterLossSignalThreshold() {
    return Money.ofYuan(10_000);
  }

  /** The mildest dangerous-house grade that makes a signal: C or D (C级/D级危房; default C). */
  @Value.Default
  public char dangerousHouseSignalGrade() {
    return 'C';
  }

  /** The mildest disability grade (1 severest … 4) that makes a signal (default 4: every grade). */
  @Value.Default
  public int disabilitySignalGrade() {
    return 4;
  }

  /** Days before a step's deadline on which a "deadline near" event is raised (default 2). */
  @Value.Default
  public int deadlineWarningDays() {
    return 2;
  }

  @Value.Check
  final void check() {
    List<Problem> p = List.empty();
    p = positive(p, "povertyStandard", povertyStandard());
    p = positive(p, "monitoringLine", monitoringLine());
    p = atLeast(p, "monitoringThresholdFactorBp", monitoringThresholdFactorBp(), ONE);
    p = atLeast(p, "rigidExpenditureFactorBp", rigidExpenditureFactorBp(), 1);
    p = between(p, "sharpIncomeDropShareBp", sharpIncomeDropShareBp(), 1, ONE - 1);
    p = atLeast(p, "sharpIncomeDropBandBp", sharpIncomeDropBandBp(), ONE);
    p = between(p, "townshipVerificationWorkingDays", townshipVerificationWorkingDays(), 1, 60);
    p = between(p, "monthlyReportDay", monthlyReportDay(), 1, 28);
    p = between(p, "recognitionNoticeDays", recognitionNoticeDays(), 1, 60);
    p = between(p, "recognitionTimeLimit", recognitionTimeLimit(), 1, 120);
    p = between(p, "eliminationNoticeDays", eliminationNoticeDays(), 1, 60);
    p = between(p, "eliminationTownshipReportDay", eliminationTownshipReportDay(), 1, 28);
    p = between(p, "eliminationDistrictReportDay", eliminationDistrictReportDay(), 1, 28);
    p = atLeast(p, "maxHouseholdsPerGridWorker", maxHouseholdsPerGridWorker(), 1);
    p = between(p, "gridVisitIntervalDays", gridVisitIntervalDays(), 1, 92);
    p = atLeast(p, "minCadresPerHousehold", minCadresPerHousehold(), 1);
    p = atLeast(p, "maxCadresPerHousehold", maxCadresPerHousehold(), minCadresPerHousehold());
    p = positive(p, "householdAidCapPerYear", householdAidCapPerYear());
    p = positive(p, "collegeStudentAidPerAcademicYear", collegeStudentAidPerAcademicYear());
    p = positive(p, "hardshipAidPerPersonPerYear", hardshipAidPerPersonPerYear());
    p = positive(p, "countyFundMinimum", countyFundMinimum());
    p = positive(p, "smallDistrictFundMinimum", smallDistrictFundMinimum());
    p = between(p, "gradualExitMinMonths", gradualExitMinMonths(), 1, gradualExitMaxMonths());
    p = between(p, "gradualExitDefaultMonths", gradualExitDefaultMonths(), gradualExitMinMonths(),
        gradualExitMaxMonths());
    p = between(p, "dibaoGradualExitMonths", dibaoGradualExitMonths(), gradualExitMinMonths(),
        gradualExitMaxMonths());
    p = positive(p, "dibaoLine", dibaoLine());
    p = atLeast(p, "dibaoExitIncomeFactorBp", dibaoExitIncomeFactorBp(), ONE);
    p = between(p, "preventionInsuranceCoverageBp", preventionInsuranceCoverageBp(), 0, ONE);
    p = positive(p, "preventionInsurancePremiumPerPerson", preventionInsurancePremiumPerPerson());
    p = atLeast(p, "eliminationMinMonthsSinceConfirmation", eliminationMinMonthsSinceConfirmation(), 0);
    p = atLeast(p, "eliminationStableIncomeMonths", eliminationStableIncomeMonths(), 0);
    p = positive(p, "medicalExpenseSignalThreshold", medicalExpenseSignalThreshold());
    p = positive(p, "disasterLossSignalThreshold", disasterLossSignalThreshold());
    if (dangerousHouseSignalGrade() != 'C' && dangerousHouseSignalGrade() != 'D') {
      p = p.append(Problem.of("dangerousHouseSignalGrade", "policy.range",
          "政策参数 dangerousHouseSignalGrade 应为 C 或 D", "policy parameter dangerousHouseSignalGrade must be C or D"));
    }
    p = between(p, "disabilitySignalGrade", disabilitySignalGrade(), 1, 4);
    p = between(p, "deadlineWarningDays", deadlineWarningDays(), 0, 30);
    if (!p.isEmpty()) {
      throw new InvalidValueException(p);
    }
  }

  private static List<Problem> positive(List<Problem> p, String field, Money m) {
    return m.fen() > 0 ? p : p.append(Problem.of(field, "policy.not_positive",
        "政策参数 " + field + " 必须大于 0", "policy parameter " + field + " must be greater than 0"));
  }

  private static List<Problem> atLeast(List<Problem> p, String field, int v, int min) {
    return v >= min ? p : p.append(Problem.of(field, "policy.range",
        "政策参数 " + field + " 不能小于 " + min, "policy parameter " + field + " cannot be less than " + min));
  }

  private static List<Problem> between(List<Problem> p, String field, int v, int min, int max) {
    return v >= min && v <= max ? p : p.append(Problem.of(field, "policy.range",
        "政策参数 " + field + " 应在 " + min + " 到 " + max + " 之间",
        "policy parameter " + field + " must lie between " + min + " and " + max));
  }
}
