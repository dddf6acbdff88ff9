package org.fangfanpin.core.fund;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.StoreSession;

/**
 * The special fund's use cases (防返贫专项资金): money in (appropriation, donation), aid applications
 * through the village, township and county, payment in batches (批次) under the caps, reversals
 * (冲正) and the fund statement. Every posting decides on balances read for update in the same
 * unit of work as the posting, so caps and the pool hold when requests race.
 */
public final class FundService {

  private static final int MAX_TEXT = 500;
  /**
   * Payments of a batch per unit of work: enough that a database store commits (and syncs) once
   * for many payments, few enough that a retried unit of work redoes little.
   */
  static final int PAYMENTS_PER_UNIT = 256;
  /** The longest transfer id a transfer accepts. */
  private static final int MAX_TRANSFER_ID = 64;
  /** The fund years an account may belong to. */
  private static final int MIN_FUND_YEAR = 2000;
  private static final int MAX_FUND_YEAR = 2999;

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public FundService(CoreContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Books fiscal money into the county's pool (财政拨入). The transfer id is the host's voucher
   * number: the same id with the same content returns the original transfer.
   */
  public Either<Rejection, Transfer> appropriate(String transferId, AreaCode county, int fundYear, Money amount,
      LocalDate on, Actor by, String memo) {
    return moneyIn(TransferKind.APPROPRIATION, transferId, county, fundYear, amount, on, by, memo);
  }

  /** Books a donation into the county's pool (社会捐助), idempotent like {@link #appropriate}. */
  public Either<Rejection, Transfer> donate(String transferId, AreaCode county, int fundYear, Money amount,
      LocalDate on, Actor by, String memo) {
    return moneyIn(TransferKind.DONATION, transferId, county, fundYear, amount, on, by, memo);
  }

  private Either<Rejection, Transfer> moneyIn(TransferKind kind, String transferId, AreaCode county, int fundYear,
      Money amount, LocalDate on, Actor by, String memo) {
    Optional<Rejection> wrong = countyOfficer(by, county).or(() -> transferId(transferId))
        .or(() -> fundYear(fundYear)).or(() -> positive(amount)).or(() -> text("memo", memo))
        .or(() -> notFuture(on));
    if (wrong.isPresent()) {
      return Either.left(wrong.get());
    }
    AccountRef source = kind == TransferKind.APPROPRIATION
        ? AccountRef.appropriation(county, fundYear) : AccountRef.donation(county, fundYear);
    Transfer t = Transfer.builder().id(transferId).kind(kind).from(source).to(AccountRef.pool(county, fundYear))
        .amount(amount).bookedOn(on).recordedAt(ctx.now()).actorId(by.id()).memo(memo).build();
    return Transactions.write(ctx.store(), s -> post(s, t, by, county));
  }

  /** Takes down a household's application (个人申请): it must list the general policies it receives. */
  public Either<Rejection, AidApplication> apply(AidRequest request) {
    Actor by = request.applicant();
    if (by.role() != Role.HOUSEHOLD && by.role() != Role.VILLAGE_WORKING_GROUP) {
      return Either.left(Rejections.roleNotAllowed(by, "提出救助申请", "apply for aid"));
    }
    if (request.generalPoliciesReceived().isEmpty()
        || request.generalPoliciesReceived().stream().anyMatch(String::isBlank)) {
      return Either.left(Rejection.of("fund.no_general_policy",
          "申请须列明已享受的基本政策（基本医疗、产业就业、教育救助等）：专项资金只在其后救助",
          "the application must list the general policies the household already receives: the fund only pays after them"));
    }
    Optional<Rejection> wrong = positive(request.amount()).or(() -> notFuture(request.appliedOn()));
    if (wrong.isPresent()) {
      return Either.left(wrong.get());
    }
    int year = request.appliedOn().getYear();
    return Transactions.write(ctx.store(), s -> {
      Optional<Household> household = s.households().find(request.householdId());
      if (household.isEmpty()) {
        return Either.left(Rejections.householdNotFound(request.householdId()));
      }
      Household h = household.get();
      if (!by.covers(h.area())) {
        return Either.left(Rejections.outsideJurisdiction(by));
      }
      var monitoring = s.cases().openOf(h.id());
      if (monitoring.isEmpty()) {
        return Either.<Rejection, AidApplication>left(Rejection.of("fund.not_monitored",
            "该户不是防返贫监测对象，不能申请专项资金", "the household is not monitored and may not apply to the fund"));
      }
      Either<Rejection, Money> caps = withinCaps(s, h, year, request.purpose(), request.amount(), true);
      if (caps.isLeft()) {
        return Either.<Rejection, AidApplication>left(caps.getLeft());
      }
      AidApplication a = AidApplication.builder()
          .id(ctx.ids().next("aid"))
          .householdId(h.id())
          .area(h.area())
          .caseId(monitoring.get().id())
          .fundYear(year)
          .purpose(request.purpose())
          .amount(request.amount())
          .generalPoliciesReceived(request.generalPoliciesReceived())
          .emergency(false)
          .state(AidApplicationState.APPLIED)
          .version(1)
          .appliedOn(request.appliedOn())
          .build();
      s.aidApplications().insert(a);
      Recorder.audit(s, h.area(), ctx.now(), by, "fund.apply", a.id(), Optional.empty(), a.state().name());
      return Either.<Rejection, AidApplication>right(a);
    });
  }

  /** The village studies the application (村社研究). */
  public Either<Rejection, AidApplication> villageStudy(String applicationId, AidStep step) {
    return tier(applicationId, step, AidApplicationState.APPLIED, AidApplicationState.VILLAGE_STUDIED,
        EnumSet.of(Role.VILLAGE_WORKING_GROUP), "fund.village_study", "研究救助申请", "study an aid application");
  }

  /** The township reviews it (镇办审核). */
  public Either<Rejection, AidApplication> townshipReview(String applicationId, AidStep step) {
    return tier(applicationId, step, AidApplicationState.VILLAGE_STUDIED, AidApplicationState.TOWNSHIP_REVIEWED,
        EnumSet.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD), "fund.township_review", "审核救助申请",
        "review an aid application");
  }

  /** The county approves it (县级审定), within the caps counting what is approved but not paid. */
  public Either<Rejection, AidApplication> countyApprove(String applicationId, AidStep step) {
    return tier(applicationId, step, AidApplicationState.TOWNSHIP_REVIEWED, AidApplicationState.COUNTY_APPROVED,
        EnumSet.of(Role.COUNTY_OFFICE), "fund.county_approval", "审定救助申请", "approve an aid application");
  }

  private Either<Rejection, AidApplication> tier(String applicationId, AidStep step, AidApplicationState from,
      AidApplicationState to, Set<Role> roles, String action, String actionZh, String actionEn) {
    Actor by = step.by();
    if (!roles.contains(by.role())) {
      return Either.left(Rejections.roleNotAllowed(by, actionZh, actionEn));
    }
    Optional<Rejection> wrong = text("note", step.note()).or(() -> notFuture(step.on()));
    if (wrong.isPresent()) {
      return Either.left(wrong.get());
    }
    return Transactions.write(ctx.store(), s -> {
      Optional<AidApplication> found = s.aidApplications().find(applicationId);
      if (found.isEmpty()) {
        return Either.<Rejection, AidApplication>left(Rejection.of("fund.application_not_found",
            "未找到救助申请 " + applicationId, "no aid application " + applicationId));
      }
      AidApplication a = found.get();
      if (a.state() != from) {
        return Either.<Rejection, AidApplication>left(Rejection.of("fund.wrong_state",
            "救助申请当前为“" + a.state().zh() + "”，不能" + actionZh,
            "the application is " + a.state().en() + "; cannot " + actionEn));
      }
      if (!by.covers(a.area())) {
        return Either.<Rejection, AidApplication>left(Rejections.outsideJurisdiction(by));
      }
      boolean actedBefore = Stream.of(a.village(), a.township()).flatMap(Optional::stream)
          .anyMatch(earlier -> earlier.by().id().equals(by.id()));
      if (actedBefore) {
        return Either.<Rejection, AidApplication>left(Rejections.sameActor(by));
      }
      LocalDate previous = Stream.of(a.village(), a.township()).flatMap(Optional::stream).map(AidStep::on)
          .max(LocalDate::compareTo).orElse(a.appliedOn());
      if (step.on().isBefore(previous)) {
        return Either.<Rejection, AidApplication>left(Rejection.of("fund.date_out_of_order",
            "日期早于上一环节（" + previous + "）", "the date lies before the previous step (" + previous + ")"));
      }
      AidApplicationState next = step.passed() ? to : AidApplicationState.REFUSED;
      if (step.passed() && to == AidApplicationState.COUNTY_APPROVED) {
        Household h = s.households().find(a.householdId()).orElseThrow();
        Either<Rejection, Money> caps = withinCaps(s, h, a.fundYear(), a.purpose(), a.amount(), true);
        if (caps.isLeft()) {
          return Either.<Rejection, AidApplication>left(caps.getLeft());
        }
      }
      AidApplication.Builder b = AidApplication.builder().from(a).state(next).version(a.version() + 1);
      switch (to) {
        case VILLAGE_STUDIED -> b.village(step);
        case TOWNSHIP_REVIEWED -> b.township(step);
        default -> b.county(step);
      }
      AidApplication updated = b.build();
      s.aidApplications().update(updated);
      Recorder.audit(s, a.area(), ctx.now(), by, action, a.id(), Optional.of(a.state().name()), next.name());
      return Either.<Rejection, AidApplication>right(updated);
    });
  }

  /**
   * Pays every application of the county's fund year approved and not yet paid, in one batch
   * (统一救助). Payments run {@value #PAYMENTS_PER_UNIT} to a unit of work, one after the other,
   * each deciding on what the ones before it stored: one that would break a cap or empty the pool
   * is left approved and listed as not paid, the others go through. Should a unit of work fail,
   * none of its payments is stored; one that failed transiently runs again whole. Paying the same batch again
   * pays only what is still unpaid. A payment's transfer id comes from the id source (namespace
   * {@code pay}); should a host's voucher number already hold it, that application stays approved
   * for the next batch rather than failing this one.
   */
  public Either<Rejection, BatchStatement> payBatch(String batchId, AreaCode county, int fundYear, LocalDate on,
      Actor by) {
    Optional<Rejection> wrong = countyOfficer(by, county).or(() -> fundYear(fundYear)).or(() -> notFuture(on))
        .or(() -> batchId.isBlank() || batchId.length() > 48
            ? Optional.of(Rejections.invalid("batch_id", "fund.batch_id_length", "批次号不能为空且不超过 48 个字符",
                "batch id must not be blank and at most 48 characters"))
            : Optional.empty());
    if (wrong.isPresent()) {
      return Either.left(wrong.get());
    }
    List<String> approved = ctx.store().read(
        s -> s.aidApplications().idsInArea(county, fundYear, AidApplicationState.COUNTY_APPROVED));
    List<BatchLine> lines = Transactions.writeInUnits(ctx.store(), approved, PAYMENTS_PER_UNIT,
        (s, unit) -> new PaymentUnit(ctx, s, batchId, on, by).pay(unit));
    return Either.right(BatchStatement.of(batchId, county, fundYear, on, lines));
  }

  /**
   * Reverses a transfer in full (冲正): a new transfer with the accounts swapped that names the
   * original. A payment's application becomes reversed, and its amount counts against no cap any
   * more. Money in can be reversed only while the pool still holds it.
   */
  public Either<Rejection, Transfer> reverse(String reversalId, String originalId, LocalDate on, Actor by,
      String reason) {
    Optional<Rejection> wrong = transferId(reversalId).or(() -> text("reason", reason)).or(() -> notFuture(on))
        .or(() -> reason.isBlank() ? Optional.of(Rejections.invalid("reason", "fund.reason_missing",
            "冲正须说明原因", "a reversal needs a reason")) : Optional.empty());
    if (wrong.isPresent()) {
      return Either.left(wrong.get());
    }
    return Transactions.write(ctx.store(), s -> {
      Optional<Transfer> found = s.ledger().find(originalId);
      if (found.isEmpty()) {
        return Either.<Rejection, Transfer>left(Rejection.of("fund.transfer_not_found",
            "未找到转账 " + originalId, "no transfer " + originalId));
      }
      Transfer original = found.get();
      Optional<Rejection> notOfficer = countyOfficer(by, original.county());
      if (notOfficer.isPresent()) {
        return Either.<Rejection, Transfer>left(notOfficer.get());
      }
      if (original.kind() == TransferKind.REVERSAL) {
        return Either.<Rejection, Transfer>left(Rejection.of("fund.reverse_reversal",
            "冲正记录不能再冲正", "a reversal cannot itself be reversed"));
      }
      Transfer reversal = Transfer.builder()
          .id(reversalId)
          .kind(TransferKind.REVERSAL)
          .from(original.to())
          .to(original.from())
          .amount(original.amount())
          .bookedOn(on)
          .recordedAt(ctx.now())
          .actorId(by.id())
          .purpose(original.purpose())
          .applicationId(original.applicationId())
          .reverses(original.id())
          .memo(reason)
          .build();
      Optional<Transfer> same = s.ledger().find(reversalId);
      if (same.isPresent()) {
        return same.get().sameContent(reversal) ? Either.<Rejection, Transfer>right(same.get())
            : Either.<Rejection, Transfer>left(conflict(reversalId));
      }
      if (s.ledger().reversalOf(original.id()).isPresent()) {
        return Either.<Rejection, Transfer>left(Rejection.of("fund.already_reversed",
            "转账 " + original.id() + " 已冲正", "transfer " + original.id() + " is already reversed"));
      }
      if (on.isBefore(original.bookedOn())) {
        return Either.<Rejection, Transfer>left(Rejection.of("fund.date_out_of_order",
            "冲正日期早于原转账日期（" + original.bookedOn() + "）",
            "the reversal's date lies before the original's (" + original.bookedOn() + ")"));
      }
      Money fromBalance = s.ledger().balanceForUpdate(reversal.from());
      if (!reversal.from().kind().isSource() && fromBalance.isLessThan(reversal.amount())) {
        return Either.<Rejection, Transfer>left(Rejection.of("fund.pool_insufficient",
            "账户余额 " + fromBalance.toYuanString() + " 元不足以冲正 " + reversal.amount().toYuanString() + " 元",
            "the account's balance of " + fromBalance.toYuanString() + " yuan cannot cover the reversal of "
                + reversal.amount().toYuanString() + " yuan"));
      }
      s.ledger().post(reversal);
      AreaCode area = original.county();
      if (original.applicationId().isPresent()) {
        AidApplication a = s.aidApplications().find(original.applicationId().get()).orElseThrow();
        AidApplication reversed = a.withState(AidApplicationState.REVERSED).withVersion(a.version() + 1)
            .withReversalId(reversal.id());
        s.aidApplications().update(reversed);
        area = a.area();
      }
      Recorder.audit(s, area, ctx.now(), by, "fund.reversal", original.id(), Optional.of("POSTED"), "REVERSED");
      return Either.<Rejection, Transfer>right(reversal);
    });
  }

  /** The fund statement of a county's fund year (资金使用情况表). */
  public FundStatement statement(AreaCode county, int fundYear) {
    return ctx.store().read(s -> {
      try (Stream<Transfer> transfers = s.ledger().transfers(county, fundYear);
          Stream<AidApplication> applications = s.aidApplications().inArea(county, fundYear)) {
        return FundStatement.of(county, fundYear, transfers.toList(), applications.toList(),
            s.ledger().balance(AccountRef.pool(county, fundYear)));
      }
    });
  }

  /**
   * The application for the aid a township head approved first on the emergency path (遇困即扶):
   * already approved, marked as emergency, paid in the next batch under the same caps as any
   * other. Stored by the review in the unit of work of the approval.
   */
  public static AidApplication emergencyApplication(String id, MonitoringCase c, EmergencyApproval approval) {
    return AidApplication.builder()
        .id(id)
        .householdId(c.householdId())
        .area(c.area())
        .caseId(c.id())
        .fundYear(approval.approvedOn().getYear())
        .purpose(AidPurpose.GENERAL)
        .amount(approval.amount())
        .generalPoliciesReceived(List.of("遇困即扶：先行救助，认定随后进行 / emergency path: aid first, recognition follows"))
        .emergency(true)
        .state(AidApplicationState.COUNTY_APPROVED)
        .version(1)
        .appliedOn(approval.approvedOn())
        .township(new AidStep(approval.approvedOn(), approval.by(), true, approval.reason()))
        .build();
  }

  /** The application with the id. */
  public Optional<AidApplication> application(String applicationId) {
    return ctx.store().read(s -> s.aidApplications().find(applicationId));
  }

  private Either<Rejection, Money> withinCaps(StoreSession s, Household h, int fundYear, AidPurpose purpose,
      Money amount, boolean countApproved) {
    AreaCode county = Recorder.countyOf(h.area());
    Money received = s.ledger().balanceForUpdate(AccountRef.aidPaid(county, fundYear, h.id()));
    Money forPurpose = Money.ZERO;
    for (AidApplication a : s.aidApplications().ofHousehold(h.id(), fundYear)) {
      boolean counts = a.state() == AidApplicationState.PAID
          || countApproved && a.state() == AidApplicationState.COUNTY_APPROVED;
      if (counts && a.purpose() == purpose) {
        forPurpose = forPurpose.plus(a.amount());
      }
      if (countApproved && a.state() == AidApplicationState.COUNTY_APPROVED) {
        received = received.plus(a.amount());
      }
    }
    PolicyParameters policy = ctx.policy(h.area(), LocalDate.of(fundYear, 12, 31).isAfter(ctx.today())
        ? ctx.today() : LocalDate.of(fundYear, 12, 31));
    return FundRules.withinCaps(policy, h, purpose, amount, received, forPurpose);
  }

  private Either<Rejection, Transfer> post(StoreSession s, Transfer t, Actor by, AreaCode county) {
    Optional<Transfer> existing = s.ledger().find(t.id());
    if (existing.isPresent()) {
      return existing.get().sameContent(t) ? Either.right(existing.get()) : Either.left(conflict(t.id()));
    }
    s.ledger().post(t);
    Recorder.audit(s, county, ctx.now(), by, "fund." + t.kind().name().toLowerCase(java.util.Locale.ROOT), t.id(),
        Optional.empty(), "POSTED");
    return Either.right(t);
  }

  static Rejection conflict(String id) {
    return Rejection.of("fund.transfer_conflict", "转账编号 " + id + " 已用于内容不同的转账",
        "transfer id " + id + " is already used by a transfer with other content");
  }

  private static Optional<Rejection> countyOfficer(Actor by, AreaCode county) {
    if (county.level() != AreaLevel.COUNTY) {
      return Optional.of(Rejections.invalid("county", "fund.not_a_county", "资金按县管理，" + county + " 不是县级区划",
          "the fund is kept per county; " + county + " is not a county"));
    }
    if (by.role() != Role.COUNTY_OFFICE) {
      return Optional.of(Rejections.roleNotAllowed(by, "办理专项资金", "handle the special fund"));
    }
    return by.covers(county) ? Optional.empty() : Optional.of(Rejections.outsideJurisdiction(by));
  }

  private static Optional<Rejection> transferId(String id) {
    return !id.isBlank() && id.length() <= MAX_TRANSFER_ID ? Optional.empty()
        : Optional.of(Rejections.invalid("transfer_id", "fund.transfer_id_length",
            "转账编号不能为空且不超过 " + MAX_TRANSFER_ID + " 个字符",
            "transfer id must not be blank and at most " + MAX_TRANSFER_ID + " characters"));
  }

  private static Optional<Rejection> fundYear(int year) {
    return year >= MIN_FUND_YEAR && year <= MAX_FUND_YEAR ? Optional.empty()
        : Optional.of(Rejections.invalid("fund_year", "fund.fund_year_out_of_range",
            "资金年度须在 " + MIN_FUND_YEAR + "–" + MAX_FUND_YEAR + " 之间",
            "the fund year must lie between " + MIN_FUND_YEAR + " and " + MAX_FUND_YEAR));
  }

  private static Optional<Rejection> positive(Money amount) {
    return amount.isGreaterThan(Money.ZERO) ? Optional.empty()
        : Optional.of(Rejections.invalid("amount", "fund.amount_not_positive", "金额必须大于 0",
            "the amount must be greater than 0"));
  }

  private static Optional<Rejection> text(String field, String value) {
    return value.length() <= MAX_TEXT ? Optional.empty()
        : Optional.of(Rejections.invalid(field, "input.too_long", "不超过 " + MAX_TEXT + " 个字符",
            "must be at most " + MAX_TEXT + " characters"));
  }

  private Optional<Rejection> notFuture(LocalDate day) {
    return day.isAfter(ctx.today())
        ? Optional.of(Rejections.invalid("date", "input.date_in_future", "日期 " + day + " 晚于今天",
            "the date " + day + " lies after today"))
        : Optional.empty();
  }
}
