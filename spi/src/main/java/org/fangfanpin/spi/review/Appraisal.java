package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * The village's democratic appraisal (民主评议): a meeting of party members and household
 * representatives that votes on the case.
 *
 * @param heldOn the day of the meeting
 * @param by the village actor who recorded it
 * @param attendees how many attended
 * @param votesFor votes in favour of monitoring
 * @param votesAgainst votes against
 * @param agreed the outcome
 * @param minutes the meeting record's summary
 */
public record Appraisal(LocalDate heldOn, Actor by, int attendees, int votesFor, int votesAgainst,
    boolean agreed, String minutes) {

  /** Checks presence. */
  public Appraisal {
    Objects.requireNonNull(heldOn, "heldOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(minutes, "minutes");
  }
}
