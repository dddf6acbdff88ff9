package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  private static final List<String> VISIT_COLUMNS = List.of("household_id", "visited_on", "doc");
  private static final String INSERT_VISIT = "INSERT INTO ffp_grid_visit (" + String.join(", ", VISIT_COLUMNS)
      + ") VALUES (?, ?, ?)";

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

  /** {@inheritDoc} One query. */
  @Override
  public Map<String, String> workersOf(Collection<String> householdIds) {
    session.checkOpen();
    Objects.requireNonNull(householdIds, "householdIds");
    Map<String, String> found = new HashMap<>();
    List<String> ids = InLists.sorted(householdIds, "householdId");
    if (ids.isEmpty()) {
      return found;
    }
    session.list("ffp_grid_assignment", "SELECT household_id, worker_id FROM ffp_grid_assignment WHERE "
        + session.dialect.inArray("household_id"), s -> s.setArray(1, session.texts(ids)),
        r -> found.put(r.getString(1), r.getString(2)));
    return found;
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
    session.update("ffp_grid_visit", INSERT_VISIT, s -> {
          s.setString(1, household);
          s.setObject(2, day);
          session.dialect.bindDocument(s, 3, doc);
        });
  }

  /**
   * {@inheritDoc} One batch of inserts ({@link JdbcSession#insertRows}: one {@code COPY} on
   * PostgreSQL), in order, so the identity column keeps their order.
   */
  @Override
  public void recordVisits(Collection<GridVisit> visits) {
    session.checkWritable();
    Objects.requireNonNull(visits, "visits");
    List<Object[]> rows = new ArrayList<>(visits.size());
    for (GridVisit visit : visits) {
      Objects.requireNonNull(visit, "visit");
      rows.add(new Object[] {Columns.text("ffp_grid_visit.household_id", visit.householdId(), Columns.ID),
          Columns.day("ffp_grid_visit.visited_on", visit.visitedOn()),
          Columns.text("ffp_grid_visit.doc", Documents.gridVisit(visit), Columns.DOCUMENT)});
    }
    if (rows.isEmpty()) {
      return;
    }
    session.insertRows("ffp_grid_visit", "ffp_grid_visit", VISIT_COLUMNS, rows);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query: for each household its last visit, looked up in the index as
   * {@link #lastVisit} does.
   */
  @Override
  public Map<String, GridVisit> lastVisits(Collection<String> householdIds, LocalDate onOrBefore) {
    session.checkOpen();
    Objects.requireNonNull(householdIds, "householdIds");
    Objects.requireNonNull(onOrBefore, "onOrBefore");
    Map<String, GridVisit> found = new HashMap<>();
    List<String> ids = InLists.sorted(householdIds, "householdId");
    if (ids.isEmpty() || onOrBefore.isBefore(LocalDate.of(1, 1, 1))) {
      return found;
    }
    LocalDate bound = onOrBefore.isAfter(LocalDate.of(9999, 12, 31)) ? LocalDate.of(9999, 12, 31) : onOrBefore;
    // One scalar look-up per household, each as lastVisit's: H2 runs a "seq IN (subquery)" form
    // by scanning the table, about forty times slower than this one.
    String households = session.dialect.unnestsArrays() ? "unnest(?::varchar[]) AS k(c)"
        : "UNNEST(CAST(? AS VARCHAR(255) ARRAY)) AS k(c)";
    session.list("ffp_grid_visit", "SELECT k.c, (SELECT doc FROM ffp_grid_visit WHERE seq = (SELECT seq FROM"
        + " ffp_grid_visit WHERE household_id = k.c AND visited_on <= ? ORDER BY visited_on DESC, seq DESC LIMIT 1))"
        + " FROM " + households, s -> {
          s.setObject(1, bound);
          s.setArray(2, session.texts(ids));
        }, r -> {
          String doc = session.dialect.document(r, 2);
          return doc == null ? null : found.put(r.getString(1), Documents.gridVisit(doc));
        });
    return found;
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
        }, r -> Documents.gridVisit(session.dialect.document(r, 1)));
  }
}
