package org.fangfanpin.core.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * The outcome of assessing one household (风险研判结果): whether it is a candidate for
 * monitoring, under which category, for which risks, and every rule that fired.
 *
 * <p>Every attribute is a parameter of {@code Assessment.of(...)}, which builds the common outcome
 * of a screening (no rule fired) without a builder.
 */
@Value.Immutable
public abstract class AbstractAssessment {

  /** The household assessed. */
  @Value.Parameter
  public abstract String householdId();

  /** The date the assessment speaks for. */
  @Value.Parameter
  public abstract LocalDate asOf();

  /** The household's per-capita income of the last 12 months, rounded down to the fen. */
  @Value.Parameter
  public abstract Money perCapitaIncome();

  /** Every rule that fired, in rule order. */
  @Value.Parameter
  public abstract List<RuleFinding> findings();

  /** The category, present exactly when the household is a candidate. */
  @Value.Parameter
  public abstract Optional<MonitoringCategory> category();

  /** The causes of the risk, empty when the household is not a candidate. */
  @Value.Parameter
  public abstract Set<RiskType> riskTypes();

  /** Whether any rule fired: the household should be monitored (纳入监测对象). */
  public final boolean candidate() {
    return !findings().isEmpty();
  }

  /** Whether the given rule fired. */
  public final boolean fired(AssessmentRule rule) {
    for (RuleFinding f : findings()) {
      if (f.rule() == rule) {
        return true;
      }
    }
    return false;
  }

  @Value.Check
  final void check() {
    if (candidate() != category().isPresent() || (!candidate() && !riskTypes().isEmpty())) {
      throw new IllegalStateException("an assessment has a category and risk types exactly when a rule fired");
    }
  }
}
