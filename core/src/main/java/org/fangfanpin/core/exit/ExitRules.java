package org.fangfanpin.core.exit;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What a new risk does to a household whose risk was eliminated (返贫风险再现), as pure functions
 * that intake calls when a signal arrives: during the gradual exit monitoring resumes on the same
 * case; after the case closed a new case opens, and either way the elimination is flagged as
 * premature (过早消除) when a risk of a type the household was eliminated from returns. Raising the
 * MONITORING_RESUMED event and storing the case are the caller's.
 */
public final class ExitRules {

  private ExitRules() {}

  /**
   * The case after a new risk during its gradual exit (渐退期内出现新风险): back to
   * {@link CaseState#CONFIRMED}, one version later, monitored and assisted again; its relapses
   * count one more, the new risk types join its risk types, the exit period is cleared, and it is
   * flagged as an early elimination when a new risk is of a type it was eliminated from (it stays
   * flagged once flagged). The elimination review stays on the case until the next proposal
   * replaces it.
   *
   * @param inGradualExit a case in {@link CaseState#GRADUAL_EXIT}
   * @param newRisks the risk types of the new signal; not empty
   * @param on the day the new risk was received, not before the elimination was decided
   * @throws IllegalArgumentException when the case is not in its gradual exit, no risk type is
   *     given, or the day lies before the elimination's decision
   */
  public static MonitoringCase relapse(MonitoringCase inGradualExit, Set<RiskType> newRisks, LocalDate on) {
    Objects.requireNonNull(inGradualExit, "inGradualExit");
    Objects.requireNonNull(newRisks, "newRisks");
    Objects.requireNonNull(on, "on");
    MonitoringCase c = inGradualExit;
    if (c.state() != CaseState.GRADUAL_EXIT) {
      throw new IllegalArgumentException("case " + c.id() + " is " + c.state() + ", not in its gradual exit");
    }
    if (newRisks.isEmpty()) {
      throw new IllegalArgumentException("a relapse names at least one risk type");
    }
    Optional<LocalDate> eliminatedOn = c.elimination().flatMap(Elimination::decision)
        .map(EliminationDecision::decidedOn);
    if (eliminatedOn.isPresent() && on.isBefore(eliminatedOn.get())) {
      throw new IllegalArgumentException("a risk received on " + on + " precedes the elimination of case " + c.id()
          + " on " + eliminatedOn.get());
    }
    Set<RiskType> riskTypes = EnumSet.noneOf(RiskType.class);
    riskTypes.addAll(c.riskTypes());
    riskTypes.addAll(newRisks);
    return c.withState(CaseState.CONFIRMED)
        .withVersion(c.version() + 1)
        .withRelapses(c.relapses() + 1)
        .withEarlyElimination(c.earlyElimination() || sharesRiskType(c, newRisks))
        .withRiskTypes(riskTypes)
        .withExit(Optional.empty());
  }

  /**
   * Whether a new case opened for the household of a closed case is an early elimination
   * (销号后返贫): true exactly when a new risk is of a type the closed case was eliminated from.
   *
   * @param closed a case in {@link CaseState#CLOSED}
   * @param newRisks the risk types of the signal that opens the new case
   * @throws IllegalArgumentException when the case is not closed
   */
  public static boolean followsClosedCase(MonitoringCase closed, Set<RiskType> newRisks) {
    Objects.requireNonNull(closed, "closed");
    Objects.requireNonNull(newRisks, "newRisks");
    if (closed.state() != CaseState.CLOSED) {
      throw new IllegalArgumentException("case " + closed.id() + " is " + closed.state() + ", not closed");
    }
    return sharesRiskType(closed, newRisks);
  }

  private static boolean sharesRiskType(MonitoringCase c, Set<RiskType> newRisks) {
    return !Collections.disjoint(c.riskTypes(), newRisks);
  }
}
