package org.fangfanpin.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the benchmark sets to 09:00 Beijing time of a day, so cases can open before they move. */
final class SettableClock extends Clock {

  private volatile Instant now;

  SettableClock(LocalDate day) {
    setDay(day);
  }

  void setDay(LocalDate day) {
    now = day.atTime(9, 0).atZone(BenchCounty.BEIJING).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return BenchCounty.BEIJING;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the benchmarks keep Beijing time");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
