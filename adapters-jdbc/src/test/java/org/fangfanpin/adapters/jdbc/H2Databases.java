package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Fresh in-memory H2 databases for the tests (内存 H2 数据库), each migrated with Flyway. H2 runs in
 * the test's own process, so its data source needs no pool. The oldest databases of earlier tests
 * are shut down so that memory stays flat over the suite.
 */
final class H2Databases {

  private static final int KEEP = 4;
  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final Deque<JdbcDataSource> OPEN = new ArrayDeque<>();

  private H2Databases() {}

  /** A data source on a new, empty database (not migrated). */
  static synchronized JdbcDataSource newDataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    // Units of work of the racing tests queue on one row for longer than H2's default second.
    ds.setURL("jdbc:h2:mem:ffp-" + NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    OPEN.addLast(ds);
    while (OPEN.size() > KEEP) {
      shutdown(OPEN.removeFirst());
    }
    return ds;
  }

  /**
   * A store on a new database whose schema was applied from the migration file directly, as a
   * host with its own migration tool would, then opened: Flyway's start-up would cost a third
   * of a second per store, and the property contracts make hundreds ({@link JdbcStoreTest}
   * migrates with Flyway).
   */
  static JdbcStore newStore() {
    JdbcDataSource ds = newDataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM 'classpath:/db/migration/fangfanpin/V1__fangfanpin_schema.sql' CHARSET 'UTF-8'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return JdbcStore.open(ds);
  }

  private static void shutdown(JdbcDataSource ds) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
