package org.fangfanpin.spi.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fangfanpin.spi.assistance.GridVisit;

/** Grid assignments and visits (网格化管理). */
public interface GridRepository {

  /** Assigns the household to the grid worker, replacing an earlier assignment of the household. */
  void assign(String householdId, String gridWorkerId);

  /** The grid worker the household is assigned to. */
  Optional<String> workerOf(String householdId);

  /**
   * The grid workers of the households among the ids, by household id (批量查询): a household not
   * assigned has no entry. The default calls {@link #workerOf} for each; a database adapter should
   * override it with one query, as a day's grid rounds read their households' workers.
   */
  default Map<String, String> workersOf(Collection<String> householdIds) {
    Map<String, String> found = new HashMap<>();
    for (String id : householdIds) {
      if (!found.containsKey(id)) {
        workerOf(id).ifPresent(w -> found.put(id, w));
      }
    }
    return found;
  }

  /** The households assigned to the grid worker, in order of id. */
  List<String> householdsOf(String gridWorkerId);

  /** Records a visit. */
  void recordVisit(GridVisit visit);

  /**
   * Records visits, in order, as {@link #recordVisit} would one by one. The default calls
   * {@link #recordVisit}; a database adapter should override it to write in one batch.
   */
  default void recordVisits(Collection<GridVisit> visits) {
    visits.forEach(this::recordVisit);
  }

  /** The household's last visit on or before the day; of two on the same day, the one recorded later. */
  Optional<GridVisit> lastVisit(String householdId, LocalDate onOrBefore);

  /**
   * The last visit on or before the day of each household among the ids, by household id, as
   * {@link #lastVisit} finds it: a household never visited by then has no entry. The default calls
   * {@link #lastVisit} for each; a database adapter should override it with one query.
   */
  default Map<String, GridVisit> lastVisits(Collection<String> householdIds, LocalDate onOrBefore) {
    Map<String, GridVisit> found = new HashMap<>();
    for (String id : householdIds) {
      if (!found.containsKey(id)) {
        lastVisit(id, onOrBefore).ifPresent(v -> found.put(id, v));
      }
    }
    return found;
  }
}
