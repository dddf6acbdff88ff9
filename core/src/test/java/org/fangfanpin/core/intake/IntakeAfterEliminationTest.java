package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.intake.Signals.audit;
import static org.fangfanpin.core.intake.Signals.caseById;
import static org.fangfanpin.core.intake.Signals.casesOf;
import static org.fangfanpin.core.intake.Signals.pendingEvents;
import static org.fangfanpin.core.intake.Signals.storedSignals;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.DEPARTMENT_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.HOTLINE;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A new risk after the household's risk was eliminated (返贫风险再现): during the gradual exit it
 * takes the same case back into monitoring; after the case closed it opens a new case that follows
 * the closed one. Either way the elimination is flagged as premature when a risk of a type the
 * household was eliminated from returns.
 */
class IntakeAfterEliminationTest {

  /** The day the county declared the risk eliminated; the gradual exit runs from the day after. */
  private static final LocalDate ELIMINATED = LocalDate.of(2025, 9, 24);
  private static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

  private TestCounty county;
  private IntakeService intake;

  @BeforeEach
  void county() {
    county = new TestCounty(TODAY);
    intake = county.ffp.intake();
    county.household("H1", VILLAGE_A1);
    county.household("H2", VILLAGE_A1);
  }

  @Nested
  class DuringTheGradualExit {

    @Test
    void resumesMonitoringWhenTheDataPlatformsScreeningFindsTheHouseholdAtRiskAgain() {
      county.household("H3", VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(8_000));
      store(inGradualExit("case-3", "H3", RiskType.ILLNESS));

      ScreeningSummary summary = intake.screen(VILLAGE_A1, TODAY, TestCounty.DATA_PLATFORM).get();

      assertThat(summary.signalsRaised()).isEqualTo(1);
      assertThat(summary.alreadyMonitored()).isZero();
      MonitoringCase after = caseById(county, "case-3");
      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.relapses()).isEqualTo(1);
    }

    @Test
    void confirmsTheCaseAgainWithTheSignalAsOneMoreSource() {
      MonitoringCase before = store(inGradualExit("case-1", "H1", RiskType.ILLNESS));
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-9", "H1", GRID_WORKER_A1, RiskType.DISASTER);

      IntakeResult result = intake.receive(s).get();

      assertThat(result).isEqualTo(IntakeResult.of("case-1", SignalOutcome.JOINED_CASE, false));
      MonitoringCase after = caseById(county, "case-1");
      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.version()).isEqualTo(before.version() + 1);
      assertThat(after.relapses()).isEqualTo(1);
      assertThat(after.exit()).isEmpty();
      assertThat(after.riskTypes()).containsExactlyInAnyOrder(RiskType.ILLNESS, RiskType.DISASTER);
      assertThat(after.signals()).hasSize(2).last()
          .isEqualTo(new SignalRef(Channel.GRID_SCREENING, "grid-9", TODAY.minusDays(1), TODAY,
              Set.of(RiskType.DISASTER)));
      assertThat(after.elimination()).isEqualTo(before.elimination());
      assertThat(storedSignals(county)).singleElement().satisfies(stored -> {
        assertThat(stored.caseId()).isEqualTo("case-1");
        assertThat(stored.outcome()).isEqualTo(SignalOutcome.JOINED_CASE);
        assertThat(stored.receivedOn()).isEqualTo(TODAY);
      });
      assertThat(Signals.householdsWithOpenCases(county)).containsExactly("H1");
    }

    @Test
    void flagsAnEarlyEliminationOnlyWhenARiskTypeTheHouseholdWasEliminatedFromReturns() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));
      store(inGradualExit("case-2", "H2", RiskType.ILLNESS));

      intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1, RiskType.ILLNESS));
      intake.receive(signal(Channel.GRID_SCREENING, "grid-2", "H2", GRID_WORKER_A1, RiskType.ACCIDENT));

      assertThat(caseById(county, "case-1").earlyElimination()).isTrue();
      assertThat(caseById(county, "case-2").earlyElimination()).isFalse();
      assertThat(caseById(county, "case-2").state()).isEqualTo(CaseState.CONFIRMED);
    }

    @Test
    void leavesOneAuditRecordAndTheSignalJoinedAndMonitoringResumedEvents() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));

      intake.receive(signal(Channel.MEDIA_HOTLINE, "12317-5", "H1", HOTLINE, RiskType.ILLNESS));

      assertThat(audit(county)).singleElement().satisfies(r -> {
        assertThat(r.action()).isEqualTo("intake.monitoring_resumed");
        assertThat(r.subjectId()).isEqualTo("case-1");
        assertThat(r.actorId()).isEqualTo(HOTLINE.id());
        assertThat(r.actorRole()).isEqualTo(HOTLINE.role());
        assertThat(r.beforeState()).contains(CaseState.GRADUAL_EXIT.name());
        assertThat(r.afterState()).isEqualTo(CaseState.CONFIRMED.name());
      });
      List<DomainEvent> events = pendingEvents(county);
      assertThat(events).extracting(DomainEvent::type)
          .containsExactly(EventType.SIGNAL_JOINED, EventType.MONITORING_RESUMED);
      assertThat(events).extracting(DomainEvent::id).containsExactly(COUNTY.code() + "-1-0", COUNTY.code() + "-1-1");
      assertThat(events.get(0).attributes())
          .containsExactly(Map.entry("channel", "MEDIA_HOTLINE"), Map.entry("sourceRef", "12317-5"));
      assertThat(events.get(1).attributes())
          .containsExactly(Map.entry("earlyElimination", "true"), Map.entry("relapses", "1"));
      assertThat(events).allSatisfy(e -> {
        assertThat(e.caseId()).isEqualTo("case-1");
        assertThat(e.householdId()).isEqualTo("H1");
        assertThat(e.area()).isEqualTo(VILLAGE_A1);
      });
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();
    }

    @Test
    void takesASignalNamingNoRiskTypeForAnOtherRisk() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));

      intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1));

      MonitoringCase after = caseById(county, "case-1");
      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.riskTypes()).containsExactlyInAnyOrder(RiskType.ILLNESS, RiskType.OTHER);
      assertThat(after.earlyElimination()).isFalse();
      assertThat(after.signals().get(1).riskTypes()).isEmpty();
    }

    @Test
    void joinsLaterSignalsToTheResumedCaseWithoutAnotherRelapse() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));
      intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1, RiskType.ILLNESS));

      IntakeResult second = intake.receive(signal(Channel.INDUSTRY_DEPARTMENT, "med-1", "H1", DEPARTMENT_OFFICER,
          RiskType.ILLNESS)).get();

      assertThat(second).isEqualTo(IntakeResult.of("case-1", SignalOutcome.JOINED_CASE, false));
      MonitoringCase after = caseById(county, "case-1");
      assertThat(after.relapses()).isEqualTo(1);
      assertThat(after.signals()).hasSize(3);
      assertThat(audit(county)).extracting(AuditRecord::action)
          .containsExactly("intake.monitoring_resumed", "intake.signal_joined");
    }

    @Test
    void returnsTheFirstResultForARedeliveryAndResumesNothingTwice() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1, RiskType.ILLNESS);
      intake.receive(s);
      MonitoringCase resumed = caseById(county, "case-1");

      IntakeResult again = intake.receive(s).get();

      assertThat(again).isEqualTo(IntakeResult.of("case-1", SignalOutcome.JOINED_CASE, true));
      assertThat(caseById(county, "case-1")).isEqualTo(resumed);
      assertThat(audit(county)).hasSize(1);
      assertThat(pendingEvents(county)).hasSize(2);
    }

    @Test
    void aRejectedSignalLeavesTheGradualExitAsItWas() {
      MonitoringCase before = store(inGradualExit("case-1", "H1", RiskType.ILLNESS));

      Either<Rejection, IntakeResult> refused =
          intake.receive(signal(Channel.INDUSTRY_DEPARTMENT, "med-1", "H1", GRID_WORKER_A1, RiskType.ILLNESS));

      assertThat(refused.getLeft().code()).isEqualTo("actor.role_not_allowed");
      assertThat(caseById(county, "case-1")).isEqualTo(before);
      assertThat(storedSignals(county)).isEmpty();
      assertThat(audit(county)).isEmpty();
      assertThat(pendingEvents(county)).isEmpty();
    }

    @Test
    void resumesMonitoringFromABatchToo() {
      store(inGradualExit("case-1", "H1", RiskType.ILLNESS));

      IntakeSummary summary = intake.receiveAll(List.of(
          signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1, RiskType.ILLNESS),
          signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE, RiskType.DISASTER)));

      assertThat(summary.joined()).isEqualTo(2);
      assertThat(summary.opened()).isZero();
      MonitoringCase after = caseById(county, "case-1");
      assertThat(after.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(after.relapses()).isEqualTo(1);
      assertThat(after.earlyElimination()).isTrue();
      assertThat(after.signals()).hasSize(3);
      assertThat(casesOf(county, "H1")).hasSize(1);
    }
  }

  @Nested
  class AfterTheCaseClosed {

    @Test
    void opensANewCaseThatFollowsTheClosedOne() {
      MonitoringCase closed = store(closed("case-1", "H1", ELIMINATED.plusMonths(6), RiskType.ILLNESS));

      IntakeResult result = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1,
          RiskType.ILLNESS)).get();

      assertThat(result.outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
      assertThat(result.caseId()).isNotEqualTo("case-1");
      MonitoringCase opened = caseById(county, result.caseId());
      assertThat(opened.state()).isEqualTo(CaseState.AWAITING_VISIT);
      assertThat(opened.version()).isEqualTo(1);
      assertThat(opened.previousCaseId()).contains("case-1");
      assertThat(opened.earlyElimination()).isTrue();
      assertThat(opened.relapses()).isZero();
      assertThat(opened.riskTypes()).containsExactly(RiskType.ILLNESS);
      assertThat(caseById(county, "case-1")).isEqualTo(closed);
      assertThat(audit(county)).singleElement().satisfies(r -> {
        assertThat(r.action()).isEqualTo("intake.case_opened");
        assertThat(r.beforeState()).isEmpty();
        assertThat(r.afterState()).isEqualTo(CaseState.AWAITING_VISIT.name());
      });
      assertThat(pendingEvents(county)).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_OPENED);
        assertThat(e.caseId()).isEqualTo(result.caseId());
        assertThat(e.attributes()).containsExactly(Map.entry("channel", "GRID_SCREENING"),
            Map.entry("sourceRef", "grid-1"), Map.entry("previousCaseId", "case-1"),
            Map.entry("earlyElimination", "true"));
      });
    }

    @Test
    void isNoEarlyEliminationWhenTheNewRiskIsOfAnotherTypeOrNamesNone() {
      store(closed("case-1", "H1", ELIMINATED.plusMonths(6), RiskType.ILLNESS));
      store(closed("case-2", "H2", ELIMINATED.plusMonths(6), RiskType.ILLNESS));

      String other = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1,
          RiskType.DISASTER)).get().caseId();
      String none = intake.receive(signal(Channel.GRID_SCREENING, "grid-2", "H2", GRID_WORKER_A1)).get().caseId();

      assertThat(caseById(county, other).previousCaseId()).contains("case-1");
      assertThat(caseById(county, other).earlyElimination()).isFalse();
      assertThat(caseById(county, none).previousCaseId()).contains("case-2");
      assertThat(caseById(county, none).earlyElimination()).isFalse();
      assertThat(caseById(county, none).riskTypes()).isEmpty();
    }

    @Test
    void followsTheHouseholdsLatestClosedCaseAndNoOtherHouseholds() {
      store(closed("case-1", "H1", LocalDate.of(2024, 6, 30), RiskType.DISASTER));
      store(closed("case-2", "H1", LocalDate.of(2025, 6, 30), RiskType.ILLNESS));
      store(dismissed("case-3", "H1", LocalDate.of(2025, 8, 1)));
      store(closed("case-4", "H2", LocalDate.of(2025, 11, 30), RiskType.ILLNESS));

      String opened = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1,
          RiskType.DISASTER)).get().caseId();

      assertThat(caseById(county, opened).previousCaseId()).contains("case-2");
      assertThat(caseById(county, opened).earlyElimination()).isFalse();
    }

    @Test
    void opensACaseFollowingNothingWhenTheHouseholdsEarlierCasesWereOnlyDismissed() {
      store(dismissed("case-1", "H1", LocalDate.of(2025, 8, 1)));
      store(closed("case-2", "H2", ELIMINATED.plusMonths(6), RiskType.ILLNESS));

      String opened = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1,
          RiskType.ILLNESS)).get().caseId();

      assertThat(caseById(county, opened).previousCaseId()).isEmpty();
      assertThat(caseById(county, opened).earlyElimination()).isFalse();
      assertThat(pendingEvents(county)).singleElement().satisfies(e -> assertThat(e.attributes())
          .containsOnlyKeys("channel", "sourceRef"));
    }

    @Test
    void joinsLaterSignalsToTheNewCaseAndNeverReopensTheClosedOne() {
      store(closed("case-1", "H1", ELIMINATED.plusMonths(6), RiskType.ILLNESS));
      String opened = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1,
          RiskType.ILLNESS)).get().caseId();

      IntakeResult joined = intake.receive(signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE,
          RiskType.ILLNESS)).get();

      assertThat(joined).isEqualTo(IntakeResult.of(opened, SignalOutcome.JOINED_CASE, false));
      assertThat(casesOf(county, "H1")).extracting(MonitoringCase::state)
          .containsExactlyInAnyOrder(CaseState.CLOSED, CaseState.AWAITING_VISIT);
      assertThat(storedSignals(county)).extracting(StoredSignal::caseId).containsOnly(opened);
    }

    @Test
    void opensAFollowingCaseFromTheDataPlatformsScreeningToo() {
      county.household("H3", VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(8_000));
      store(closed("case-1", "H3", ELIMINATED.plusMonths(6), RiskType.ILLNESS));

      ScreeningSummary summary = intake.screen(VILLAGE_A1, TODAY, TestCounty.DATA_PLATFORM).get();

      assertThat(summary.signalsRaised()).isEqualTo(1);
      assertThat(casesOf(county, "H3")).filteredOn(MonitoringCase::isOpen).singleElement()
          .satisfies(c -> assertThat(c.previousCaseId()).contains("case-1"));
    }
  }

  // ---- cases as the exit leaves them, stored directly

  /** Stores the case as a new case of version 1 and returns it as stored. */
  private MonitoringCase store(MonitoringCase c) {
    MonitoringCase first = c.withVersion(1);
    county.store.write(s -> {
      s.cases().insert(first);
      return null;
    });
    return first;
  }

  /** A case of the household confirmed in March for the risk, eliminated on {@link #ELIMINATED}. */
  private static MonitoringCase inGradualExit(String id, String householdId, RiskType risk) {
    LocalDate opened = LocalDate.of(2025, 3, 3);
    Elimination elimination = Elimination.builder()
        .proposal(new EliminationProposal(ELIMINATED.minusDays(9), VILLAGE_GROUP_A1, "务工收入稳定"))
        .decision(new EliminationDecision(ELIMINATED, COUNTY_OFFICER, true, "行业部门数据比对无异常"))
        .build();
    return MonitoringCase.builder()
        .id(id)
        .householdId(householdId)
        .area(VILLAGE_A1)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(CaseState.GRADUAL_EXIT)
        .version(9)
        .openedOn(opened)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + id, opened, opened, Set.of(risk)))
        .riskTypes(Set.of(risk))
        .decision(new CountyDecision(opened.plusDays(10), COUNTY_OFFICER, true,
            Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(risk), ""))
        .elimination(elimination)
        .exit(new GradualExit(ELIMINATED.plusDays(1), 6, ELIMINATED.plusMonths(6), false))
        .build();
  }

  /** The same case closed on the day. */
  private static MonitoringCase closed(String id, String householdId, LocalDate closedOn, RiskType risk) {
    return inGradualExit(id, householdId, risk).withState(CaseState.CLOSED).withClosedOn(closedOn);
  }

  /** A case of the household dismissed at the village visit on the day. */
  private static MonitoringCase dismissed(String id, String householdId, LocalDate on) {
    return MonitoringCase.builder()
        .id(id)
        .householdId(householdId)
        .area(VILLAGE_A1)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(CaseState.DISMISSED)
        .version(1)
        .openedOn(on.minusDays(2))
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + id, on.minusDays(2), on.minusDays(2),
            Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .dismissal(new Dismissal(on, VILLAGE_GROUP_A1, CaseState.AWAITING_VISIT, "风险不实"))
        .build();
  }

  /** A signal observed yesterday naming the risk types. */
  private static RiskSignal signal(Channel channel, String sourceRef, String householdId, Actor by,
      RiskType... risks) {
    return RiskSignal.builder()
        .channel(channel)
        .sourceRef(sourceRef)
        .householdId(householdId)
        .observedOn(TODAY.minusDays(1))
        .riskTypes(Set.of(risks))
        .addEvidence(Evidence.of("入户走访发现 / found on a visit", Optional.empty()))
        .reportedBy(by)
        .build();
  }
}
