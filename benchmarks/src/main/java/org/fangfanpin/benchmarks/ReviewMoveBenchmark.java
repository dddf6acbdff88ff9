package org.fangfanpin.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.RiskType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Review moves (审核流转) per second on one thread against the in-memory store, audit record and
 * events included: each invocation carries one case through the six moves of a recognition (visit,
 * appraisal, notice start, notice close, township verification, county decision). Target: at
 * least 200,000 moves/s. Run it with
 * <pre>{@code
 * ./mvnw -q -o install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ReviewMoveBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class ReviewMoveBenchmark {

  /** Cases opened before each iteration: more than one iteration can use up. */
  static final int CASES = 300_000;
  static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  static final LocalDate TODAY = LocalDate.of(2025, 3, 31);

  private BenchCounty county;
  private List<String> caseIds;
  private int next;

  @Setup(Level.Iteration)
  public void openCases() {
    county = new BenchCounty(OPENED);
    county.register(CASES);
    caseIds = new ArrayList<>(CASES);
    for (int i = 0; i < CASES; i++) {
      caseIds.add(BenchCounty.must(county.ffp.intake().receive(RiskSignal.builder()
              .channel(Channel.GRID_SCREENING)
              .sourceRef("grid-" + i)
              .householdId(BenchCounty.householdId(i))
              .observedOn(OPENED)
              .riskTypes(Set.of(RiskType.ILLNESS))
              .reportedBy(county.gridWorker)
              .build()))
          .caseId());
    }
    county.clock.setDay(TODAY);
    next = 0;
  }

  /** One recognition, six moves. */
  @Benchmark
  @OperationsPerInvocation(6)
  public Object recognise() {
    int i = next++;
    if (i >= CASES) {
      throw new IllegalStateException("iteration outran the " + CASES + " prepared cases; raise CASES");
    }
    return county.recognise(caseIds.get(i), i, OPENED);
  }

}
