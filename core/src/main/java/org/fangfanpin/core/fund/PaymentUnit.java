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

  /** Stands for an id a pass needs and the unit has not drawn yet; such a pass is run again. */
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
  private final Map<String, PolicyParameters> policies = new HashMap<>();

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
    // A payment id that a host's transfer already holds leaves its application unpaid, and the
    // payments after it decide on a pool and caps without it: run the unit's decisions again
    // until every id they use has been drawn and looked up. Such a clash is rare; usually one
    // pass decides, and a second pass, with the ids the first one counted drawn in one step,
    // only repeats it with the real ids.
    while (drawMissingIds(pass) || lookUpNewIds(pass.idsUsed)) {
      pass = new Pass();
      pass.run(ids);
    }
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

  /**
   * Draws, in one step, the ids the pass needed beyond those drawn before (it used placeholders
   * for them); whether it drew any. The pass's decisions stand as long as none of them is taken:
   * a placeholder is never taken, and the ids are used in the order drawn, as one by one.
   */
  private boolean drawMissingIds(Pass pass) {
    int missing = pass.idsUsed.size() - drawn.size();
    if (missing <= 0) {
      return false;
    }
    drawn.addAll(ctx.ids().next("pay", missing));
    return true;
  }

  /** Looks up the ids the pass used that were not looked up yet; whether one of them is taken. */
  private boolean lookUpNewIds(List<String> used) {
    List<String> fresh = used.stream().filter(id -> !checked.contains(id)).toList();
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
    return policies.computeIfAbsent(h.area().code() + "/" + fundYear, k -> {
      LocalDate yearEnd = LocalDate.of(fundYear, 12, 31);
      return ctx.policy(h.area(), yearEnd.isAfter(ctx.today()) ? ctx.today() : yearEnd);
    });
  }

  /** One run of the unit's decisions over what the unit read, with the ids known to be taken. */
  private final class Pass {
    final Map<String, AidApplication> current = new HashMap<>(applications);
    final Map<AccountRef, Money> balance = new HashMap<>(balances);
    final List<BatchLine> lines = new ArrayList<>();
    final List<Transfer> payments = new ArrayList<>();
    final List<AidApplication> paid = new ArrayList<>();
    final List<String> idsUsed = new ArrayList<>();

    void run(List<String> ids) {
      for (String id : ids) {
        lines.add(payOne(id));
      }
    }

    private BatchLine payOne(String applicationId) {
      AidApplication a = current.get(applicationId);
      if (a == null) {
        throw new NoSuchElementException("no aid application " + applicationId + " / 未找到救助申请");
      }
      if (a.state() != AidApplicationState.COUNTY_APPROVED) {
        return BatchLine.notPaid(a, Rejection.of("fund.wrong_state", "救助申请当前为“" + a.state().zh() + "”，未再发放",
            "the application is " + a.state().en() + " and was not paid again"));
      }
      LocalDate approvedOn = approvedOn(a);
      if (on.isBefore(approvedOn)) {
        return BatchLine.notPaid(a, Rejection.of("fund.date_out_of_order",
            "发放日期早于审定日期（" + approvedOn + "）", "the payment date lies before the approval (" + approvedOn + ")"));
      }
      Household h = households.get(a.householdId());
      if (h == null) {
        throw new NoSuchElementException("no household " + a.householdId() + " / 未找到农户");
      }
      Either<Rejection, Money> caps = withinCaps(h, a);
      if (caps.isLeft()) {
        return BatchLine.notPaid(a, caps.getLeft());
      }
      AreaCode county = Recorder.countyOf(a.area());
      AccountRef pool = AccountRef.pool(county, a.fundYear());
      Money poolBalance = balance.get(pool);
      if (poolBalance.isLessThan(a.amount())) {
        return BatchLine.notPaid(a, Rejection.of("fund.pool_insufficient",
            "资金池余额 " + poolBalance.toYuanString() + " 元不足以发放 " + a.amount().toYuanString() + " 元",
            "the pool's balance of " + poolBalance.toYuanString() + " yuan cannot pay " + a.amount().toYuanString()
                + " yuan"));
      }
      String paymentId = nextId();
      if (taken.contains(paymentId)) {
        return BatchLine.notPaid(a, FundService.conflict(paymentId));
      }
      AccountRef aidPaid = AccountRef.aidPaid(county, a.fundYear(), a.householdId());
      payments.add(Transfer.builder()
          .id(paymentId)
          .kind(TransferKind.PAYMENT)
          .from(pool)
          .to(aidPaid)
          .amount(a.amount())
          .bookedOn(on)
          .recordedAt(ctx.now())
          .actorId(by.id())
          .purpose(a.purpose())
          .applicationId(a.id())
          .batchId(batchId)
          .memo(a.emergency() ? "emergency" : "")
          .build());
      balance.put(pool, poolBalance.minus(a.amount()));
      balance.put(aidPaid, balance.get(aidPaid).plus(a.amount()));
      AidApplication done = a.withState(AidApplicationState.PAID).withVersion(a.version() + 1)
          .withPaymentId(paymentId).withBatchId(batchId);
      current.put(done.id(), done);
      paid.add(done);
      return BatchLine.paid(done);
    }

    /** The caps at payment: what was paid this year, in all and for the purpose, approvals not counted. */
    private Either<Rejection, Money> withinCaps(Household h, AidApplication a) {
      Money received = balance.get(AccountRef.aidPaid(Recorder.countyOf(h.area()), a.fundYear(), h.id()));
      Money forPurpose = Money.ZERO;
      for (AidApplication listed : ofHouseholds.get(a.fundYear()).get(h.id())) {
        AidApplication now = current.getOrDefault(listed.id(), listed);
        if (now.state() == AidApplicationState.PAID && now.purpose() == a.purpose()) {
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
  }
}
