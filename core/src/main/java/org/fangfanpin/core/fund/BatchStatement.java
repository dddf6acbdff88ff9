package org.fangfanpin.core.fund;

import java.time.LocalDate;
import java.util.List;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;

/**
 * The statement of one payment batch (批次发放清单): every approved application it met, paid or
 * not, and the totals.
 *
 * @param batchId the batch
 * @param county the county
 * @param fundYear the fund year
 * @param paidOn the day of payment
 * @param lines one per application, in order of id
 * @param paidCount applications paid
 * @param paidTotal the total paid
 * @param emergencyCount emergency applications paid (遇困即扶)
 */
public record BatchStatement(String batchId, AreaCode county, int fundYear, LocalDate paidOn, List<BatchLine> lines,
    int paidCount, Money paidTotal, int emergencyCount) {

  /** Copies the lines. */
  public BatchStatement {
    lines = List.copyOf(lines);
  }

  static BatchStatement of(String batchId, AreaCode county, int fundYear, LocalDate paidOn, List<BatchLine> lines) {
    int count = 0;
    int emergency = 0;
    Money total = Money.ZERO;
    for (BatchLine l : lines) {
      if (l.paid()) {
        count++;
        total = total.plus(l.application().amount());
        if (l.application().emergency()) {
          emergency++;
        }
      }
    }
    return new BatchStatement(batchId, county, fundYear, paidOn, lines, count, total, emergency);
  }
}
