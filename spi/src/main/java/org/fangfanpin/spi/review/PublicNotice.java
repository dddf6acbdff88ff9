package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.Actor;

/**
 * The village public notice (公示): posted on {@code startsOn}, it runs through {@code lastDay}; it
 * may close on the day after, once every objection is answered.
 *
 * @param startsOn the first day
 * @param lastDay the last day it runs
 * @param postedBy the village actor who posted it
 * @param objections the objections filed, in order
 * @param closedOn the day it closed and the result went to the township
 * @param closedBy who closed it
 */
public record PublicNotice(LocalDate startsOn, LocalDate lastDay, Actor postedBy, List<Objection> objections,
    Optional<LocalDate> closedOn, Optional<Actor> closedBy) {

  /** Checks presence and copies the list. */
  public PublicNotice {
    Objects.requireNonNull(startsOn, "startsOn");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(postedBy, "postedBy");
    objections = List.copyOf(objections);
    Objects.requireNonNull(closedOn, "closedOn");
    Objects.requireNonNull(closedBy, "closedBy");
  }

  /** Whether every objection has been answered. */
  public boolean allObjectionsAnswered() {
    return objections.stream().allMatch(Objection::answered);
  }
}
