package org.fangfanpin.spi.policy;

/**
 * How a time limit counts days (计日方式): calendar days or working days (工作日).
 */
public enum DayCount {
  /** Every day counts. */
  CALENDAR_DAYS,
  /** Only working days count, as the host's working calendar says. */
  WORKING_DAYS
}
