package org.fangfanpin.core.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * The deadlines of the tiered review (审核时限) as pure functions of the case, the policy and the
 * working calendar. A step is overdue on a day after its due day; the due day itself is in time.
 */
final class ReviewDeadlines {

  private ReviewDeadlines() {}

  /**
   * A deadline still open on a case.
   *
   * @param kind which deadline
   * @param dueOn the last day in time
   */
  record Deadline(DeadlineKind kind, LocalDate dueOn) {}

  /**
   * The township's last day: {@code townshipVerificationWorkingDays} working days after the day
   * the appraisal result reached it (the notice's closing day, not counted).
   */
  static LocalDate townshipDue(LocalDate arrivedOn, PolicyParameters policy, WorkingCalendar calendar) {
    return calendar.plusWorkingDays(arrivedOn, policy.townshipVerificationWorkingDays());
  }

  /**
   * The county decision's last day: {@code recognitionTimeLimit} calendar days after the day the
   * case opened, or that many working days when the policy counts working days.
   */
  static LocalDate recognitionDue(LocalDate openedOn, PolicyParameters policy, WorkingCalendar calendar) {
    return policy.recognitionTimeLimitCount() == DayCount.WORKING_DAYS
        ? calendar.plusWorkingDays(openedOn, policy.recognitionTimeLimit())
        : openedOn.plusDays(policy.recognitionTimeLimit());
  }

  /** The notice's closing day: the day after its last day. */
  static LocalDate noticeCloseDue(PublicNotice notice) {
    return notice.lastDay().plusDays(1);
  }

  /**
   * The deadlines the case still has to meet in its current state, each with the policy in force
   * for its village on the day the deadline started: the recognition limit while in recognition,
   * the notice's closing while it runs, the township's verification while it waits for it.
   */
  static List<Deadline> open(MonitoringCase c, PolicyLookup policy, WorkingCalendar calendar) {
    List<Deadline> open = new ArrayList<>(2);
    if (!c.state().inRecognition()) {
      return open;
    }
    open.add(new Deadline(DeadlineKind.RECOGNITION_LIMIT,
        recognitionDue(c.openedOn(), policy.on(c.area(), c.openedOn()), calendar)));
    if (c.state() == CaseState.IN_NOTICE) {
      c.notice().ifPresent(n -> open.add(new Deadline(DeadlineKind.NOTICE_CLOSE, noticeCloseDue(n))));
    }
    if (c.state() == CaseState.AWAITING_TOWNSHIP) {
      c.arrivedAtTownshipOn().ifPresent(arrived -> open.add(new Deadline(DeadlineKind.TOWNSHIP_VERIFICATION,
          townshipDue(arrived, policy.on(c.area(), arrived), calendar))));
    }
    return open;
  }

  /** The case's steps overdue on the day, in order of due day. */
  static List<OverdueStep> overdue(MonitoringCase c, LocalDate on, PolicyLookup policy, WorkingCalendar calendar) {
    List<OverdueStep> late = new ArrayList<>(1);
    for (Deadline d : open(c, policy, calendar)) {
      if (on.isAfter(d.dueOn())) {
        late.add(OverdueStep.of(c.id(), c.householdId(), c.area(), d.kind(), d.dueOn(),
            ChronoUnit.DAYS.between(d.dueOn(), on)));
      }
    }
    late.sort(Comparator.comparing(OverdueStep::dueOn));
    return late;
  }

  /**
   * The case's deadlines that fall due within {@code warningDays} of the day, the day itself
   * included: those a "deadline near" warning is raised for.
   */
  static List<Deadline> near(MonitoringCase c, LocalDate on, int warningDays, PolicyLookup policy,
      WorkingCalendar calendar) {
    List<Deadline> near = new ArrayList<>(1);
    LocalDate horizon = on.plusDays(warningDays);
    for (Deadline d : open(c, policy, calendar)) {
      if (!d.dueOn().isBefore(on) && !d.dueOn().isAfter(horizon)) {
        near.add(d);
      }
    }
    return near;
  }
}
