package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * In-memory H2 databases for the tests (内存 H2 数据库). The property contracts make hundreds of
 * stores, and making a schema costs more than a whole try, so the contract stores come from a
 * ring of {@value TestSchemas#RING} databases made once, each emptied when it comes round again
 * (no test holds that many stores at once). Their schema is the migration files applied directly,
 * as a host with its own migration tool would; {@link JdbcStoreTest} migrates with Flyway.
 */
final class H2Databases {

  /** The H2-only migration files, applied after the shared ones. */
  static final List<String> H2_MIGRATIONS = List.of("V2_1__h2_identity_cache.sql", "V2_2__h2_binary_documents.sql");

  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static final TestSchemas RING = new TestSchemas(H2Databases::newMigratedDatabase);

  private H2Databases() {}

  /** A store on an empty, migrated database. */
  static JdbcStore newStore() {
    return JdbcStore.open(RING.next());
  }

  /**
   * A small pool on a new, empty database (not migrated). Opening an H2 connection costs more
   * than a unit of work; units of work of the racing tests queue on one row for longer than H2's
   * default lock timeout of one second.
   */
  static JdbcConnectionPool newDataSource() {
    JdbcConnectionPool ds = JdbcConnectionPool.create(
        "jdbc:h2:mem:ffp-" + NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "");
    ds.setMaxConnections(16);
    return ds;
  }

  private static DataSource newMigratedDatabase() {
    JdbcConnectionPool ds = newDataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String file : EmbeddedPostgresServer.MIGRATIONS) {
        s.execute("RUNSCRIPT FROM 'classpath:/db/migration/fangfanpin/" + file + "' CHARSET 'UTF-8'");
      }
      // As JdbcStore.migrate does on H2, so that the contracts run on H2's own settings too.
      for (String file : H2_MIGRATIONS) {
        s.execute("RUNSCRIPT FROM 'classpath:/db/migration/fangfanpin-h2/" + file + "' CHARSET 'UTF-8'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }
}
