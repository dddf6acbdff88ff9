package org.fangfanpin.core.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * Counts one month's figures as the stored signals, cases and villages are fed to it, then builds
 * the {@link MonthlyReport}. A case counts in a figure when the step the figure names fell in the
 * month; where it stood at the month's end is read from its step dates. Not thread-safe: one tally
 * per report.
 */
final class MonthlyTally {

  private final AreaCode area;
  private final YearMonth month;
  private final LocalDate first;
  private final LocalDate last;
  private final BiFunction<AreaCode, LocalDate, PolicyParameters> policy;
  private final WorkingCalendar calendar;
  private final ToIntFunction<String> members;

  private final Map<Channel, Integer> signals = zeros(Channel.class);
  private final Map<MonitoringCategory, Integer> confirmedByCategory = zeros(MonitoringCategory.class);
  private final Map<RiskType, Integer> confirmedByRiskType = zeros(RiskType.class);
  private final List<OverdueStep> overdue = new ArrayList<>();
  private final Map<AreaCode, Row> returnRows = new TreeMap<>();
  private final Map<AreaCode, Row> fallRows = new TreeMap<>();
  private int opened;
  private int dismissed;
  private int emergency;

  /**
   * A tally for the area and month.
   *
   * @param policy the policy in force for a village on a day
   * @param calendar the working calendar deadlines count on
   * @param members the number of members of a household, by id, as the register has it
   */
  MonthlyTally(AreaCode area, YearMonth month, BiFunction<AreaCode, LocalDate, PolicyParameters> policy,
      WorkingCalendar calendar, ToIntFunction<String> members) {
    this.area = area;
    this.month = month;
    this.first = month.atDay(1);
    this.last = month.atEndOfMonth();
    this.policy = policy;
    this.calendar = calendar;
    this.members = members;
  }

  /** A village of the area: it gets a row on both forms even when nothing happened in it. */
  void village(AreaCode village) {
    row(WarningForm.RETURN_TO_POVERTY, village);
    row(WarningForm.FALL_INTO_POVERTY, village);
  }

  /** A signal received in the month through the channel. */
  void signal(Channel channel) {
    signals.merge(channel, 1, Integer::sum);
  }

  /** A case of the area, whatever its dates: it counts where its steps fell in the month. */
  void monitoringCase(MonitoringCase c) {
    Row row = row(WarningForm.of(c.householdStatus()), c.area());
    if (in(c.openedOn())) {
      opened++;
      row.newHouseholds++;
      row.newPersons += members.applyAsInt(c.householdId());
      for (RiskType t : AsOf.riskTypes(c, last)) {
        row.byRiskType.merge(t, 1, Integer::sum);
      }
    }
    if (c.appraisal().isPresent() && c.appraisal().get().agreed() && in(c.appraisal().get().heldOn())) {
      row.appraisalAgreed++;
    }
    if (c.verification().isPresent() && c.verification().get().upheld()
        && in(c.verification().get().verifiedOn())) {
      row.townshipUpheld++;
    }
    if (c.decision().isPresent() && c.decision().get().confirmed() && in(c.decision().get().decidedOn())) {
      CountyDecision d = c.decision().get();
      d.category().ifPresent(cat -> confirmedByCategory.merge(cat, 1, Integer::sum));
      for (RiskType t : d.riskTypes()) {
        confirmedByRiskType.merge(t, 1, Integer::sum);
      }
      row.countyConfirmed++;
    }
    if (dismissedInMonth(c)) {
      dismissed++;
      row.alertsLifted++;
    }
    if (c.emergency().isPresent() && in(c.emergency().get().approvedOn())) {
      emergency++;
    }
    if (AsOf.inRecognition(c, last)) {
      row.underReview++;
    }
    overdue.addAll(AsOf.overdue(c, last, policy, calendar));
  }

  /** The report, due on {@code dueOn}. */
  MonthlyReport report(LocalDate dueOn) {
    overdue.sort(Comparator.comparing(OverdueStep::dueOn).thenComparing(OverdueStep::caseId)
        .thenComparing(OverdueStep::kind));
    return MonthlyReport.builder()
        .area(area)
        .month(month)
        .dueOn(dueOn)
        .newSignalsByChannel(signals)
        .casesOpened(opened)
        .confirmedByCategory(confirmedByCategory)
        .confirmedByRiskType(confirmedByRiskType)
        .dismissed(dismissed)
        .emergencyCases(emergency)
        .overdueSteps(overdue)
        .returnToPovertyRows(rows(WarningForm.RETURN_TO_POVERTY, returnRows))
        .fallIntoPovertyRows(rows(WarningForm.FALL_INTO_POVERTY, fallRows))
        .build();
  }

  /** A dismissal in the month; a county decision not to confirm counts when no dismissal records it. */
  private boolean dismissedInMonth(MonitoringCase c) {
    if (c.dismissal().isPresent()) {
      return in(c.dismissal().get().on());
    }
    return c.decision().isPresent() && !c.decision().get().confirmed() && in(c.decision().get().decidedOn());
  }

  private boolean in(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  private Row row(WarningForm form, AreaCode village) {
    return (form == WarningForm.RETURN_TO_POVERTY ? returnRows : fallRows).computeIfAbsent(village, v -> new Row());
  }

  private static List<WarningFormRow> rows(WarningForm form, Map<AreaCode, Row> rows) {
    List<WarningFormRow> out = new ArrayList<>(rows.size());
    rows.forEach((village, r) -> out.add(WarningFormRow.builder()
        .form(form)
        .township(village.ancestor(AreaLevel.TOWNSHIP).getOrElse(village))
        .village(village)
        .newWarningHouseholds(r.newHouseholds)
        .newWarningPersons(r.newPersons)
        .newWarningsByRiskType(r.byRiskType)
        .appraisalAgreed(r.appraisalAgreed)
        .townshipUpheld(r.townshipUpheld)
        .countyConfirmed(r.countyConfirmed)
        .alertsLifted(r.alertsLifted)
        .underReviewAtMonthEnd(r.underReview)
        .build()));
    return out;
  }

  private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
    Map<E, Integer> m = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      m.put(e, 0);
    }
    return m;
  }

  /** One village's counters on one form. */
  private static final class Row {
    final Map<RiskType, Integer> byRiskType = zeros(RiskType.class);
    int newHouseholds;
    int newPersons;
    int appraisalAgreed;
    int townshipUpheld;
    int countyConfirmed;
    int alertsLifted;
    int underReview;
  }
}
