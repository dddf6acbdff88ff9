package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.intake.Signals.signal;
import static org.fangfanpin.core.testing.TestCounty.DATA_PLATFORM;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;

import java.time.LocalDate;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data platform's screening of an area (数据平台监测): households of four, so the default line
 * is 24,000 yuan; 40,000 yuan is safe, 20,000 yuan is below it.
 */
class PlatformScreeningTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 2, 28);
  private static final Money BELOW = Money.ofYuan(20_000);
  private static final Money SAFE = Money.ofYuan(40_000);

  private TestCounty county;
  private IntakeService intake;

  @BeforeEach
  void county() {
    county = TestCounty.onMonday();
    intake = county.ffp.intake();
    county.household("SAFE", VILLAGE_A1, HouseholdStatus.LIFTED, SAFE);
    county.household("POOR", VILLAGE_A1, HouseholdStatus.LIFTED, BELOW);
    county.household("WATCHED", VILLAGE_A2, HouseholdStatus.ORDINARY, BELOW);
    county.household("ELSEWHERE", VILLAGE_B1, HouseholdStatus.ORDINARY, BELOW);
    intake.receive(signal(Channel.SELF_DECLARATION, "self-1", "WATCHED", TestCounty.VILLAGE_GROUP_A2).build());
  }

  @Test
  void raisesASignalOnlyForCandidatesWithoutAnOpenCase() {
    ScreeningSummary summary = intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM).get();

    assertThat(summary.area()).isEqualTo(TOWNSHIP_A);
    assertThat(summary.asOf()).isEqualTo(AS_OF);
    assertThat(summary.assessed()).isEqualTo(3);
    assertThat(summary.candidates()).isEqualTo(2);
    assertThat(summary.alreadyMonitored()).isEqualTo(1);
    assertThat(summary.signalsRaised()).isEqualTo(1);
    assertThat(summary.duplicates()).isZero();
    assertThat(summary.rejections()).isEmpty();
    assertThat(Signals.householdsWithOpenCases(county)).containsExactlyInAnyOrder("WATCHED", "POOR");
    assertThat(Signals.casesOf(county, "WATCHED")).singleElement()
        .satisfies(c -> assertThat(c.signals()).hasSize(1));
  }

  @Test
  void raisesASignalCarryingTheAssessmentsRisksAndFindings() {
    intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM);

    StoredSignal raised = Signals.storedSignals(county).stream()
        .filter(s -> s.signal().channel() == Channel.DATA_PLATFORM).findFirst().orElseThrow();
    assertThat(raised.signal().sourceRef()).isEqualTo("screen:2025-02-28:POOR");
    assertThat(raised.signal().householdId()).isEqualTo("POOR");
    assertThat(raised.signal().observedOn()).isEqualTo(AS_OF);
    assertThat(raised.signal().reportedBy()).isEqualTo(DATA_PLATFORM);
    assertThat(raised.signal().riskTypes()).isNotEmpty();
    assertThat(raised.signal().evidence()).isNotEmpty().allSatisfy(e -> {
      assertThat(e.text()).startsWith("数据平台监测").contains("data platform screening");
      e.amount().ifPresent(a -> assertThat(a.isNegative()).isFalse());
    });
    assertThat(raised.signal().evidence().get(0).text()).contains("24000.00");
  }

  @Test
  void raisesNothingNewWhenRunAgain() {
    intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM);
    int auditRecords = Signals.audit(county).size();

    ScreeningSummary again = intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM).get();

    assertThat(again.candidates()).isEqualTo(2);
    assertThat(again.alreadyMonitored()).isEqualTo(2);
    assertThat(again.signalsRaised()).isZero();
    assertThat(Signals.audit(county)).hasSize(auditRecords);
  }

  @Test
  void doesNotReopenADismissedCaseWhenTheSameScreeningRunsAgain() {
    intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM);
    MonitoringCase poor = Signals.casesOf(county, "POOR").get(0);
    county.store.write(s -> {
      s.cases().update(poor.withState(CaseState.DISMISSED).withVersion(2)
          .withDismissal(new Dismissal(county.clock.today(), TestCounty.VILLAGE_GROUP_A1, poor.state(), "收入已恢复")));
      return null;
    });

    ScreeningSummary again = intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM).get();

    assertThat(again.duplicates()).isEqualTo(1);
    assertThat(again.signalsRaised()).isZero();
    assertThat(Signals.householdsWithOpenCases(county)).containsExactly("WATCHED");
  }

  @Test
  void raisesAgainOnALaterScreeningOnceTheCaseWasDismissed() {
    intake.screen(TOWNSHIP_A, AS_OF, DATA_PLATFORM);
    MonitoringCase poor = Signals.casesOf(county, "POOR").get(0);
    county.store.write(s -> {
      s.cases().update(poor.withState(CaseState.DISMISSED).withVersion(2)
          .withDismissal(new Dismissal(county.clock.today(), TestCounty.VILLAGE_GROUP_A1, poor.state(), "误报")));
      return null;
    });

    ScreeningSummary later = intake.screen(TOWNSHIP_A, AS_OF.plusDays(3), DATA_PLATFORM).get();

    assertThat(later.signalsRaised()).isEqualTo(1);
    assertThat(Signals.casesOf(county, "POOR")).hasSize(2);
  }

  @Test
  void screensTheWholeCountyWhenAskedTo() {
    ScreeningSummary summary = intake.screen(TestCounty.COUNTY, AS_OF, DATA_PLATFORM).get();

    assertThat(summary.assessed()).isEqualTo(4);
    assertThat(summary.signalsRaised()).isEqualTo(2);
  }

  @Test
  void refusesAnActorOtherThanTheDataPlatform() {
    assertThat(intake.screen(TOWNSHIP_A, AS_OF, GRID_WORKER_A1).getLeft().code()).isEqualTo("actor.role_not_allowed");
  }

  @Test
  void refusesAnAreaOutsideThePlatformsJurisdiction() {
    Actor townshipPlatform = Actor.of("platform-b", Role.DATA_PLATFORM, TestCounty.TOWNSHIP_B);

    assertThat(intake.screen(TOWNSHIP_A, AS_OF, townshipPlatform).getLeft().code())
        .isEqualTo("actor.outside_jurisdiction");
  }

  @Test
  void refusesAScreeningDatedAfterToday() {
    assertThat(intake.screen(TOWNSHIP_A, county.clock.today().plusDays(1), DATA_PLATFORM).getLeft().code())
        .isEqualTo("intake.observed_in_future");
  }

  @Test
  void raisesNothingOnceTheHouseholdIsNoLongerACandidate() {
    ScreeningSummary summary = intake.screen(VILLAGE_A1, AS_OF, DATA_PLATFORM).get();
    assertThat(summary.signalsRaised()).isEqualTo(1);

    county.household("POOR", VILLAGE_A1, HouseholdStatus.LIFTED, SAFE);
    ScreeningSummary none = intake.screen(VILLAGE_A1, AS_OF.plusDays(1), DATA_PLATFORM).get();

    assertThat(none.candidates()).isZero();
    assertThat(none.signalsRaised()).isZero();
    assertThat(none.alreadyMonitored()).isZero();
    assertThat(none.duplicates()).isZero();
  }

}
