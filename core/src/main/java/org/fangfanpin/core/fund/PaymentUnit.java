package org.fangfanpin.core.fund;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.store.StoreSession;

/**
 * One unit of work of a batch payment (批次发放单元). Its applications are paid one after the other,
 * each deciding on what the ones before it paid, exactly as if each read the store afresh; but
 * what the unit needs is read in a few bulk reads first (the applications, their households, the
 * households' applications of the year, the balances), and the postings and the applications'
 * new versions are written in one go at the end, so that a database store answers a handful of
 * statements per unit rather than a dozen per payment.
 */
final class PaymentUnit {

  /**
   * Stands for an id a pass needs and the unit has not drawn yet: the ids are drawn after the
   * pass, in one step, and take the placeholders' places in order.
   */
  private static final String PLACEHOLDER = "pay-?";

  private final CoreContext ctx;
  private final StoreSession s;
  private final String batchId;
  private final LocalDate on;
  private final Actor by;

  private Map<String, AidApplication> applications;
  private Map<String, Household> households;
  /** Each fund year's applications of the unit's households, as stored when the unit began. */
  private final Map<Integer, Map<String, List<AidApplication>>> ofHouseholds = new HashMap<>();
  private Map<AccountRef, Money> balances;
  /** The policy of each area and fund year the unit looked up (see {@link #policy}). */
  private final Map<PolicyKey, PolicyParameters> policies = new HashMap<>();

  /** Payment ids drawn from the id source, in order; a pass takes them in this order before it draws more. */
  private final List<String> drawn = new ArrayList<>();
  /** Drawn ids looked up in the ledger, and those of them a host's transfer already holds. */
  private final Set<String> checked = new HashSet<>();
  private final Set<String> taken = new HashSet<>();

  PaymentUnit(CoreContext ctx, StoreSession s, String batchId, LocalDate on, Actor by) {
    this.ctx = ctx;
    this.s = s;
    this.batchId = batchId;
    this.on = on;
    this.by = by;
  }

  /** Pays the applications in order; returns one line per id. */
  List<BatchLine> pay(List<String> ids) {
    read(ids);
    Pass pass = new Pass();
    pass.run(ids);
    // The pass decided with placeholders for the ids not drawn yet; they are drawn in one step and
    // looked up. Untaken, they leave every decision as it was (a placeholder is never taken), and
    // the pass's payments take them in order. A payment id that a host's transfer already holds
    // leaves its application unpaid, and the payments after it decide on a pool and caps without
    // it: only then are the unit's decisions run again, until every id they use has been drawn
    // and looked up. Such a clash is rare.
    while (true) {
      drawMissingIds(pass);
      if (!lookUpNewIds(pass.idsUsed.size())) {
        break;
      }
      pass = new Pass();
      pass.run(ids);
    }
    pass.finish();
    s.ledger().postAll(pass.payments);
    s.aidApplications().updateAll(pass.paid);
    for (AidApplication paid : pass.paid) {
      Recorder.audit(s, paid.area(), ctx.now(), by, "fund.payment", paid.id(),
          Optional.of(AidApplicationState.COUNTY_APPROVED.name()), paid.state().name());
    }
    return pass.lines;
  }

  /** The bulk reads, in the order a payment one by one would lock: applications, households, balances. */
  private void read(List<String> ids) {
    applications = s.aidApplications().findAll(ids);
    Map<Integer, Set<String>> householdsByYear = new LinkedHashMap<>();
    for (AidApplication a : applications.values()) {
      if (reachesTheCaps(a)) {
        householdsByYear.computeIfAbsent(a.fundYear(), y -> new LinkedHashSet<>()).add(a.householdId());
      }
    }
    Set<String> householdIds = new LinkedHashSet<>();
    householdsByYear.values().forEach(householdIds::addAll);
    households = s.households().findAll(householdIds);
    householdsByYear.forEach((year, ofYear) -> ofHouseholds.put(year, s.aidApplications().ofHouseholds(ofYear, year)));
    Set<AccountRef> accounts = new LinkedHashSet<>();
    for (AidApplication a : applications.values()) {
      Household h = households.get(a.householdId());
      if (reachesTheCaps(a) && h != null) {
        AreaCode county = Recorder.countyOf(a.area());
        accounts.add(AccountRef.aidPaid(Recorder.countyOf(h.area()), a.fundYear(), h.id()));
        accounts.add(AccountRef.pool(county, a.fundYear()));
        accounts.add(AccountRef.aidPaid(county, a.fundYear(), a.householdId()));
      }
    }
    balances = s.ledger().balancesForUpdate(accounts);
  }

  /** Whether a payment of the application gets as far as the caps. */
  private boolean reachesTheCaps(AidApplication a) {
    return a.state() == AidApplicationState.COUNTY_APPROVED && !on.isBefore(approvedOn(a));
  }

  private static LocalDate approvedOn(AidApplication a) {
    return a.county().map(AidStep::on).orElse(a.appliedOn());
  }

  /** Draws, in one step, the ids the pass used beyond those drawn before (placeholders for it). */
  private void drawMissingIds(Pass pass) {
    int missing = pass.idsUsed.size() - drawn.size();
    if (missing > 0) {
      drawn.addAll(ctx.ids().next("pay", missing));
    }
  }

  /** Looks up the first {@code used} drawn ids that were not looked up yet; whether one of them is taken. */
  private boolean lookUpNewIds(int used) {
    List<String> fresh = drawn.subList(0, used).stream().filter(id -> !checked.contains(id)).toList();
    if (fresh.isEmpty()) {
      return false;
    }
    checked.addAll(fresh);
    Set<String> found = s.ledger().findAll(fresh).keySet();
    taken.addAll(found);
    return !found.isEmpty();
  }

  private PolicyParameters policy(Household h, int fundYear) {
    // The policy of the fund year's last day, or of today while the year runs.
    return policies.computeIfAbsent(new PolicyKey(h.area(), fundYear), k -> {
      LocalDate yearEnd = LocalDate.of(fundYear, 12, 31);
      return ctx.policy(h.area(), yearEnd.isAfter(ctx.today()) ? ctx.today() : yearEnd);
    });
  }

  /**
   * One run of the unit's decisions over what the unit read, with the ids known to be taken. It
   * only decides; {@link #finish} builds the transfers, the paid applications and the lines once
   * every id the decisions use has been drawn.
   */
  private final class Pass {
    final Map<String, AidApplication> current = new HashMap<>(applications);
    final Map<AccountRef, Money> balance = new HashMap<>(balances);
    /** The applications this pass paid. */
    final Set<String> paidNow = new HashSet<>();
    final List<Step> steps = new ArrayList<>();
    final List<String> idsUsed = new ArrayList<>();
    final List<BatchLine> lines = new ArrayList<>();
    final List<Transfer> payments = new ArrayList<>();
    final List<AidApplication> paid = new ArrayList<>();

    void run(List<String> ids) {
      for (String id : ids) {
        steps.add(payOne(id));
      }
    }

    private Step payOne(String applicationId) {
      AidApplication a = current.get(applicationId);
      if (a == null) {
        throw new NoSuchElementException("no aid application " + applicationId + " / 未找到救助申请");
      }
      if (paidNow.contains(applicationId)) {
        // Paid earlier in this unit: its line shows it as paid (see finish).
        return Step.notPaid(null, applicationId, wrongState(AidApplicationState.PAID));
      }
      if (a.state() != AidApplicationState.COUNTY_APPROVED) {
        return Step.notPaid(a, applicationId, wrongState(a.state()));
      }
      LocalDate approvedOn = approvedOn(a);
      if (on.isBefore(approvedOn)) {
        return Step.notPaid(a, applicationId, Rejection.of("fund.date_out_of_order",
            "发放日期早于审定日期（" + approvedOn + "）", "the payment date lies before the approval (" + approvedOn + ")"));
      }
      Household h = households.get(a.householdId());
      if (h == null) {
        throw new NoSuchElementException("no household " + a.householdId() + " / 未找到农户");
      }
      Either<Rejection, Money> caps = withinCaps(h, a);
      if (caps.isLeft()) {
        return Step.notPaid(a, applicationId, caps.getLeft());
      }
      AreaCode county = Recorder.countyOf(a.area());
      AccountRef pool = AccountRef.pool(county, a.fundYear());
      Money poolBalance = balance.get(pool);
      if (poolBalance.isLessThan(a.amount())) {
        return Step.notPaid(a, applicationId, Rejection.of("fund.pool_insufficient",
            "资金池余额 " + poolBalance.toYuanString() + " 元不足以发放 " + a.amount().toYuanString() + " 元",
            "the pool's balance of " + poolBalance.toYuanString() + " yuan cannot pay " + a.amount().toYuanString()
                + " yuan"));
      }
      int payment = idsUsed.size();
      String paymentId = nextId();
      if (taken.contains(paymentId)) {
        return Step.notPaid(a, applicationId, FundService.conflict(paymentId));
      }
      AccountRef aidPaid = AccountRef.aidPaid(county, a.fundYear(), a.householdId());
      balance.put(pool, poolBalance.minus(a.amount()));
      balance.put(aidPaid, balance.get(aidPaid).plus(a.amount()));
      paidNow.add(applicationId);
      return new Step(a, applicationId, null, payment, pool, aidPaid);
    }

    /** The caps at payment: what was paid this year, in all and for the purpose, approvals not counted. */
    private Either<Rejection, Money> withinCaps(Household h, AidApplication a) {
      Money received = balance.get(AccountRef.aidPaid(Recorder.countyOf(h.area()), a.fundYear(), h.id()));
      Money forPurpose = Money.ZERO;
      for (AidApplication listed : ofHouseholds.get(a.fundYear()).get(h.id())) {
        AidApplication now = current.getOrDefault(listed.id(), listed);
        boolean isPaid = now.state() == AidApplicationState.PAID || paidNow.contains(now.id());
        if (isPaid && now.purpose() == a.purpose()) {
          forPurpose = forPurpose.plus(now.amount());
        }
      }
      return FundRules.withinCaps(policy(h, a.fundYear()), h, a.purpose(), a.amount(), received, forPurpose);
    }

    /** The next drawn id, or a placeholder (never taken) counting one more id to draw. */
    private String nextId() {
      String id = idsUsed.size() < drawn.size() ? drawn.get(idsUsed.size()) : PLACEHOLDER;
      idsUsed.add(id);
      return id;
    }

    /** Builds the payments, the paid applications and the lines, every id the pass used being drawn. */
    void finish() {
      Map<String, AidApplication> done = new HashMap<>();
      for (Step step : steps) {
        if (step.payment() < 0) {
          lines.add(BatchLine.notPaid(step.application() != null ? step.application()
              : done.get(step.applicationId()), step.why()));
          continue;
        }
        AidApplication a = step.application();
        String paymentId = drawn.get(step.payment());
        payments.add(Transfer.builder()
            .id(paymentId)
            .kind(TransferKind.PAYMENT)
            .from(step.pool())
            .to(step.aidPaid())
            .amount(a.amount())
            .bookedOn(on)
            .recordedAt(ctx.now())
            .actorId(by.id())
            .purpose(a.purpose())
            .applicationId(a.id())
            .batchId(batchId)
            .memo(a.emergency() ? "emergency" : "")
            .build());
        AidApplication paidOne = a.withState(AidApplicationState.PAID).withVersion(a.version() + 1)
            .withPaymentId(paymentId).withBatchId(batchId);
        done.put(paidOne.id(), paidOne);
        paid.add(paidOne);
        lines.add(BatchLine.paid(paidOne));
      }
    }
  }

  /** An area and a fund year: a key built per payment without building a string. */
  private record PolicyKey(AreaCode area, int fundYear) {}

  private static Rejection wrongState(AidApplicationState state) {
    return Rejection.of("fund.wrong_state", "救助申请当前为“" + state.zh() + "”，未再发放",
        "the application is " + state.en() + " and was not paid again");
  }

  /**
   * One application's decision in a pass: paid with the pass's {@code payment}-th id (from the
   * pool to the household's account), or not paid ({@code payment} negative) for {@code why}. A
   * step without an application names one the pass paid before.
   */
  private record Step(AidApplication application, String applicationId, Rejection why, int payment, AccountRef pool,
      AccountRef aidPaid) {
    static Step notPaid(AidApplication a, String applicationId, Rejection why) {
      return new Step(a, applicationId, why, -1, null, null);
    }
  }
}
