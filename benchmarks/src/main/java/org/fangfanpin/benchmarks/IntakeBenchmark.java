package org.fangfanpin.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.intake.IntakeResult;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.RiskType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Intake (线索受理) of 1,000,000 signals into a fresh in-memory store, one thread, audit record and
 * events included: two thirds open a case, one third are the same households reported again by
 * another channel and join the open case. Target: at least 200,000 signals/s, i.e. under 5 s per
 * operation. Each invocation checks, after the timing, that exactly that many cases were opened
 * and joined, so a change that skipped work would fail the run instead of flattering it. Run it
 * with
 * <pre>{@code
 * ./mvnw -B -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar IntakeBenchmark -f 1 -wi 1 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
// The throughput collector: intake into the embedded store is a batch job whose every signal
// leaves a case, a record and an event that the store keeps, so each young collection copies
// what the batch retained. The parallel collector does that with less work per object than G1 and
// without G1's write barriers and remembered sets on the store's county-sized tables, and pauses do
// not matter to a batch (BENCHMARKS.md has G1's figure too). The heap holds the county's store.
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class IntakeBenchmark {

  static final LocalDate TODAY = LocalDate.of(2025, 3, 31);
  private static final Channel[] CHANNELS = Channel.values();

  @Param("1000000")
  public int signals;

  private BenchCounty county;
  private List<RiskSignal> batch;
  private int opened;
  private int joined;

  @Setup(Level.Invocation)
  public void freshCounty() {
    int households = signals - signals / 3;
    // The store is made for the county it will hold, as a host loading a county's register would.
    county = new BenchCounty(TODAY, new InMemoryStore(households, signals), new InMemoryIdSource());
    county.register(households);
    Random random = new Random(42);
    List<RiskSignal> all = new ArrayList<>(signals);
    for (int i = 0; i < signals; i++) {
      int h = i < households ? i : random.nextInt(households);
      Channel channel = i < households ? Channel.GRID_SCREENING : CHANNELS[i % CHANNELS.length];
      if (channel == Channel.GRID_SCREENING && i >= households) {
        channel = Channel.MEDIA_HOTLINE;
      }
      all.add(RiskSignal.builder()
          .channel(channel)
          .sourceRef("src-" + i)
          .householdId(BenchCounty.householdId(h))
          .observedOn(TODAY.minusDays(1 + random.nextInt(20)))
          .riskTypes(Set.of(RiskType.values()[random.nextInt(RiskType.values().length)]))
          .reportedBy(reporter(channel, h))
          .build());
    }
    Collections.shuffle(all, random);
    batch = all;
    opened = 0;
    joined = 0;
    // The previous invocation's county (a million signals' worth of cases, records and events) is
    // garbage now: collect it here, untimed, so that the collector does not reclaim one store while
    // the next is being measured. A host keeps one store; it never throws one away mid-intake.
    System.gc();
  }

  /** Fails the run unless every household opened one case and every other signal joined one. */
  @TearDown(Level.Invocation)
  public void checkOutcomes() {
    int households = signals - signals / 3;
    if (opened != households || joined != signals - households) {
      throw new IllegalStateException("expected " + households + " cases opened and " + (signals - households)
          + " signals joined, got " + opened + " and " + joined);
    }
  }

  private Actor reporter(Channel channel, int household) {
    switch (channel) {
      case SELF_DECLARATION:
        return county.villageGroupOf(household);
      case GRID_SCREENING:
        return county.gridWorker;
      case MEDIA_HOTLINE:
        return county.hotline;
      case INDUSTRY_DEPARTMENT:
        return county.department;
      default:
        return county.platform;
    }
  }

  /** Receives every signal, one unit of work each; returns the last result so nothing is elided. */
  @Benchmark
  public Object receiveOneMillionSignals() {
    IntakeResult last = null;
    for (RiskSignal s : batch) {
      last = county.ffp.intake().receive(s).getOrElseThrow(r -> new IllegalStateException(r.toString()));
      if (last.duplicate()) {
        throw new IllegalStateException("signal " + s.sourceRef() + " was taken for a re-delivery");
      }
      if (last.outcome() == SignalOutcome.OPENED_CASE) {
        opened++;
      } else {
        joined++;
      }
    }
    return last;
  }
}
