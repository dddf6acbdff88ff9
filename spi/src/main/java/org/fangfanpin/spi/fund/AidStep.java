package org.fangfanpin.spi.fund;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * One tier's act on an aid application (审批环节): who, when, passed or not, and why.
 *
 * @param on the day
 * @param by the actor
 * @param passed whether the tier passed it
 * @param note the opinion (意见)
 */
public record AidStep(LocalDate on, Actor by, boolean passed, String note) {

  /** Checks presence. */
  public AidStep {
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
  }
}
