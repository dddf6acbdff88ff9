package org.fangfanpin.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The databases the JDBC benchmarks run on (基准测试数据库): an embedded PostgreSQL 14 started from
 * the {@code io.zonky.test} binaries with its default settings, or an H2 file database with
 * {@code WRITE_DELAY=0}; a fresh database for every run, behind a HikariCP pool.
 */
final class BenchDatabases implements AutoCloseable {

  private final String kind;
  private final EmbeddedPostgres postgres;
  private final Path h2Directory;
  private int number;

  private BenchDatabases(String kind, EmbeddedPostgres postgres, Path h2Directory) {
    this.kind = kind;
    this.postgres = postgres;
    this.h2Directory = h2Directory;
  }

  /** {@code postgres} or {@code h2}. */
  static BenchDatabases start(String kind) throws IOException {
    return switch (kind) {
      case "postgres" -> {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("max_connections", "100");
        if (Boolean.getBoolean("ffp.pg.statements")) {
          // Statement counts for -Dffp.pg.statements=true (see Probe); off by default, as it costs a little.
          builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        yield new BenchDatabases(kind, builder.start(), null);
      }
      case "h2" -> new BenchDatabases(kind, null, Files.createTempDirectory("ffp-bench-h2"));
      default -> throw new IllegalArgumentException("--db must be postgres or h2, not " + kind);
    };
  }

  String kind() {
    return kind;
  }

  /** A pool of {@code size} connections on a new, empty database. */
  HikariDataSource fresh(int size) {
    String name = "bench_" + (++number);
    HikariConfig config = new HikariConfig();
    if (postgres != null) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      // Batched inserts become multi-row inserts: the driver's documented switch for bulk loads.
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true");
    } else {
      config.setJdbcUrl("jdbc:h2:file:" + h2Directory.resolve(name)
          + System.getProperty("ffp.h2.settings", ";WRITE_DELAY=0;LOCK_TIMEOUT=30000"));
    }
    // Flyway holds a second connection while it migrates.
    config.setMaximumPoolSize(Math.max(2, size));
    config.setPoolName(name);
    return new HikariDataSource(config);
  }

  boolean isPostgres() {
    return postgres != null;
  }

  /** The JDBC URL of a new, empty PostgreSQL database (user and password in it). */
  String freshPostgresUrl() {
    if (postgres == null) {
      throw new IllegalStateException("not a PostgreSQL harness");
    }
    String name = "bench_" + (++number);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres.getJdbcUrl("postgres", name) + "&reWriteBatchedInserts=true";
  }

  /** The settings that decide what a commit costs, for the record. */
  Map<String, String> durabilitySettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (postgres != null) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        for (String name : new String[] {"server_version", "fsync", "synchronous_commit", "full_page_writes",
            "shared_buffers"}) {
          try (ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            settings.put(name, r.getString(1));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    } else {
      settings.put("h2", org.h2.engine.Constants.FULL_VERSION);
      settings.put("WRITE_DELAY", "0");
      settings.put("file", h2Directory.toString());
    }
    return settings;
  }

  /** The value after {@code name} among a harness's arguments, or the fallback. */
  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** The folder of a fresh H2 database, deleted with everything in it on {@link #close}. */
  Path h2Directory() {
    if (h2Directory == null) {
      throw new IllegalStateException("not started for h2");
    }
    return h2Directory;
  }

  @Override
  public void close() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
    if (h2Directory != null) {
      try (var files = Files.walk(h2Directory)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
