package org.fangfanpin.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL 14 server per test JVM (嵌入式 PostgreSQL), started on first use from the
 * {@code io.zonky.test} binaries on the class path and stopped by a shutdown hook; a fresh
 * schema of one test database for every store. PostgreSQL refuses to run as root; zonky starts it in a user namespace then (as CI runs).
 */
final class EmbeddedPostgresServer {

  private static final AtomicInteger NUMBER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** The server, started on first use. */
  static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        createTestDatabase();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /**
   * A pool on a new schema of the test database holding the tables of the migration files,
   * applied directly as a host with its own migration tool would ({@link JdbcStoreTest} migrates
   * with Flyway).
   */
  static synchronized HikariDataSource newDatabase(int poolSize) {
    EmbeddedPostgres pg = server();
    String schema = "ffp_" + NUMBER.incrementAndGet();
    try (Connection c = pg.getDatabase("postgres", "ffp").getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema + "; SET search_path TO " + schema + "; " + schemaScript());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.getJdbcUrl("postgres", "ffp") + "&currentSchema=" + schema);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(0);
    config.setPoolName(schema);
    return new HikariDataSource(config);
  }

  /** A new, empty database (no schema), for tests of migration. */
  static DataSource newEmptyDatabase() {
    String name = "ffp_empty_" + NUMBER.incrementAndGet();
    admin("CREATE DATABASE " + name);
    return server().getDatabase("postgres", name);
  }

  /** The migration files in order, as a host with its own migration tool applies them. */
  static final List<String> MIGRATIONS = List.of("V1__fangfanpin_schema.sql", "V2__claims.sql");
  /** The PostgreSQL-only migration files, applied after the shared ones, as {@link JdbcStore#migrate} does. */
  static final List<String> POSTGRESQL_MIGRATIONS = List.of("V2_1__postgresql_payment_tuning.sql");

  private static String script;

  private static synchronized String schemaScript() {
    if (script == null) {
      StringBuilder all = new StringBuilder();
      List<String> paths = new java.util.ArrayList<>();
      MIGRATIONS.forEach(file -> paths.add("/db/migration/fangfanpin/" + file));
      POSTGRESQL_MIGRATIONS.forEach(file -> paths.add("/db/migration/fangfanpin-postgresql/" + file));
      for (String path : paths) {
        try (InputStream in = EmbeddedPostgresServer.class.getResourceAsStream(path)) {
          all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      script = all.toString();
    }
    return script;
  }

  private static final TestSchemas RING = new TestSchemas(() -> newDatabase(12));

  /**
   * A store on an empty, migrated schema with a pool for eight racing threads and more. The
   * property contracts make hundreds of stores, and making a schema costs more than a whole try,
   * so they come from a ring of schemas made once, each emptied when it comes round again.
   */
  static JdbcStore newStore() {
    return JdbcStore.open(RING.next());
  }

  private static HikariDataSource shared;

  /** A new store over one database kept for the JVM (for tests that need no empty database). */
  static synchronized JdbcStore sharedStore() {
    if (shared == null) {
      shared = newDatabase(12);
    }
    return JdbcStore.open(shared);
  }

  /** Runs a statement as the superuser on the maintenance database. */
  static void admin(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A connection as the superuser to the maintenance database, e.g. to end another backend. */
  static DataSource adminDataSource() {
    return server().getPostgresDatabase();
  }

  private static void createTestDatabase() {
    admin("CREATE DATABASE ffp");
  }


}
