package org.fangfanpin.spi.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.spi.assistance.GridVisit;

/** Grid assignments and visits (网格化管理). */
public interface GridRepository {

  /** Assigns the household to the grid worker, replacing an earlier assignment of the household. */
  void assign(String householdId, String gridWorkerId);

  /** The grid worker the household is assigned to. */
  Optional<String> workerOf(String householdId);

  /** The households assigned to the grid worker, in order of id. */
  List<String> householdsOf(String gridWorkerId);

  /** Records a visit. */
  void recordVisit(GridVisit visit);

  /** The household's last visit on or before the day; of two on the same day, the one recorded later. */
  Optional<GridVisit> lastVisit(String householdId, LocalDate onOrBefore);
}
