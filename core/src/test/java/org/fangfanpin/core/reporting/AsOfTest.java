package org.fangfanpin.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.review.DeadlineKind;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.time.WorkingCalendar;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A case as it stood at the end of a day, read from its step dates: the overdue steps and causes a
 * report shows for a month's last day even when the case moved on since.
 */
class AsOfTest {

  static final PolicyParameters DEFAULTS = PolicyParameters.builder().build();
  static final WorkingCalendar CALENDAR = ChinaCalendar.y2025();
  static final LocalDate MARCH_END = LocalDate.of(2025, 3, 31);

  /** A case opened on the day, awaiting the village visit. */
  static MonitoringCase opened(LocalDate on) {
    return MonitoringCase.builder().id("c1").householdId("H1").area(TestCounty.VILLAGE_A1)
        .householdStatus(HouseholdStatus.LIFTED).state(CaseState.AWAITING_VISIT).version(1).openedOn(on)
        .signals(List.of(new SignalRef(Channel.GRID_SCREENING, "g1", on, on, Set.of(RiskType.ILLNESS))))
        .riskTypes(Set.of(RiskType.ILLNESS)).build();
  }

  static PublicNotice notice(LocalDate starts, LocalDate lastDay, Optional<LocalDate> closedOn) {
    return new PublicNotice(starts, lastDay, TestCounty.VILLAGE_GROUP_A1, List.of(), closedOn,
        closedOn.map(d -> TestCounty.VILLAGE_GROUP_A1));
  }

  static List<OverdueStep> overdue(MonitoringCase c, LocalDate day) {
    return AsOf.overdue(c, day, (area, d) -> DEFAULTS, CALENDAR);
  }

  @Nested
  class TownshipVerificationDeadline {

    /** Closed on Friday 14 March: seven working days run to Tuesday 25 March. */
    final MonitoringCase awaitingTownship = opened(LocalDate.of(2025, 3, 12))
        .withState(CaseState.AWAITING_TOWNSHIP)
        .withNotice(notice(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 12), Optional.of(LocalDate.of(2025, 3, 14))));

    @Test
    void isInTimeOnItsLastWorkingDay() {
      assertThat(overdue(awaitingTownship, LocalDate.of(2025, 3, 25))).isEmpty();
    }

    @Test
    void isOverdueTheDayAfter() {
      assertThat(overdue(awaitingTownship, LocalDate.of(2025, 3, 26))).singleElement().satisfies(s -> {
        assertThat(s.kind()).isEqualTo(DeadlineKind.TOWNSHIP_VERIFICATION);
        assertThat(s.dueOn()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(s.daysLate()).isEqualTo(1);
      });
    }

    @Test
    void wasStillOverdueAtMonthEndWhenTheTownshipVerifiedEarlyNextMonth() {
      MonitoringCase verifiedLater = awaitingTownship.withState(CaseState.AWAITING_COUNTY)
          .withVerification(new TownshipVerification(LocalDate.of(2025, 4, 3), TestCounty.TOWNSHIP_OFFICER_A, true, "属实"));

      assertThat(overdue(verifiedLater, MARCH_END)).extracting(OverdueStep::kind)
          .contains(DeadlineKind.TOWNSHIP_VERIFICATION);
      assertThat(overdue(verifiedLater, LocalDate.of(2025, 4, 3))).extracting(OverdueStep::kind)
          .doesNotContain(DeadlineKind.TOWNSHIP_VERIFICATION);
    }

    @Test
    void countsWorkingDaysOverTheNationalDayHoliday() {
      // Closed on 30 September: 1–8 October are holidays, Saturday 11 October is worked.
      MonitoringCase c = opened(LocalDate.of(2025, 9, 24)).withState(CaseState.AWAITING_TOWNSHIP)
          .withNotice(notice(LocalDate.of(2025, 9, 24), LocalDate.of(2025, 9, 28), Optional.of(LocalDate.of(2025, 9, 30))));

      assertThat(overdue(c, LocalDate.of(2025, 10, 17))).filteredOn(s -> s.kind() == DeadlineKind.TOWNSHIP_VERIFICATION)
          .singleElement().satisfies(s -> assertThat(s.dueOn()).isEqualTo(LocalDate.of(2025, 10, 16)));
    }
  }

  @Nested
  class RecognitionLimit {

    @Test
    void runsFifteenCalendarDaysFromOpening() {
      MonitoringCase c = opened(LocalDate.of(2025, 3, 10));

      assertThat(overdue(c, LocalDate.of(2025, 3, 25))).isEmpty();
      assertThat(overdue(c, LocalDate.of(2025, 3, 26))).singleElement().satisfies(s -> {
        assertThat(s.kind()).isEqualTo(DeadlineKind.RECOGNITION_LIMIT);
        assertThat(s.dueOn()).isEqualTo(LocalDate.of(2025, 3, 25));
      });
    }

    @Test
    void runsInWorkingDaysWhenThePolicySaysSo() {
      PolicyParameters twentyWorkingDays = PolicyParameters.builder().recognitionTimeLimit(20)
          .recognitionTimeLimitCount(DayCount.WORKING_DAYS).build();
      MonitoringCase c = opened(LocalDate.of(2025, 3, 3));

      assertThat(AsOf.overdue(c, MARCH_END, (a, d) -> twentyWorkingDays, CALENDAR)).isEmpty();
      assertThat(AsOf.overdue(c, LocalDate.of(2025, 4, 1), (a, d) -> twentyWorkingDays, CALENDAR))
          .singleElement().satisfies(s -> assertThat(s.dueOn()).isEqualTo(MARCH_END));
    }

    @Test
    void endsWithTheCountysDecisionOrADismissalOnOrBeforeTheDay() {
      MonitoringCase c = opened(LocalDate.of(2025, 3, 1));
      MonitoringCase decided = c.withState(CaseState.CONFIRMED).withDecision(new CountyDecision(
          LocalDate.of(2025, 3, 30), TestCounty.COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
          Set.of(RiskType.ILLNESS), "认定"));
      MonitoringCase dismissed = c.withState(CaseState.DISMISSED).withDismissal(new Dismissal(
          LocalDate.of(2025, 3, 31), TestCounty.VILLAGE_GROUP_A1, CaseState.AWAITING_VISIT, "不实"));

      assertThat(overdue(decided, MARCH_END)).isEmpty();
      assertThat(overdue(dismissed, MARCH_END)).isEmpty();
      assertThat(overdue(decided, LocalDate.of(2025, 3, 29))).extracting(OverdueStep::kind)
          .containsExactly(DeadlineKind.RECOGNITION_LIMIT);
    }

    @Test
    void doesNotConcernACaseOpenedAfterTheDay() {
      assertThat(overdue(opened(LocalDate.of(2025, 4, 1)), MARCH_END)).isEmpty();
      assertThat(AsOf.inRecognition(opened(LocalDate.of(2025, 4, 1)), MARCH_END)).isFalse();
    }
  }

  @Nested
  class NoticeClosing {

    final MonitoringCase inNotice = opened(LocalDate.of(2025, 3, 18)).withState(CaseState.IN_NOTICE)
        .withNotice(notice(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 24), Optional.empty()));

    @Test
    void isDueTheDayAfterTheNoticesLastDay() {
      assertThat(overdue(inNotice, LocalDate.of(2025, 3, 25))).isEmpty();
      assertThat(overdue(inNotice, LocalDate.of(2025, 3, 26))).singleElement().satisfies(s -> {
        assertThat(s.kind()).isEqualTo(DeadlineKind.NOTICE_CLOSE);
        assertThat(s.dueOn()).isEqualTo(LocalDate.of(2025, 3, 25));
      });
    }

    @Test
    void givesWayToTheTownshipsDeadlineOnceClosed() {
      MonitoringCase closed = inNotice.withState(CaseState.AWAITING_TOWNSHIP)
          .withNotice(notice(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 3, 24), Optional.of(LocalDate.of(2025, 3, 28))));

      assertThat(overdue(closed, LocalDate.of(2025, 3, 31))).isEmpty();
      assertThat(overdue(closed, LocalDate.of(2025, 3, 27))).extracting(OverdueStep::kind)
          .containsExactly(DeadlineKind.NOTICE_CLOSE);
    }

    @Test
    void doesNotRunBeforeTheNoticeStarts() {
      assertThat(overdue(inNotice, LocalDate.of(2025, 3, 19))).isEmpty();
    }
  }

  @Nested
  class Causes {

    @Test
    void areTheSignalsReceivedByTheDayUntilTheCountyConfirms() {
      MonitoringCase c = opened(LocalDate.of(2025, 3, 3)).withSignals(List.of(
          new SignalRef(Channel.GRID_SCREENING, "g1", LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3),
              Set.of(RiskType.ILLNESS)),
          new SignalRef(Channel.MEDIA_HOTLINE, "h1", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 2),
              Set.of(RiskType.DISASTER))));
      MonitoringCase confirmed = c.withDecision(new CountyDecision(LocalDate.of(2025, 4, 10),
          TestCounty.COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
          Set.of(RiskType.EDUCATION), "认定"));

      assertThat(AsOf.riskTypes(c, MARCH_END)).containsExactly(RiskType.ILLNESS);
      assertThat(AsOf.riskTypes(c, LocalDate.of(2025, 4, 2))).containsExactlyInAnyOrder(RiskType.ILLNESS,
          RiskType.DISASTER);
      assertThat(AsOf.riskTypes(confirmed, LocalDate.of(2025, 4, 9))).hasSize(2);
      assertThat(AsOf.riskTypes(confirmed, LocalDate.of(2025, 4, 10))).containsExactly(RiskType.EDUCATION);
    }
  }
}
