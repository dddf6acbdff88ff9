package org.fangfanpin.core.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * Assesses households against the policy (监测对象识别): a pure function of the household, the
 * policy parameters and the date, with no clock and no store.
 *
 * <p>With n members, I income of the last 12 months, P previous year's income, E rigid
 * expenditure and L the monitoring line per person, the rules are those of {@link AssessmentRule}.
 * Every comparison is made on totals in whole fen (L × n, never I ÷ n), with ratios in basis
 * points multiplied out exactly, so a household exactly on the line is not below it and one fen
 * less is.
 */
public final class HouseholdAssessor {

  private static final long ONE = PolicyParameters.ONE;
  private static final Set<BasicNeed> NO_NEEDS = Set.of();
  private static final List<RuleFinding> NO_FINDINGS = List.of();
  private static final Set<RiskType> NO_RISKS = Set.of();

  private HouseholdAssessor() {}

  /**
   * Assesses one household.
   *
   * @param household the household's facts
   * @param policy the policy in force for its village on {@code asOf}
   * @param asOf the date the assessment speaks for
   */
  public static Assessment assess(Household household, PolicyParameters policy, LocalDate asOf) {
    int n = household.memberCount();
    long income = household.incomeLast12Months().fen();
    long previous = household.previousYearIncome().fen();
    long rigid = household.rigidExpenditure().fen();
    long lineTotal = Math.multiplyExact(policy.monitoringLine().fen(), (long) n);
    long afterRigid = Math.subtractExact(income, rigid);
    int rigidFactor = policy.rigidExpenditureFactorBp();
    int keptShare = (int) (ONE - policy.sharpIncomeDropShareBp());
    Set<BasicNeed> unmetNeeds = household.unmetNeeds();

    boolean belowLine = income < lineTotal;
    boolean afterRigidBelowLine = afterRigid < lineTotal;
    boolean rigidExceeds = Exact.compare(rigid, ONE, previous, rigidFactor) > 0;
    boolean sharpDrop = previous > 0
        && Exact.compare(income, ONE, previous, keptShare) < 0
        && Exact.compare(income, ONE, lineTotal, policy.sharpIncomeDropBandBp()) < 0;
    Money perCapitaIncome = Money.ofFen(Math.floorDiv(income, n));

    // Most households of a register fire no rule: build their outcome without a builder or lists.
    if (!(belowLine || afterRigidBelowLine || rigidExceeds || sharpDrop || !unmetNeeds.isEmpty())) {
      return Assessment.of(household.id(), asOf, perCapitaIncome, NO_FINDINGS, Optional.empty(), NO_RISKS);
    }

    List<RuleFinding> findings = new ArrayList<>(2);
    if (belowLine) {
      findings.add(RuleFinding.of(AssessmentRule.INCOME_BELOW_LINE, Money.ofFen(income), Money.ofFen(lineTotal), NO_NEEDS));
    }
    if (afterRigidBelowLine) {
      findings.add(RuleFinding.of(AssessmentRule.INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE,
          Money.ofFen(afterRigid), Money.ofFen(lineTotal), NO_NEEDS));
    }
    if (rigidExceeds) {
      findings.add(RuleFinding.of(AssessmentRule.RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME,
          Money.ofFen(rigid), Money.ofFen(Exact.scaleDown(previous, rigidFactor)), NO_NEEDS));
    }
    if (sharpDrop) {
      findings.add(RuleFinding.of(AssessmentRule.SHARP_INCOME_DROP,
          Money.ofFen(income), Money.ofFen(Exact.scaleDown(previous, keptShare)), NO_NEEDS));
    }
    if (!unmetNeeds.isEmpty()) {
      findings.add(RuleFinding.of(AssessmentRule.BASIC_NEED_UNMET, Money.ZERO, Money.ZERO, unmetNeeds));
    }
    return Assessment.of(household.id(), asOf, perCapitaIncome, findings,
        Optional.of(category(household.status(), belowLine)), riskTypes(household, findings));
  }

  /**
   * Assesses a stream of households, such as a whole county's register, resolving each village's
   * policy once. The stream is lazy and may be parallel.
   *
   * @param households the households to screen
   * @param book the policy versions
   * @param asOf the date of the screening
   * @throws IllegalStateException when no policy covers a household's village on {@code asOf}
   */
  public static Stream<Assessment> screen(Stream<Household> households, PolicyBook book, LocalDate asOf) {
    Objects.requireNonNull(book, "book");
    Map<AreaCode, PolicyParameters> byVillage = new ConcurrentHashMap<>();
    // One resolving function for the whole screening, not a new capturing lambda per household.
    Function<AreaCode, PolicyParameters> resolve = area -> book.resolve(area, asOf)
        .getOrElseThrow(() -> new IllegalStateException("no policy covers area " + area + " on " + asOf));
    return households.map(h -> assess(h, byVillage.computeIfAbsent(h.area(), resolve), asOf));
  }

  private static MonitoringCategory category(HouseholdStatus status, boolean belowLine) {
    if (!belowLine) {
      return MonitoringCategory.SUDDEN_HARDSHIP;
    }
    return status == HouseholdStatus.LIFTED ? MonitoringCategory.UNSTABLE_LIFTED : MonitoringCategory.MARGINAL;
  }

  /** The likely causes, read from the household's facts; {@code OTHER} when none is evident. */
  private static Set<RiskType> riskTypes(Household h, List<RuleFinding> findings) {
    Set<RiskType> types = EnumSet.noneOf(RiskType.class);
    boolean expenditureRule = false;
    boolean sharpDrop = false;
    for (RuleFinding f : findings) {
      expenditureRule |= f.rule() == AssessmentRule.RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME
          || f.rule() == AssessmentRule.INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE;
      sharpDrop |= f.rule() == AssessmentRule.SHARP_INCOME_DROP;
    }
    if (h.seriouslyIllMembers() > 0 || h.has(FocusFlag.SERIOUS_ILLNESS) || !h.secures(BasicNeed.BASIC_MEDICAL_CARE)) {
      types.add(RiskType.ILLNESS);
    }
    if (h.disabledMembers() > 0 || h.has(FocusFlag.DISABILITY)) {
      types.add(RiskType.DISABILITY);
    }
    if ((h.seniorStudents() > 0 && expenditureRule) || !h.secures(BasicNeed.COMPULSORY_EDUCATION)) {
      types.add(RiskType.EDUCATION);
    }
    if (h.has(FocusFlag.DISASTER_STRICKEN)) {
      types.add(RiskType.DISASTER);
    }
    if (h.workers() == 0 || h.has(FocusFlag.NO_LABOUR)) {
      types.add(RiskType.LACK_OF_LABOUR);
    } else if (sharpDrop) {
      types.add(RiskType.UNSTABLE_EMPLOYMENT);
    }
    if (!h.secures(BasicNeed.SAFE_HOUSING) || h.has(FocusFlag.DANGEROUS_HOUSE)) {
      types.add(RiskType.HOUSING_SAFETY);
    }
    if (!h.secures(BasicNeed.SAFE_DRINKING_WATER)) {
      types.add(RiskType.DRINKING_WATER_SAFETY);
    }
    if (types.isEmpty()) {
      types.add(RiskType.OTHER);
    }
    return types;
  }
}
