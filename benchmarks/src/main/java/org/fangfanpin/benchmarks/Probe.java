package org.fangfanpin.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a timed part of the JDBC harness cost, independent of the machine's load (基准探针): the CPU
 * time of this JVM and of the PostgreSQL backends serving the database (from {@code /proc}), and,
 * with {@code -Dffp.pg.statements=true}, the statements PostgreSQL executed
 * ({@code pg_stat_statements}). Wall-clock figures on a shared machine vary with the other load;
 * these do much less.
 */
final class Probe {

  private static final double TICKS_PER_SECOND = 100.0;

  private final DataSource pool;
  private final boolean postgres;
  private final long jvmStart;
  private final Map<Long, Long> backendStart;

  private Probe(DataSource pool, boolean postgres) {
    this.pool = pool;
    this.postgres = postgres;
    if (postgres && statementsOn()) {
      run("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      run("SELECT pg_stat_statements_reset()");
    }
    this.backendStart = postgres ? backendTicks() : Map.of();
    this.jvmStart = jvmCpuNanos();
  }

  static Probe start(DataSource pool, boolean postgres) {
    return new Probe(pool, postgres);
  }

  /** Prints the CPU seconds spent since the start, per {@code items}, and the statement counts. */
  void report(String what, int items) {
    double jvm = (jvmCpuNanos() - jvmStart) / 1e9;
    double backends = 0;
    if (postgres) {
      Map<Long, Long> now = backendTicks();
      for (Map.Entry<Long, Long> e : now.entrySet()) {
        backends += (e.getValue() - backendStart.getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND;
      }
    }
    System.out.printf(Locale.ROOT, "  cpu of %s: jvm %.2f s, postgres backends %.2f s; per item %.1f + %.1f us%n",
        what, jvm, backends, jvm * 1e6 / items, backends * 1e6 / items);
    if (postgres && statementsOn()) {
      try (Connection c = pool.getConnection(); Statement s = c.createStatement();
          // Savepoints (around a COPY) are counted once per name: they are summed under one line.
          ResultSet r = s.executeQuery("SELECT sum(calls), sum(rows), round(sum(total_exec_time)::numeric, 1), q FROM"
              + " (SELECT calls, rows, total_exec_time, left(regexp_replace(regexp_replace(query,"
              + " 'JDBC_SAVEPOINT_[0-9]+', 'JDBC_SAVEPOINT_n'), '\\s+', ' ', 'g'), 110) AS q FROM pg_stat_statements"
              + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
              + " AND query NOT LIKE '%pg_stat%' AND query NOT LIKE '%pg_stat_activity%') AS s GROUP BY q"
              + " ORDER BY 1 DESC")) {
        long calls = 0;
        StringBuilder lines = new StringBuilder();
        while (r.next()) {
          calls += r.getLong(1);
          lines.append(String.format(Locale.ROOT, "    %7d calls %8d rows %9s ms  %s%n", r.getLong(1), r.getLong(2),
              r.getString(3), r.getString(4)));
        }
        System.out.printf(Locale.ROOT, "  statements of %s: %d (%.3f per item)%n%s", what, calls, (double) calls / items,
            lines);
        // Updates that were heap-only (HOT) touched no index; statistics arrive within a moment.
        try (ResultSet t = s.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables"
            + " WHERE relname IN ('ffp_aid_application', 'ffp_account_balance', 'ffp_transfer') ORDER BY relname")) {
          while (t.next()) {
            System.out.printf(Locale.ROOT, "    table %s since it was made: %d inserted, %d updated, %d of them HOT%n",
                t.getString(1), t.getLong(2), t.getLong(3), t.getLong(4));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static boolean statementsOn() {
    return Boolean.getBoolean("ffp.pg.statements");
  }

  private void run(String sql) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CPU ticks (user and system) of each backend connected to the pool's database. */
  private Map<Long, Long> backendTicks() {
    Map<Long, Long> ticks = new HashMap<>();
    try (Connection c = pool.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
      while (r.next()) {
        long pid = r.getLong(1);
        try {
          String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceFirst(".*\\) ", "").split(" ");
          // After the command: state is field 3, utime 14 and stime 15 (1-based), here 11 and 12 (0-based).
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException e) {
          // Not on this machine's /proc (a remote server): no figure.
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ticks;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /**
   * Prints PostgreSQL's generic plan (the one a prepared statement settles on) and its custom plan
   * (the first executions of a prepared statement, planned for the parameters' values) of the query, run
   * with the prepared parameters {@code args} (SQL), inside a transaction that is rolled back.
   */
  void explain(String query, String types, String args) {
    if (!postgres) {
      return;
    }
    for (String mode : new String[] {"force_generic_plan", "force_custom_plan"}) {
      explain(query, types, args, mode);
    }
  }

  private void explain(String query, String types, String args, String mode) {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL plan_cache_mode = " + mode);
      s.execute("PREPARE ffp_explained(" + types + ") AS " + query);
      String values;
      try (ResultSet r = s.executeQuery("SELECT concat_ws(', ', " + java.util.Arrays.stream(args.split(";"))
          .map(a -> "quote_literal((" + a + ")::text)").collect(java.util.stream.Collectors.joining(", ")) + ")")) {
        r.next();
        values = r.getString(1);
      }
      try (ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE ffp_explained(" + values + ")")) {
        System.out.println("  plan (" + mode + ") of " + query);
        while (r.next()) {
          System.out.println("    " + r.getString(1));
        }
      }
      s.execute("DEALLOCATE ffp_explained");
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
