package org.fangfanpin.adapters.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fangfanpin.spi.assistance.GridVisit;

/**
 * The committed grid (网格化管理): each household's grid worker, each worker's households in order
 * of id, and each household's visits by day, those of one day in the order they were recorded.
 */
final class GridTable {

  final Map<String, String> workerByHousehold = new HashMap<>();
  final Map<String, NavigableSet<String>> householdsByWorker = new HashMap<>();
  final Map<String, NavigableMap<LocalDate, List<GridVisit>>> visitsByHousehold = new HashMap<>();

  /** Assigns the household to the worker, taking it from the worker it had. */
  void assign(String householdId, String gridWorkerId) {
    String old = workerByHousehold.put(householdId, gridWorkerId);
    if (gridWorkerId.equals(old)) {
      return;
    }
    if (old != null) {
      NavigableSet<String> households = householdsByWorker.get(old);
      households.remove(householdId);
      if (households.isEmpty()) {
        householdsByWorker.remove(old);
      }
    }
    householdsByWorker.computeIfAbsent(gridWorkerId, w -> new TreeSet<>()).add(householdId);
  }

  void record(GridVisit visit) {
    addVisit(visitsByHousehold, visit);
  }

  /** Adds a visit to a map of visits by household and day. */
  static void addVisit(Map<String, NavigableMap<LocalDate, List<GridVisit>>> visits, GridVisit visit) {
    visits.computeIfAbsent(visit.householdId(), h -> new TreeMap<>())
        .computeIfAbsent(visit.visitedOn(), d -> new ArrayList<>(1))
        .add(visit);
  }

  /** The household's last visit on or before the day in a map of visits, or {@code null}. */
  static Map.Entry<LocalDate, List<GridVisit>> lastVisit(Map<String, NavigableMap<LocalDate, List<GridVisit>>> visits,
      String householdId, LocalDate onOrBefore) {
    NavigableMap<LocalDate, List<GridVisit>> byDay = visits.get(householdId);
    return byDay == null ? null : byDay.floorEntry(onOrBefore);
  }
}
