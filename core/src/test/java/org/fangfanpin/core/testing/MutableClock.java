package org.fangfanpin.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand, in Beijing time. Thread-safe. */
public final class MutableClock extends Clock {

  /** China Standard Time. */
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final AtomicReference<Instant> now;

  private MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock at 09:00 Beijing time on the day. */
  public static MutableClock at(LocalDate day) {
    return new MutableClock(day.atTime(9, 0).atZone(BEIJING).toInstant());
  }

  /** Moves to 09:00 on the day (backwards too). */
  public void setDay(LocalDate day) {
    now.set(day.atTime(9, 0).atZone(BEIJING).toInstant());
  }

  /** Moves forward by the duration. */
  public void advance(Duration d) {
    now.updateAndGet(i -> i.plus(d));
  }

  /** Today in Beijing. */
  public LocalDate today() {
    return LocalDate.ofInstant(now.get(), BEIJING);
  }

  @Override
  public ZoneId getZone() {
    return BEIJING;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests keep Beijing time");
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
