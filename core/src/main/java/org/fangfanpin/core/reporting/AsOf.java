package org.fangfanpin.core.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.fangfanpin.core.review.DeadlineKind;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * A case as it stood at the end of a given day (截至某日的案件状态), read from the dates of its steps
 * rather than from its current state: a case verified on the 3rd of the next month was still
 * awaiting the township at the month's end. Pure functions.
 */
final class AsOf {

  private AsOf() {}

  /** Whether the case had been opened by the day. */
  static boolean opened(MonitoringCase c, LocalDate day) {
    return !c.openedOn().isAfter(day);
  }

  /** Whether the county had decided or the case had been dismissed by the day. */
  static boolean ended(MonitoringCase c, LocalDate day) {
    return c.decision().map(d -> !d.decidedOn().isAfter(day)).orElse(false)
        || c.dismissal().map(d -> !d.on().isAfter(day)).orElse(false);
  }

  /** Whether the case was in recognition (认定中) at the end of the day. */
  static boolean inRecognition(MonitoringCase c, LocalDate day) {
    return opened(c, day) && !ended(c, day);
  }

  /**
   * The case's causes at the end of the day: the county's once it had confirmed, else those the
   * signals received by then named.
   */
  static Set<RiskType> riskTypes(MonitoringCase c, LocalDate day) {
    if (c.decision().isPresent()) {
      CountyDecision d = c.decision().get();
      if (d.confirmed() && !d.decidedOn().isAfter(day)) {
        return d.riskTypes();
      }
    }
    Set<RiskType> types = EnumSet.noneOf(RiskType.class);
    for (SignalRef s : c.signals()) {
      if (!s.receivedOn().isAfter(day)) {
        types.addAll(s.riskTypes());
      }
    }
    return types;
  }

  /**
   * The review steps of the case overdue at the end of the day, by due day: the recognition limit
   * while in recognition, the notice's closing while it ran, the township's verification while the
   * result waited for it. A step is overdue on a day after its due day. Each deadline takes the
   * policy in force for the village on the day the deadline started.
   */
  static List<OverdueStep> overdue(MonitoringCase c, LocalDate day,
      BiFunction<AreaCode, LocalDate, PolicyParameters> policy, WorkingCalendar calendar) {
    List<OverdueStep> late = new ArrayList<>(1);
    if (!inRecognition(c, day)) {
      return late;
    }
    PolicyParameters atOpening = policy.apply(c.area(), c.openedOn());
    LocalDate recognitionDue = atOpening.recognitionTimeLimitCount() == DayCount.WORKING_DAYS
        ? calendar.plusWorkingDays(c.openedOn(), atOpening.recognitionTimeLimit())
        : c.openedOn().plusDays(atOpening.recognitionTimeLimit());
    addIfLate(late, c, DeadlineKind.RECOGNITION_LIMIT, recognitionDue, day);
    if (c.notice().isPresent()) {
      PublicNotice n = c.notice().get();
      boolean closed = n.closedOn().map(on -> !on.isAfter(day)).orElse(false);
      if (!n.startsOn().isAfter(day) && !closed) {
        addIfLate(late, c, DeadlineKind.NOTICE_CLOSE, n.lastDay().plusDays(1), day);
      } else if (closed) {
        LocalDate arrived = n.closedOn().get();
        boolean verified = c.verification().map(v -> !v.verifiedOn().isAfter(day)).orElse(false);
        if (!verified) {
          LocalDate due = calendar.plusWorkingDays(arrived,
              policy.apply(c.area(), arrived).townshipVerificationWorkingDays());
          addIfLate(late, c, DeadlineKind.TOWNSHIP_VERIFICATION, due, day);
        }
      }
    }
    late.sort(Comparator.comparing(OverdueStep::dueOn));
    return late;
  }

  private static void addIfLate(List<OverdueStep> late, MonitoringCase c, DeadlineKind kind, LocalDate due,
      LocalDate day) {
    if (day.isAfter(due)) {
      late.add(OverdueStep.of(c.id(), c.householdId(), c.area(), kind, due, ChronoUnit.DAYS.between(due, day)));
    }
  }
}
