package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.fangfanpin.spi.store.IdSource;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage ports over JDBC (关系数据库存储): every repository of {@link StoreSession}, the fund
 * ledger, aid applications and the grid included, on H2 (embedded) or PostgreSQL 14 or later,
 * through a {@link DataSource} the host supplies (a connection pool such as HikariCP).
 *
 * <p>One unit of work is one JDBC transaction on one connection: it commits when the work returns
 * and rolls back when it throws. A write session runs at READ COMMITTED and locks the rows its
 * writes depend on as it reads them (a household or case read to be changed, a county's audit
 * head, a fund's balances), so write sessions behave as if they ran one after the other; cases
 * and aid applications are also versioned, and a stale update is refused. A read session is a
 * read-only snapshot. When the database reports a serialization failure, a deadlock, a lock
 * timeout or a lost connection, the transaction is rolled back and the unit of work throws
 * {@link org.fangfanpin.spi.store.TransientStoreException}, which core retries.
 *
 * <p>The schema is a set of versioned SQL files under {@code db/migration/fangfanpin} on the
 * class path: {@link #migrate} applies them with Flyway; a host with its own migration tool
 * applies the same files and calls {@link #open}. On H2 {@link #migrate} also applies the files
 * under {@code db/migration/fangfanpin-h2} (numbered between the shared ones, such as
 * {@code V2_1}, {@code V2_2}): they only tune H2 (larger identity caches, so that a sequence is
 * not stored in a commit of its own every 32 rows; documents stored as UTF-8 bytes, which H2 copies
 * where it would encode text char by char) and a host applying the files itself applies them too
 * (without them the store works, more slowly); on PostgreSQL, those under
 * {@code db/migration/fangfanpin-postgresql} (room in the pages of aid applications for updates in
 * place, an index of reversals only), likewise optional.
 * On H2 the store sets {@code WRITE_DELAY 0}, so a committed posting of money is on disk when the
 * commit returns. H2 waits for a row lock for
 * one second by default; hosts whose units of work queue on the same rows set a longer
 * {@code LOCK_TIMEOUT} in the URL (a timeout is reported as transient).
 *
 * <p>Thread-safe; sessions do not nest on one thread.
 */
public final class JdbcStore implements UnitOfWork {

  /** The schema version these classes are written for. */
  static final int SCHEMA_VERSION = 2;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
  private static final String MIGRATIONS = "classpath:db/migration/fangfanpin";
  /**
   * H2-only files, numbered between the shared ones; they change no table the classes read, only
   * how H2 stores it (the store binds documents as bytes, which H2 converts for a text column).
   */
  private static final String H2_MIGRATIONS = "classpath:db/migration/fangfanpin-h2";
  /** PostgreSQL-only files, numbered between the shared ones; they keep every rule and change only how rows are kept. */
  private static final String POSTGRESQL_MIGRATIONS = "classpath:db/migration/fangfanpin-postgresql";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final JdbcIdSource ids;
  private final ThreadLocal<Boolean> inSession = new ThreadLocal<>();

  private JdbcStore(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.ids = new JdbcIdSource(dataSource, dialect);
  }

  /**
   * Brings the database's schema up to date with Flyway (its history in table
   * {@code ffp_schema_history}, apart from any history of the host's own), then opens the store.
   * Flyway holds two connections while it migrates: a pool of one connection waits for itself
   * until the pool's timeout.
   */
  public static JdbcStore migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection);
    } catch (SQLException e) {
      throw SqlFailures.translate(e, "opening the store");
    }
    String[] locations = new String[] {MIGRATIONS, dialect == Dialect.H2 ? H2_MIGRATIONS : POSTGRESQL_MIGRATIONS};
    Flyway.configure(JdbcStore.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations)
        .table("ffp_schema_history")
        .failOnMissingLocations(true)
        .load()
        .migrate();
    return open(dataSource);
  }

  /**
   * Opens the store on a database whose schema the host migrated itself.
   *
   * @throws IllegalStateException when the schema is missing or older than this version needs,
   *     or the database is neither H2 nor PostgreSQL 14+
   */
  public static JdbcStore open(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.of(connection);
      checkSchema(connection);
      if (dialect == Dialect.H2) {
        noteTextDocuments(connection);
        ensureNoWriteDelay(connection);
      }
      LOG.info("fangfanpin JDBC store opened on {} (schema version {})", dialect, SCHEMA_VERSION);
      return new JdbcStore(dataSource, dialect);
    } catch (SQLException e) {
      throw SqlFailures.translate(e, "opening the store");
    }
  }

  /**
   * Ids from the database: unique per namespace for the life of the database, across restarts
   * and processes. Each block of ids is taken in a short transaction on a connection of its own,
   * so size the pool for one connection more than the threads running units of work.
   */
  public IdSource ids() {
    return ids;
  }

  @Override
  public <T> T write(Function<StoreSession, T> work) {
    return run(work, true);
  }

  @Override
  public <T> T read(Function<StoreSession, T> work) {
    return run(work, false);
  }

  private <T> T run(Function<StoreSession, T> work, boolean writable) {
    Objects.requireNonNull(work, "work");
    if (inSession.get() != null) {
      throw new IllegalStateException("会话不能嵌套 / sessions of a JDBC store do not nest: this thread already runs one");
    }
    inSession.set(Boolean.TRUE);
    Connection connection = null;
    try {
      connection = connect();
      return inTransaction(connection, work, writable);
    } finally {
      inSession.remove();
      if (connection != null) {
        closeQuietly(connection);
      }
    }
  }

  /**
   * Gives the connection back. The transaction has ended by then, committed or not, so a failure
   * here must not make the caller run a committed unit of work again.
   */
  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing a connection failed (SQLState {})", e.getSQLState());
    }
  }

  private <T> T inTransaction(Connection connection, Function<StoreSession, T> work, boolean writable) {
    boolean autoCommit;
    int isolation;
    try {
      autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      isolation = dialect.begin(connection, writable);
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw SqlFailures.translate(e, "starting the transaction");
    }
    try {
      JdbcSession session = new JdbcSession(connection, dialect, writable);
      T result;
      try {
        result = work.apply(session);
        if (writable && !session.failed()) {
          session.finishWrites();
        }
      } catch (RuntimeException | Error failure) {
        session.close();
        rollbackQuietly(connection);
        LOG.debug("{} session rolled back after {}", writable ? "write" : "read", failure.getClass().getName());
        throw failure;
      }
      session.close();
      if (session.failed()) {
        rollbackQuietly(connection);
        throw new IllegalStateException("一条语句失败后工作单元仍继续，已回滚 / the unit of work went on after a statement"
            + " failed, which aborted its transaction; it was rolled back");
      }
      finish(connection, writable);
      return result;
    } finally {
      restore(connection, autoCommit, isolation);
    }
  }

  private static void finish(Connection connection, boolean writable) {
    try {
      if (writable) {
        connection.commit();
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw SqlFailures.translate(e, writable ? "commit" : "ending a read session");
    }
  }

  private Connection connect() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw SqlFailures.translate(e, "getting a connection");
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // A lost connection has rolled back by itself; the pool drops it.
      LOG.debug("rollback failed (SQLState {})", e.getSQLState());
    }
  }

  private static void restore(Connection connection, boolean autoCommit, int isolation) {
    try {
      if (isolation >= 0) {
        connection.setTransactionIsolation(isolation);
      }
      if (autoCommit) {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // A broken connection: the pool will not hand it out again.
      LOG.debug("could not reset the connection (SQLState {})", e.getSQLState());
    }
  }

  private static void checkSchema(Connection connection) throws SQLException {
    int version;
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT MAX(version) FROM ffp_schema_version")) {
      r.next();
      version = r.getInt(1);
    } catch (SQLException e) {
      String state = SqlFailures.stateOf(e);
      if (state != null && state.startsWith("42")) {
        throw new IllegalStateException("数据库中没有防返贫表结构，请先迁移 / the database holds no fangfanpin schema:"
            + " apply db/migration/fangfanpin or call JdbcStore.migrate", e);
      }
      throw e;
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    }
    if (version < SCHEMA_VERSION) {
      throw new IllegalStateException("数据库表结构版本 " + version + " 过旧，需要 " + SCHEMA_VERSION
          + " / the database's fangfanpin schema is at version " + version + "; this library needs "
          + SCHEMA_VERSION);
    }
  }

  /**
   * Makes H2 write every commit to disk before it returns (its default delays up to half a
   * second, which a crash would lose with the money it posted); refuses the database when the
   * setting cannot be made.
   */
  private static void ensureNoWriteDelay(Connection connection) throws SQLException {
    if (writeDelay(connection) != 0) {
      try (Statement s = connection.createStatement()) {
        s.execute("SET WRITE_DELAY 0");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (writeDelay(connection) != 0) {
        throw new IllegalStateException("H2 的 WRITE_DELAY 不为 0 / H2's WRITE_DELAY is not 0 and cannot be set");
      }
      LOG.info("set H2 WRITE_DELAY to 0 so that every commit of money is durable");
    }
  }

  /**
   * Warns when doc columns of an H2 database still hold text: the store binds H2's documents as
   * UTF-8 bytes ({@code fangfanpin-h2/V2_2} makes the columns binary), which H2 converts to and
   * from text as UTF-8, so the store works on them, only more slowly.
   */
  private static void noteTextDocuments(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LEFT(TABLE_NAME, 4) = 'FFP_' AND COLUMN_NAME = 'DOC'"
        + " AND DATA_TYPE <> 'BINARY VARYING'");
        ResultSet r = s.executeQuery()) {
      r.next();
      if (r.getInt(1) > 0) {
        LOG.warn("H2 数据库的文档列仍为文本，写入较慢；请应用 db/migration/fangfanpin-h2/V2_2 / the H2 database's doc"
            + " columns still hold text, which H2 writes more slowly: apply"
            + " db/migration/fangfanpin-h2/V2_2__h2_binary_documents.sql (JdbcStore.migrate does)");
      }
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    }
  }

  /** H2's write delay in milliseconds. */
  static int writeDelay(Connection connection) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        ResultSet r = s.executeQuery()) {
      if (!r.next()) {
        throw new IllegalStateException("H2 未报告 WRITE_DELAY / H2 did not report its WRITE_DELAY");
      }
      return Integer.parseInt(r.getString(1).trim());
    }
  }
}
