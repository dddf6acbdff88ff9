package org.fangfanpin.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.fangfanpin.core.review.ReviewFixtures.POLICIES;
import static org.fangfanpin.core.review.ReviewFixtures.POLICY;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_A1;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_GROUP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.time.WeekdayCalendar;
import org.fangfanpin.spi.time.WorkingCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deadlines of the review around the 2025 National Day holiday: 1–8 October off, Sunday
 * 28 September and Saturday 11 October worked instead (调休).
 */
class ReviewDeadlinesTest {

  static final WorkingCalendar CHINA_2025 = ChinaCalendar.y2025();
  static final PolicyParameters TWENTY_WORKING_DAYS = PolicyParameters.builder()
      .recognitionTimeLimit(20).recognitionTimeLimitCount(DayCount.WORKING_DAYS).build();

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** A case opened on the day, still awaiting the visit. */
  static MonitoringCase openedOn(LocalDate opened) {
    return ReviewFixtures.opened().withOpenedOn(opened);
  }

  /** A case opened on the day whose notice ran from {@code startsOn} through {@code lastDay}. */
  static MonitoringCase inNotice(LocalDate opened, LocalDate startsOn, LocalDate lastDay) {
    return openedOn(opened).withState(CaseState.IN_NOTICE)
        .withNotice(new PublicNotice(startsOn, lastDay, VILLAGE_GROUP, List.of(), Optional.empty(), Optional.empty()));
  }

  /** A case opened on the day whose notice closed, sending the result to the township, on {@code closedOn}. */
  static MonitoringCase awaitingTownship(LocalDate opened, LocalDate closedOn) {
    return openedOn(opened).withState(CaseState.AWAITING_TOWNSHIP)
        .withNotice(new PublicNotice(closedOn.minusDays(5), closedOn.minusDays(1), VILLAGE_GROUP, List.of(),
            Optional.of(closedOn), Optional.of(VILLAGE_GROUP)));
  }

  @Nested
  class TownshipVerification {

    @ParameterizedTest(name = "result arrives {0}: due {1}")
    @CsvSource({
        "2025-09-26, 2025-10-13",
        "2025-09-30, 2025-10-16",
        "2025-10-03, 2025-10-16",
        "2025-10-08, 2025-10-16",
        "2025-03-03, 2025-03-12"})
    void fallsSevenWorkingDaysAfterTheResultArrivesSkippingTheHolidayAndCountingMakeUpDays(LocalDate arrived,
        LocalDate due) {
      assertThat(ReviewDeadlines.townshipDue(arrived, POLICY, CHINA_2025)).isEqualTo(due);
    }

    @Test
    void countsTheSundayWorkedBeforeTheHoliday() {
      assertThat(CHINA_2025.isWorkingDay(day("2025-09-28"))).isTrue();
      assertThat(ReviewDeadlines.townshipDue(day("2025-09-26"), PolicyParameters.builder()
          .townshipVerificationWorkingDays(1).build(), CHINA_2025)).isEqualTo(day("2025-09-28"));
    }

    @Test
    void fallsOnPlainWeekdaysWhenTheHostLoadedNoHolidays() {
      assertThat(ReviewDeadlines.townshipDue(day("2025-09-26"), POLICY, WeekdayCalendar.weekdays()))
          .isEqualTo(day("2025-10-07"));
    }

    @Test
    void isOverdueTheDayAfterItsDueDayAndNotOnIt() {
      MonitoringCase c = awaitingTownship(day("2025-09-20"), day("2025-09-26"));

      assertThat(kinds(ReviewDeadlines.overdue(c, day("2025-10-13"), POLICIES, CHINA_2025)))
          .doesNotContain(DeadlineKind.TOWNSHIP_VERIFICATION);
      assertThat(ReviewDeadlines.overdue(c, day("2025-10-14"), POLICIES, CHINA_2025))
          .filteredOn(s -> s.kind() == DeadlineKind.TOWNSHIP_VERIFICATION)
          .singleElement().satisfies(s -> {
            assertThat(s.dueOn()).isEqualTo(day("2025-10-13"));
            assertThat(s.daysLate()).isEqualTo(1);
            assertThat(s.caseId()).isEqualTo(c.id());
            assertThat(s.householdId()).isEqualTo(c.householdId());
            assertThat(s.village()).isEqualTo(VILLAGE_A1);
          });
    }

    @Test
    void readsThePolicyInForceOnTheDayTheResultArrived() {
      List<LocalDate> asked = new ArrayList<>();
      PolicyLookup recording = (area, d) -> {
        asked.add(d);
        return POLICY;
      };

      ReviewDeadlines.open(awaitingTownship(day("2025-09-20"), day("2025-09-26")), recording, CHINA_2025);
      assertThat(asked).containsExactly(day("2025-09-20"), day("2025-09-26"));
    }
  }

  @Nested
  class RecognitionLimit {

    @Test
    void fallsFifteenCalendarDaysAfterTheCaseOpenedHolidayOrNot() {
      assertThat(ReviewDeadlines.recognitionDue(day("2025-09-25"), POLICY, CHINA_2025)).isEqualTo(day("2025-10-10"));
      assertThat(ReviewDeadlines.recognitionDue(day("2025-09-27"), POLICY, CHINA_2025)).isEqualTo(day("2025-10-12"));
    }

    @Test
    void countsWorkingDaysWhereTheProvinceSaysSo() {
      assertThat(ReviewDeadlines.recognitionDue(day("2025-09-22"), TWENTY_WORKING_DAYS, CHINA_2025))
          .isEqualTo(day("2025-10-24"));
      assertThat(ReviewDeadlines.recognitionDue(day("2025-09-22"), TWENTY_WORKING_DAYS, WeekdayCalendar.weekdays()))
          .isEqualTo(day("2025-10-20"));
    }

    @Test
    void makesACaseStillInRecognitionAfterThatDayOverdue() {
      MonitoringCase c = openedOn(day("2025-09-25"));

      assertThat(ReviewDeadlines.overdue(c, day("2025-10-10"), POLICIES, CHINA_2025)).isEmpty();
      assertThat(ReviewDeadlines.overdue(c, day("2025-10-13"), POLICIES, CHINA_2025)).singleElement()
          .satisfies(s -> {
            assertThat(s.kind()).isEqualTo(DeadlineKind.RECOGNITION_LIMIT);
            assertThat(s.dueOn()).isEqualTo(day("2025-10-10"));
            assertThat(s.daysLate()).isEqualTo(3);
          });
    }

    @Test
    void neverMakesADecidedOrDismissedCaseOverdue() {
      LocalDate muchLater = day("2025-12-31");

      assertThat(ReviewDeadlines.overdue(ReviewFixtures.confirmed(), muchLater, POLICIES, CHINA_2025)).isEmpty();
      assertThat(ReviewDeadlines.overdue(ReviewFixtures.dismissed(), muchLater, POLICIES, CHINA_2025)).isEmpty();
      assertThat(ReviewDeadlines.open(ReviewFixtures.confirmed(), POLICIES, CHINA_2025)).isEmpty();
    }

    @Test
    void keepsRunningOnTheEmergencyPath() {
      MonitoringCase c = openedOn(day("2025-09-25")).withEmergency(ReviewFixtures.emergency(day("2025-09-25")));

      assertThat(kinds(ReviewDeadlines.overdue(c, day("2025-10-11"), POLICIES, CHINA_2025)))
          .containsExactly(DeadlineKind.RECOGNITION_LIMIT);
    }
  }

  @Nested
  class NoticeClosing {

    @Test
    void isOverdueWhenTheNoticeIsNotClosedTheDayAfterItsLastDay() {
      MonitoringCase c = inNotice(day("2025-10-09"), day("2025-10-09"), day("2025-10-13"));

      assertThat(kinds(ReviewDeadlines.overdue(c, day("2025-10-14"), POLICIES, CHINA_2025))).isEmpty();
      assertThat(ReviewDeadlines.overdue(c, day("2025-10-15"), POLICIES, CHINA_2025)).singleElement()
          .satisfies(s -> {
            assertThat(s.kind()).isEqualTo(DeadlineKind.NOTICE_CLOSE);
            assertThat(s.dueOn()).isEqualTo(day("2025-10-14"));
            assertThat(s.daysLate()).isEqualTo(1);
          });
    }

    @Test
    void listsEveryOverdueStepOfACaseByDueDay() {
      MonitoringCase c = inNotice(day("2025-09-01"), day("2025-09-20"), day("2025-09-24"));

      assertThat(ReviewDeadlines.overdue(c, day("2025-10-09"), POLICIES, CHINA_2025))
          .extracting(OverdueStep::kind, OverdueStep::dueOn)
          .containsExactly(
              tuple(DeadlineKind.RECOGNITION_LIMIT, day("2025-09-16")),
              tuple(DeadlineKind.NOTICE_CLOSE, day("2025-09-25")));
    }
  }

  @Nested
  class Warnings {

    @Test
    void warnFromTheWarningDaysBeforeThroughTheDueDay() {
      MonitoringCase c = awaitingTownship(day("2025-10-09"), day("2025-09-26"));

      assertThat(kinds(ReviewDeadlines.near(c, day("2025-10-10"), 2, POLICIES, CHINA_2025))).isEmpty();
      assertThat(kinds(ReviewDeadlines.near(c, day("2025-10-11"), 2, POLICIES, CHINA_2025)))
          .containsExactly(DeadlineKind.TOWNSHIP_VERIFICATION);
      assertThat(kinds(ReviewDeadlines.near(c, day("2025-10-13"), 2, POLICIES, CHINA_2025)))
          .containsExactly(DeadlineKind.TOWNSHIP_VERIFICATION);
      assertThat(kinds(ReviewDeadlines.near(c, day("2025-10-14"), 2, POLICIES, CHINA_2025))).isEmpty();
      assertThat(kinds(ReviewDeadlines.near(c, day("2025-10-13"), 0, POLICIES, CHINA_2025)))
          .containsExactly(DeadlineKind.TOWNSHIP_VERIFICATION);
    }
  }

  @Test
  void namesEveryKindWithAStableLowerCaseCode() {
    assertThat(DeadlineKind.TOWNSHIP_VERIFICATION.code()).isEqualTo("township_verification");
    assertThat(DeadlineKind.RECOGNITION_LIMIT.code()).isEqualTo("recognition_limit");
    assertThat(DeadlineKind.NOTICE_CLOSE.code()).isEqualTo("notice_close");
  }

  static List<DeadlineKind> kinds(List<?> steps) {
    List<DeadlineKind> kinds = new ArrayList<>();
    for (Object o : steps) {
      kinds.add(o instanceof OverdueStep s ? s.kind() : ((ReviewDeadlines.Deadline) o).kind());
    }
    return kinds;
  }
}
