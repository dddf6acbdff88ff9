package org.fangfanpin.core.assistance;

import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * A household assigned to a grid worker (网格员) by a township officer or head, as
 * {@link AssistanceService#assignGrid} takes it.
 *
 * @param householdId the household
 * @param gridWorkerId the grid worker's actor id
 * @param by who assigns it
 */
public record GridAssignment(String householdId, String gridWorkerId, Actor by) {

  /** Checks presence. */
  public GridAssignment {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    Objects.requireNonNull(by, "by");
  }
}
