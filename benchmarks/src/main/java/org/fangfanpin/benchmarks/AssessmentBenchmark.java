package org.fangfanpin.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batch assessment (批量研判) of a register of 1,000,000 households held in memory, as a
 * prefecture's platform would screen it every month, and the throughput of assessing one household.
 * The target is well under a second for the whole register on a two-core machine.
 *
 * <p>The register is built once per trial from a fixed seed: 3,000 villages in two provinces, one
 * of which publishes its own, higher monitoring line (6,500 yuan); 1–6 members; about one
 * household in fifteen below the line and one in eight (12.0 %) a candidate for monitoring in all.
 * Run it with
 * <pre>{@code
 * ./mvnw -q -o -pl spi,core,benchmarks install -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AssessmentBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class AssessmentBenchmark {

  /** The seed of the register: the same households on every run. */
  public static final long SEED = 20_240_630L;

  static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);
  private static final AreaCode SHAANXI = AreaCode.of("610000000000");
  private static final int VILLAGES_PER_PROVINCE = 1_500;

  /**
   * Households in the register ({@code -p households=N} to change it). Each screening resolves the
   * policy of each of the 3,000 villages once, which small registers feel more.
   */
  @Param("1000000")
  int households;

  List<Household> register;
  PolicyBook book;
  PolicyParameters national;

  /** Builds the register and the policy book; prints how many households are candidates. */
  @Setup(Level.Trial)
  public void buildRegister() {
    national = PolicyParameters.builder().build();
    PolicyParameters shaanxi = PolicyParameters.builder().from(national).monitoringLine(Money.ofYuan(6_500)).build();
    book = PolicyBook.nationalDefaults().with(PolicyEntry.builder()
        .region(SHAANXI).effectiveFrom(LocalDate.of(2023, 1, 1)).parameters(shaanxi).build());
    register = Register.build(households, SEED);
    long candidates = HouseholdAssessor.screen(register.stream(), book, AS_OF).filter(Assessment::candidate).count();
    System.out.printf("%n%,d households, %,d candidates (%.1f%%)%n", register.size(), candidates,
        100.0 * candidates / register.size());
  }

  /** Screens the whole register in one sequential stream and counts the candidates. */
  @Benchmark
  public long screenRegister() {
    return HouseholdAssessor.screen(register.stream(), book, AS_OF).filter(Assessment::candidate).count();
  }

  /** The same screening on a parallel stream (this machine has two cores). */
  @Benchmark
  public long screenRegisterInParallel() {
    return HouseholdAssessor.screen(register.parallelStream(), book, AS_OF).filter(Assessment::candidate).count();
  }

  /** Assesses one household after another with the national policy already resolved. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Assessment assessOneHousehold(Cursor cursor) {
    return HouseholdAssessor.assess(register.get(cursor.next(register.size())), national, AS_OF);
  }

  /** Walks through the register, one household per call, per benchmark thread. */
  @State(Scope.Thread)
  public static class Cursor {
    private int index;

    int next(int size) {
      int i = index;
      index = i + 1 == size ? 0 : i + 1;
      return i;
    }
  }

  /** A synthetic but plausible register, reproducible from a seed. */
  static final class Register {

    private static final BasicNeed[] NEEDS = BasicNeed.values();
    private static final int[] MEMBER_WEIGHTS = {12, 22, 24, 22, 12, 8};

    private Register() {}

    static List<Household> build(int size, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      List<AreaCode> villages = villages(random);
      long lineFen = Money.ofYuan(6_000).fen();
      List<Household> households = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        AreaCode village = villages.get(random.nextInt(villages.size()));
        int n = members(random);
        int workers = random.nextInt(n + 1);
        long perCapita = random.nextInt(100) < 6
            ? lineFen * (30 + random.nextInt(70)) / 100      // below the line: 30–99 % of it
            : lineFen * (100 + random.nextInt(500)) / 100;   // above it: 1–6 times the line
        long income = perCapita * n + random.nextInt(100);
        boolean sharpDrop = random.nextInt(100) < 3;
        long previous = sharpDrop ? income * 5 / 2 : income * (80 + random.nextInt(50)) / 100;
        long rigid = random.nextInt(100) < 30 ? random.nextLong(Money.ofYuan(20_000).fen()) : 0;
        Household.Builder h = Household.builder()
            .id(village.code() + String.format("%07d", i))
            .area(village)
            .status(random.nextInt(100) < 40 ? HouseholdStatus.LIFTED : HouseholdStatus.ORDINARY)
            .head(residentId(random, village))
            .memberCount(n)
            .workers(workers)
            .seniorStudents(random.nextInt(100) < 15 ? 1 : 0)
            .disabledMembers(random.nextInt(100) < 6 ? 1 : 0)
            .seriouslyIllMembers(random.nextInt(100) < 5 ? 1 : 0)
            .incomeLast12Months(Money.ofFen(income))
            .previousYearIncome(Money.ofFen(previous))
            .rigidExpenditure(Money.ofFen(rigid));
        if (workers == 0) {
          h.addFocusFlags(FocusFlag.NO_LABOUR);
        }
        if (random.nextInt(100) < 5) {
          h.addFocusFlags(FocusFlag.DIBAO);
        }
        if (random.nextInt(100) < 1) {
          h.addUnmetNeeds(NEEDS[random.nextInt(NEEDS.length)]);
        }
        households.add(h.build());
      }
      return households;
    }

    private static List<AreaCode> villages(SplittableRandom random) {
      List<AreaCode> villages = new ArrayList<>(2 * VILLAGES_PER_PROVINCE);
      for (String province : new String[] {"61", "62"}) {
        for (int v = 0; v < VILLAGES_PER_PROVINCE; v++) {
          villages.add(AreaCode.of(province + String.format("%02d%02d%03d%03d", 1 + random.nextInt(10),
              1 + random.nextInt(20), 100 + random.nextInt(20), 200 + v % 300)));
        }
      }
      return villages;
    }

    private static int members(SplittableRandom random) {
      int r = random.nextInt(100);
      for (int i = 0; i < MEMBER_WEIGHTS.length; i++) {
        r -= MEMBER_WEIGHTS[i];
        if (r < 0) {
          return i + 1;
        }
      }
      return MEMBER_WEIGHTS.length;
    }

    private static ResidentId residentId(SplittableRandom random, AreaCode village) {
      LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
      String body = village.code().substring(0, 6)
          + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
              random.nextInt(1_000));
      return ResidentId.of(body + ResidentId.checkCharacter(body));
    }
  }
}
