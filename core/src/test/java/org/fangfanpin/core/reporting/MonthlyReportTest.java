package org.fangfanpin.core.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.DATA_PLATFORM;
import static org.fangfanpin.core.testing.TestCounty.DEPARTMENT_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.HOTLINE;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_B;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_HEAD_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_B;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fangfanpin.core.review.DeadlineKind;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The monthly report on a hand-built county, March 2025 (the steps are written straight into the
 * store, each with its date):
 *
 * <ul>
 *   <li>L1, lifted, village A1: grid screening and the hotline on 3 March open and join case c1;
 *       appraisal agreed 6 March, notice closed 12 March, township verification only on 3 April;
 *   <li>O1, ordinary, village A2: self-declaration on 5 March opens c2; emergency aid approved 6
 *       March; confirmed MARGINAL for illness and schooling on 25 March; the hotline joins on 2 April;
 *   <li>O2, ordinary, village A1: a department record on 10 March opens c3; dismissed at the visit
 *       on 11 March;
 *   <li>L2, lifted, village A1: the data platform opened c4 on 20 February; its notice ran 20–24
 *       March and never closed;
 *   <li>B, lifted, village B1 of township B: grid screening on 12 March opens c5, confirmed
 *       UNSTABLE_LIFTED for disaster on 28 March.
 * </ul>
 */
class MonthlyReportTest {

  private static final YearMonth MARCH = YearMonth.of(2025, 3);

  private TestCounty county;
  private ReportingService reporting;
  private String c1;
  private String c2;
  private String c3;
  private String c4;
  private String c5;

  @BeforeEach
  void scenario() {
    county = new TestCounty(LocalDate.of(2025, 2, 20));
    reporting = county.ffp.reporting();
    county.household("L1", VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(40_000));
    county.household("L2", VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(40_000));
    county.household("O1", VILLAGE_A2, HouseholdStatus.ORDINARY, Money.ofYuan(40_000));
    county.household("O2", VILLAGE_A1, HouseholdStatus.ORDINARY, Money.ofYuan(40_000));
    county.household("B", VILLAGE_B1, HouseholdStatus.LIFTED, Money.ofYuan(40_000));

    c4 = receive(Channel.DATA_PLATFORM, "screen-L2", "L2", DATA_PLATFORM, RiskType.OTHER);
    day(3, 3);
    c1 = receive(Channel.GRID_SCREENING, "grid-L1", "L1", GRID_WORKER_A1, RiskType.ILLNESS);
    receive(Channel.MEDIA_HOTLINE, "12317-L1", "L1", HOTLINE, RiskType.ILLNESS);
    day(3, 5);
    c2 = receive(Channel.SELF_DECLARATION, "self-O1", "O1", VILLAGE_GROUP_A2, RiskType.ILLNESS);
    day(3, 10);
    c3 = receive(Channel.INDUSTRY_DEPARTMENT, "DISASTER_LOSS:O2", "O2", DEPARTMENT_OFFICER, RiskType.DISASTER);
    day(3, 12);
    c5 = receive(Channel.GRID_SCREENING, "grid-B", "B", TOWNSHIP_OFFICER_B, RiskType.DISASTER);
    day(4, 2);
    receive(Channel.MEDIA_HOTLINE, "12317-O1", "O1", HOTLINE, RiskType.EDUCATION);

    step(c1, c -> c.withState(CaseState.AWAITING_COUNTY)
        .withScreeningVisit(visit(date(3, 4), VILLAGE_GROUP_A1))
        .withAppraisal(appraisal(date(3, 6), VILLAGE_GROUP_A1))
        .withNotice(notice(date(3, 7), date(3, 11), Optional.of(date(3, 12)), VILLAGE_GROUP_A1))
        .withVerification(new TownshipVerification(date(4, 3), TOWNSHIP_OFFICER_A, true, "属实")));
    step(c2, c -> c.withState(CaseState.CONFIRMED)
        .withScreeningVisit(visit(date(3, 6), VILLAGE_GROUP_A2))
        .withEmergency(new EmergencyApproval(date(3, 6), TOWNSHIP_HEAD_A, Money.ofYuan(3_000), "住院急需"))
        .withAppraisal(appraisal(date(3, 8), VILLAGE_GROUP_A2))
        .withNotice(notice(date(3, 9), date(3, 13), Optional.of(date(3, 14)), VILLAGE_GROUP_A2))
        .withVerification(new TownshipVerification(date(3, 17), TOWNSHIP_OFFICER_A, true, "属实"))
        .withDecision(confirm(date(3, 25), MonitoringCategory.MARGINAL, RiskType.ILLNESS, RiskType.EDUCATION)));
    step(c3, c -> c.withState(CaseState.DISMISSED)
        .withScreeningVisit(new ScreeningVisit(date(3, 11), VILLAGE_GROUP_A1, false, false, "损失已理赔"))
        .withDismissal(new Dismissal(date(3, 11), VILLAGE_GROUP_A1, CaseState.AWAITING_VISIT, "损失已由保险理赔")));
    step(c4, c -> c.withState(CaseState.IN_NOTICE)
        .withScreeningVisit(visit(date(2, 24), VILLAGE_GROUP_A1))
        .withAppraisal(appraisal(date(3, 18), VILLAGE_GROUP_A1))
        .withNotice(notice(date(3, 20), date(3, 24), Optional.empty(), VILLAGE_GROUP_A1)));
    step(c5, c -> c.withState(CaseState.CONFIRMED)
        .withDecision(confirm(date(3, 28), MonitoringCategory.UNSTABLE_LIFTED, RiskType.DISASTER)));
  }

  @Nested
  class TownshipA {

    MonthlyReport march;

    @BeforeEach
    void report() {
      march = reporting.monthly(TOWNSHIP_A, MARCH);
    }

    @Test
    void isDueOnTheFifthOfTheNextMonth() {
      assertThat(march.area()).isEqualTo(TOWNSHIP_A);
      assertThat(march.month()).isEqualTo(MARCH);
      assertThat(march.dueOn()).isEqualTo(LocalDate.of(2025, 4, 5));
    }

    @Test
    void countsTheSignalsReceivedInTheMonthByChannelWithEveryChannelPresent() {
      assertThat(march.newSignalsByChannel()).containsExactly(
          Map.entry(Channel.SELF_DECLARATION, 1),
          Map.entry(Channel.GRID_SCREENING, 1),
          Map.entry(Channel.MEDIA_HOTLINE, 1),
          Map.entry(Channel.INDUSTRY_DEPARTMENT, 1),
          Map.entry(Channel.DATA_PLATFORM, 0));
      assertThat(march.newSignals()).isEqualTo(4);
    }

    @Test
    void countsTheCasesOpenedConfirmedDismissedAndGivenEmergencyAidInTheMonth() {
      assertThat(march.casesOpened()).isEqualTo(3);
      assertThat(march.confirmed()).isEqualTo(1);
      assertThat(march.confirmedByCategory()).containsExactly(
          Map.entry(MonitoringCategory.UNSTABLE_LIFTED, 0),
          Map.entry(MonitoringCategory.MARGINAL, 1),
          Map.entry(MonitoringCategory.SUDDEN_HARDSHIP, 0));
      assertThat(march.confirmedByRiskType()).hasSize(RiskType.values().length)
          .containsEntry(RiskType.ILLNESS, 1).containsEntry(RiskType.EDUCATION, 1)
          .containsEntry(RiskType.DISASTER, 0);
      assertThat(march.dismissed()).isEqualTo(1);
      assertThat(march.emergencyCases()).isEqualTo(1);
      assertThat(march.zeroReport()).isFalse();
    }

    @Test
    void listsTheStepsOverdueAsTheCasesStoodOnTheMonthsLastDay() {
      assertThat(march.overdueSteps()).extracting(OverdueStep::caseId, OverdueStep::kind, OverdueStep::dueOn,
          OverdueStep::daysLate).containsExactly(
              tuple(c4, DeadlineKind.RECOGNITION_LIMIT, date(3, 7), 24L),
              tuple(c1, DeadlineKind.RECOGNITION_LIMIT, date(3, 18), 13L),
              tuple(c1, DeadlineKind.TOWNSHIP_VERIFICATION, date(3, 21), 10L),
              tuple(c4, DeadlineKind.NOTICE_CLOSE, date(3, 25), 6L));
    }

    @Test
    void givesEveryVillageARowOnBothForms() {
      assertThat(march.returnToPovertyRows()).extracting(WarningFormRow::village).containsExactly(VILLAGE_A1, VILLAGE_A2);
      assertThat(march.fallIntoPovertyRows()).extracting(WarningFormRow::village).containsExactly(VILLAGE_A1, VILLAGE_A2);
      assertThat(march.returnToPovertyRows()).allSatisfy(r -> {
        assertThat(r.form()).isEqualTo(WarningForm.RETURN_TO_POVERTY);
        assertThat(r.township()).isEqualTo(TOWNSHIP_A);
      });
      assertThat(march.fallIntoPovertyRows()).allSatisfy(r -> assertThat(r.form()).isEqualTo(WarningForm.FALL_INTO_POVERTY));
    }

    @Test
    void countsLiftedHouseholdsInTheReturnToPovertyForm() {
      WarningFormRow a1 = march.returnToPovertyRows().get(0);

      assertThat(a1.newWarningHouseholds()).isEqualTo(1);
      assertThat(a1.newWarningPersons()).isEqualTo(4);
      assertThat(a1.newWarningsByRiskType()).containsEntry(RiskType.ILLNESS, 1).containsEntry(RiskType.OTHER, 0);
      assertThat(a1.appraisalAgreed()).isEqualTo(2);
      assertThat(a1.townshipUpheld()).isZero();
      assertThat(a1.countyConfirmed()).isZero();
      assertThat(a1.alertsLifted()).isZero();
      assertThat(a1.underReviewAtMonthEnd()).isEqualTo(2);
      assertThat(march.returnToPovertyRows().get(1)).satisfies(a2 -> {
        assertThat(a2.newWarningHouseholds()).isZero();
        assertThat(a2.underReviewAtMonthEnd()).isZero();
      });
    }

    @Test
    void countsTheOtherHouseholdsInTheFallIntoPovertyForm() {
      WarningFormRow a1 = march.fallIntoPovertyRows().get(0);
      WarningFormRow a2 = march.fallIntoPovertyRows().get(1);

      assertThat(a1.newWarningHouseholds()).isEqualTo(1);
      assertThat(a1.newWarningsByRiskType()).containsEntry(RiskType.DISASTER, 1);
      assertThat(a1.alertsLifted()).isEqualTo(1);
      assertThat(a1.underReviewAtMonthEnd()).isZero();
      assertThat(a2.newWarningHouseholds()).isEqualTo(1);
      assertThat(a2.newWarningPersons()).isEqualTo(4);
      // Confirmed in March: the county's causes, not the April hotline's.
      assertThat(a2.newWarningsByRiskType()).containsEntry(RiskType.ILLNESS, 1).containsEntry(RiskType.EDUCATION, 1);
      assertThat(a2.appraisalAgreed()).isEqualTo(1);
      assertThat(a2.townshipUpheld()).isEqualTo(1);
      assertThat(a2.countyConfirmed()).isEqualTo(1);
    }

    @Test
    void addsUpTheFormsToTheReportsNewCases() {
      int rows = march.returnToPovertyRows().stream().mapToInt(WarningFormRow::newWarningHouseholds).sum()
          + march.fallIntoPovertyRows().stream().mapToInt(WarningFormRow::newWarningHouseholds).sum();

      assertThat(rows).isEqualTo(march.casesOpened());
    }
  }

  @Nested
  class TheCounty {

    @Test
    void countsEveryTownshipOfTheCounty() {
      MonthlyReport march = reporting.monthly(COUNTY, MARCH);

      assertThat(march.casesOpened()).isEqualTo(4);
      assertThat(march.newSignalsByChannel()).containsEntry(Channel.GRID_SCREENING, 2);
      assertThat(march.confirmedByCategory()).containsEntry(MonitoringCategory.UNSTABLE_LIFTED, 1)
          .containsEntry(MonitoringCategory.MARGINAL, 1);
      assertThat(march.confirmedByRiskType()).containsEntry(RiskType.DISASTER, 1);
      assertThat(march.returnToPovertyRows()).extracting(WarningFormRow::village, WarningFormRow::township)
          .containsExactly(tuple(VILLAGE_A1, TOWNSHIP_A), tuple(VILLAGE_A2, TOWNSHIP_A), tuple(VILLAGE_B1, TOWNSHIP_B));
    }

    @Test
    void leavesOutTheOtherTownshipInATownshipsReport() {
      MonthlyReport b = reporting.monthly(TOWNSHIP_B, MARCH);

      assertThat(b.casesOpened()).isEqualTo(1);
      assertThat(b.overdueSteps()).isEmpty();
      assertThat(b.returnToPovertyRows()).extracting(WarningFormRow::village).containsExactly(VILLAGE_B1);
    }
  }

  @Nested
  class OtherMonths {

    @Test
    void countsAprilsStepsAndNoLongerTheTownshipDeadlineMetOnTheThird() {
      MonthlyReport april = reporting.monthly(TOWNSHIP_A, YearMonth.of(2025, 4));

      assertThat(april.newSignalsByChannel()).containsEntry(Channel.MEDIA_HOTLINE, 1);
      assertThat(april.casesOpened()).isZero();
      assertThat(april.fallIntoPovertyRows()).allSatisfy(r -> assertThat(r.countyConfirmed()).isZero());
      assertThat(april.returnToPovertyRows().get(0).townshipUpheld()).isEqualTo(1);
      assertThat(april.overdueSteps()).extracting(OverdueStep::caseId, OverdueStep::kind).containsExactly(
          tuple(c4, DeadlineKind.RECOGNITION_LIMIT), tuple(c1, DeadlineKind.RECOGNITION_LIMIT),
          tuple(c4, DeadlineKind.NOTICE_CLOSE));
      assertThat(april.dueOn()).isEqualTo(LocalDate.of(2025, 5, 5));
    }

    @Test
    void isAZeroReportWhenNothingNewHappenedThoughOldStepsAreStillOverdue() {
      MonthlyReport may = reporting.monthly(TOWNSHIP_A, YearMonth.of(2025, 5));

      assertThat(may.zeroReport()).isTrue();
      assertThat(may.newSignals()).isZero();
      assertThat(may.newSignalsByChannel()).hasSize(Channel.values().length).allSatisfy((c, n) -> assertThat(n).isZero());
      assertThat(may.overdueSteps()).isNotEmpty();
      assertThat(may.returnToPovertyRows()).allSatisfy(r -> assertThat(r.newWarningHouseholds()).isZero());
    }

    @Test
    void isAZeroReportForATownshipWithNothingAtAll() {
      MonthlyReport february = reporting.monthly(TOWNSHIP_B, YearMonth.of(2025, 2));

      assertThat(february.zeroReport()).isTrue();
      assertThat(february.overdueSteps()).isEmpty();
      assertThat(february.confirmedByCategory()).hasSize(MonitoringCategory.values().length);
    }

    @Test
    void isNotAZeroReportInTheMonthACaseOpened() {
      MonthlyReport february = reporting.monthly(TOWNSHIP_A, YearMonth.of(2025, 2));

      assertThat(february.zeroReport()).isFalse();
      assertThat(february.casesOpened()).isEqualTo(1);
      assertThat(february.newSignalsByChannel()).containsEntry(Channel.DATA_PLATFORM, 1);
    }
  }

  @Test
  void isMadeOnlyForATownshipOrACounty() {
    assertThatThrownBy(() -> reporting.monthly(VILLAGE_A1, MARCH)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> reporting.monthly(AreaCode.of("610000000000"), MARCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- building the scenario

  private static LocalDate date(int month, int day) {
    return LocalDate.of(2025, month, day);
  }

  private void day(int month, int day) {
    county.clock.setDay(date(month, day));
  }

  private String receive(Channel channel, String ref, String household, Actor by, RiskType risk) {
    RiskSignal s = RiskSignal.builder().channel(channel).sourceRef(ref).householdId(household)
        .observedOn(county.clock.today()).riskTypes(Set.of(risk)).reportedBy(by).build();
    return county.ffp.intake().receive(s).getOrElseThrow(r -> new AssertionError(r.toString())).caseId();
  }

  private void step(String caseId, UnaryOperator<MonitoringCase> change) {
    county.store.write(s -> {
      MonitoringCase c = s.cases().find(caseId).orElseThrow();
      s.cases().update(change.apply(c).withVersion(c.version() + 1));
      return null;
    });
  }

  private static ScreeningVisit visit(LocalDate on, Actor by) {
    return new ScreeningVisit(on, by, true, true, "情况属实");
  }

  private static Appraisal appraisal(LocalDate on, Actor by) {
    return new Appraisal(on, by, 30, 28, 2, true, "同意纳入");
  }

  private static PublicNotice notice(LocalDate starts, LocalDate lastDay, Optional<LocalDate> closedOn, Actor by) {
    return new PublicNotice(starts, lastDay, by, List.of(), closedOn, closedOn.map(d -> by));
  }

  private static CountyDecision confirm(LocalDate on, MonitoringCategory category, RiskType... risks) {
    return new CountyDecision(on, COUNTY_OFFICER, true, Optional.of(category), Set.of(risks), "认定为监测对象");
  }
}
