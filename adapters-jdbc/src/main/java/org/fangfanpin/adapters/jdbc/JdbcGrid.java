package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.store.GridRepository;

/**
 * Grid assignments and visits (网格化管理) in tables {@code ffp_grid_assignment} (one row per
 * household) and {@code ffp_grid_visit} (appended; its identity column orders the visits of one
 * day as they were recorded).
 */
final class JdbcGrid implements GridRepository {

  private final JdbcSession session;

  JdbcGrid(JdbcSession session) {
    this.session = session;
  }

  @Override
  public void assign(String householdId, String gridWorkerId) {
    session.checkWritable();
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    String household = Columns.text("ffp_grid_assignment.household_id", householdId, Columns.ID);
    String worker = Columns.text("ffp_grid_assignment.worker_id", gridWorkerId, Columns.ID);
    session.update("ffp_grid_assignment", session.dialect.upsert("ffp_grid_assignment", List.of("household_id"),
        List.of("household_id", "worker_id")), s -> {
          s.setString(1, household);
          s.setString(2, worker);
        });
  }

  @Override
  public Optional<String> workerOf(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    return session.one("ffp_grid_assignment", "SELECT worker_id FROM ffp_grid_assignment WHERE household_id = ?",
        s -> s.setString(1, householdId), r -> r.getString(1));
  }

  @Override
  public List<String> householdsOf(String gridWorkerId) {
    session.checkOpen();
    Objects.requireNonNull(gridWorkerId, "gridWorkerId");
    return List.copyOf(session.list("ffp_grid_assignment",
        "SELECT household_id FROM ffp_grid_assignment WHERE worker_id = ? ORDER BY household_id",
        s -> s.setString(1, gridWorkerId), r -> r.getString(1)));
  }

  @Override
  public void recordVisit(GridVisit visit) {
    session.checkWritable();
    Objects.requireNonNull(visit, "visit");
    String household = Columns.text("ffp_grid_visit.household_id", visit.householdId(), Columns.ID);
    LocalDate day = Columns.day("ffp_grid_visit.visited_on", visit.visitedOn());
    String doc = Columns.text("ffp_grid_visit.doc", Documents.gridVisit(visit), Columns.DOCUMENT);
    session.update("ffp_grid_visit", "INSERT INTO ffp_grid_visit (household_id, visited_on, doc) VALUES (?, ?, ?)",
        s -> {
          s.setString(1, household);
          s.setObject(2, day);
          s.setString(3, doc);
        });
  }

  @Override
  public Optional<GridVisit> lastVisit(String householdId, LocalDate onOrBefore) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(onOrBefore, "onOrBefore");
    if (onOrBefore.isBefore(LocalDate.of(1, 1, 1))) {
      return Optional.empty();
    }
    LocalDate bound = onOrBefore.isAfter(LocalDate.of(9999, 12, 31)) ? LocalDate.of(9999, 12, 31) : onOrBefore;
    // The inner query reads the household's index entries only; the outer fetches one row. Sorting
    // whole rows instead fetched every visit of the household (H2 does not walk the index backwards).
    return session.one("ffp_grid_visit", "SELECT doc FROM ffp_grid_visit WHERE seq = (SELECT seq FROM ffp_grid_visit"
        + " WHERE household_id = ? AND visited_on <= ? ORDER BY visited_on DESC, seq DESC LIMIT 1)", s -> {
          s.setString(1, householdId);
          s.setObject(2, bound);
        }, r -> Documents.gridVisit(r.getString(1)));
  }
}
