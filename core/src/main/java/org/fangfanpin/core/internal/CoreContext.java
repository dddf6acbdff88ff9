package org.fangfanpin.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.store.IdSource;
import org.fangfanpin.spi.store.UnitOfWork;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * The ports a host wired into {@code FangFanPin}, shared by every use case. Not API.
 *
 * @param store the unit of work
 * @param ids the id source
 * @param clock the clock; its zone decides what "today" is
 * @param calendar the working calendar
 * @param policies the policy book
 */
public record CoreContext(UnitOfWork store, IdSource ids, Clock clock, WorkingCalendar calendar,
    PolicyBook policies) {

  /** Checks presence. */
  public CoreContext {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(policies, "policies");
  }

  /** The current instant, from the injected clock. */
  public Instant now() {
    return clock.instant();
  }

  /** Today in the clock's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }

  /** The day of an instant in the clock's zone. */
  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, clock.getZone());
  }

  /**
   * The policy in force for the area on the day. A host whose policy book does not cover one of
   * its areas has a configuration fault, reported as such.
   */
  public PolicyParameters policy(AreaCode area, LocalDate day) {
    return policies.resolve(area, day).getOrElseThrow(() -> new IllegalStateException(
        "no policy covers area " + area + " on " + day + " / 政策参数未覆盖该地区和日期"));
  }
}
