package org.fangfanpin.examples.simulation;

import java.time.YearMonth;
import java.util.Map;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.review.CaseState;

/**
 * One simulated month's figures for the whole county (月度数据), the series the HTML report
 * charts. Money in fen.
 *
 * @param month the month
 * @param signalsByChannel signals received in the month by channel (every channel present, zero
 *     included), duplicates counted once
 * @param casesByState cases in each state at the month's end (every state present)
 * @param fundBalanceFen the county pool's balance at the month's end
 * @param disbursedFen payments made in the month
 * @param payments how many payments were made in the month
 * @param reversedFen payments returned to the pool in the month
 */
public record MonthFigures(
    YearMonth month,
    Map<Channel, Long> signalsByChannel,
    Map<CaseState, Long> casesByState,
    long fundBalanceFen,
    long disbursedFen,
    long payments,
    long reversedFen) {

  /** Copies the maps so the figures cannot change after they are taken. */
  public MonthFigures {
    signalsByChannel = Map.copyOf(signalsByChannel);
    casesByState = Map.copyOf(casesByState);
  }
}
