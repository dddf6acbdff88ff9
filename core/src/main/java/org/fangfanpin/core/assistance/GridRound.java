package org.fangfanpin.core.assistance;

import java.util.List;
import java.util.Objects;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.model.Actor;

/**
 * One grid worker's round of visits (一轮走访) as their grid app hands it over: the visits and who
 * records them.
 *
 * @param by who records the visits; each visit is checked against this actor
 * @param visits the visits, in the order they are recorded
 */
public record GridRound(Actor by, List<GridVisit> visits) {

  /** Checks presence and copies the list. */
  public GridRound {
    Objects.requireNonNull(by, "by");
    visits = List.copyOf(visits);
  }
}
