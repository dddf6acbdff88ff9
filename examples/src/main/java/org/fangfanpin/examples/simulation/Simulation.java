package org.fangfanpin.examples.simulation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.core.fund.FundStatement;
import org.fangfanpin.examples.register.DanfengCounty;
import org.fangfanpin.spi.fund.AccountKind;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.store.UnitOfWork;

/**
 * Runs a county simulation (县域模拟) on a store: wires the library to the store, a simulated
 * clock, the 2025–2026 working calendar and one deterministic id source, simulates the months,
 * then checks the invariants over the stored data. The store decides nothing of the outcome: the
 * same settings give the same result on any store that keeps the spi's contracts.
 */
public final class Simulation {

  private final SimulationSettings settings;
  private final UnitOfWork store;
  private final SimulatedClock clock = new SimulatedClock(CountySimulation.START);
  private final FangFanPin app;

  /**
   * A simulation of the settings on the store, which must be empty.
   *
   * @param settings what to simulate
   * @param store an empty store
   */
  public Simulation(SimulationSettings settings, UnitOfWork store) {
    this.settings = settings;
    this.store = store;
    this.app = FangFanPin.builder()
        .store(store)
        .ids(new InMemoryIdSource())
        .clock(clock)
        .calendar(ChinaHolidays.calendar())
        // No one subscribes to a simulated county: the dispatcher drains the outbox into a sink.
        .notifier(event -> { })
        .build();
  }

  /** The library as the simulation wired it, for the reports written after the run. */
  public FangFanPin app() {
    return app;
  }

  /** The county simulated. */
  public static AreaCode county() {
    return AreaCode.of(DanfengCounty.COUNTY_CODE);
  }

  /** The first simulated month. */
  public static YearMonth firstMonth() {
    return YearMonth.from(CountySimulation.START);
  }

  /** Runs the simulation, showing its progress, and returns what it found. */
  public SimulationResult run(SimulationProgress progress) {
    long t0 = System.nanoTime();
    YearMonth last = firstMonth().plusMonths(settings.months() - 1L);
    progress.start(ChronoUnit.DAYS.between(CountySimulation.START, last.atEndOfMonth()) + 1);
    CountySimulation sim = new CountySimulation(settings, app, store, clock, ChinaHolidays.calendar(), progress);
    sim.register();
    long t1 = System.nanoTime();
    List<MonthFigures> months = sim.run();
    long t2 = System.nanoTime();

    AreaCode county = county();
    List<Integer> years = new ArrayList<>();
    for (int y = firstMonth().getYear(); y <= last.getYear(); y++) {
      years.add(y);
    }
    ChainVerification chain = app.audit().verify(county);
    List<String> violations = new InvariantCheck(store, county, PolicyParameters.builder().build(), years)
        .violations(chain);
    SimulationResult.FundFigures fund = fund(county, years);
    Map<CaseState, Long> byState = sim.casesByState();
    long t3 = System.nanoTime();

    Map<String, Long> timing = new LinkedHashMap<>();
    timing.put("register_ms", (t1 - t0) / 1_000_000);
    timing.put("simulate_ms", (t2 - t1) / 1_000_000);
    timing.put("check_ms", (t3 - t2) / 1_000_000);
    timing.put("total_ms", (t3 - t0) / 1_000_000);
    timing.put("processors", (long) Runtime.getRuntime().availableProcessors());
    timing.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    return new SimulationResult(settings, new EnumMap<>(sim.signalsByChannel()), sim.duplicates(), sim.casesOpened(),
        byState, new EnumMap<>(sim.confirmedByCategory()), byState.get(CaseState.DISMISSED), emergencyCases(county),
        sim.overdueRecognitions(last.atEndOfMonth()), sim.eliminations(), sim.exitsCompleted(), sim.relapses(), fund,
        chain.recordsChecked(), chain.valid(), violations, months, sim.townships(), new TreeMap<>(sim.refusedMoves()),
        timing);
  }

  private long emergencyCases(AreaCode county) {
    return store.read(s -> {
      try (var all = s.cases().inArea(county)) {
        return all.filter(c -> c.emergency().isPresent()).count();
      }
    });
  }

  /** The fund statements of every year summed; households and the largest aid from the ledger. */
  private SimulationResult.FundFigures fund(AreaCode county, List<Integer> years) {
    long appropriated = 0;
    long donated = 0;
    long disbursed = 0;
    long reversed = 0;
    long balance = 0;
    long debits = 0;
    long credits = 0;
    long largest = 0;
    for (int year : years) {
      FundStatement s = app.fund().statement(county, year);
      appropriated += s.appropriated().fen();
      donated += s.donated().fen();
      disbursed += s.disbursed().fen();
      reversed += s.reversedPayments().fen();
      balance += s.balance().fen();
      debits += s.debitsTotal().fen();
      credits += s.creditsTotal().fen();
      largest = Math.max(largest, s.largestHouseholdAid().fen());
    }
    Set<String> aided = new HashSet<>();
    for (int year : years) {
      Map<String, Long> net = new HashMap<>();
      store.read(s -> {
        try (Stream<Transfer> all = s.ledger().transfers(county, year)) {
          all.forEach(t -> {
            credit(net, t.to(), t.amount().fen());
            credit(net, t.from(), -t.amount().fen());
          });
        }
        return null;
      });
      net.forEach((household, fen) -> {
        if (fen > 0) {
          aided.add(household);
        }
      });
    }
    return new SimulationResult.FundFigures(appropriated, donated, disbursed, reversed, balance, debits, credits,
        largest, aided.size());
  }

  private static void credit(Map<String, Long> net, AccountRef account, long fen) {
    if (account.kind() == AccountKind.AID_PAID) {
      net.merge(account.householdId().orElseThrow(), fen, Long::sum);
    }
  }

  /** The last day simulated for the settings. */
  public static LocalDate lastDay(SimulationSettings settings) {
    return firstMonth().plusMonths(settings.months() - 1L).atEndOfMonth();
  }
}
