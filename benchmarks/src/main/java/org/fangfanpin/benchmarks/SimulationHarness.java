package org.fangfanpin.benchmarks;

import java.util.Locale;
import org.fangfanpin.examples.simulation.Simulation;
import org.fangfanpin.examples.simulation.SimulationProgress;
import org.fangfanpin.examples.simulation.SimulationResult;
import org.fangfanpin.examples.simulation.SimulationSettings;
import org.fangfanpin.examples.simulation.SimulationStore;

/**
 * The county simulation at scale (县域模拟规模测试): the {@code simulate} command's run, without its
 * reports, on the in-memory store, an H2 file database or an embedded PostgreSQL 14 that the
 * harness starts itself. Prints the wall time of the run (register, months, invariant check) and
 * the size of what it stored. Run it with
 * <pre>{@code
 * ./mvnw -B -q -DskipTests package
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar org.fangfanpin.benchmarks.SimulationHarness --store postgres --households 200000
 * }</pre>
 * Options: {@code --store memory|h2|postgres} (postgres), {@code --households N} (200,000),
 * {@code --months M} (12), {@code --seed S} (42).
 */
public final class SimulationHarness {

  private SimulationHarness() {}

  public static void main(String[] args) throws Exception {
    String kind = BenchDatabases.option(args, "--store", "postgres");
    long households = Long.parseLong(BenchDatabases.option(args, "--households", "200000"));
    int months = Integer.parseInt(BenchDatabases.option(args, "--months", "12"));
    long seed = Long.parseLong(BenchDatabases.option(args, "--seed", "42"));
    // The H2 database's folder goes with the databases at the end: a county's file runs to
    // hundreds of megabytes, and runs left them behind until the disk filled.
    BenchDatabases databases = kind.equals("postgres") || kind.equals("h2") ? BenchDatabases.start(kind) : null;
    try (SimulationStore store = switch (kind) {
      case "memory" -> SimulationStore.memory();
      case "h2" -> SimulationStore.h2(databases.h2Directory());
      case "postgres" -> SimulationStore.jdbc(databases.freshPostgresUrl());
      default -> throw new IllegalArgumentException("--store must be memory, h2 or postgres, not " + kind);
    }) {
      if (kind.equals("postgres")) {
        System.out.println("database: " + databases.durabilitySettings());
      }
      System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, java " + System.getProperty("java.version"));
      long start = System.nanoTime();
      SimulationResult result = new Simulation(new SimulationSettings(households, months, seed, store.name()),
          store.unitOfWork()).run(SimulationProgress.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s: %,d households × %d months in %.1f s; %,d cases opened, %,d audit records,"
          + " chain valid %s, %d invariant violations; phases %s%n", kind, households, months, seconds,
          result.casesOpened(), result.auditRecords(), result.chainValid(), result.invariantViolations().size(),
          result.timingMillis());
    } finally {
      if (databases != null) {
        databases.close();
      }
    }
  }
}
