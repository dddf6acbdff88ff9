package org.fangfanpin.adapters.jdbc;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.store.HouseholdRepository;

/**
 * The household register (农户档案) in table {@code ffp_household}. In a write session
 * {@link #find} locks the row, so a unit of work that reads a household to change it runs after
 * any other that does the same.
 */
final class JdbcHouseholds implements HouseholdRepository {

  private static final String WHAT = "ffp_household";
  private static final List<String> COLUMNS = List.of("id", "village", "doc");

  private final JdbcSession session;
  /**
   * The households whose rows this write session locked: a row lock lasts to the end of the
   * transaction, so {@link #lockAll} asks only for the others (intake locks a unit's households
   * when it reads them, then again before it looks up their open cases).
   */
  private final java.util.Set<String> locked = new java.util.HashSet<>();

  JdbcHouseholds(JdbcSession session) {
    this.session = session;
  }

  @Override
  public void put(Household household) {
    session.checkWritable();
    Objects.requireNonNull(household, "household");
    String id = Columns.text("ffp_household.id", household.id(), Columns.ID);
    String doc = Columns.text("ffp_household.doc", Documents.household(household), Columns.DOCUMENT);
    session.update(WHAT, session.dialect.upsert("ffp_household", List.of("id"), COLUMNS), s -> {
      s.setString(1, id);
      s.setString(2, household.area().code());
      session.dialect.bindDocument(s, 3, doc);
    });
  }

  /**
   * The register's bulk path: one batched upsert of every household; on PostgreSQL first one
   * {@code COPY} of them all, which stores them unless one is registered already (the upsert then
   * follows). Of several entries with one id only the last
   * is sent, since PostgreSQL refuses to upsert a row twice in one statement.
   */
  @Override
  public void putAll(Collection<Household> households) {
    session.checkWritable();
    Objects.requireNonNull(households, "households");
    Map<String, Household> last = new LinkedHashMap<>();
    for (Household h : households) {
      Objects.requireNonNull(h, "household");
      last.remove(h.id());
      last.put(Columns.text("ffp_household.id", h.id(), Columns.ID), h);
    }
    if (last.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>(last.size());
    for (Household h : last.values()) {
      rows.add(new String[] {h.id(), h.area().code(),
          Columns.text("ffp_household.doc", Documents.householdOnce(h), Columns.DOCUMENT)});
    }
    if (session.copies() && copied(rows)) {
      return;
    }
    session.batch(WHAT, session.dialect.upsert("ffp_household", List.of("id"), COLUMNS), rows, (s, row) -> {
      s.setString(1, row[0]);
      s.setString(2, row[1]);
      session.dialect.bindDocument(s, 3, row[2]);
    });
  }

  /**
   * Copies the rows in one COPY: whether it did, or found one of them registered already and
   * copied none (the caller then upserts them all). COPY parses plain text rows, where a
   * multi-row upsert binds three parameters a row and checks each row for a conflict first; a
   * register is mostly imported into an empty table.
   */
  private boolean copied(List<String[]> rows) {
    StringBuilder text = new StringBuilder(rows.size() * 512);
    for (String[] row : rows) {
      PgCopy.appendText(text, row[0]);
      text.append('\t');
      PgCopy.appendText(text, row[1]);
      text.append('\t');
      PgCopy.appendText(text, row[2]);
      text.append('\n');
    }
    return session.copyInUnlessTaken(WHAT, "COPY ffp_household (id, village, doc) FROM STDIN",
        new StringReader(text.toString()));
  }

  @Override
  public Optional<Household> find(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    String sql = "SELECT doc FROM ffp_household WHERE id = ?" + (session.writable ? " FOR UPDATE" : "");
    Optional<Household> found =
        session.one(WHAT, sql, s -> s.setString(1, householdId), r -> Documents.household(session.dialect.document(r, 1)));
    if (session.writable && found.isPresent()) {
      locked.add(householdId);
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query; in a write session it locks the rows in order of id, so two units locking
   * overlapping households this way wait for each other rather than deadlock.
   */
  @Override
  public Map<String, Household> findAll(Collection<String> householdIds) {
    session.checkOpen();
    Objects.requireNonNull(householdIds, "householdIds");
    Map<String, Household> found = new HashMap<>();
    if (householdIds.isEmpty()) {
      return found;
    }
    List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
    String sql = "SELECT id, doc FROM ffp_household WHERE " + session.dialect.inArray("id") + " ORDER BY id"
        + (session.writable ? " FOR UPDATE" : "");
    session.list(WHAT, sql, s -> s.setArray(1, session.texts(ids)),
        r -> Map.entry(r.getString(1), Documents.household(session.dialect.document(r, 2))))
        .forEach(e -> found.put(e.getKey(), e.getValue()));
    if (session.writable) {
      locked.addAll(found.keySet());
    }
    return found;
  }

  /**
   * Locks the rows of the registered households among the ids, in order of id; for a write
   * session's look-ups of other tables by household.
   */
  void lockAll(List<String> ids) {
    List<String> others = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (!locked.contains(id)) {
        others.add(id);
      }
    }
    if (others.isEmpty()) {
      return;
    }
    session.list(WHAT, "SELECT id FROM ffp_household WHERE " + session.dialect.inArray("id") + " ORDER BY id FOR UPDATE",
        s -> s.setArray(1, session.texts(others)), r -> r.getString(1)).forEach(locked::add);
  }

  /** Locks the household's row in a write session; whether the household is registered. */
  boolean lock(String householdId) {
    if (locked.contains(householdId)) {
      return true;
    }
    boolean found = session.one(WHAT, "SELECT id FROM ffp_household WHERE id = ? FOR UPDATE",
        s -> s.setString(1, householdId), r -> Boolean.TRUE).isPresent();
    if (found) {
      locked.add(householdId);
    }
    return found;
  }

  @Override
  public Stream<Household> inArea(AreaCode area) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    return session.stream(WHAT, "SELECT doc FROM ffp_household WHERE village BETWEEN ? AND ? ORDER BY id", s -> {
      s.setString(1, Areas.low(area));
      s.setString(2, Areas.high(area));
      // Not looked up among the decoded households kept, nor kept: a stream reads an area once.
    }, r -> Documents.householdUncached(session.dialect.document(r, 1)));
  }
}
