package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * Why and by whom a case was dismissed (排除): the reason goes back to the village.
 *
 * @param on the day
 * @param by who dismissed it
 * @param atState the state the case was in
 * @param reason the reason
 */
public record Dismissal(LocalDate on, Actor by, CaseState atState, String reason) {

  /** Checks presence. */
  public Dismissal {
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(atState, "atState");
    Objects.requireNonNull(reason, "reason");
  }
}
