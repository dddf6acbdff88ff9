package org.fangfanpin.examples.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The simulation's clock (模拟时钟): it shows the time the simulation set, never the machine's, so
 * the same seed gives the same run. The time moves on only when the simulation moves it.
 */
final class SimulatedClock extends Clock {

  /** The counties simulated keep China Standard Time. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private volatile Instant now;

  SimulatedClock(LocalDate day) {
    setDay(day, 0);
  }

  /** Sets the clock to the day, {@code minute} minutes after 08:00, so the moves of a day stay in order. */
  void setDay(LocalDate day, int minute) {
    now = day.atTime(LocalTime.of(8, 0)).plusMinutes(minute).atZone(CHINA).toInstant();
  }

  @Override
  public ZoneId getZone() {
    return CHINA;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock keeps China Standard Time");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
