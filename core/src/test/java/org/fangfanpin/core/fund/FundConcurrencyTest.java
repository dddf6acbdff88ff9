package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.fund.FundKit.APPLIED;
import static org.fangfanpin.core.fund.FundKit.APPROVED;
import static org.fangfanpin.core.fund.FundKit.PAID;
import static org.fangfanpin.core.fund.FundKit.YEAR;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER_OTHER;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Races on the in-memory store (并发): eight threads approve and pay applications of the same
 * household, drain the same small pool, pay batches (the same batch id too), reverse payments
 * (the same payment under several reversal ids and under one) and bring money in, while a
 * bank-style auditor reads the committed ledger again and again. At the end, and at every read of
 * the auditor:
 * <ul>
 *   <li>money is conserved: the balances of all the fund's accounts sum to zero, that is
 *       {@code appropriated + donated = pool + Σ households' net aid}, or, as the fund statement
 *       puts it, {@code appropriated + donated − disbursed + reversed payments = pool balance};
 *   <li>no account of the fund is below zero, and replaying the ledger in order of posting never
 *       takes the pool below zero (invariant 5);
 *   <li>no household's net aid exceeds a cap at any point of the ledger, and what is paid plus
 *       approved stays within the caps (invariant 6).
 * </ul>
 */
class FundConcurrencyTest {

  static final int THREADS = 8;
  static final int MOVES_PER_THREAD = 150;
  static final Actor[] OFFICERS = {COUNTY_OFFICER, COUNTY_OFFICER_OTHER};

  final FundKit kit = new FundKit();
  final FundService fund = kit.fund;
  final Map<String, Household> households = new LinkedHashMap<>();
  final Map<String, Integer> lineOutcomes = new ConcurrentHashMap<>();

  /** Three households: the contested one (H1, a college student, four members) and two others. */
  void registerHouseholds() {
    TestCounty c = kit.county;
    for (Household h : List.of(
        Household.builder().from(c.household("H1", TestCounty.VILLAGE_A1)).seniorStudents(1).build(),
        c.household("H2", TestCounty.VILLAGE_A2), c.household("H3", TestCounty.VILLAGE_B1))) {
      households.put(h.id(), kit.monitored(h));
    }
  }

  /**
   * Applications waiting for the county: for H1 far more than its caps allow in all (general,
   * hardship and college aid), a few for the others; each alone within its caps.
   */
  List<String> applicationsInReview(Random random) {
    List<String> ids = new ArrayList<>();
    Household h1 = households.get("H1");
    for (int i = 0; i < 30; i++) {
      ids.add(kit.reviewed(h1, AidPurpose.GENERAL, Money.ofYuan(5_000 + random.nextInt(25_000))).id());
    }
    for (int i = 0; i < 10; i++) {
      ids.add(kit.reviewed(h1, AidPurpose.HARDSHIP, Money.ofYuan(1_000 + random.nextInt(6_000))).id());
      ids.add(kit.reviewed(h1, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(500 + random.nextInt(2_000))).id());
    }
    for (String other : List.of("H2", "H3")) {
      for (int i = 0; i < 8; i++) {
        ids.add(kit.reviewed(households.get(other), AidPurpose.GENERAL, Money.ofYuan(2_000 + random.nextInt(20_000)))
            .id());
      }
    }
    return ids;
  }

  @RepeatedTest(3)
  void racingApprovalsPaymentsAndReversalsKeepEveryCapThePoolAndTheMoney(RepetitionInfo repetition)
      throws Exception {
    registerHouseholds();
    Random setup = new Random(repetition.getCurrentRepetition());
    List<String> applications = applicationsInReview(setup);
    kit.appropriate("fin-0", Money.ofYuan(60_000));
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean racing = new AtomicBoolean(true);
    AtomicLong audits = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Future<?> auditor = pool.submit(() -> {
        start.await();
        while (racing.get()) {
          checkConservation(kit.snapshot());
          audits.incrementAndGet();
        }
        return null;
      });
      List<Future<?>> racers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        racers.add(pool.submit((Callable<Void>) () -> {
          Random random = new Random(1_000L * repetition.getCurrentRepetition() + thread);
          start.await();
          for (int n = 0; n < MOVES_PER_THREAD; n++) {
            String move = race(random, thread, n, applications);
            outcomes.merge(move, 1, Integer::sum);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : racers) {
        f.get(120, TimeUnit.SECONDS);
      }
      racing.set(false);
      auditor.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    outcomes.putAll(lineOutcomes);
    FundKit.Snapshot end = kit.snapshot();
    checkConservation(end);
    FundChecks.ledgerBalances(end);
    FundChecks.noAccountBelowZero(end);
    FundChecks.capsHold(end, households, YEAR);
    FundChecks.applicationsAgreeWithTheLedger(end);
    FundStatement statement = fund.statement(COUNTY, YEAR);
    assertThat(statement.appropriated().plus(statement.donated()).minus(statement.disbursed())
        .plus(statement.reversedPayments())).as("appropriated + donated − disbursed + reversed payments")
        .isEqualTo(statement.balance()).isEqualTo(kit.pool());
    ChainVerification chain = kit.county.ffp.audit().verify(COUNTY);
    assertThat(chain.valid()).as("%s", chain).isTrue();
    assertThat(audits.get()).as("the auditor read the ledger while the threads raced").isPositive();
    assertThat(outcomes).as("the race exercised every move: %s", outcomes)
        .containsKeys("approve accepted", "pay accepted", "reverse accepted");
    assertThat(end.transfers()).as("payments were made").anyMatch(t -> t.kind() == TransferKind.PAYMENT);
    assertThat(outcomes.keySet()).as("the threads ran into the caps and the pool: %s", outcomes)
        .anyMatch(k -> k.startsWith("approve fund.") && k.endsWith("_cap_exceeded"))
        .contains("pay line fund.pool_insufficient");
  }

  /** One racing move of a thread; returns what it was and how it ended, for the tally. */
  String race(Random random, int thread, int n, List<String> applications) {
    Actor by = OFFICERS[random.nextInt(OFFICERS.length)];
    int pick = random.nextInt(20);
    if (pick < 8) {
      String id = applications.get(random.nextInt(applications.size()));
      return "approve " + outcome(fund.countyApprove(id, new AidStep(APPROVED, by, random.nextInt(10) > 0, "")));
    }
    if (pick < 12) {
      // Few batch ids, so that threads pay the same batch at the same time.
      String batch = "batch-" + random.nextInt(4);
      Either<Rejection, BatchStatement> b = fund.payBatch(batch, COUNTY, YEAR, PAID, by);
      b.forEach(s -> s.lines().stream().filter(l -> !l.paid()).forEach(l -> {
        String why = l.reason().map(Rejection::code).orElseThrow();
        assertThat(why).as("why %s was not paid", l.application().id())
            .isIn("fund.pool_insufficient", "fund.wrong_state");
        lineOutcomes.merge("pay line " + why, 1, Integer::sum);
      }));
      return "pay " + outcome(b);
    }
    if (pick < 16) {
      List<Transfer> payments = kit.snapshot().transfers().stream()
          .filter(t -> t.kind() == TransferKind.PAYMENT).toList();
      if (payments.isEmpty()) {
        return "reverse skipped";
      }
      Transfer payment = payments.get(random.nextInt(payments.size()));
      // Half the time a reversal id shared by every thread: a retry race on one id.
      String id = random.nextBoolean() ? "rev-" + payment.id() : "rev-" + thread + "-" + n;
      return "reverse " + outcome(fund.reverse(id, payment.id(), PAID, COUNTY_OFFICER, "退票"));
    }
    if (pick < 18) {
      return "donate " + outcome(fund.donate("don-" + thread + "-" + n, COUNTY, YEAR,
          Money.ofYuan(100 + random.nextInt(3_000)), APPLIED, by, ""));
    }
    if (pick < 19) {
      return "appropriate " + outcome(fund.appropriate("fin-" + random.nextInt(3), COUNTY, YEAR,
          Money.ofYuan(5_000), APPLIED, COUNTY_OFFICER, "追加"));
    }
    Either<Rejection, Transfer> money = fund.reverse("rev-fin-" + thread + "-" + n, "fin-0", PAID, by, "错拨");
    return "reverse money in " + outcome(money);
  }

  static String outcome(Either<Rejection, ?> e) {
    return e.isRight() ? "accepted" : e.getLeft().code();
  }

  /**
   * Money is conserved (资金守恒), the bank's check: the balances of all the fund's accounts sum to
   * zero, so what came in from the sources equals what the pool holds plus what the households
   * received; and no account of the fund is below zero.
   */
  void checkConservation(FundKit.Snapshot s) {
    Map<AccountRef, Money> b = new HashMap<>(s.balances());
    assertThat(s.sum()).as("Σ over every account of the fund").isEqualTo(Money.ZERO);
    Money in = b.get(AccountRef.appropriation(COUNTY, YEAR)).plus(b.get(AccountRef.donation(COUNTY, YEAR)));
    Money aid = households.keySet().stream().map(h -> b.get(AccountRef.aidPaid(COUNTY, YEAR, h)))
        .reduce(Money.ZERO, Money::plus);
    assertThat(Money.ZERO.minus(in)).as("money in = pool + aid paid")
        .isEqualTo(b.get(AccountRef.pool(COUNTY, YEAR)).plus(aid));
    b.forEach((account, balance) -> {
      if (!account.kind().isSource()) {
        assertThat(balance.isNegative()).as("%s below zero", account.key()).isFalse();
      }
    });
  }

  @Test
  void eightThreadsPayingOneBatchPayEachApplicationOnce() throws Exception {
    registerHouseholds();
    kit.appropriate("fin-0", Money.ofYuan(1_000_000));
    List<AidApplication> approved = new ArrayList<>();
    for (Household h : households.values()) {
      for (int i = 0; i < 3; i++) {
        approved.add(kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(10_000)));
      }
    }
    AtomicInteger paidLines = new AtomicInteger();

    raceAll(() -> {
      BatchStatement s = FundKit.ok(fund.payBatch("batch-1", COUNTY, YEAR, PAID, COUNTY_OFFICER));
      paidLines.addAndGet(s.paidCount());
    });

    FundKit.Snapshot end = kit.snapshot();
    assertThat(paidLines.get()).as("lines paid over all eight statements").isEqualTo(approved.size());
    assertThat(end.transfers()).filteredOn(t -> t.kind() == TransferKind.PAYMENT).hasSize(approved.size());
    assertThat(kit.pool()).isEqualTo(Money.ofYuan(1_000_000 - 90_000));
    FundChecks.applicationsAgreeWithTheLedger(end);
  }

  @Test
  void eightThreadsReversingOnePaymentReverseItOnce() throws Exception {
    registerHouseholds();
    kit.appropriate("fin-0", Money.ofYuan(100_000));
    AidApplication a = kit.approved(households.get("H1"), AidPurpose.GENERAL, Money.ofYuan(10_000));
    kit.pay("b-1");
    String payment = kit.application(a.id()).paymentId().orElseThrow();
    AtomicInteger thread = new AtomicInteger();
    Map<String, String> outcomes = new ConcurrentHashMap<>();

    raceAll(() -> {
      int i = thread.getAndIncrement();
      // Four threads share one reversal id (a retry race), four use their own.
      String id = i % 2 == 0 ? "rev-shared" : "rev-" + i;
      outcomes.put("thread " + i, id + " " + outcome(fund.reverse(id, payment, PAID, COUNTY_OFFICER, "退票")));
    });

    FundKit.Snapshot end = kit.snapshot();
    assertThat(end.transfers()).filteredOn(t -> t.kind() == TransferKind.REVERSAL).singleElement()
        .satisfies(r -> assertThat(outcomes.values()).as("%s", outcomes).contains(r.id() + " accepted"));
    assertThat(outcomes.values()).filteredOn(o -> o.endsWith("accepted"))
        .allSatisfy(o -> assertThat(o).startsWith(end.transfers().get(end.transfers().size() - 1).id() + " "));
    assertThat(outcomes.values()).filteredOn(o -> !o.endsWith("accepted"))
        .allSatisfy(o -> assertThat(o).endsWith("fund.already_reversed"));
    assertThat(kit.pool()).isEqualTo(Money.ofYuan(100_000));
    assertThat(kit.aidPaid("H1")).isEqualTo(Money.ZERO);
  }

  @Test
  void eightThreadsApprovingOneHouseholdsApplicationsApproveNoMoreThanTheCap() throws Exception {
    registerHouseholds();
    Household h = households.get("H1");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(30_000)).id());
    }
    AtomicInteger thread = new AtomicInteger();

    raceAll(() -> {
      String id = ids.get(thread.getAndIncrement());
      fund.countyApprove(id, new AidStep(APPROVED, COUNTY_OFFICER, true, ""));
    });

    assertThat(kit.snapshot().applications()).filteredOn(a -> a.state() == AidApplicationState.COUNTY_APPROVED)
        .as("three of 30,000 yuan fit under the cap of 100,000, a fourth does not").hasSize(3);
  }

  /** Runs the task on eight threads released together. */
  static void raceAll(Runnable task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        all.add(pool.submit((Callable<Void>) () -> {
          start.await();
          task.run();
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
