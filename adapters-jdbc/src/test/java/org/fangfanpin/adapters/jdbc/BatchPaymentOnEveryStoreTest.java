package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.core.fund.BatchStatement;
import org.fangfanpin.core.fund.FundService;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A batch payment (批次发放) over more than one unit of work gives line for line the same
 * statement on H2 and PostgreSQL, where the unit is read and written in bulk, as on the in-memory
 * store: a household whose cap shrank after approval is paid only what still fits, in the same
 * unit as its other application; a payment id a host's voucher already holds leaves its
 * application approved and the payments after it use the next ids; the pool runs out part way
 * through the second unit.
 */
class BatchPaymentOnEveryStoreTest {

  private static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);
  private static final LocalDate PAID = LocalDate.of(2025, 6, 13);
  private static final int YEAR = 2025;
  /** More applications than one unit of work pays (256). */
  private static final int OTHERS = 270;

  @Test
  void aBatchGivesTheSameStatementAndBalancesOnEveryStore() {
    Map<String, UnitOfWork> stores = new LinkedHashMap<>();
    stores.put("in memory", new InMemoryStore());
    stores.put("H2", H2Databases.newStore());
    stores.put("PostgreSQL", EmbeddedPostgresServer.newStore());
    Map<String, String> answers = new LinkedHashMap<>();
    stores.forEach((name, store) -> answers.put(name, payOnce(new JdbcCounty(store, LocalDate.of(2025, 6, 16)))));

    String reference = answers.get("in memory");
    // The pool of 65,000 yuan runs out at the 262nd line, in the second unit of work.
    assertThat(reference).contains("H0259:paid", "H0262:fund.pool_insufficient");
    assertThat(reference).contains("fund.purpose_cap_exceeded", "fund.transfer_conflict", "fund.pool_insufficient",
        "pay-000000000003");
    assertThat(answers).allSatisfy((name, answer) -> assertThat(answer).as(name).isEqualTo(reference));
  }

  private static String payOnce(JdbcCounty county) {
    FundService fund = county.ffp.fund();
    Household shrinking = county.monitored("H0000", JdbcCounty.VILLAGE_A1, APPLIED.minusDays(20));
    List<String> ids = new ArrayList<>();
    ids.add(approved(fund, shrinking, AidPurpose.HARDSHIP, Money.ofYuan(15_000)));
    ids.add(approved(fund, shrinking, AidPurpose.HARDSHIP, Money.ofYuan(5_000)));
    // Two members now: the hardship cap falls from 20,000 to 10,000 yuan after both approvals.
    county.store.write(s -> {
      s.households().put(Household.builder().from(shrinking).memberCount(2).workers(1).build());
      return null;
    });
    for (int i = 1; i <= OTHERS; i++) {
      Household h = county.monitored(String.format("H%04d", i), i % 2 == 0 ? JdbcCounty.VILLAGE_A1
          : JdbcCounty.VILLAGE_A2, APPLIED.minusDays(20));
      ids.add(approved(fund, h, AidPurpose.GENERAL, Money.ofYuan(100 + i)));
    }
    // The second payment's id is taken by a host's voucher number.
    ok(fund.appropriate("pay-000000000002", JdbcCounty.COUNTY, YEAR, Money.ofYuan(65_000), APPLIED,
        JdbcCounty.COUNTY_OFFICER, "财政拨入"));

    BatchStatement b = ok(fund.payBatch("b-1", JdbcCounty.COUNTY, YEAR, PAID, JdbcCounty.COUNTY_OFFICER));

    assertThat(b.lines()).extracting(l -> l.application().id()).containsExactlyElementsOf(ids.stream().sorted()
        .toList());
    String lines = b.lines().stream().map(l -> l.application().householdId() + ":" + (l.paid()
        ? "paid " + l.application().paymentId().orElse("?") : l.reason().map(Rejection::code).orElse("?")))
        .collect(Collectors.joining(", "));
    Money pool = county.store.read(s -> s.ledger().balance(AccountRef.pool(JdbcCounty.COUNTY, YEAR)));
    Money shrunk = county.store.read(s -> s.ledger().balance(AccountRef.aidPaid(JdbcCounty.COUNTY, YEAR, "H0000")));
    boolean verified = county.ffp.audit().verify(JdbcCounty.COUNTY).valid();
    return "paid " + b.paidCount() + " for " + b.paidTotal() + "; pool " + pool + "; H0000 " + shrunk + "; audit "
        + verified + "; " + lines;
  }

  private static String approved(FundService fund, Household h, AidPurpose purpose, Money amount) {
    AreaCode village = h.area();
    Actor group = Actor.of("vwg-" + village.code(), Role.VILLAGE_WORKING_GROUP, village);
    AidApplication a = ok(fund.apply(new AidRequest(h.id(), purpose, amount, List.of("基本医疗保险"), APPLIED,
        Actor.of("hh-" + h.id(), Role.HOUSEHOLD, village))));
    ok(fund.villageStudy(a.id(), new AidStep(APPLIED.plusDays(2), group, true, "")));
    ok(fund.townshipReview(a.id(), new AidStep(APPLIED.plusDays(4), JdbcCounty.TOWNSHIP_OFFICER_A, true, "")));
    ok(fund.countyApprove(a.id(), new AidStep(APPLIED.plusDays(8), JdbcCounty.COUNTY_OFFICER, true, "")));
    return a.id();
  }

  private static <T> T ok(Either<Rejection, T> e) {
    assertThat(e.isRight()).as("accepted, but was %s", e.isLeft() ? e.getLeft() : "").isTrue();
    return e.get();
  }
}
