package org.fangfanpin.adapters.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;

/**
 * The monitoring cases (监测案件) in table {@code ffp_case}. The column {@code open_household_id}
 * holds the household exactly while the case is open; its unique constraint keeps one open case
 * per household even when units of work race. Updates are optimistic: they name the version they
 * replace.
 *
 * <p>In a write session every read of a case locks its row, so units of work that read a case to
 * move it run one after the other. Asking for a household's open case when it has none locks the
 * household's register row instead, so that of two units that look before they open a case, the
 * second sees the first one's case.
 */
final class JdbcCases implements CaseRepository {

  private static final String WHAT = "ffp_case";
  private static final List<String> COLUMNS =
      List.of("id", "household_id", "village", "version", "open_household_id", "doc");

  private final JdbcSession session;
  /**
   * The stored version and open household of each case this write session read with a lock or
   * wrote, as it stands in the session: the row stays locked to the session's end and only this
   * repository writes the table, so {@link #updateAll} need not read them again.
   */
  private final Map<String, Locked> locked = new HashMap<>();

  /** A locked row's version and the household it holds open ({@code null} when not open). */
  private record Locked(long version, String openHousehold) {
    static Locked of(MonitoringCase c) {
      return new Locked(c.version(), c.isOpen() ? c.householdId() : null);
    }
  }

  JdbcCases(JdbcSession session) {
    this.session = session;
  }

  /** Notes the state of a case read with a lock or written by this write session. */
  private MonitoringCase locked(MonitoringCase c) {
    if (session.writable) {
      locked.put(c.id(), Locked.of(c));
    }
    return c;
  }

  @Override
  public Optional<MonitoringCase> find(String caseId) {
    session.checkOpen();
    Objects.requireNonNull(caseId, "caseId");
    return session.one(WHAT, "SELECT doc FROM ffp_case WHERE id = ?" + forUpdate(), s -> s.setString(1, caseId),
        r -> locked(Documents.monitoringCase(session.dialect.document(r, 1))));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query; a write session locks the rows in order of id.
   */
  @Override
  public Map<String, MonitoringCase> findAll(Collection<String> caseIds) {
    session.checkOpen();
    Objects.requireNonNull(caseIds, "caseIds");
    Map<String, MonitoringCase> found = new HashMap<>();
    List<String> ids = InLists.sorted(caseIds, "caseId");
    if (ids.isEmpty()) {
      return found;
    }
    String sql = "SELECT doc FROM ffp_case WHERE " + session.dialect.inArray("id")
        + (session.writable ? " ORDER BY id FOR UPDATE" : "");
    for (MonitoringCase c : session.list(WHAT, sql, s -> s.setArray(1, session.texts(ids)),
        r -> locked(Documents.monitoringCase(session.dialect.document(r, 1))))) {
      found.put(c.id(), c);
    }
    return found;
  }

  @Override
  public Optional<MonitoringCase> openOf(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    Optional<MonitoringCase> open = openCase(householdId);
    if (open.isEmpty() && session.writable && ((JdbcHouseholds) session.households()).lock(householdId)) {
      // Another unit may have opened a case while this one waited for the household's row.
      open = openCase(householdId);
    }
    return open;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query; a write session first locks the
   * households' rows in order of id, as {@link #openOf} locks a household without an open case,
   * then the open cases' rows.
   */
  @Override
  public Map<String, MonitoringCase> openOfAll(Collection<String> householdIds) {
    session.checkOpen();
    Objects.requireNonNull(householdIds, "householdIds");
    Map<String, MonitoringCase> found = new HashMap<>();
    List<String> ids = InLists.sorted(householdIds, "householdId");
    if (ids.isEmpty()) {
      return found;
    }
    if (session.writable) {
      ((JdbcHouseholds) session.households()).lockAll(ids);
    }
    String sql = "SELECT doc FROM ffp_case WHERE " + session.dialect.inArray("open_household_id")
        + (session.writable ? " ORDER BY id FOR UPDATE" : "");
    for (MonitoringCase c : session.list(WHAT, sql, s -> s.setArray(1, session.texts(ids)),
        r -> locked(Documents.monitoringCase(session.dialect.document(r, 1))))) {
      found.put(c.householdId(), c);
    }
    return found;
  }

  @Override
  public void insert(MonitoringCase c) {
    session.checkWritable();
    Objects.requireNonNull(c, "monitoringCase");
    if (c.version() != 1) {
      throw new IllegalArgumentException("新案件的版本应为 1 / a new case is stored with version 1, not " + c.version());
    }
    String id = Columns.text("ffp_case.id", c.id(), Columns.ID);
    String householdId = Columns.text("ffp_case.household_id", c.householdId(), Columns.ID);
    String doc = Columns.text("ffp_case.doc", Documents.monitoringCase(c), Columns.DOCUMENT);
    boolean stored = session.insertIgnoringDuplicates(WHAT, "ffp_case", COLUMNS, s -> {
      s.setString(1, id);
      s.setString(2, householdId);
      s.setString(3, c.area().code());
      s.setLong(4, 1);
      s.setString(5, c.isOpen() ? householdId : null);
      session.dialect.bindDocument(s, 6, doc);
    });
    if (stored) {
      locked(c);
    } else {
      boolean idTaken = session.one(WHAT, "SELECT id FROM ffp_case WHERE id = ?", s -> s.setString(1, id),
          r -> Boolean.TRUE).isPresent();
      throw new DuplicateKeyException(idTaken ? "案件编号已被占用 / the case id is taken"
          : "该户已有未结案件 / the household already has an open case");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One batch of plain inserts: a taken id or a second open case fails the whole unit of work,
   * on PostgreSQL by aborting its transaction.
   */
  @Override
  public void insertAll(Collection<MonitoringCase> cases) {
    session.checkWritable();
    Objects.requireNonNull(cases, "monitoringCases");
    List<Object[]> rows = new ArrayList<>(cases.size());
    for (MonitoringCase c : cases) {
      Objects.requireNonNull(c, "monitoringCase");
      if (c.version() != 1) {
        throw new IllegalArgumentException("新案件的版本应为 1 / a new case is stored with version 1, not " + c.version());
      }
      String householdId = Columns.text("ffp_case.household_id", c.householdId(), Columns.ID);
      rows.add(new Object[] {Columns.text("ffp_case.id", c.id(), Columns.ID), householdId, c.area().code(),
          1L, c.isOpen() ? householdId : null, Columns.text("ffp_case.doc", Documents.monitoringCase(c), Columns.DOCUMENT)});
    }
    if (rows.isEmpty()) {
      return;
    }
    // One COPY on PostgreSQL (see JdbcSession.insertRows): intake opens hundreds of cases a unit.
    session.insertRows(WHAT, "ffp_case", COLUMNS, rows);
    cases.forEach(this::locked);
  }

  @Override
  public void update(MonitoringCase c) {
    session.checkWritable();
    Objects.requireNonNull(c, "monitoringCase");
    Optional<Long> stored = session.one(WHAT, "SELECT version FROM ffp_case WHERE id = ? FOR UPDATE",
        s -> s.setString(1, c.id()), r -> r.getLong(1));
    if (stored.isEmpty()) {
      throw new StaleVersionException("没有该编号的案件 / no case is stored under the id");
    }
    long version = stored.get();
    if (c.version() != version + 1) {
      throw new StaleVersionException("案件版本冲突 / the case is at version " + version + "; a change to version "
          + c.version() + " was made from a stale one");
    }
    String householdId = Columns.text("ffp_case.household_id", c.householdId(), Columns.ID);
    if (c.isOpen()) {
      Optional<String> open = session.one(WHAT, "SELECT id FROM ffp_case WHERE open_household_id = ?",
          s -> s.setString(1, householdId), r -> r.getString(1));
      if (open.isPresent() && !open.get().equals(c.id())) {
        throw new DuplicateKeyException("该户已有另一个未结案件 / the household already has another open case");
      }
    }
    String doc = Columns.text("ffp_case.doc", Documents.monitoringCase(c), Columns.DOCUMENT);
    int changed = session.update(WHAT, "UPDATE ffp_case SET household_id = ?, village = ?, version = ?,"
        + " open_household_id = ?, doc = ? WHERE id = ? AND version = ?", s -> {
          s.setString(1, householdId);
          s.setString(2, c.area().code());
          s.setLong(3, c.version());
          s.setString(4, c.isOpen() ? householdId : null);
          session.dialect.bindDocument(s, 5, doc);
          s.setString(6, c.id());
          s.setLong(7, version);
        });
    if (changed != 1) {
      throw new StaleVersionException("案件已被另一工作单元修改 / the case was changed by another unit of work");
    }
    locked(c);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Checks every entry before it writes, against the stored versions and open cases read in
   * two queries (the cases' rows locked in order of id), then writes the last entry of each case
   * in one batch: first the cases that end up not open, so a household's open case may pass from
   * one case to another within the call.
   */
  @Override
  public void updateAll(Collection<MonitoringCase> monitoringCases) {
    session.checkWritable();
    Objects.requireNonNull(monitoringCases, "monitoringCases");
    List<MonitoringCase> entries = new ArrayList<>(monitoringCases.size());
    for (MonitoringCase c : monitoringCases) {
      entries.add(Objects.requireNonNull(c, "monitoringCase"));
    }
    if (entries.isEmpty()) {
      return;
    }
    Map<String, Long> storedVersion = new HashMap<>();
    // The household each case holds open now, as the entries before the current one left it.
    Map<String, String> openHouseholdOf = new HashMap<>();
    // The open case of each household concerned, likewise.
    Map<String, String> openCaseOf = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (MonitoringCase c : entries) {
      Locked known = locked.get(c.id());
      if (known == null) {
        unknown.add(c.id());
      } else if (!storedVersion.containsKey(c.id())) {
        storedVersion.put(c.id(), known.version());
        if (known.openHousehold() != null) {
          openHouseholdOf.put(c.id(), known.openHousehold());
          openCaseOf.put(known.openHousehold(), c.id());
        }
      }
    }
    if (!unknown.isEmpty()) {
      List<String> ids = InLists.sorted(unknown, "caseId");
      session.list(WHAT, "SELECT id, version, open_household_id FROM ffp_case WHERE " + session.dialect.inArray("id")
          + " ORDER BY id FOR UPDATE", s -> s.setArray(1, session.texts(ids)), r -> {
            String id = r.getString(1);
            storedVersion.put(id, r.getLong(2));
            String open = r.getString(3);
            if (open != null) {
              openHouseholdOf.put(id, open);
              openCaseOf.put(open, id);
            }
            return id;
          });
    }
    // A household's open case needs looking up only where an entry opens a case that did not
    // hold that household open: otherwise the unique key says no other case does.
    List<String> reopened = InLists.sorted(entries.stream()
        .filter(c -> c.isOpen() && !c.householdId().equals(openHouseholdOf.get(c.id())))
        .map(MonitoringCase::householdId).toList(), "householdId");
    if (!reopened.isEmpty()) {
      session.list(WHAT, "SELECT id, open_household_id FROM ffp_case WHERE " + session.dialect.inArray("open_household_id"),
          s -> s.setArray(1, session.texts(reopened)), r -> openCaseOf.put(r.getString(2), r.getString(1)));
    }
    Map<String, Long> version = new HashMap<>(storedVersion);
    Map<String, MonitoringCase> last = new LinkedHashMap<>();
    for (MonitoringCase c : entries) {
      Long current = version.get(c.id());
      if (current == null) {
        throw new StaleVersionException("没有该编号的案件 / no case is stored under the id");
      }
      if (c.version() != current + 1) {
        throw new StaleVersionException("案件版本冲突 / the case is at version " + current + "; a change to version "
            + c.version() + " was made from a stale one");
      }
      String householdId = Columns.text("ffp_case.household_id", c.householdId(), Columns.ID);
      if (c.isOpen()) {
        String other = openCaseOf.get(householdId);
        if (other != null && !other.equals(c.id())) {
          throw new DuplicateKeyException("该户已有另一个未结案件 / the household already has another open case");
        }
      }
      String wasOpen = openHouseholdOf.remove(c.id());
      if (wasOpen != null && c.id().equals(openCaseOf.get(wasOpen))) {
        openCaseOf.remove(wasOpen);
      }
      if (c.isOpen()) {
        openCaseOf.put(householdId, c.id());
        openHouseholdOf.put(c.id(), householdId);
      }
      version.put(c.id(), c.version());
      last.remove(c.id());
      last.put(c.id(), c);
    }
    List<Object[]> rows = new ArrayList<>(last.size());
    for (boolean open : new boolean[] {false, true}) {
      for (MonitoringCase c : last.values()) {
        if (c.isOpen() == open) {
          rows.add(new Object[] {c.householdId(), c.area().code(), c.version(), open ? c.householdId() : null,
              Columns.text("ffp_case.doc", Documents.monitoringCase(c), Columns.DOCUMENT), c.id(),
              storedVersion.get(c.id())});
        }
      }
    }
    boolean each;
    try {
      each = session.batchEachChangingOne(WHAT, "UPDATE ffp_case SET household_id = ?, village = ?, version = ?,"
          + " open_household_id = ?, doc = ? WHERE id = ? AND version = ?", rows, (s, row) -> {
            s.setString(1, (String) row[0]);
            s.setString(2, (String) row[1]);
            s.setLong(3, (Long) row[2]);
            s.setString(4, (String) row[3]);
            session.dialect.bindDocument(s, 5, (String) row[4]);
            s.setString(6, (String) row[5]);
            s.setLong(7, (Long) row[6]);
          });
    } catch (RuntimeException e) {
      // On H2 the rows before the failed one would stay in a transaction that can commit.
      session.abort();
      throw e;
    }
    if (!each) {
      session.abort();
      throw new StaleVersionException("案件已被另一工作单元修改 / a case was changed by another unit of work");
    }
    last.values().forEach(this::locked);
  }

  @Override
  public List<MonitoringCase> ofHousehold(String householdId, AreaCode village) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    return session.list(WHAT, "SELECT doc FROM ffp_case WHERE household_id = ? ORDER BY id",
        s -> s.setString(1, householdId), r -> Documents.monitoringCase(session.dialect.document(r, 1)));
  }

  /** {@inheritDoc} One query. */
  @Override
  public Map<String, List<MonitoringCase>> ofHouseholds(Collection<Household> households) {
    session.checkOpen();
    Objects.requireNonNull(households, "households");
    Map<String, List<MonitoringCase>> found = new HashMap<>();
    List<String> ids = new ArrayList<>(households.size());
    for (Household h : households) {
      ids.add(Objects.requireNonNull(h, "household").id());
      found.put(h.id(), new ArrayList<>());
    }
    if (ids.isEmpty()) {
      return found;
    }
    String sql = "SELECT doc FROM ffp_case WHERE " + session.dialect.inArray("household_id") + " ORDER BY household_id, id";
    for (MonitoringCase c : session.list(WHAT, sql, s -> s.setArray(1, session.texts(ids)),
        r -> Documents.monitoringCase(session.dialect.document(r, 1)))) {
      found.get(c.householdId()).add(c);
    }
    return found;
  }

  @Override
  public Stream<MonitoringCase> inArea(AreaCode area) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    return session.stream(WHAT, "SELECT doc FROM ffp_case WHERE village BETWEEN ? AND ? ORDER BY id", s -> {
      s.setString(1, Areas.low(area));
      s.setString(2, Areas.high(area));
    }, r -> Documents.monitoringCase(session.dialect.document(r, 1)));
  }

  private Optional<MonitoringCase> openCase(String householdId) {
    return session.one(WHAT, "SELECT doc FROM ffp_case WHERE open_household_id = ?" + forUpdate(),
        s -> s.setString(1, householdId), r -> locked(Documents.monitoringCase(session.dialect.document(r, 1))));
  }

  private String forUpdate() {
    return session.writable ? " FOR UPDATE" : "";
  }
}
