package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.fund.AccountKind;
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
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The fund's invariants of DOMAIN.md checked on a {@link FundKit.Snapshot}, shared by the
 * properties and the races. Each method names the invariant it checks.
 */
final class FundChecks {

  /** The national defaults every test county runs under. */
  static final PolicyParameters POLICY = PolicyParameters.builder().build();

  private FundChecks() {}

  /**
   * Invariant 5, the ledger balances (账实相符): every transfer debits one account and credits
   * another by the same positive amount, so the debits of all accounts sum to their credits; each
   * stored balance is its account's credits minus its debits; the balances of all the fund's
   * accounts sum to zero; every transfer id is stored once.
   */
  static void ledgerBalances(FundKit.Snapshot s) {
    Map<AccountRef, Long> debits = new HashMap<>();
    Map<AccountRef, Long> credits = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (Transfer t : s.transfers()) {
      assertThat(ids.add(t.id())).as("transfer id %s stored once", t.id()).isTrue();
      assertThat(t.amount().isGreaterThan(Money.ZERO)).as("amount of %s", t.id()).isTrue();
      assertThat(t.from()).as("accounts of %s", t.id()).isNotEqualTo(t.to());
      debits.merge(t.from(), t.amount().fen(), Math::addExact);
      credits.merge(t.to(), t.amount().fen(), Math::addExact);
    }
    long allDebits = debits.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    long allCredits = credits.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
    assertThat(allDebits).as("Σ debits = Σ credits").isEqualTo(allCredits);
    Set<AccountRef> touched = new HashSet<>(debits.keySet());
    touched.addAll(credits.keySet());
    assertThat(s.balances().keySet()).as("the snapshot reads every account a transfer touched")
        .containsAll(touched);
    for (Map.Entry<AccountRef, Money> e : s.balances().entrySet()) {
      long expected = credits.getOrDefault(e.getKey(), 0L) - debits.getOrDefault(e.getKey(), 0L);
      assertThat(e.getValue().fen()).as("balance of %s = credits − debits", e.getKey().key()).isEqualTo(expected);
    }
    assertThat(s.sum()).as("Σ of every account's balance of the fund").isEqualTo(Money.ZERO);
  }

  /**
   * Invariant 5, no account of the fund below zero: the pool and every aid account now, and the
   * pool after every prefix of the transfers in ledger order (so no posting ever drew it below
   * zero, even for a moment); the source accounts only ever give.
   */
  static void noAccountBelowZero(FundKit.Snapshot s) {
    for (Map.Entry<AccountRef, Money> e : s.balances().entrySet()) {
      if (e.getKey().kind().isSource()) {
        assertThat(e.getValue().isGreaterThan(Money.ZERO)).as("source %s holds nothing", e.getKey().key()).isFalse();
      } else {
        assertThat(e.getValue().isNegative()).as("%s below zero", e.getKey().key()).isFalse();
      }
    }
    Map<AccountRef, Long> running = new HashMap<>();
    for (Transfer t : s.transfers()) {
      long from = running.merge(t.from(), -t.amount().fen(), Math::addExact);
      running.merge(t.to(), t.amount().fen(), Math::addExact);
      if (!t.from().kind().isSource()) {
        assertThat(from).as("%s after posting %s", t.from().key(), t.id()).isNotNegative();
      }
    }
  }

  /**
   * Invariant 6, the caps (救助上限): each household's net aid of the year (payments less their
   * reversals) within the household cap and, per purpose, within the purpose's cap, after every
   * prefix of the ledger in order of posting; and what is paid plus what is approved but not yet
   * paid within the same caps, since approval reserves it.
   */
  static void capsHold(FundKit.Snapshot s, Map<String, Household> households, int fundYear) {
    Map<String, Map<AidPurpose, Long>> net = new HashMap<>();
    for (Transfer t : s.transfers()) {
      boolean payment = t.kind() == TransferKind.PAYMENT;
      boolean reversedPayment = t.kind() == TransferKind.REVERSAL && t.from().kind() == AccountKind.AID_PAID;
      if (payment || reversedPayment) {
        String household = (payment ? t.to() : t.from()).householdId().orElseThrow();
        Map<AidPurpose, Long> ofHousehold = net.computeIfAbsent(household, h -> new EnumMap<>(AidPurpose.class));
        ofHousehold.merge(t.purpose().orElseThrow(), payment ? t.amount().fen() : -t.amount().fen(), Math::addExact);
        if (payment && households.containsKey(household)) {
          withinCaps("net aid after posting " + t.id() + ":", households.get(household), ofHousehold);
        }
      }
    }
    Map<String, Map<AidPurpose, Long>> committed = new HashMap<>();
    for (AidApplication a : s.applications()) {
      if (a.fundYear() == fundYear && (a.state() == AidApplicationState.PAID
          || a.state() == AidApplicationState.COUNTY_APPROVED)) {
        committed.computeIfAbsent(a.householdId(), h -> new EnumMap<>(AidPurpose.class))
            .merge(a.purpose(), a.amount().fen(), Math::addExact);
      }
    }
    for (Household h : households.values()) {
      withinCaps("net aid", h, net.getOrDefault(h.id(), Map.of()));
      withinCaps("aid paid or approved", h, committed.getOrDefault(h.id(), Map.of()));
      long aidAccount = s.balances()
          .getOrDefault(AccountRef.aidPaid(TestCounty.COUNTY, fundYear, h.id()), Money.ZERO).fen();
      assertThat(aidAccount).as("aid account of %s = its net aid", h.id())
          .isEqualTo(net.getOrDefault(h.id(), Map.of()).values().stream().mapToLong(Long::longValue).sum());
    }
  }

  private static void withinCaps(String what, Household h, Map<AidPurpose, Long> byPurpose) {
    long total = byPurpose.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).as("%s of %s within the household cap", what, h.id())
        .isLessThanOrEqualTo(POLICY.householdAidCapPerYear().fen());
    for (Map.Entry<AidPurpose, Long> e : byPurpose.entrySet()) {
      assertThat(e.getValue()).as("%s of %s for %s within its cap", what, h.id(), e.getKey())
          .isLessThanOrEqualTo(FundRules.purposeCap(POLICY, h, e.getKey()).fen());
      assertThat(e.getValue()).as("%s of %s for %s", what, h.id(), e.getKey()).isNotNegative();
    }
  }

  /**
   * The applications agree with the ledger: a paid application has exactly one payment of its
   * amount naming it, a reversed one that payment and its reversal, any other none; and no actor
   * acts at two tiers of one application (invariant 3).
   */
  static void applicationsAgreeWithTheLedger(FundKit.Snapshot s) {
    Map<String, Transfer> byId = new HashMap<>();
    Map<String, Transfer> reversalOf = new HashMap<>();
    Map<String, Integer> paymentsOf = new HashMap<>();
    for (Transfer t : s.transfers()) {
      byId.put(t.id(), t);
      t.reverses().ifPresent(o -> reversalOf.put(o, t));
      if (t.kind() == TransferKind.PAYMENT) {
        paymentsOf.merge(t.applicationId().orElseThrow(), 1, Integer::sum);
      }
    }
    for (AidApplication a : s.applications()) {
      boolean paid = a.state() == AidApplicationState.PAID || a.state() == AidApplicationState.REVERSED;
      assertThat(paymentsOf.getOrDefault(a.id(), 0)).as("payments of %s (%s)", a.id(), a.state())
          .isEqualTo(paid ? 1 : 0);
      if (paid) {
        Transfer payment = byId.get(a.paymentId().orElseThrow());
        assertThat(payment.amount()).as("payment of %s", a.id()).isEqualTo(a.amount());
        assertThat(payment.applicationId()).contains(a.id());
        assertThat(Optional.ofNullable(reversalOf.get(payment.id())).map(Transfer::id))
            .as("reversal of the payment of %s (%s)", a.id(), a.state()).isEqualTo(a.reversalId());
      }
      List<String> actors = Stream.of(a.village(), a.township(), a.county())
          .flatMap(Optional::stream).map(AidStep::by).map(Actor::id).toList();
      assertThat(new HashSet<>(actors)).as("the actors of the tiers of %s", a.id()).hasSameSizeAs(actors);
    }
  }

  /**
   * Invariant 8, nothing is deleted: what was stored before is still stored, unchanged and in the
   * same order; transfers and audit records are only appended.
   */
  static void onlyAppended(FundKit.Snapshot before, FundKit.Snapshot after) {
    assertThat(after.transfers().subList(0, Math.min(before.transfers().size(), after.transfers().size())))
        .as("the transfers stored before").isEqualTo(before.transfers());
    assertThat(after.audit().subList(0, Math.min(before.audit().size(), after.audit().size())))
        .as("the audit records stored before").isEqualTo(before.audit());
    Set<String> now = new HashSet<>();
    after.applications().forEach(a -> now.add(a.id()));
    assertThat(now).as("the applications stored before").containsAll(
        before.applications().stream().map(AidApplication::id).toList());
  }
}
