package org.fangfanpin.spi.intake;

/** What intake did with a signal (线索处理结果). */
public enum SignalOutcome {
  /** The signal opened a new case for its household. */
  OPENED_CASE,
  /** The signal joined the household's open case. */
  JOINED_CASE
}
