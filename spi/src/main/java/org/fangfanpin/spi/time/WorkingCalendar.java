package org.fangfanpin.spi.time;

import java.time.LocalDate;

/**
 * The working calendar port (工作日历): which days are working days. Hosts load the State
 * Council's public holidays and make-up working days (调休上班日) each year.
 */
@FunctionalInterface
public interface WorkingCalendar {

  /** Whether the day is a working day. */
  boolean isWorkingDay(LocalDate day);

  /**
   * The day that lies {@code days} working days after {@code from} ({@code from} itself not
   * counted); with {@code days == 0}, {@code from} itself when it is a working day, else the next
   * working day.
   */
  default LocalDate plusWorkingDays(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    LocalDate d = from;
    if (days == 0) {
      while (!isWorkingDay(d)) {
        d = d.plusDays(1);
      }
      return d;
    }
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }
}
