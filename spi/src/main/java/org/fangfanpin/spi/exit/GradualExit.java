package org.fangfanpin.spi.exit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The gradual exit period (渐退期) after elimination: support continues and follow-ups go on; at its
 * end, without a new risk, the case closes (销号).
 *
 * @param startsOn the day after the elimination was decided
 * @param months the length, 6–12 months (12 for a 低保 household near the 低保 line)
 * @param endsOn the last day of the period
 * @param dibaoRule whether the 低保 rule set the length
 */
public record GradualExit(LocalDate startsOn, int months, LocalDate endsOn, boolean dibaoRule) {

  /** Checks presence and order. */
  public GradualExit {
    Objects.requireNonNull(startsOn, "startsOn");
    Objects.requireNonNull(endsOn, "endsOn");
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("an exit period ends after it starts");
    }
  }
}
