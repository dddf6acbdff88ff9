package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.core.fund.BatchStatement;
import org.fangfanpin.core.fund.FundService;
import org.fangfanpin.core.fund.FundStatement;
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
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.junit.jupiter.api.Test;

/**
 * Eight threads racing through core's fund service on PostgreSQL (资金并发): they approve far more
 * aid for one household than its yearly cap allows, pay batches (often the same batch id) from a
 * small pool, reverse payments and bring money in. Afterwards, and replaying the ledger in order
 * of posting: the caps hold, the pool never went below zero, money is conserved (the balances of
 * all the fund's accounts sum to zero and the fund statement adds up), and the audit chain
 * verifies.
 */
class PostgresFundRaceTest {

  private static final int THREADS = 8;
  /** Moves per thread: enough for the threads to run into the cap and the empty pool together. */
  private static final int MOVES = 40;
  private static final int YEAR = 2025;
  private static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);
  private static final LocalDate PAID = LocalDate.of(2025, 6, 13);
  private static final long CAP_FEN = PolicyParameters.builder().build().householdAidCapPerYear().fen();

  @Test
  void racingApprovalsPaymentsAndReversalsKeepTheCapsThePoolAndTheMoney() throws Exception {
    JdbcCounty county = new JdbcCounty(EmbeddedPostgresServer.newStore(), LocalDate.of(2025, 6, 16));
    FundService fund = county.ffp.fund();
    List<Household> households = List.of(
        county.monitored("H1", JdbcCounty.VILLAGE_A1, APPLIED.minusDays(20)),
        county.monitored("H2", JdbcCounty.VILLAGE_A1, APPLIED.minusDays(20)),
        county.monitored("H3", JdbcCounty.VILLAGE_A2, APPLIED.minusDays(20)));
    Random setup = new Random(7);
    List<String> applications = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      applications.add(reviewed(fund, households.get(0), Money.ofYuan(5_000 + setup.nextInt(25_000))));
    }
    for (int i = 0; i < 6; i++) {
      applications.add(reviewed(fund, households.get(1 + i % 2), Money.ofYuan(2_000 + setup.nextInt(15_000))));
    }
    ok(fund.appropriate("fin-0", JdbcCounty.COUNTY, YEAR, Money.ofYuan(60_000), APPLIED, JdbcCounty.COUNTY_OFFICER,
        "财政拨入"));
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    AtomicInteger threadNumber = new AtomicInteger();

    Callable<Void> racer = () -> {
      int thread = threadNumber.getAndIncrement();
      Random random = new Random(1_000L + thread);
      for (int n = 0; n < MOVES; n++) {
        for (String outcome : move(county, fund, random, thread, n, applications)) {
          outcomes.merge(outcome, 1, Integer::sum);
        }
      }
      return null;
    };
    Race.run(Collections.nCopies(THREADS, racer));

    List<Transfer> transfers = county.store.read(s -> {
      try (Stream<Transfer> all = s.ledger().transfers(JdbcCounty.COUNTY, YEAR)) {
        return all.toList();
      }
    });
    List<AidApplication> stored = county.store.read(s -> {
      try (Stream<AidApplication> all = s.aidApplications().inArea(JdbcCounty.COUNTY, YEAR)) {
        return all.toList();
      }
    });
    Map<AccountRef, Money> balances = county.store.read(s -> {
      Map<AccountRef, Money> b = new HashMap<>();
      for (AccountRef a : accounts(households)) {
        b.put(a, s.ledger().balance(a));
      }
      return b;
    });

    assertThat(outcomes).as("the race ran into the cap, the empty pool and paid: %s", outcomes)
        .containsKeys("approve accepted", "pay line paid", "pay line fund.pool_insufficient")
        .containsKey("approve fund.household_cap_exceeded");
    assertThat(balances.values().stream().mapToLong(Money::fen).sum()).as("Σ of every account").isZero();
    balances.forEach((account, b) -> {
      if (!account.kind().isSource()) {
        assertThat(b.isNegative()).as("%s below zero", account.key()).isFalse();
      }
    });
    replayNeverOverdrawsThePoolNorPassesACap(transfers);
    for (Household h : households) {
      long committed = stored.stream().filter(a -> a.householdId().equals(h.id()))
          .filter(a -> a.state() == AidApplicationState.PAID || a.state() == AidApplicationState.COUNTY_APPROVED)
          .mapToLong(a -> a.amount().fen()).sum();
      assertThat(committed).as("aid paid or approved for %s", h.id()).isLessThanOrEqualTo(CAP_FEN);
    }
    FundStatement statement = fund.statement(JdbcCounty.COUNTY, YEAR);
    assertThat(statement.appropriated().plus(statement.donated()).minus(statement.disbursed())
        .plus(statement.reversedPayments())).isEqualTo(statement.balance())
        .isEqualTo(balances.get(AccountRef.pool(JdbcCounty.COUNTY, YEAR)));
    assertThat(county.ffp.audit().verify(JdbcCounty.COUNTY).valid()).isTrue();
  }

  /** One racing move; returns how it ended (for a batch, one outcome per line). */
  private static List<String> move(JdbcCounty county, FundService fund, Random random, int thread, int n,
      List<String> applications) {
    Actor by = random.nextBoolean() ? JdbcCounty.COUNTY_OFFICER : JdbcCounty.COUNTY_OFFICER_OTHER;
    int pick = random.nextInt(20);
    if (pick < 8) {
      String id = applications.get(random.nextInt(applications.size()));
      return List.of("approve " + outcome(fund.countyApprove(id, new AidStep(PAID.minusDays(3), by, true, "同意"))));
    }
    if (pick < 13) {
      Either<Rejection, BatchStatement> batch = fund.payBatch("batch-" + random.nextInt(3), JdbcCounty.COUNTY, YEAR,
          PAID, by);
      if (batch.isLeft()) {
        return List.of("pay " + batch.getLeft().code());
      }
      return batch.get().lines().stream()
          .map(l -> "pay line " + (l.paid() ? "paid" : l.reason().map(Rejection::code).orElse("?"))).toList();
    }
    if (pick < 16) {
      List<Transfer> payments = county.store.read(s -> {
        try (Stream<Transfer> all = s.ledger().transfers(JdbcCounty.COUNTY, YEAR)) {
          return all.filter(t -> t.kind() == TransferKind.PAYMENT).toList();
        }
      });
      if (payments.isEmpty()) {
        return List.of("reverse skipped");
      }
      Transfer payment = payments.get(random.nextInt(payments.size()));
      return List.of("reverse " + outcome(fund.reverse("rev-" + thread + "-" + n, payment.id(), PAID, by, "退票")));
    }
    if (pick < 18) {
      return List.of("donate " + outcome(fund.donate("don-" + thread + "-" + n, JdbcCounty.COUNTY, YEAR,
          Money.ofYuan(100 + random.nextInt(3_000)), APPLIED, by, "")));
    }
    return List.of("appropriate " + outcome(fund.appropriate("fin-" + (1 + random.nextInt(3)), JdbcCounty.COUNTY,
        YEAR, Money.ofYuan(5_000), APPLIED, JdbcCounty.COUNTY_OFFICER, "追加")));
  }

  /** Replays the ledger in order of posting: the pool never below zero, no household over the cap. */
  private static void replayNeverOverdrawsThePoolNorPassesACap(List<Transfer> transfers) {
    Map<AccountRef, Long> running = new HashMap<>();
    for (Transfer t : transfers) {
      running.merge(t.from(), -t.amount().fen(), Long::sum);
      running.merge(t.to(), t.amount().fen(), Long::sum);
      assertThat(running.get(t.from())).as("%s after %s", t.from().key(), t.id())
          .satisfiesAnyOf(b -> assertThat(t.from().kind().isSource()).isTrue(), b -> assertThat(b).isNotNegative());
      if (t.kind() == TransferKind.PAYMENT) {
        assertThat(running.get(t.to())).as("net aid of %s after %s", t.to().key(), t.id())
            .isLessThanOrEqualTo(CAP_FEN);
      }
    }
  }

  private static List<AccountRef> accounts(List<Household> households) {
    List<AccountRef> all = new ArrayList<>(List.of(AccountRef.appropriation(JdbcCounty.COUNTY, YEAR),
        AccountRef.donation(JdbcCounty.COUNTY, YEAR), AccountRef.pool(JdbcCounty.COUNTY, YEAR)));
    households.forEach(h -> all.add(AccountRef.aidPaid(JdbcCounty.COUNTY, YEAR, h.id())));
    return all;
  }

  private static String reviewed(FundService fund, Household h, Money amount) {
    AidApplication a = ok(fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, amount, List.of("基本医疗保险"),
        APPLIED, Actor.of("hh-" + h.id(), Role.HOUSEHOLD, h.area()))));
    ok(fund.villageStudy(a.id(), new AidStep(APPLIED.plusDays(2),
        Actor.of("vwg-" + h.area().code(), Role.VILLAGE_WORKING_GROUP, h.area()), true, "研究同意")));
    ok(fund.townshipReview(a.id(), new AidStep(APPLIED.plusDays(4), JdbcCounty.TOWNSHIP_OFFICER_A, true, "审核属实")));
    return a.id();
  }

  private static String outcome(Either<Rejection, ?> e) {
    return e.isRight() ? "accepted" : e.getLeft().code();
  }

  private static <T> T ok(Either<Rejection, T> e) {
    assertThat(e.isRight()).as("accepted, but was %s", e.isLeft() ? e.getLeft() : "").isTrue();
    return e.get();
  }
}
