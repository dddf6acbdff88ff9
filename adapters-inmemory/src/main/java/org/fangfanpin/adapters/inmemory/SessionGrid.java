package org.fangfanpin.adapters.inmemory;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.store.GridRepository;

/**
 * The grid as one session sees it: the committed assignments under the session's, and the
 * committed visits beside the session's. A visit the session recorded on the same day as a
 * committed one was recorded after it.
 */
final class SessionGrid implements GridRepository {

  private final Session session;
  private final GridTable table;
  private Map<String, String> stagedAssignments;
  private Map<String, NavigableMap<LocalDate, List<GridVisit>>> stagedVisits;

  SessionGrid(Session session, GridTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public void assign(String householdId, String gridWorkerId) {
    session.checkWritable();
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    if (stagedAssignments == null) {
      stagedAssignments = new LinkedHashMap<>();
    }
    stagedAssignments.put(householdId, gridWorkerId);
  }

  @Override
  public Optional<String> workerOf(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    String mine = stagedAssignments == null ? null : stagedAssignments.get(householdId);
    return Optional.ofNullable(mine != null ? mine : table.workerByHousehold.get(householdId));
  }

  @Override
  public List<String> householdsOf(String gridWorkerId) {
    session.checkOpen();
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    Set<String> committed = table.householdsByWorker.get(gridWorkerId);
    if (stagedAssignments == null) {
      return committed == null ? List.of() : List.copyOf(committed);
    }
    TreeSet<String> found = new TreeSet<>();
    if (committed != null) {
      for (String h : committed) {
        String mine = stagedAssignments.get(h);
        if (mine == null || mine.equals(gridWorkerId)) {
          found.add(h);
        }
      }
    }
    stagedAssignments.forEach((h, w) -> {
      if (w.equals(gridWorkerId)) {
        found.add(h);
      }
    });
    return List.copyOf(found);
  }

  @Override
  public void recordVisit(GridVisit visit) {
    session.checkWritable();
    Objects.requireNonNull(visit, "visit");
    if (stagedVisits == null) {
      stagedVisits = new HashMap<>();
    }
    GridTable.addVisit(stagedVisits, visit);
  }

  @Override
  public Optional<GridVisit> lastVisit(String householdId, LocalDate onOrBefore) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(onOrBefore, "onOrBefore");
    Map.Entry<LocalDate, List<GridVisit>> committed =
        GridTable.lastVisit(table.visitsByHousehold, householdId, onOrBefore);
    Map.Entry<LocalDate, List<GridVisit>> mine =
        stagedVisits == null ? null : GridTable.lastVisit(stagedVisits, householdId, onOrBefore);
    Map.Entry<LocalDate, List<GridVisit>> last =
        mine != null && (committed == null || !mine.getKey().isBefore(committed.getKey())) ? mine : committed;
    return last == null ? Optional.empty() : Optional.of(last.getValue().get(last.getValue().size() - 1));
  }

  void commit() {
    if (stagedAssignments != null) {
      stagedAssignments.forEach(table::assign);
    }
    if (stagedVisits != null) {
      for (NavigableMap<LocalDate, List<GridVisit>> byDay : stagedVisits.values()) {
        byDay.values().forEach(visits -> visits.forEach(table::record));
      }
    }
  }
}
