package org.fangfanpin.core.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;

/** Builds reports from the stored cases and signals (统计报表). */
public final class ReportingService {

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public ReportingService(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  /**
   * The monthly report (月度报告) of a township or county: what happened in the month, the steps
   * overdue at its end, the zero report when nothing is new, the day it is due (the policy's
   * report day of the next month, 001: the 5th), and one row per village of the area on each of
   * the two warning forms of seed 001. Read in one session, so every figure sees the same state.
   *
   * @throws IllegalArgumentException when the area is not a township or county
   */
  public MonthlyReport monthly(AreaCode area, YearMonth month) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(month, "month");
    if (area.level() != AreaLevel.TOWNSHIP && area.level() != AreaLevel.COUNTY) {
      throw new IllegalArgumentException("monthly reports are made for a township or a county; " + area
          + " is a " + area.level() + " / 月度报告只按乡镇或县汇总");
    }
    LocalDate first = month.atDay(1);
    LocalDate last = month.atEndOfMonth();
    LocalDate dueOn = month.plusMonths(1).atDay(ctx.policy(area, last).monthlyReportDay());
    return ctx.store().read(s -> {
      Map<String, Integer> members = new HashMap<>();
      MonthlyTally tally = new MonthlyTally(area, month, ctx::policy, ctx.calendar(),
          id -> members.getOrDefault(id, 0));
      try (Stream<Household> households = s.households().inArea(area)) {
        households.forEach(h -> {
          members.put(h.id(), h.memberCount());
          tally.village(h.area());
        });
      }
      try (Stream<StoredSignal> signals = s.signals().receivedIn(area, first, last)) {
        signals.forEach(sig -> tally.signal(sig.signal().channel()));
      }
      try (Stream<MonitoringCase> cases = s.cases().inArea(area)) {
        cases.forEach(tally::monitoringCase);
      }
      return tally.report(dueOn);
    });
  }
}
