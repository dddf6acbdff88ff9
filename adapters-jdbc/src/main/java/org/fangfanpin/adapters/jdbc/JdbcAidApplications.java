package org.fangfanpin.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;

/**
 * Aid applications (救助申请) in table {@code ffp_aid_application}, versioned like the cases: an
 * update names the version it replaces, and in a write session a read locks the row.
 *
 * <p>An application is decided on the fund's balances (the caps, the pool), which a write session
 * locks through the fund's row (see {@link JdbcLedger}). A write session therefore locks the fund
 * of an application before the application's own row: a batch paying several applications and an
 * approval of one of them would otherwise each hold what the other waits for.
 */
final class JdbcAidApplications implements AidApplicationRepository {

  private static final String WHAT = "ffp_aid_application";
  private static final List<String> COLUMNS = List.of("id", "household_id", "fund_year", "village", "version", "doc");

  private final JdbcSession session;
  /** The stored version of each application whose row this write session locked or stored. */
  private final Map<String, Long> lockedVersions = new HashMap<>();
  /**
   * Applications this session decoded in a bulk read or wrote in a bulk update: a later bulk read
   * finding the same id at the same version takes the object instead of decoding the document
   * again (a version is never stored twice with different contents).
   */
  private final Map<String, AidApplication> decoded = new HashMap<>();

  JdbcAidApplications(JdbcSession session) {
    this.session = session;
  }

  @Override
  public Optional<AidApplication> find(String applicationId) {
    session.checkOpen();
    Objects.requireNonNull(applicationId, "applicationId");
    if (!session.writable) {
      return session.one(WHAT, "SELECT doc FROM ffp_aid_application WHERE id = ?", s -> s.setString(1, applicationId),
          r -> Documents.aidApplication(session.dialect.document(r, 1)));
    }
    Optional<Object[]> fund = session.one(WHAT, "SELECT village, fund_year FROM ffp_aid_application WHERE id = ?",
        s -> s.setString(1, applicationId), r -> new Object[] {r.getString(1), r.getInt(2)});
    if (fund.isEmpty()) {
      return Optional.empty();
    }
    lockFundOf(AreaCode.of((String) fund.get()[0]), (Integer) fund.get()[1]);
    Optional<AidApplication> found = session.one(WHAT, "SELECT doc FROM ffp_aid_application WHERE id = ? FOR UPDATE",
        s -> s.setString(1, applicationId), r -> Documents.aidApplication(session.dialect.document(r, 1)));
    found.ifPresent(a -> lockedVersions.put(a.id(), a.version()));
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the application's version is not 1
   */
  @Override
  public void insert(AidApplication a) {
    session.checkWritable();
    Objects.requireNonNull(a, "application");
    if (a.version() != 1) {
      throw new IllegalArgumentException("新救助申请的版本应为 1 / a new aid application is stored with version 1, not "
          + a.version());
    }
    String id = Columns.text("ffp_aid_application.id", a.id(), Columns.ID);
    String householdId = Columns.text("ffp_aid_application.household_id", a.householdId(), Columns.ID);
    String doc = Columns.text("ffp_aid_application.doc", Documents.aidApplication(a), Columns.DOCUMENT);
    boolean stored = session.insertIgnoringDuplicates(WHAT, "ffp_aid_application", COLUMNS, s -> {
      s.setString(1, id);
      s.setString(2, householdId);
      s.setInt(3, a.fundYear());
      s.setString(4, a.area().code());
      s.setLong(5, 1);
      session.dialect.bindDocument(s, 6, doc);
    });
    if (!stored) {
      throw new DuplicateKeyException("救助申请编号已被占用 / the aid application id is taken");
    }
    lockedVersions.put(id, 1L);
  }

  @Override
  public void update(AidApplication a) {
    session.checkWritable();
    Objects.requireNonNull(a, "application");
    lockFundOf(a.area(), a.fundYear());
    // A row this session locked or stored keeps the version it last saw until the session ends.
    Long locked = lockedVersions.get(a.id());
    Optional<Long> stored = locked != null ? Optional.of(locked) : session.one(WHAT,
        "SELECT version FROM ffp_aid_application WHERE id = ? FOR UPDATE", s -> s.setString(1, a.id()), r -> r.getLong(1));
    if (stored.isEmpty()) {
      throw new StaleVersionException("没有该编号的救助申请 / no aid application is stored under the id");
    }
    long version = stored.get();
    if (a.version() != version + 1) {
      throw new StaleVersionException("救助申请版本冲突 / the aid application is at version " + version
          + "; a change to version " + a.version() + " was made from a stale one");
    }
    String householdId = Columns.text("ffp_aid_application.household_id", a.householdId(), Columns.ID);
    String doc = Columns.text("ffp_aid_application.doc", Documents.aidApplication(a), Columns.DOCUMENT);
    int changed = session.update(WHAT, "UPDATE ffp_aid_application SET household_id = ?, fund_year = ?, village = ?,"
        + " version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
          s.setString(1, householdId);
          s.setInt(2, a.fundYear());
          s.setString(3, a.area().code());
          s.setLong(4, a.version());
          session.dialect.bindDocument(s, 5, doc);
          s.setString(6, a.id());
          s.setLong(7, version);
        });
    if (changed != 1) {
      throw new StaleVersionException("救助申请已被另一工作单元修改 / the aid application was changed by another unit of work");
    }
    lockedVersions.put(a.id(), a.version());
  }

  /**
   * {@inheritDoc}
   *
   * <p>In a write session it reads the funds of the applications, locks them (in order), then
   * reads the applications' rows, three queries for any number of ids; unlike {@link #find} it
   * leaves the rows unlocked, the funds' locks keeping every other writer out (see the comment in
   * the code).
   */
  @Override
  public Map<String, AidApplication> findAll(Collection<String> applicationIds) {
    session.checkOpen();
    Objects.requireNonNull(applicationIds, "applicationIds");
    Map<String, AidApplication> found = new HashMap<>();
    if (applicationIds.isEmpty()) {
      return found;
    }
    List<String> ids = List.copyOf(new LinkedHashSet<>(applicationIds));
    if (session.writable) {
      List<String> funds = session.list(WHAT,
          "SELECT DISTINCT village, fund_year FROM ffp_aid_application WHERE " + session.dialect.inArray("id"),
          s -> s.setArray(1, session.texts(ids)), r -> JdbcLedger.fundKey(countyOf(r.getString(1)), r.getInt(2)));
      if (funds.isEmpty()) {
        return found;
      }
      ((JdbcLedger) session.ledger()).lockFunds(funds);
    }
    // No row locks: every unit of work that changes an application holds its fund's lock, taken
    // above, and an update names the version read here, so a change made in between (by a unit
    // that moved an application out of another fund) fails the version check instead of being
    // overwritten. Locking hundreds of rows would only write each of them twice.
    String sql = "SELECT doc FROM ffp_aid_application WHERE " + session.dialect.inArray("id") + " ORDER BY id";
    for (AidApplication a : session.list(WHAT, sql, s -> s.setArray(1, session.texts(ids)),
        r -> Documents.aidApplication(session.dialect.document(r, 1)))) {
      found.put(a.id(), a);
      decoded.put(a.id(), a);
      if (session.writable) {
        lockedVersions.put(a.id(), a.version());
      }
    }
    return found;
  }

  /** {@inheritDoc} One query for any number of households. */
  @Override
  public Map<String, List<AidApplication>> ofHouseholds(Collection<String> householdIds, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(householdIds, "householdIds");
    Map<String, List<AidApplication>> found = new HashMap<>();
    if (householdIds.isEmpty()) {
      return found;
    }
    List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
    Map<String, List<AidApplication>> listed = new HashMap<>();
    // A join, not "household_id IN the array AND fund_year = ?" (see Dialect.inArray). The year is
    // compared as "fund_year + 0", which no index serves: planned for a known array (PostgreSQL's
    // first executions of a prepared statement) with statistics from before the year's
    // applications came in, "fund_year = ?" looked selective and took the area index, reading every
    // application of the year (15-35 ms for 256 households among 10,000 applications, against 1 ms
    // through the household index).
    String sql = "SELECT a.id, a.version, a.doc FROM " + session.dialect.arrayTable("u", "household_id")
        + " JOIN ffp_aid_application a ON a.household_id = u.household_id WHERE a.fund_year + 0 = ?"
        + " ORDER BY a.household_id, a.id";
    for (AidApplication a : session.list(WHAT, sql, s -> {
          s.setArray(1, session.texts(ids));
          s.setInt(2, fundYear);
        }, r -> {
          AidApplication known = decoded.get(r.getString(1));
          return known != null && known.version() == r.getLong(2) ? known : Documents.aidApplication(session.dialect.document(r, 3));
        })) {
      listed.computeIfAbsent(a.householdId(), h -> new ArrayList<>()).add(a);
    }
    for (String id : ids) {
      List<AidApplication> ofOne = listed.get(id);
      found.put(id, ofOne == null ? List.of() : List.copyOf(ofOne));
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>It locks the applications' funds, checks every version against the rows this session
   * locked or, for the others, against one locking read, and only then writes: on PostgreSQL one
   * statement over arrays (a batch when one id comes twice), on H2 one batch. A refused call has
   * written nothing.
   */
  @Override
  public void updateAll(List<AidApplication> applications) {
    session.checkWritable();
    Objects.requireNonNull(applications, "applications");
    if (applications.isEmpty()) {
      return;
    }
    ((JdbcLedger) session.ledger()).lockFunds(applications.stream()
        .map(a -> JdbcLedger.fundKey(countyOf(a.area().code()), a.fundYear())).toList());
    Map<String, Long> versions = new HashMap<>();
    List<String> unlocked = applications.stream().map(AidApplication::id).filter(id -> !lockedVersions.containsKey(id))
        .distinct().toList();
    if (!unlocked.isEmpty()) {
      session.list(WHAT, "SELECT id, version FROM ffp_aid_application WHERE " + session.dialect.inArray("id")
          + " ORDER BY id FOR UPDATE", s -> s.setArray(1, session.texts(unlocked)), r -> Map.entry(r.getString(1), r.getLong(2)))
          .forEach(e -> versions.put(e.getKey(), e.getValue()));
    }
    List<Object[]> rows = new ArrayList<>(applications.size());
    for (AidApplication a : applications) {
      Long stored = versions.containsKey(a.id()) ? versions.get(a.id()) : lockedVersions.get(a.id());
      if (stored == null) {
        throw new StaleVersionException("没有该编号的救助申请 / no aid application is stored under the id");
      }
      if (a.version() != stored + 1) {
        throw new StaleVersionException("救助申请版本冲突 / the aid application is at version " + stored
            + "; a change to version " + a.version() + " was made from a stale one");
      }
      versions.put(a.id(), a.version());
      rows.add(new Object[] {a, Columns.text("ffp_aid_application.household_id", a.householdId(), Columns.ID),
          Columns.text("ffp_aid_application.doc", Documents.aidApplication(a), Columns.DOCUMENT), stored});
    }
    boolean all;
    try {
      all = versions.size() == applications.size() && session.dialect.unnestsArrays() ? updateInOneStatement(rows)
          : session.batchEachChangingOne(WHAT, "UPDATE ffp_aid_application SET household_id = ?, fund_year = ?,"
        + " village = ?, version = ?, doc = ? WHERE id = ? AND version = ?", rows, (s, row) -> {
          AidApplication a = (AidApplication) row[0];
          s.setString(1, (String) row[1]);
          s.setInt(2, a.fundYear());
          s.setString(3, a.area().code());
          s.setLong(4, a.version());
          session.dialect.bindDocument(s, 5, (String) row[2]);
          s.setString(6, a.id());
          s.setLong(7, (Long) row[3]);
        });
    } catch (RuntimeException e) {
      // On H2 the updates before a failed one would stay: the unit must not commit.
      session.abort();
      throw e;
    }
    if (!all) {
      session.abort();
      // The rows are locked and their versions were checked: only a bug gets here.
      throw new StaleVersionException("救助申请已被另一工作单元修改 / an aid application was changed by another unit"
          + " of work");
    }
    versions.forEach(lockedVersions::put);
    applications.forEach(a -> decoded.put(a.id(), a));
  }

  /**
   * The updates of distinct applications as one statement over arrays: one execution instead of a
   * batch of hundreds. Whether it changed every row.
   */
  private boolean updateInOneStatement(List<Object[]> rows) {
    int n = rows.size();
    Object[] households = new Object[n];
    Object[] years = new Object[n];
    Object[] villages = new Object[n];
    Object[] versions = new Object[n];
    Object[] docs = new Object[n];
    Object[] ids = new Object[n];
    Object[] previous = new Object[n];
    for (int i = 0; i < n; i++) {
      AidApplication a = (AidApplication) rows.get(i)[0];
      households[i] = rows.get(i)[1];
      years[i] = a.fundYear();
      villages[i] = a.area().code();
      versions[i] = a.version();
      docs[i] = rows.get(i)[2];
      ids[i] = a.id();
      previous[i] = rows.get(i)[3];
    }
    TextArray householdArray = TextArray.of(households);
    TextArray villageArray = TextArray.of(villages);
    TextArray docArray = TextArray.of(docs);
    TextArray idArray = TextArray.of(ids);
    int changed = session.update(WHAT, "UPDATE ffp_aid_application AS a SET household_id = u.household_id,"
        + " fund_year = u.fund_year, village = u.village, version = u.version, doc = u.doc FROM unnest("
        + householdArray.sql() + ", ?::int4[], " + villageArray.sql() + ", ?::int8[], " + docArray.sql() + ", "
        + idArray.sql() + ", ?::int8[]) AS u(household_id, fund_year, village, version, doc, id, previous)"
        + " WHERE a.id = u.id AND a.version = u.previous", s -> {
          householdArray.bind(s, 1);
          s.setArray(2, session.array("int4", years));
          villageArray.bind(s, 3);
          s.setArray(4, session.array("int8", versions));
          docArray.bind(s, 5);
          idArray.bind(s, 6);
          s.setArray(7, session.array("int8", previous));
        });
    return changed == n;
  }

  /**
   * A text array of the update as PostgreSQL receives it: its texts joined by {@link #SEPARATOR}
   * and split by {@code string_to_array} (nothing to escape on either side), or, when a text holds
   * the separator or is empty, as an array literal written here (the driver's own encoder escapes
   * a character at a time, which cost more than the rest of the unit's update).
   */
  private record TextArray(String sql, String asOneText, Object[] texts) {

    static TextArray of(Object[] texts) {
      String asOneText = JdbcAidApplications.joined(texts);
      return new TextArray(asOneText != null ? "string_to_array(?, chr(" + (int) SEPARATOR + "))" : "?::varchar[]",
          asOneText, texts);
    }

    void bind(PreparedStatement statement, int index) throws SQLException {
      if (asOneText != null) {
        statement.setString(index, asOneText);
      } else {
        statement.setObject(index, textArrayLiteral(texts), Types.OTHER);
      }
    }
  }

  /**
   * Separates the texts of an array sent as one text (record separator, U+001E): a control
   * character, which a JSON document never holds unescaped and ids and area codes hardly ever.
   */
  static final char SEPARATOR = '\u001e';

  /**
   * The non-null texts joined by {@link #SEPARATOR}, which {@code string_to_array} splits back into
   * the same texts; null when one of them holds the separator (or is empty, as only the array of
   * one empty text would be mistaken for an empty array).
   */
  static String joined(Object[] values) {
    int length = values.length;
    for (Object v : values) {
      String text = (String) v;
      if (text.indexOf(SEPARATOR) >= 0 || text.isEmpty()) {
        return null;
      }
      length += text.length();
    }
    StringBuilder all = new StringBuilder(length);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        all.append(SEPARATOR);
      }
      all.append((String) values[i]);
    }
    return all.toString();
  }

  /**
   * PostgreSQL's text literal of a one-dimensional array of non-null texts: each element in double
   * quotes, its double quotes and backslashes escaped with a backslash; copied in runs between them.
   */
  static String textArrayLiteral(Object[] values) {
    int length = 2;
    for (Object v : values) {
      length += ((String) v).length() + 16;
    }
    StringBuilder literal = new StringBuilder(length + length / 8).append('{');
    for (int i = 0; i < values.length; i++) {
      String v = (String) values[i];
      if (i > 0) {
        literal.append(',');
      }
      literal.append('"');
      int from = 0;
      for (int at = 0; at < v.length(); at++) {
        char c = v.charAt(at);
        if (c == '"' || c == '\\') {
          literal.append(v, from, at).append('\\').append(c);
          from = at + 1;
        }
      }
      literal.append(v, from, v.length()).append('"');
    }
    return literal.append('}').toString();
  }

  private static String countyOf(String village) {
    // A county's code is the first six digits of every code inside it, then zeros.
    return village.substring(0, 6) + "000000";
  }

  /** Locks the fund of the county the area (a village) lies in, for the fund year. */
  private void lockFundOf(AreaCode area, int fundYear) {
    // A county's code is the first six digits of every code inside it, then zeros.
    ((JdbcLedger) session.ledger()).lockFund(AreaCode.of(area.code().substring(0, 6) + "000000"), fundYear);
  }

  @Override
  public List<AidApplication> ofHousehold(String householdId, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    return List.copyOf(session.list(WHAT,
        "SELECT doc FROM ffp_aid_application WHERE household_id = ? AND fund_year = ? ORDER BY id", s -> {
          s.setString(1, householdId);
          s.setInt(2, fundYear);
        }, r -> Documents.aidApplication(session.dialect.document(r, 1))));
  }

  @Override
  public Stream<AidApplication> inArea(AreaCode area, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    return session.stream(WHAT, "SELECT doc FROM ffp_aid_application WHERE fund_year = ? AND village BETWEEN ? AND ?"
        + " ORDER BY id", s -> {
          s.setInt(1, fundYear);
          s.setString(2, Areas.low(area));
          s.setString(3, Areas.high(area));
        }, r -> Documents.aidApplication(session.dialect.document(r, 1)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads only the ids: the state is found in the stored document as {@link FundCodec} writes
   * it, {@code "state":"NAME"} at the top level (a text field holding those characters is stored
   * with its quotes escaped, so it never matches). On H2 the field's UTF-8 bytes are looked for among
   * the document's: no byte of a character of several bytes is an ASCII one, so the match is the
   * same.
   */
  @Override
  public List<String> idsInArea(AreaCode area, int fundYear, AidApplicationState state) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(state, "state");
    return session.list(WHAT, "SELECT id FROM ffp_aid_application WHERE fund_year = ? AND village BETWEEN ? AND ?"
        + " AND POSITION(? IN doc) > 0 ORDER BY id", s -> {
          s.setInt(1, fundYear);
          s.setString(2, Areas.low(area));
          s.setString(3, Areas.high(area));
          session.dialect.bindDocument(s, 4, FundCodec.stateField(state));
        }, r -> r.getString(1));
  }
}
