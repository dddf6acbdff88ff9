package org.fangfanpin.core;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.core.assistance.AssistanceService;
import org.fangfanpin.core.audit.AuditService;
import org.fangfanpin.core.events.OutboxDispatcher;
import org.fangfanpin.core.exit.ExitService;
import org.fangfanpin.core.fund.FundService;
import org.fangfanpin.core.intake.IntakeService;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.reporting.ReportingService;
import org.fangfanpin.core.review.ReviewService;
import org.fangfanpin.spi.event.Notifier;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.store.IdSource;
import org.fangfanpin.spi.store.UnitOfWork;
import org.fangfanpin.spi.time.WeekdayCalendar;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * The one entry point of the library (防返贫动态监测和帮扶): a host builds it once from its ports and
 * calls the use cases it exposes. Thread-safe; every use case runs in one unit of work of the
 * wired store.
 *
 * <pre>{@code
 * FangFanPin ffp = FangFanPin.builder()
 *     .store(store).ids(ids).clock(clock)
 *     .calendar(WeekdayCalendar.of(holidays, makeUpDays))
 *     .policies(book).notifier(notifier)
 *     .build();
 * }</pre>
 */
public final class FangFanPin {

  private final CoreContext ctx;
  private final IntakeService intake;
  private final ReviewService review;
  private final ReportingService reporting;
  private final AuditService audit;
  private final AssistanceService assistance;
  private final ExitService exit;
  private final FundService fund;
  private final Optional<OutboxDispatcher> dispatcher;

  private FangFanPin(Builder b) {
    this.ctx = new CoreContext(
        Objects.requireNonNull(b.store, "store (the unit of work) is required / 必须提供存储"),
        Objects.requireNonNull(b.ids, "ids (the id source) is required / 必须提供编号来源"),
        Objects.requireNonNull(b.clock, "clock is required / 必须提供时钟"),
        b.calendar, b.policies);
    this.intake = new IntakeService(ctx);
    this.review = new ReviewService(ctx);
    this.reporting = new ReportingService(ctx);
    this.audit = new AuditService(ctx);
    this.assistance = new AssistanceService(ctx);
    this.exit = new ExitService(ctx);
    this.fund = new FundService(ctx);
    this.dispatcher = Optional.ofNullable(b.notifier).map(n -> new OutboxDispatcher(ctx.store(), n, ctx.clock()));
  }

  /** A builder; store, ids and clock are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Risk intake from the five channels. */
  public IntakeService intake() {
    return intake;
  }

  /** The tiered review of cases. */
  public ReviewService review() {
    return review;
  }

  /** Monthly reports and warning forms. */
  public ReportingService reporting() {
    return reporting;
  }

  /** The audit trail and its verification. */
  public AuditService audit() {
    return audit;
  }

  /** Assistance plans, responsible cadres, follow-ups and the grid (帮扶). */
  public AssistanceService assistance() {
    return assistance;
  }

  /** Risk elimination, the gradual exit and the elimination register. */
  public ExitService exit() {
    return exit;
  }

  /** The special fund (防返贫专项资金): money in, aid applications, batch payments, reversals, statements. */
  public FundService fund() {
    return fund;
  }

  /** The outbox dispatcher, when a notifier was wired; call it from the host's scheduler. */
  public Optional<OutboxDispatcher> dispatcher() {
    return dispatcher;
  }

  /** Builds a {@link FangFanPin} from the host's ports (构建器). */
  public static final class Builder {
    private UnitOfWork store;
    private IdSource ids;
    private Clock clock;
    private WorkingCalendar calendar = WeekdayCalendar.weekdays();
    private PolicyBook policies = PolicyBook.nationalDefaults();
    private Notifier notifier;

    private Builder() {}

    /** The store's unit of work. Required. */
    public Builder store(UnitOfWork store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Where new ids come from. Required. */
    public Builder ids(IdSource ids) {
      this.ids = Objects.requireNonNull(ids, "ids");
      return this;
    }

    /** The clock; its zone decides the day. Required. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The working calendar; weekdays without holidays unless given. */
    public Builder calendar(WorkingCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /** The policy book; the national defaults unless given. */
    public Builder policies(PolicyBook policies) {
      this.policies = Objects.requireNonNull(policies, "policies");
      return this;
    }

    /** The notifier events are delivered to; without one, events stay in the outbox. */
    public Builder notifier(Notifier notifier) {
      this.notifier = Objects.requireNonNull(notifier, "notifier");
      return this;
    }

    /** Builds the entry point. */
    public FangFanPin build() {
      return new FangFanPin(this);
    }
  }
}
