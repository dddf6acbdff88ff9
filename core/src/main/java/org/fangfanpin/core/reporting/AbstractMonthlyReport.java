package org.fangfanpin.core.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * A township's or county's monthly report to the level above (月度报告, seed 001: by the 5th of
 * the next month, a zero report when nothing is new). Every figure counts what happened in the
 * month by the day it happened; the overdue steps are those of the month's last day, as the cases
 * stood then.
 */
@Value.Immutable
public abstract class AbstractMonthlyReport {

  /** The township or county reported on. */
  public abstract AreaCode area();

  /** The month. */
  public abstract YearMonth month();

  /** The day the report is due: the policy's report day of the next month. */
  public abstract LocalDate dueOn();

  /** Signals received in the month, by channel; every channel present. */
  public abstract Map<Channel, Integer> newSignalsByChannel();

  /** Cases opened in the month. */
  public abstract int casesOpened();

  /** Cases the county confirmed in the month, by category; every category present. */
  public abstract Map<MonitoringCategory, Integer> confirmedByCategory();

  /** Cases confirmed in the month, by the county's risk types; every type present. */
  public abstract Map<RiskType, Integer> confirmedByRiskType();

  /** Cases dismissed in the month (排除/解除预警). */
  public abstract int dismissed();

  /** Cases whose emergency aid (遇困即扶) was approved in the month. */
  public abstract int emergencyCases();

  /** The review steps overdue on the month's last day, by case and due day. */
  public abstract List<OverdueStep> overdueSteps();

  /** The rows of the 返贫预警情况统计表: one per village of the area. */
  public abstract List<WarningFormRow> returnToPovertyRows();

  /** The rows of the 致贫预警情况统计表: one per village of the area. */
  public abstract List<WarningFormRow> fallIntoPovertyRows();

  /** Signals received in the month, all channels. */
  public final int newSignals() {
    int n = 0;
    for (int v : newSignalsByChannel().values()) {
      n += v;
    }
    return n;
  }

  /** Cases confirmed in the month. */
  public final int confirmed() {
    int n = 0;
    for (int v : confirmedByCategory().values()) {
      n += v;
    }
    return n;
  }

  /**
   * Whether this is a zero report (零报告): no signal, no new case, no confirmation, no dismissal
   * and no emergency aid in the month. Steps overdue from earlier months do not make news.
   */
  public final boolean zeroReport() {
    return newSignals() == 0 && casesOpened() == 0 && confirmed() == 0 && dismissed() == 0 && emergencyCases() == 0;
  }
}
