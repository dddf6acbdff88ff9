package org.fangfanpin.spi.assistance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A grid worker's visit to a household (网格员走访).
 *
 * @param gridWorkerId the grid worker
 * @param householdId the household
 * @param visitedOn the day
 * @param note what was found
 */
public record GridVisit(String gridWorkerId, String householdId, LocalDate visitedOn, String note) {

  /** Checks presence. */
  public GridVisit {
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(visitedOn, "visitedOn");
    Objects.requireNonNull(note, "note");
  }
}
