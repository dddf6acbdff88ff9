package org.fangfanpin.benchmarks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.core.fund.BatchStatement;
import org.fangfanpin.core.fund.FundService;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
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
 * The special fund's ledger (资金台账) on the in-memory store, on one thread: how many postings per
 * second it takes (target at least 200,000/s), and how long paying a batch (批次) of 10,000
 * approved applications takes.
 *
 * <p>A <em>posting</em> is one {@code FundService} call that posts one transfer: {@code donate}
 * under a fresh voucher id, in its own unit of work, with its checks, the idempotency look-up and
 * the audit record (a SHA-256 hash chained to the previous one) included. {@code rawPost} posts a
 * transfer straight through the store's ledger port, without the use case, to show what the use
 * case adds. Each measured iteration starts from an empty store, so the ledger and the audit chain
 * grow only within one iteration.
 *
 * <p>{@code payBatch} pays, in one call, a batch of {@code applications} applications of distinct
 * households that the setup walked through the village, township and county tiers; each payment
 * runs the cap checks, the pool check, the posting, the application's update and its audit record,
 * 256 payments to a unit of work. Run it with
 * <pre>{@code
 * ./mvnw -B -q -o -pl core install -DskipTests && ./mvnw -B -q -o -pl benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LedgerBenchmark
 * }</pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class LedgerBenchmark {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
  static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);
  static final int YEAR = 2025;
  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final int TOWNSHIPS = 12;
  static final int VILLAGES_PER_TOWNSHIP = 13;

  /** A fresh library over a fresh in-memory store, its clock fixed at 09:00 on {@link #TODAY}. */
  static FangFanPin freshLibrary(InMemoryStore store) {
    Clock clock = Clock.fixed(TODAY.atTime(9, 0).atZone(BEIJING).toInstant(), BEIJING);
    return FangFanPin.builder().store(store).ids(new InMemoryIdSource()).clock(clock).build();
  }

  // ================================================================ postings per second

  /** One library per iteration; postings take fresh ids from a counter. */
  @State(Scope.Thread)
  public static class Postings {
    InMemoryStore store;
    FundService fund;
    long next;
    final Money amount = Money.ofYuan(100);
    final AccountRef donations = AccountRef.donation(COUNTY, YEAR);
    final AccountRef pool = AccountRef.pool(COUNTY, YEAR);
    final Instant recordedAt = TODAY.atTime(9, 0).atZone(BEIJING).toInstant();

    /** An empty store, so that each iteration measures the same ledger sizes. */
    @Setup(Level.Iteration)
    public void emptyStore() {
      store = new InMemoryStore();
      fund = freshLibrary(store).fund();
      next = 0;
    }
  }

  /** One posting through the use case: a donation under a fresh id, with its audit record. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 10, time = 2)
  public Object donate(Postings p) {
    return p.fund.donate("don-" + (p.next++), COUNTY, YEAR, p.amount, APPLIED, COUNTY_OFFICER, "");
  }

  /** One posting through the store's ledger port alone: no use case, no checks, no audit record. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 5, time = 2)
  @Measurement(iterations = 10, time = 2)
  public Object rawPost(Postings p) {
    Transfer t = Transfer.builder().id("raw-" + (p.next++)).kind(TransferKind.DONATION).from(p.donations)
        .to(p.pool).amount(p.amount).bookedOn(APPLIED).recordedAt(p.recordedAt).actorId(COUNTY_OFFICER.id())
        .memo("").build();
    return p.store.write(s -> {
      s.ledger().post(t);
      return t;
    });
  }

  // ================================================================ a batch of 10,000

  /**
   * Before every invocation: a fresh store with {@code applications} monitored households of four
   * over 156 villages (seed 000's 12 townships of 13), one application each walked through the
   * three tiers to approval (general aid of 1,000–4,000 yuan), and a pool that covers them all.
   */
  @State(Scope.Thread)
  public static class ApprovedBatch {
    @Param("10000")
    int applications;

    FundService fund;
    int batch;

    /** Builds the county and approves its applications. */
    @Setup(Level.Invocation)
    public void approveApplications() {
      InMemoryStore store = new InMemoryStore();
      FangFanPin ffp = freshLibrary(store);
      fund = ffp.fund();
      List<Household> households = register(store, applications);
      Money total = Money.ZERO;
      for (int i = 0; i < households.size(); i++) {
        Household h = households.get(i);
        Money amount = Money.ofYuan(1_000 + (i * 37L) % 3_000);
        total = total.plus(amount);
        Actor village = Actor.of("vwg-" + h.area().code(), Role.VILLAGE_WORKING_GROUP, h.area());
        AidApplication a = fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, amount, List.of("医疗救助"), APPLIED,
            village)).get();
        AreaCode township = h.area().ancestor(AreaLevel.TOWNSHIP).get();
        fund.villageStudy(a.id(), new AidStep(APPLIED.plusDays(2), village, true, "")).get();
        fund.townshipReview(a.id(), new AidStep(APPLIED.plusDays(4),
            Actor.of("twp-" + township.code(), Role.TOWNSHIP_OFFICER, township), true, "")).get();
        fund.countyApprove(a.id(), new AidStep(APPLIED.plusDays(8), COUNTY_OFFICER, true, "")).get();
      }
      fund.appropriate("fin-" + (++batch), COUNTY, YEAR, total, APPLIED, COUNTY_OFFICER, "").get();
    }

    static List<Household> register(InMemoryStore store, int n) {
      String body = "61102219700101001";
      ResidentId head = ResidentId.of(body + ResidentId.checkCharacter(body));
      List<Household> all = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int village = i % (TOWNSHIPS * VILLAGES_PER_TOWNSHIP);
        AreaCode area = AreaCode.of("611022" + (100 + village / VILLAGES_PER_TOWNSHIP)
            + (201 + village % VILLAGES_PER_TOWNSHIP));
        all.add(Household.builder()
            .id(String.format("H%08d", i))
            .area(area)
            .status(HouseholdStatus.LIFTED)
            .head(head)
            .memberCount(4).workers(2).seniorStudents(0).disabledMembers(0).seriouslyIllMembers(0)
            .incomeLast12Months(Money.ofYuan(30_000))
            .previousYearIncome(Money.ofYuan(32_000))
            .rigidExpenditure(Money.ZERO)
            .unmetNeeds(Set.of())
            .build());
      }
      store.write(s -> {
        for (Household h : all) {
          s.households().put(h);
          s.cases().insert(MonitoringCase.builder()
              .id("case-" + h.id())
              .householdId(h.id())
              .area(h.area())
              .householdStatus(h.status())
              .state(CaseState.AWAITING_VISIT)
              .version(1)
              .openedOn(APPLIED.minusDays(20))
              .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + h.id(), APPLIED.minusDays(20),
                  APPLIED.minusDays(20), Set.of(RiskType.ILLNESS)))
              .riskTypes(Set.of(RiskType.ILLNESS))
              .build());
        }
        return null;
      });
      return all;
    }
  }

  /** Pays the batch; fails loudly unless every application was paid. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 10)
  @Measurement(iterations = 20)
  public BatchStatement payBatch(ApprovedBatch b) {
    BatchStatement s = b.fund.payBatch("batch-1", COUNTY, YEAR, TODAY, COUNTY_OFFICER).get();
    if (s.paidCount() != b.applications) {
      throw new IllegalStateException("paid " + s.paidCount() + " of " + b.applications);
    }
    return s;
  }
}
