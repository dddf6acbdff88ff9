package org.fangfanpin.benchmarks;

import static org.fangfanpin.benchmarks.BenchCounty.must;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fangfanpin.adapters.jdbc.JdbcStore;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.core.fund.BatchStatement;
import org.fangfanpin.core.intake.ScreeningSummary;
import org.fangfanpin.examples.register.RegisterGenerator;
import org.fangfanpin.examples.register.RegisterReader;
import org.fangfanpin.examples.register.RegisterRow;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;

/**
 * The county-scale harness of the JDBC adapter (数据库基准): on an embedded PostgreSQL or an H2
 * file database, a fresh database per run, it measures review moves per second on 1 and on 8
 * connections, ledger postings per second one at a time and in a batch, register import rows per
 * second (CSV to database), and the streamed screening of the imported register. Each figure is
 * the median of {@code --runs} runs. Run it with
 * <pre>{@code
 * ./mvnw -B -q -DskipTests package
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.fangfanpin.benchmarks.JdbcHarness --db postgres
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.fangfanpin.benchmarks.JdbcHarness --db h2
 * }</pre>
 * Options: {@code --db postgres|h2}, {@code --runs N} (3), {@code --households N} register size for
 * import and screening (1,000,000), {@code --only moves|ledger|batch|import} to run one part
 * (batch: the batch payment alone)
 * (import also screens). {@code -Dffp.pg.statements=true} counts PostgreSQL's statements; see {@link Probe}.
 */
public final class JdbcHarness {

  static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  static final LocalDate TODAY = LocalDate.of(2025, 3, 31);
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  static final int YEAR = 2025;
  static final int RECOGNITIONS_ONE_THREAD = 1_500;
  static final int RECOGNITIONS_EIGHT_THREADS = 4_000;
  static final int DONATIONS = 3_000;
  static final int BATCH = 10_000;

  private final BenchDatabases databases;
  private final int runs;

  private JdbcHarness(BenchDatabases databases, int runs) {
    this.databases = databases;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    String db = BenchDatabases.option(args, "--db", "postgres");
    int runs = Integer.parseInt(BenchDatabases.option(args, "--runs", "3"));
    int households = Integer.parseInt(BenchDatabases.option(args, "--households", "1000000"));
    String only = BenchDatabases.option(args, "--only", "all");
    try (BenchDatabases databases = BenchDatabases.start(db)) {
      System.out.println("database: " + databases.kind() + " " + databases.durabilitySettings());
      System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, java " + System.getProperty("java.version"));
      JdbcHarness harness = new JdbcHarness(databases, runs);
      if (only.equals("all") || only.equals("moves")) {
        harness.report("review moves/s, 1 connection", harness.repeat(() -> harness.moves(1, RECOGNITIONS_ONE_THREAD)));
        harness.report("review moves/s, 8 connections",
            harness.repeat(() -> harness.moves(8, RECOGNITIONS_EIGHT_THREADS)));
      }
      if (only.equals("all") || only.equals("ledger")) {
        harness.report("ledger postings/s, one at a time", harness.repeat(harness::donations));
      }
      if (only.equals("all") || only.equals("ledger") || only.equals("batch")) {
        harness.report("ledger postings/s, batch of " + BATCH, harness.repeat(harness::batch));
      }
      if (only.equals("all") || only.equals("import")) {
        Path register = Files.createTempFile("ffp-register", ".csv");
        try {
          try (Writer out = new BufferedWriter(Files.newBufferedWriter(register, StandardCharsets.UTF_8), 1 << 16)) {
            new RegisterGenerator(42, 0).write(households, out);
          }
          double[][] importAndScreen = new double[runs][];
          for (int r = 0; r < runs; r++) {
            importAndScreen[r] = harness.importAndScreen(register, households);
          }
          harness.report("register import rows/s (" + households + " rows, CSV to database)",
              Arrays.stream(importAndScreen).mapToDouble(x -> x[0]).toArray());
          harness.report("streamed screening of " + households + " households, seconds",
              Arrays.stream(importAndScreen).mapToDouble(x -> x[1]).toArray());
        } finally {
          Files.deleteIfExists(register);
        }
      }
    }
  }

  // ---------------------------------------------------------------- review moves

  /** Opens {@code recognitions} cases, then {@code threads} threads carry them through six moves each. */
  double moves(int threads, int recognitions) throws Exception {
    try (HikariDataSource pool = databases.fresh(threads)) {
      JdbcStore store = JdbcStore.migrate(pool);
      BenchCounty county = new BenchCounty(OPENED, store, store.ids());
      county.register(recognitions);
      List<String> caseIds = new ArrayList<>(recognitions);
      for (int i = 0; i < recognitions; i++) {
        caseIds.add(must(county.ffp.intake().receive(RiskSignal.builder()
            .channel(Channel.GRID_SCREENING).sourceRef("grid-" + i).householdId(BenchCounty.householdId(i))
            .observedOn(OPENED).riskTypes(Set.of(RiskType.ILLNESS)).reportedBy(county.gridWorker).build()))
            .caseId());
      }
      county.clock.setDay(TODAY);
      AtomicInteger next = new AtomicInteger();
      ExecutorService workers = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(workers.submit(() -> {
          for (int i = next.getAndIncrement(); i < recognitions; i = next.getAndIncrement()) {
            county.recognise(caseIds.get(i), i, OPENED);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      workers.shutdown();
      return 6.0 * recognitions / seconds;
    }
  }

  // ---------------------------------------------------------------- the ledger

  /** Donations one after the other, each its own unit of work with its audit record. */
  double donations() {
    try (HikariDataSource pool = databases.fresh(1)) {
      JdbcStore store = JdbcStore.migrate(pool);
      BenchCounty county = new BenchCounty(TODAY, store, store.ids());
      Money amount = Money.ofYuan(100);
      long start = System.nanoTime();
      for (int i = 0; i < DONATIONS; i++) {
        must(county.ffp.fund().donate("don-" + i, BenchCounty.COUNTY, YEAR, amount, TODAY, county.countyOfficer, ""));
      }
      return DONATIONS / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** {@link #BATCH} applications walked through the tiers, then paid in one batch: payments per second. */
  double batch() {
    try (HikariDataSource pool = databases.fresh(1)) {
      JdbcStore store = JdbcStore.migrate(pool);
      BenchCounty county = new BenchCounty(OPENED, store, store.ids());
      List<Household> households = county.register(BATCH);
      List<RiskSignal> signals = new ArrayList<>(BATCH);
      for (Household h : households) {
        signals.add(RiskSignal.builder().channel(Channel.SELF_DECLARATION).sourceRef("sd-" + h.id())
            .householdId(h.id()).observedOn(OPENED).riskTypes(Set.of(RiskType.ILLNESS))
            .reportedBy(Actor.of("hh-" + h.id(), Role.HOUSEHOLD, h.area())).build());
      }
      county.ffp.intake().receiveAll(signals);
      county.clock.setDay(TODAY);
      Money total = Money.ZERO;
      var fund = county.ffp.fund();
      for (int i = 0; i < households.size(); i++) {
        Household h = households.get(i);
        Money amount = Money.ofYuan(1_000 + (i * 37L) % 3_000);
        total = total.plus(amount);
        Actor village = county.villageGroupOf(i);
        AidApplication a = must(fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, amount, List.of("医疗救助"),
            OPENED.plusDays(1), village)));
        must(fund.villageStudy(a.id(), new AidStep(OPENED.plusDays(2), village, true, "")));
        must(fund.townshipReview(a.id(), new AidStep(OPENED.plusDays(4), county.townshipOfficerOf(i), true, "")));
        must(fund.countyApprove(a.id(), new AidStep(OPENED.plusDays(8), county.countyOfficer, true, "")));
      }
      must(fund.appropriate("fin-1", BenchCounty.COUNTY, YEAR, total, OPENED, county.countyOfficer, ""));
      Probe probe = Probe.start(pool, databases.isPostgres());
      long start = System.nanoTime();
      BatchStatement paid = must(fund.payBatch("batch-1", BenchCounty.COUNTY, YEAR, TODAY, county.countyOfficer));
      double seconds = (System.nanoTime() - start) / 1e9;
      probe.report("the batch payment", BATCH);
      if (Boolean.getBoolean("ffp.pg.explain")) {
        String householdIds = "ARRAY(SELECT household_id FROM ffp_aid_application ORDER BY id LIMIT 256 OFFSET 5000)";
        probe.explain("SELECT a.id, a.version, a.doc FROM unnest($1::varchar[]) AS u(household_id) JOIN"
            + " ffp_aid_application a ON a.household_id = u.household_id WHERE a.fund_year + 0 = $2"
            + " ORDER BY a.household_id, a.id", "varchar[], int", householdIds + "; " + YEAR);
        probe.explain("SELECT a.id, a.version, a.doc FROM ffp_aid_application a WHERE a.household_id IN"
            + " (SELECT unnest($1::varchar[])) AND a.fund_year = $2 ORDER BY a.household_id, a.id", "varchar[], int",
            householdIds + "; " + YEAR);
        String ids = "ARRAY(SELECT id FROM ffp_aid_application ORDER BY id LIMIT 256 OFFSET 5000)";
        probe.explain("UPDATE ffp_aid_application AS a SET version = a.version + 1, doc = a.doc FROM unnest($1::varchar[])"
            + " AS u(id) WHERE a.id = u.id", "varchar[]", ids);
        probe.explain("UPDATE ffp_aid_application AS a SET version = a.version + 1, doc = a.doc WHERE a.id IN"
            + " (SELECT unnest($1::varchar[]))", "varchar[]", ids);
      }
      if (paid.paidCount() != BATCH) {
        throw new IllegalStateException("paid " + paid.paidCount() + " of " + BATCH);
      }
      return BATCH / seconds;
    }
  }

  // ---------------------------------------------------------------- import and screening

  /** Imports the register file into a fresh database, then screens the county: {rows/s, seconds}. */
  double[] importAndScreen(Path register, int households) throws IOException {
    // Three connections: a screening reads on one while it writes on another, and ids take a third.
    try (HikariDataSource pool = databases.fresh(3)) {
      JdbcStore store = JdbcStore.migrate(pool);
      SettableClock clock = new SettableClock(AS_OF);
      FangFanPin ffp = FangFanPin.builder().store(store).ids(store.ids()).clock(clock).build();
      Probe probe = Probe.start(pool, databases.isPostgres());
      long start = System.nanoTime();
      int stored;
      try (RegisterReader reader = RegisterReader.open(register)) {
        stored = ffp.intake().registerAll(() -> accepted(reader));
      }
      double importSeconds = (System.nanoTime() - start) / 1e9;
      probe.report("the import", households);
      if (stored != households) {
        throw new IllegalStateException("imported " + stored + " of " + households);
      }
      AreaCode county = AreaCode.of("611022000000");
      probe = Probe.start(pool, databases.isPostgres());
      start = System.nanoTime();
      ScreeningSummary screened = must(ffp.intake().screen(county, AS_OF,
          Actor.of("platform", Role.DATA_PLATFORM, county)));
      double screenSeconds = (System.nanoTime() - start) / 1e9;
      probe.report("the screening", households);
      System.out.printf(Locale.ROOT, "  run: %d rows in %.2f s; screening %d households, %d candidates, %d signals"
          + " in %.2f s%n", stored, importSeconds, screened.assessed(), screened.candidates(),
          screened.signalsRaised(), screenSeconds);
      if (screened.assessed() != households) {
        throw new IllegalStateException("screened " + screened.assessed() + " of " + households);
      }
      return new double[] {stored / importSeconds, screenSeconds};
    }
  }

  /** The households of the register's accepted rows. */
  private static Iterator<Household> accepted(RegisterReader reader) {
    return new Iterator<>() {
      private Household next;

      @Override
      public boolean hasNext() {
        while (next == null && reader.hasNext()) {
          if (reader.next() instanceof RegisterRow.Accepted a) {
            next = a.household();
          }
        }
        return next != null;
      }

      @Override
      public Household next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Household h = next;
        next = null;
        return h;
      }
    };
  }

  // ---------------------------------------------------------------- plumbing

  interface Run {
    double once() throws Exception;
  }

  double[] repeat(Run run) throws Exception {
    double[] results = new double[runs];
    for (int r = 0; r < runs; r++) {
      results[r] = run.once();
    }
    return results;
  }

  void report(String what, double[] results) {
    double[] sorted = results.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    System.out.printf(Locale.ROOT, "%-60s median %,12.1f   runs %s%n", what, median, Arrays.toString(
        Arrays.stream(results).map(x -> Math.round(x * 10) / 10.0).toArray()));
  }
}
