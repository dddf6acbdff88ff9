package org.fangfanpin.examples.simulation;

import java.util.List;
import java.util.Map;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.review.CaseState;

/**
 * What a county simulation found (模拟结果): the figures of report.json, the monthly and township
 * series the other reports draw, and the machine-dependent timings. Maps keep a stable order.
 *
 * @param settings what the run was asked to do
 * @param signalsByChannel signals stored by channel, a re-delivery counted once
 * @param duplicateSignalsCollapsed signals that opened no case of their own: re-deliveries of a
 *     stored signal, and signals that joined the household's open case (not counting those that
 *     ended a gradual exit)
 * @param casesOpened cases opened
 * @param casesByState cases in each state at the end, every state present
 * @param confirmedByCategory cases the county confirmed, by category, every category present
 * @param dismissed cases dismissed at the end
 * @param emergencyCases cases that took the emergency path (遇困即扶)
 * @param overdueRecognitions cases whose recognition ended, or was still running at the end,
 *     after the recognition time limit
 * @param eliminations risks the county declared eliminated
 * @param exitsCompleted gradual exits that ended with the case closed (销号)
 * @param relapses monitoring resumed during a gradual exit, and new cases of households whose
 *     earlier case had closed
 * @param fund the fund's figures, over every fund year of the run
 * @param auditRecords records on the county's audit chain
 * @param chainValid whether the chain verifies
 * @param invariantViolations every violation of DOMAIN.md's invariants found in the stored data
 * @param months one entry per simulated month
 * @param townships one entry per township
 * @param refusedMoves moves the library refused, by rejection code (actors missing a rule)
 * @param timingMillis how long each phase took, in milliseconds: depends on the machine
 */
public record SimulationResult(
    SimulationSettings settings,
    Map<Channel, Long> signalsByChannel,
    long duplicateSignalsCollapsed,
    long casesOpened,
    Map<CaseState, Long> casesByState,
    Map<MonitoringCategory, Long> confirmedByCategory,
    long dismissed,
    long emergencyCases,
    long overdueRecognitions,
    long eliminations,
    long exitsCompleted,
    long relapses,
    FundFigures fund,
    long auditRecords,
    boolean chainValid,
    List<String> invariantViolations,
    List<MonthFigures> months,
    List<TownshipFigures> townships,
    Map<String, Long> refusedMoves,
    Map<String, Long> timingMillis) {

  /** The same result with one more timing, in milliseconds, after the others. */
  public SimulationResult withTiming(String name, long millis) {
    Map<String, Long> timing = new java.util.LinkedHashMap<>(timingMillis);
    timing.put(name, millis);
    return new SimulationResult(settings, signalsByChannel, duplicateSignalsCollapsed, casesOpened, casesByState,
        confirmedByCategory, dismissed, emergencyCases, overdueRecognitions, eliminations, exitsCompleted, relapses,
        fund, auditRecords, chainValid, invariantViolations, months, townships, refusedMoves, timing);
  }

  /**
   * The special fund over the run (专项资金), in fen.
   *
   * @param appropriatedFen fiscal money in, net of its reversals
   * @param donatedFen donations in, net of their reversals
   * @param disbursedFen every payment made
   * @param reversedFen every payment returned to the pool
   * @param balanceFen the pools' balance at the end
   * @param debitsTotalFen the sum of every transfer's debit
   * @param creditsTotalFen the sum of every transfer's credit
   * @param maxHouseholdYearAidFen the most net aid one household received in one fund year
   * @param householdsAided households with net aid above zero in some fund year
   */
  public record FundFigures(long appropriatedFen, long donatedFen, long disbursedFen, long reversedFen,
      long balanceFen, long debitsTotalFen, long creditsTotalFen, long maxHouseholdYearAidFen,
      long householdsAided) {}
}
