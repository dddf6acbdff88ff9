package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;

/**
 * The fund's tests' county (资金测试县): {@link TestCounty} on Monday 16 June 2025 with the fund of
 * 2025, monitored households (a household may apply only with an open case), the tiers walked by
 * the right actors on a fixed timetable, and a snapshot of everything the fund writes.
 */
final class FundKit {

  static final int YEAR = 2025;
  /** Today: a Monday. */
  static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
  static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);
  static final LocalDate STUDIED = LocalDate.of(2025, 6, 4);
  static final LocalDate REVIEWED = LocalDate.of(2025, 6, 6);
  static final LocalDate APPROVED = LocalDate.of(2025, 6, 10);
  static final LocalDate PAID = LocalDate.of(2025, 6, 13);
  static final List<String> POLICIES = List.of("基本医疗保险", "大病保险", "医疗救助");

  final TestCounty county;
  final FundService fund;
  /** Every household registered through this kit, in order: the aid accounts a snapshot reads. */
  final Set<String> households = new LinkedHashSet<>();

  FundKit() {
    this(new TestCounty(TODAY));
  }

  FundKit(TestCounty county) {
    this.county = county;
    this.fund = county.ffp.fund();
  }

  // ---------------------------------------------------------------- households and actors

  /** A lifted household of four in the village with an open monitoring case. */
  Household monitored(String id, AreaCode village) {
    return monitored(county.household(id, village));
  }

  /** Stores the household as given (replacing the register's entry) and opens a case for it. */
  Household monitored(Household h) {
    county.store.write(s -> {
      s.households().put(h);
      s.cases().insert(openCase(h));
      return null;
    });
    households.add(h.id());
    return h;
  }

  /** A household in the register without a monitoring case. */
  Household unmonitored(String id, AreaCode village) {
    households.add(id);
    return county.household(id, village);
  }

  /** Replaces the register's entry of the household, e.g. after a change of its facts. */
  void update(Household h) {
    county.store.write(s -> {
      s.households().put(h);
      return null;
    });
  }

  static MonitoringCase openCase(Household h) {
    return MonitoringCase.builder()
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
        .build();
  }

  /** The household itself, as an applicant. */
  static Actor householdActor(Household h) {
    return Actor.of("hh-" + h.id(), Role.HOUSEHOLD, h.area());
  }

  /** The working group of the village. */
  static Actor villageGroup(AreaCode village) {
    return Actor.of("vwg-" + village.code(), Role.VILLAGE_WORKING_GROUP, village);
  }

  /** An officer of the village's township. */
  static Actor townshipOfficer(AreaCode village) {
    AreaCode township = village.ancestor(AreaLevel.TOWNSHIP).get();
    return Actor.of("twp-" + township.code(), Role.TOWNSHIP_OFFICER, township);
  }

  // ---------------------------------------------------------------- applications

  static AidRequest request(Household h, AidPurpose purpose, Money amount) {
    return new AidRequest(h.id(), purpose, amount, POLICIES, APPLIED, householdActor(h));
  }

  AidApplication apply(Household h, AidPurpose purpose, Money amount) {
    return ok(fund.apply(request(h, purpose, amount)));
  }

  AidApplication reviewed(Household h, AidPurpose purpose, Money amount) {
    AidApplication a = apply(h, purpose, amount);
    ok(fund.villageStudy(a.id(), new AidStep(STUDIED, villageGroup(h.area()), true, "村民代表会议研究同意")));
    return ok(fund.townshipReview(a.id(), new AidStep(REVIEWED, townshipOfficer(h.area()), true, "审核属实")));
  }

  AidApplication approved(Household h, AidPurpose purpose, Money amount) {
    AidApplication a = reviewed(h, purpose, amount);
    return ok(fund.countyApprove(a.id(), new AidStep(APPROVED, TestCounty.COUNTY_OFFICER, true, "同意救助")));
  }

  /** The county's step approving the application on the timetable. */
  static AidStep countyPasses() {
    return new AidStep(APPROVED, TestCounty.COUNTY_OFFICER, true, "同意救助");
  }

  // ---------------------------------------------------------------- money

  Transfer appropriate(String id, Money amount) {
    return ok(fund.appropriate(id, TestCounty.COUNTY, YEAR, amount, APPLIED, TestCounty.COUNTY_OFFICER, "财政拨入"));
  }

  Transfer donate(String id, Money amount) {
    return ok(fund.donate(id, TestCounty.COUNTY, YEAR, amount, APPLIED, TestCounty.COUNTY_OFFICER, "社会捐助"));
  }

  BatchStatement pay(String batchId) {
    return ok(fund.payBatch(batchId, TestCounty.COUNTY, YEAR, PAID, TestCounty.COUNTY_OFFICER));
  }

  Money balance(AccountRef account) {
    return county.store.read(s -> s.ledger().balance(account));
  }

  Money pool() {
    return balance(AccountRef.pool(TestCounty.COUNTY, YEAR));
  }

  Money aidPaid(String householdId) {
    return balance(AccountRef.aidPaid(TestCounty.COUNTY, YEAR, householdId));
  }

  AidApplication application(String id) {
    return fund.application(id).orElseThrow();
  }

  // ---------------------------------------------------------------- snapshots

  /**
   * Everything the fund could have written: the transfers of the fund in order, the balance of
   * every account of the fund (sources, pool, each known household's aid), the applications of
   * the county's year and the county's audit chain.
   */
  record Snapshot(List<Transfer> transfers, Map<AccountRef, Money> balances, List<AidApplication> applications,
      List<AuditRecord> audit) {

    /** The sum of every account's balance: zero when money is conserved. */
    Money sum() {
      return balances.values().stream().reduce(Money.ZERO, Money::plus);
    }
  }

  Snapshot snapshot() {
    return county.store.read(s -> {
      List<Transfer> transfers;
      try (Stream<Transfer> all = s.ledger().transfers(TestCounty.COUNTY, YEAR)) {
        transfers = all.toList();
      }
      Map<AccountRef, Money> balances = new LinkedHashMap<>();
      for (AccountRef account : accounts()) {
        balances.put(account, s.ledger().balance(account));
      }
      List<AidApplication> applications;
      try (Stream<AidApplication> all = s.aidApplications().inArea(TestCounty.COUNTY, YEAR)) {
        applications = all.toList();
      }
      List<AuditRecord> audit;
      try (Stream<AuditRecord> chain = s.audit().chain(TestCounty.COUNTY)) {
        audit = chain.toList();
      }
      return new Snapshot(transfers, balances, applications, audit);
    });
  }

  /** Every account of the county's fund year this kit knows of. */
  List<AccountRef> accounts() {
    List<AccountRef> all = new ArrayList<>(List.of(AccountRef.appropriation(TestCounty.COUNTY, YEAR),
        AccountRef.donation(TestCounty.COUNTY, YEAR), AccountRef.pool(TestCounty.COUNTY, YEAR)));
    households.forEach(h -> all.add(AccountRef.aidPaid(TestCounty.COUNTY, YEAR, h)));
    return all;
  }

  // ---------------------------------------------------------------- outcomes

  /** The accepted outcome, failing the test with the rejection otherwise. */
  static <T> T ok(Either<Rejection, T> outcome) {
    assertThat(outcome.isRight()).as("accepted, but was %s", outcome.isLeft() ? outcome.getLeft() : "").isTrue();
    return outcome.get();
  }

  /** The rejection, failing the test when the move was accepted. */
  static Rejection rejected(Either<Rejection, ?> outcome) {
    assertThat(outcome.isLeft()).as("rejected, but was accepted with %s", outcome.isRight() ? outcome.get() : "")
        .isTrue();
    return outcome.getLeft();
  }
}
