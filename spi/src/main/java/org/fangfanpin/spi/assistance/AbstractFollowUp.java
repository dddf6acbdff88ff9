package org.fangfanpin.spi.assistance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Money;
import org.immutables.value.Value;

/**
 * A monthly follow-up (月度跟踪回访) of a monitored household: its facts that month, and whether the
 * assessment re-run on them still found it at risk.
 */
@Value.Immutable
public abstract class AbstractFollowUp {

  /** The month it speaks for. */
  public abstract YearMonth month();

  /** The day it was recorded. */
  public abstract LocalDate recordedOn();

  /** Who recorded it. */
  public abstract Actor by();

  /** Income of the last 12 months as found. */
  public abstract Money incomeLast12Months();

  /** Rigid expenditure of the last 12 months as found. */
  public abstract Money rigidExpenditure();

  /** Basic needs not secure. */
  public abstract Set<BasicNeed> unmetNeeds();

  /** Per-capita income as found. */
  public abstract Money perCapitaIncome();

  /** Whether the per-capita income was above the monitoring line. */
  public abstract boolean incomeAboveLine();

  /** Whether the assessment still found the household a candidate. */
  public abstract boolean stillAtRisk();
}
