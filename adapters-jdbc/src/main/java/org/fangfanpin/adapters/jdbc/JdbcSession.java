package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.LedgerRepository;
import org.fangfanpin.spi.store.OutboxRepository;
import org.fangfanpin.spi.store.SignalRepository;
import org.fangfanpin.spi.store.StoreSession;

/**
 * One session of a {@link JdbcStore} (会话): one JDBC transaction on one connection, and the
 * repositories over it, made on first use. It keeps the statements it prepared for reuse and the
 * cursors of the streams it handed out, and closes all of them when the work returns. Not
 * thread-safe: it belongs to the thread running the work.
 */
final class JdbcSession implements StoreSession {

  /** Rows a lazy stream fetches per round trip. */
  static final int FETCH_SIZE = 500;

  final Dialect dialect;
  final boolean writable;
  private final Connection connection;
  private boolean open = true;
  private boolean failed;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private List<String[]> claims;
  private List<Runnable> deferred;
  private final Set<AutoCloseable> cursors = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  private JdbcHouseholds households;
  private JdbcSignals signals;
  private JdbcCases cases;
  private JdbcAudit audit;
  private JdbcOutbox outbox;
  private JdbcLedger ledger;
  private JdbcAidApplications aidApplications;
  private JdbcGrid grid;

  JdbcSession(Connection connection, Dialect dialect, boolean writable) {
    this.connection = connection;
    this.dialect = dialect;
    this.writable = writable;
  }

  @Override
  public HouseholdRepository households() {
    checkOpen();
    if (households == null) {
      households = new JdbcHouseholds(this);
    }
    return households;
  }

  @Override
  public SignalRepository signals() {
    checkOpen();
    if (signals == null) {
      signals = new JdbcSignals(this);
    }
    return signals;
  }

  @Override
  public CaseRepository cases() {
    checkOpen();
    if (cases == null) {
      cases = new JdbcCases(this);
    }
    return cases;
  }

  @Override
  public AuditRepository audit() {
    checkOpen();
    if (audit == null) {
      audit = new JdbcAudit(this);
    }
    return audit;
  }

  @Override
  public OutboxRepository outbox() {
    checkOpen();
    if (outbox == null) {
      outbox = new JdbcOutbox(this);
    }
    return outbox;
  }

  @Override
  public LedgerRepository ledger() {
    checkOpen();
    if (ledger == null) {
      ledger = new JdbcLedger(this);
    }
    return ledger;
  }

  @Override
  public AidApplicationRepository aidApplications() {
    checkOpen();
    if (aidApplications == null) {
      aidApplications = new JdbcAidApplications(this);
    }
    return aidApplications;
  }

  @Override
  public GridRepository grid() {
    checkOpen();
    if (grid == null) {
      grid = new JdbcGrid(this);
    }
    return grid;
  }

  // ---------------------------------------------------------------- session state

  /** Throws unless the work of this session is still running. */
  void checkOpen() {
    if (!open) {
      throw new IllegalStateException("会话已结束 / the session ended when its work returned");
    }
  }

  /** Throws unless this is an open write session. */
  void checkWritable() {
    checkOpen();
    if (!writable) {
      throw new IllegalStateException("只读会话不能写入 / a read session cannot write");
    }
  }

  /** Whether a statement failed in a way that aborted the transaction, so it cannot commit. */
  boolean failed() {
    return failed;
  }

  /**
   * Marks the transaction as one that must not commit, as a failed statement does on PostgreSQL:
   * for a batch that failed part way on H2, where the rows before the failure would stay.
   */
  void abort() {
    failed = true;
  }

  /** Ends the session: closes every statement and cursor; every later call through it throws. */
  void close() {
    open = false;
    for (AutoCloseable cursor : new ArrayList<>(cursors)) {
      closeQuietly(cursor);
    }
    cursors.clear();
    statements.values().forEach(JdbcSession::closeQuietly);
    statements.clear();
  }

  // ---------------------------------------------------------------- statements

  /** Binds the parameters of a statement. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** The first row the query finds, if any. */
  <T> Optional<T> one(String what, String sql, Binder binder, RowMapper<T> mapper) {
    try {
      PreparedStatement statement = prepared(sql);
      binder.bind(statement);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e, what);
    }
  }

  /** Every row the query finds. */
  <T> List<T> list(String what, String sql, Binder binder, RowMapper<T> mapper) {
    try {
      PreparedStatement statement = prepared(sql);
      binder.bind(statement);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(mapper.map(rows));
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure(e, what);
    }
  }

  /** Runs an insert, update or delete; returns the rows it changed. */
  int update(String what, String sql, Binder binder) {
    try {
      PreparedStatement statement = prepared(sql);
      binder.bind(statement);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(e, what);
    }
  }

  /** Rows sent to the database per batch: large enough to amortise round trips, small enough to keep memory flat. */
  static final int BATCH_ROWS = 1_000;

  /** Binds one item's parameters of a batched statement. */
  @FunctionalInterface
  interface ItemBinder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }

  /** Runs the statement once per item, {@link #BATCH_ROWS} items to a JDBC batch. */
  <T> void batch(String what, String sql, java.util.Collection<T> items, ItemBinder<T> binder) {
    executeInBatches(what, sql, items, binder);
  }


  /**
   * {@link #batch} for rows that must all be stored: a failure fails the unit of work on H2 too,
   * where the rows before the failed one would otherwise stay in a transaction that can commit.
   */
  <T> void batchAll(String what, String sql, java.util.Collection<T> items, ItemBinder<T> binder) {
    try {
      batch(what, sql, items, binder);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  /**
   * Inserts unless a unique key of the row is taken; returns whether it inserted. Leaves the
   * transaction usable either way (see {@link Dialect#insertIgnoringDuplicates}).
   */
  boolean insertIgnoringDuplicates(String what, String table, List<String> columns, Binder binder) {
    String sql = dialect.insertIgnoringDuplicates(table, columns);
    try {
      PreparedStatement statement = prepared(sql);
      binder.bind(statement);
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      if (!dialect.abortsTransactionOnError() && "23505".equals(SqlFailures.stateOf(e))) {
        return false;
      }
      throw failure(e, what);
    }
  }

  /**
   * Claims a key this write session looked up and did not find (see {@code V2__claims.sql}):
   * inserts the claim, waiting for a unit of work that claimed it first to end, then locks it
   * until this session ends; on PostgreSQL it takes a lock on the key instead (see
   * {@link Dialect#lockEachKey}). A caller looks the key up again afterwards.
   */
  void claim(String kind, String key) {
    if (lockClaims(kind, List.of(key))) {
      return;
    }
    JdbcSession.Binder bind = s -> {
      s.setString(1, kind);
      s.setString(2, key);
    };
    // A claim row this session inserted is its own until it commits: a unit claiming the key
    // after it waits in its insert. Only a row another unit inserted and committed needs locking.
    if (!insertIgnoringDuplicates("ffp_claim", "ffp_claim", List.of("kind", "claim_key"), bind)) {
      one("ffp_claim", "SELECT kind FROM ffp_claim WHERE kind = ? AND claim_key = ? FOR UPDATE", bind, r -> Boolean.TRUE);
    }
    if (claims == null) {
      claims = new ArrayList<>();
    }
    claims.add(new String[] {kind, key});
  }

  /**
   * {@link #claim} for many keys of one kind: on PostgreSQL one insert for all, then one locking
   * read of the keys another unit of work claimed first; on H2, one claim after another. The keys
   * are claimed in sorted order, so two units claiming overlapping keys wait rather than deadlock.
   */
  void claimAll(String kind, java.util.Collection<String> keys) {
    List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(keys));
    if (sorted.isEmpty() || lockClaims(kind, sorted)) {
      return;
    }
    Optional<String> bulk = dialect.insertEachIgnoringDuplicates("ffp_claim", "kind", "claim_key");
    if (bulk.isEmpty()) {
      sorted.forEach(key -> claim(kind, key));
      return;
    }
    Set<String> inserted = new java.util.HashSet<>(list("ffp_claim", bulk.get(), s -> {
      s.setString(1, kind);
      s.setArray(2, texts(sorted));
    }, r -> r.getString(1)));
    List<String> claimedBefore = sorted.stream().filter(k -> !inserted.contains(k)).toList();
    if (!claimedBefore.isEmpty()) {
      list("ffp_claim", "SELECT claim_key FROM ffp_claim WHERE kind = ? AND " + dialect.inArray("claim_key")
          + " ORDER BY claim_key FOR UPDATE", s -> {
            s.setString(1, kind);
            s.setArray(2, texts(claimedBefore));
          }, r -> Boolean.TRUE);
    }
    if (claims == null) {
      claims = new ArrayList<>();
    }
    for (String key : sorted) {
      claims.add(new String[] {kind, key});
    }
  }

  /**
   * Claims the keys, in order, with the database's transaction-scoped locks where it has them
   * ({@link Dialect#lockEachKey}; PostgreSQL): no claim rows to insert and delete. Whether it did.
   */
  private boolean lockClaims(String kind, List<String> keys) {
    Optional<String> lock = dialect.lockEachKey();
    if (lock.isEmpty()) {
      return false;
    }
    List<String> named = new ArrayList<>(keys.size());
    for (String key : keys) {
      named.add(kind + "/" + key);
    }
    list("ffp_claim", lock.get(), s -> s.setArray(1, texts(named)), r -> Boolean.TRUE);
    return true;
  }

  /** Whether {@link #copyIn} works on this session's connection (PostgreSQL through pgjdbc). */
  boolean copies() {
    // Only PostgreSQL through pgjdbc, reached by reflection (see PgCopy): the driver is the host's.
    return dialect.copiesRows() && PgCopy.available(connection);
  }

  /**
   * Runs {@code COPY ... FROM STDIN} with the rows of {@code data} in COPY's text format, behind a
   * savepoint: whether it stored them all, or, when a unique key of one of them was taken, stored
   * none and left the transaction usable.
   */
  boolean copyInUnlessTaken(String what, String sql, byte[] data) {
    return copyInUnlessTaken(what, () -> PgCopy.copyIn(connection, sql, data));
  }

  /** {@link #copyInUnlessTaken(String, String, byte[])} for rows given as characters. */
  boolean copyInUnlessTaken(String what, String sql, java.io.Reader data) {
    return copyInUnlessTaken(what, () -> PgCopy.copyIn(connection, sql, data));
  }

  /** A COPY to run. */
  @FunctionalInterface
  private interface Copy {
    long run() throws SQLException;
  }

  private boolean copyInUnlessTaken(String what, Copy copy) {
    checkOpen();
    java.sql.Savepoint before;
    try {
      before = connection.setSavepoint();
    } catch (SQLException e) {
      throw failure(e, what);
    }
    try {
      copy.run();
      connection.releaseSavepoint(before);
      return true;
    } catch (SQLException e) {
      if ("23505".equals(SqlFailures.stateOf(e))) {
        try {
          connection.rollback(before);
          return false;
        } catch (SQLException lost) {
          throw failure(lost, what);
        }
      }
      throw failure(e, what);
    }
  }

  /**
   * Inserts the rows into {@code table}, all or none: a failure fails the unit of work on every
   * database (on H2 too, where the rows before the failed one would otherwise stay). Each row holds
   * one value per column, in order: a {@code String}, {@code Long}, {@code Integer},
   * {@code LocalDate} or {@code null}. On PostgreSQL the rows go in one {@code COPY ... FROM STDIN}
   * (see {@link PgCopy}): PostgreSQL parses a text row instead of binding and planning a multi-row
   * insert, a fraction of the cost per row; identity columns left out take their defaults in the
   * order of the rows. A COPY fails with the same SQL state as the insert would (a taken key, a
   * value too long), translated the same way; elsewhere one batch of inserts.
   */
  void insertRows(String what, String table, List<String> columns, java.util.Collection<Object[]> rows) {
    checkWritable();
    if (rows.isEmpty()) {
      return;
    }
    if (copies()) {
      try {
        PgCopy.copyIn(connection, PgCopy.copyStatement(table, columns), PgCopy.rows(rows, columns.size()));
        return;
      } catch (SQLException e) {
        throw failure(e, what);
      } catch (RuntimeException e) {
        abort();
        throw e;
      }
    }
    int doc = columns.indexOf("doc");
    batchAll(what, plainInsert(table, columns), rows, (s, row) -> bindRow(s, row, doc));
  }

  /**
   * {@link #insertRows} for rows whose unique keys may be taken, where the rows with a free key
   * are stored and the others skipped (as {@link Dialect#insertIgnoringDuplicates}): on
   * PostgreSQL one COPY behind a savepoint, which stores all of them when no key is taken, as
   * nearly always; when one is, the copy is undone and one batch of inserts that skip taken keys
   * follows. On H2 one insert after another, each skipped when its key is taken.
   */
  void insertRowsIgnoringDuplicates(String what, String table, List<String> columns,
      java.util.Collection<Object[]> rows) {
    checkWritable();
    if (rows.isEmpty()) {
      return;
    }
    if (copies() && copyInUnlessTaken(what, PgCopy.copyStatement(table, columns),
        PgCopy.rows(rows, columns.size()))) {
      return;
    }
    int doc = columns.indexOf("doc");
    if (!dialect.abortsTransactionOnError()) {
      for (Object[] row : rows) {
        insertIgnoringDuplicates(what, table, columns, s -> bindRow(s, row, doc));
      }
      return;
    }
    batch(what, dialect.insertIgnoringDuplicates(table, columns), rows, (s, row) -> bindRow(s, row, doc));
  }

  private static String plainInsert(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
  }

  /**
   * Binds a row of {@link #insertRows} to the insert's parameters; the value at index {@code doc}
   * (the column named {@code doc}, or -1) is a document, bound as the dialect stores documents.
   */
  private void bindRow(PreparedStatement statement, Object[] row, int doc) throws SQLException {
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (i == doc && v instanceof String json) {
        dialect.bindDocument(statement, i + 1, json);
      } else if (v == null) {
        // Of no declared type, so that the database takes the column's (a date, a number, text).
        statement.setNull(i + 1, java.sql.Types.NULL);
      } else if (v instanceof String text) {
        statement.setString(i + 1, text);
      } else if (v instanceof Long n) {
        statement.setLong(i + 1, n);
      } else if (v instanceof Integer n) {
        statement.setInt(i + 1, n);
      } else if (v instanceof java.time.LocalDate day) {
        statement.setObject(i + 1, day);
      } else {
        throw new IllegalArgumentException("不支持的列值类型 / unsupported column value type " + v.getClass().getName());
      }
    }
  }

  /** A text array for the parameter of {@link Dialect#inArray}. */
  java.sql.Array texts(java.util.Collection<String> values) throws SQLException {
    return array("VARCHAR", values.toArray());
  }

  /** An array parameter of the SQL element type ({@code int4}, {@code int8}, {@code varchar}). */
  java.sql.Array array(String type, Object[] values) throws SQLException {
    return connection.createArrayOf(type, values);
  }

  /** {@link #batch} for updates that must each change one row; whether every one did. */
  <T> boolean batchEachChangingOne(String what, String sql, java.util.Collection<T> items, ItemBinder<T> binder) {
    return executeInBatches(what, sql, items, binder);
  }

  /**
   * Runs the statement once per item, {@value #BATCH_ROWS} to a JDBC batch; whether every
   * execution changed exactly one row (or the driver did not say).
   */
  private <T> boolean executeInBatches(String what, String sql, java.util.Collection<T> items, ItemBinder<T> binder) {
    try {
      PreparedStatement statement = prepared(sql);
      boolean all = true;
      int pending = 0;
      for (T item : items) {
        binder.bind(statement, item);
        statement.addBatch();
        if (++pending == BATCH_ROWS) {
          all &= eachOne(statement.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        all &= eachOne(statement.executeBatch());
      }
      return all;
    } catch (SQLException e) {
      throw failure(e, what);
    }
  }


  private static boolean eachOne(int[] counts) {
    for (int count : counts) {
      if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs, once, a write a repository held back until the unit of work ends (the head of an audit
   * chain, running balances), so that a value changed many times in one unit is written once. It
   * runs in the transaction, before the claims are released and the work commits.
   */
  void beforeCommit(Runnable write) {
    if (deferred == null) {
      deferred = new ArrayList<>();
    }
    deferred.add(write);
  }

  /** Runs the writes held back until the end of the unit of work, then releases its claims. */
  void finishWrites() {
    if (deferred != null) {
      List<Runnable> writes = deferred;
      deferred = null;
      writes.forEach(Runnable::run);
    }
    releaseClaims();
  }

  /**
   * Deletes the session's claims just before it commits: a claim matters only while its unit of
   * work runs, and a unit waiting on one goes on when this one commits either way, so the table
   * stays empty between units of work.
   */
  void releaseClaims() {
    if (claims != null) {
      // One statement per kind: a batch payment claims hundreds of transfer ids.
      Map<String, List<String>> byKind = new HashMap<>();
      for (String[] c : claims) {
        byKind.computeIfAbsent(c[0], k -> new ArrayList<>()).add(c[1]);
      }
      byKind.forEach((kind, keys) -> update("ffp_claim", "DELETE FROM ffp_claim WHERE kind = ? AND "
          + dialect.inArray("claim_key"), s -> {
            s.setString(1, kind);
            s.setArray(2, texts(keys));
          }));
      claims = null;
    }
  }

  /**
   * The rows of the query, read lazily with a fetch size as the stream is consumed (PostgreSQL
   * uses a cursor, since the transaction is open). Closing the stream closes its statement; the
   * session closes it too if the work does not.
   */
  <T> Stream<T> stream(String what, String sql, Binder binder, RowMapper<T> mapper) {
    PreparedStatement statement;
    ResultSet rows;
    try {
      statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    } catch (SQLException e) {
      throw failure(e, what);
    }
    try {
      statement.setFetchSize(FETCH_SIZE);
      binder.bind(statement);
      rows = statement.executeQuery();
    } catch (SQLException e) {
      closeQuietly(statement);
      throw failure(e, what);
    }
    cursors.add(statement);
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        checkOpen();
        try {
          if (!rows.next()) {
            return false;
          }
          action.accept(mapper.map(rows));
          return true;
        } catch (SQLException e) {
          throw failure(e, what);
        }
      }
    };
    return StreamSupport.stream(spliterator, false).onClose(() -> {
      cursors.remove(statement);
      closeQuietly(statement);
    });
  }

  private PreparedStatement prepared(String sql) throws SQLException {
    checkOpen();
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }

  /** Translates a failure of this session's statement and notes when it aborted the transaction. */
  RuntimeException failure(SQLException e, String what) {
    if (dialect.abortsTransactionOnError()) {
      failed = true;
    }
    return SqlFailures.translate(e, what);
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      // The connection may be gone already; the transaction ends with it either way.
    }
  }
}
