package org.fangfanpin.adapters.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The few places where H2 and PostgreSQL need different SQL (方言), kept together: inserting unless
 * a unique key is taken, inserting or replacing by key, how a session sets its isolation, and how
 * a document is stored (UTF-8 bytes on H2, text on PostgreSQL). Everything else the adapter writes
 * is SQL both accept.
 */
enum Dialect {

  /** H2 2.x in its default mode. */
  H2 {
    @Override
    void bindDocument(PreparedStatement statement, int index, String json) throws SQLException {
      // H2 copies a byte array into its pages where it would encode a VARCHAR char by char.
      statement.setBytes(index, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    String document(ResultSet row, int index) throws SQLException {
      byte[] utf8 = row.getBytes(index);
      return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    @Override
    String insertIgnoringDuplicates(String table, List<String> columns) {
      // H2 has no ON CONFLICT outside its PostgreSQL mode; a failed statement leaves its
      // transaction usable, so the caller treats a unique violation as "nothing inserted".
      return plainInsert(table, columns);
    }

    @Override
    boolean abortsTransactionOnError() {
      return false;
    }

    @Override
    int begin(Connection connection, boolean writable) throws SQLException {
      // H2 runs in the same process, so switching the level costs no round trip; it is put back
      // when the session ends.
      int before = connection.getTransactionIsolation();
      int wanted = writable ? Connection.TRANSACTION_READ_COMMITTED : Connection.TRANSACTION_REPEATABLE_READ;
      if (before == wanted) {
        return -1;
      }
      connection.setTransactionIsolation(wanted);
      return before;
    }

    @Override
    boolean unnestsArrays() {
      return false;
    }

    @Override
    String inArray(String column) {
      // H2 looks each element up in the column's index.
      return column + " = ANY(?)";
    }

    @Override
    String arrayTable(String alias, String column) {
      return "UNNEST(?) AS " + alias + "(" + column + ")";
    }

    @Override
    Optional<String> lockEachKey() {
      // H2 has no advisory locks: claims are rows of ffp_claim.
      return Optional.empty();
    }

    @Override
    boolean copiesRows() {
      return false;
    }

    @Override
    Optional<String> insertEachIgnoringDuplicates(String table, String fixedColumn, String arrayColumn) {
      // H2 in process: a claim after another costs no round trip.
      return Optional.empty();
    }

    @Override
    String upsert(String table, List<String> keys, List<String> columns) {
      return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys)
          + ") VALUES (" + InLists.marks(columns.size()) + ")";
    }
  },

  /** PostgreSQL 14 or later. */
  POSTGRESQL {
    @Override
    void bindDocument(PreparedStatement statement, int index, String json) throws SQLException {
      statement.setString(index, json);
    }

    @Override
    String document(ResultSet row, int index) throws SQLException {
      return row.getString(index);
    }

    @Override
    String insertIgnoringDuplicates(String table, List<String> columns) {
      return plainInsert(table, columns) + " ON CONFLICT DO NOTHING";
    }

    @Override
    boolean abortsTransactionOnError() {
      return true;
    }

    @Override
    int begin(Connection connection, boolean writable) throws SQLException {
      // Set for this transaction only, so nothing is left to put back on the pooled connection.
      try (java.sql.Statement statement = connection.createStatement()) {
        statement.execute(writable ? "SET TRANSACTION ISOLATION LEVEL READ COMMITTED"
            : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      return -1;
    }

    @Override
    boolean unnestsArrays() {
      return true;
    }

    @Override
    String inArray(String column) {
      // Not "= ANY(?)": its generic plan may scan the table comparing each row with every element
      // of the array, which grows with the table; a semi-join looks the elements up.
      return column + " IN (SELECT unnest(?::varchar[]))";
    }

    @Override
    String arrayTable(String alias, String column) {
      return "unnest(?::varchar[]) AS " + alias + "(" + column + ")";
    }

    @Override
    Optional<String> lockEachKey() {
      // Transaction-scoped advisory locks on a 64-bit hash of each key, taken in the array's
      // order: nothing is written, and they go with the transaction, so there is nothing to delete.
      return Optional.of("SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::varchar[]) AS u(k)");
    }

    @Override
    boolean copiesRows() {
      return true;
    }

    @Override
    Optional<String> insertEachIgnoringDuplicates(String table, String fixedColumn, String arrayColumn) {
      return Optional.of("INSERT INTO " + table + " (" + fixedColumn + ", " + arrayColumn + ") SELECT ?, k FROM"
          + " unnest(?::varchar[]) AS u(k) ON CONFLICT DO NOTHING RETURNING " + arrayColumn);
    }

    @Override
    String upsert(String table, List<String> keys, List<String> columns) {
      String updates = columns.stream().filter(c -> !keys.contains(c))
          .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
      return plainInsert(table, columns) + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + updates;
    }
  };

  /**
   * Binds a document (its JSON text) to a parameter compared with or stored in a {@code doc}
   * column: H2's doc columns are {@code VARBINARY} holding the text's UTF-8 bytes
   * ({@code fangfanpin-h2/V2_2}), PostgreSQL's are text.
   */
  abstract void bindDocument(PreparedStatement statement, int index, String json) throws SQLException;

  /** The document (JSON text) of a {@code doc} column of the row, or null for SQL NULL. */
  abstract String document(ResultSet row, int index) throws SQLException;

  /**
   * An insert that stores nothing, without failing the transaction, when a unique key of the row
   * is taken: on PostgreSQL it then updates 0 rows; on H2 it throws a unique violation that
   * leaves the transaction usable.
   */
  abstract String insertIgnoringDuplicates(String table, List<String> columns);

  /**
   * Whether a statement can take rows as parallel array parameters ({@code unnest(?, ?, ...)}),
   * so that a bulk write is one statement rather than a batch of many.
   */
  abstract boolean unnestsArrays();

  /**
   * A condition that the text column equals one element of a text array parameter. Not for a
   * column whose index also serves another condition of the query: H2 then reads the whole
   * index (with {@code household_id = ANY(?) AND fund_year = ?} on an index of both, 256
   * households took 17 ms among 10,000 rows, against under 1 ms without the second condition);
   * join {@link #arrayTable} instead.
   */
  abstract String inArray(String column);

  /**
   * A table of the elements of a text array parameter, one row each in column {@code column},
   * to join on: each element is looked up in the joined table's index on its own, whatever the
   * other conditions of the query.
   */
  abstract String arrayTable(String alias, String column);

  /**
   * One insert of a row per element of an array parameter (the second), the first parameter the
   * same in every row, that skips rows whose key is taken and returns the array column of the rows
   * it inserted; empty where the database has none (H2 in its default mode), so the caller inserts
   * one row after another.
   */
  abstract Optional<String> insertEachIgnoringDuplicates(String table, String fixedColumn, String arrayColumn);

  /**
   * A query that takes, in order, an exclusive lock held until the transaction ends on each
   * element of a text array parameter, waiting for a transaction that holds one; empty where the
   * database has no such locks (H2), so claims are rows of {@code ffp_claim}. Two different keys
   * may, very rarely, share a lock: the second unit then only waits a little longer.
   */
  abstract Optional<String> lockEachKey();

  /** Whether the database takes new rows through {@code COPY ... FROM STDIN} (see {@link PgCopy}). */
  abstract boolean copiesRows();

  /** Inserts the row or replaces the non-key columns of the row with the same keys. */
  abstract String upsert(String table, List<String> keys, List<String> columns);

  /**
   * Starts the transaction of a session (autocommit already off): READ COMMITTED for a write
   * session, whose repositories lock the rows its writes depend on; a read-only REPEATABLE READ
   * snapshot for a read session, so it sees one committed state. Returns the isolation level to put
   * back on the connection when the session ends, or -1.
   */
  abstract int begin(Connection connection, boolean writable) throws SQLException;

  /** Whether a failed statement aborts the whole transaction (PostgreSQL) or only itself (H2). */
  abstract boolean abortsTransactionOnError();

  /** The dialect of the database the connection reaches. */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("h2")) {
      return H2;
    }
    if (product.contains("postgresql")) {
      if (meta.getDatabaseMajorVersion() < 14) {
        throw new IllegalStateException("需要 PostgreSQL 14 或更高版本 / PostgreSQL 14 or later is needed, found "
            + meta.getDatabaseProductVersion());
      }
      return POSTGRESQL;
    }
    throw new IllegalStateException("不支持的数据库 / unsupported database: " + meta.getDatabaseProductName()
        + " (H2 or PostgreSQL 14+)");
  }

  private static String plainInsert(String table, List<String> columns) {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + InLists.marks(columns.size()) + ")";
  }

}
