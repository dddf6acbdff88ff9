package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.intake.Signals.audit;
import static org.fangfanpin.core.intake.Signals.caseById;
import static org.fangfanpin.core.intake.Signals.cases;
import static org.fangfanpin.core.intake.Signals.pendingEvents;
import static org.fangfanpin.core.intake.Signals.signal;
import static org.fangfanpin.core.intake.Signals.storedSignals;
import static org.fangfanpin.core.testing.TestCounty.DATA_PLATFORM;
import static org.fangfanpin.core.testing.TestCounty.DEPARTMENT_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.FOREIGN_VILLAGE;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.HOTLINE;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Receiving one signal at a time: opening and joining cases, idempotency, and every rejection. */
class IntakeServiceTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

  private TestCounty county;
  private IntakeService intake;

  @BeforeEach
  void county() {
    county = TestCounty.onMonday();
    intake = county.ffp.intake();
    county.household("H1", VILLAGE_A1);
    county.household("H2", VILLAGE_A1, HouseholdStatus.ORDINARY, Money.ofYuan(20_000));
    county.household("H3", VILLAGE_A2);
  }

  @Nested
  class OpeningACase {

    @Test
    void opensACaseAwaitingTheVillageVisitForAHouseholdWithoutOne() {
      IntakeResult result = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H2", GRID_WORKER_A1).build()).get();

      assertThat(result.outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
      assertThat(result.duplicate()).isFalse();
      MonitoringCase c = caseById(county, result.caseId());
      assertThat(c.householdId()).isEqualTo("H2");
      assertThat(c.area()).isEqualTo(VILLAGE_A1);
      assertThat(c.householdStatus()).isEqualTo(HouseholdStatus.ORDINARY);
      assertThat(c.state()).isEqualTo(CaseState.AWAITING_VISIT);
      assertThat(c.version()).isEqualTo(1);
      assertThat(c.openedOn()).isEqualTo(TODAY);
      assertThat(c.riskTypes()).containsExactly(RiskType.ILLNESS);
      assertThat(c.signals()).containsExactly(new SignalRef(Channel.GRID_SCREENING, "grid-1",
          LocalDate.of(2025, 3, 2), TODAY, Set.of(RiskType.ILLNESS)));
    }

    @Test
    void takesTheCaseIdFromTheIdSource() {
      IntakeResult result = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get();

      assertThat(result.caseId()).isEqualTo("case-000000000001");
    }

    @Test
    void storesTheSignalWithItsCaseOutcomeAndDayOfReceipt() {
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build();

      IntakeResult result = intake.receive(s).get();

      assertThat(storedSignals(county)).singleElement().satisfies(stored -> {
        assertThat(stored.signal()).isEqualTo(s);
        assertThat(stored.area()).isEqualTo(VILLAGE_A1);
        assertThat(stored.caseId()).isEqualTo(result.caseId());
        assertThat(stored.outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
        assertThat(stored.receivedAt()).isEqualTo(county.clock.instant());
        assertThat(stored.receivedOn()).isEqualTo(TODAY);
      });
    }

    @Test
    void leavesAnAuditRecordWithoutBeforeStateAndACaseOpenedEvent() {
      IntakeResult result = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get();

      assertThat(audit(county)).singleElement().satisfies(r -> {
        assertThat(r.action()).isEqualTo("intake.case_opened");
        assertThat(r.subjectId()).isEqualTo(result.caseId());
        assertThat(r.actorId()).isEqualTo(GRID_WORKER_A1.id());
        assertThat(r.actorRole()).isEqualTo(GRID_WORKER_A1.role());
        assertThat(r.beforeState()).isEmpty();
        assertThat(r.afterState()).isEqualTo(CaseState.AWAITING_VISIT.name());
        assertThat(r.sequence()).isEqualTo(1);
      });
      assertThat(pendingEvents(county)).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_OPENED);
        assertThat(e.id()).isEqualTo(TestCounty.COUNTY.code() + "-1-0");
        assertThat(e.caseId()).isEqualTo(result.caseId());
        assertThat(e.householdId()).isEqualTo("H1");
        assertThat(e.area()).isEqualTo(VILLAGE_A1);
        assertThat(e.attributes()).containsExactly(
            java.util.Map.entry("channel", "GRID_SCREENING"), java.util.Map.entry("sourceRef", "grid-1"));
      });
      assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
    }

    @Test
    void acceptsARiskObservedToday() {
      assertThat(intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).observedOn(TODAY)
          .build()).isRight()).isTrue();
    }
  }

  @Nested
  class JoiningTheOpenCase {

    @Test
    void addsTheSignalToTheOpenCaseAndUnitesTheRiskTypes() {
      String caseId = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get()
          .caseId();
      county.clock.setDay(TODAY.plusDays(1));

      IntakeResult joined = intake.receive(signal(Channel.MEDIA_HOTLINE, "12317-77", "H1", HOTLINE)
          .riskTypes(Set.of(RiskType.DISASTER)).build()).get();

      assertThat(joined.caseId()).isEqualTo(caseId);
      assertThat(joined.outcome()).isEqualTo(SignalOutcome.JOINED_CASE);
      MonitoringCase c = caseById(county, caseId);
      assertThat(c.version()).isEqualTo(2);
      assertThat(c.state()).isEqualTo(CaseState.AWAITING_VISIT);
      assertThat(c.openedOn()).isEqualTo(TODAY);
      assertThat(c.riskTypes()).containsExactlyInAnyOrder(RiskType.ILLNESS, RiskType.DISASTER);
      assertThat(c.signals()).extracting(SignalRef::sourceRef).containsExactly("grid-1", "12317-77");
      assertThat(c.signals().get(1).receivedOn()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void leavesAnAuditRecordWithTheUnchangedStateAndASignalJoinedEvent() {
      String caseId = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get()
          .caseId();

      intake.receive(signal(Channel.MEDIA_HOTLINE, "12317-77", "H1", HOTLINE).build());

      AuditRecord joined = audit(county).get(1);
      assertThat(joined.action()).isEqualTo("intake.signal_joined");
      assertThat(joined.subjectId()).isEqualTo(caseId);
      assertThat(joined.actorRole()).isEqualTo(HOTLINE.role());
      assertThat(joined.beforeState()).contains(CaseState.AWAITING_VISIT.name());
      assertThat(joined.afterState()).isEqualTo(CaseState.AWAITING_VISIT.name());
      assertThat(pendingEvents(county)).extracting(DomainEvent::type)
          .containsExactly(EventType.CASE_OPENED, EventType.SIGNAL_JOINED);
      assertThat(storedSignals(county)).extracting(StoredSignal::outcome)
          .containsExactly(SignalOutcome.OPENED_CASE, SignalOutcome.JOINED_CASE);
    }

    @Test
    void keepsOneOpenCasePerHouseholdWhenEveryChannelReports() {
      List<RiskSignal> fromEveryChannel = List.of(
          signal(Channel.SELF_DECLARATION, "self-1", "H1", VILLAGE_GROUP_A1).build(),
          signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build(),
          signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE).build(),
          signal(Channel.INDUSTRY_DEPARTMENT, "MEDICAL_EXPENSE:1", "H1", DEPARTMENT_OFFICER).build(),
          signal(Channel.DATA_PLATFORM, "screen:1", "H1", DATA_PLATFORM).build());

      List<String> caseIds = fromEveryChannel.stream().map(s -> intake.receive(s).get().caseId()).distinct().toList();

      assertThat(caseIds).hasSize(1);
      assertThat(cases(county)).singleElement().satisfies(c -> {
        assertThat(c.signals()).extracting(SignalRef::channel).containsExactly(Channel.values());
        assertThat(c.version()).isEqualTo(5);
      });
    }

    @Test
    void opensANewCaseOnceTheHouseholdsCaseWasDismissed() {
      String first = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get()
          .caseId();
      dismiss(first);

      IntakeResult again = intake.receive(signal(Channel.GRID_SCREENING, "grid-2", "H1", GRID_WORKER_A1).build()).get();

      assertThat(again.outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
      assertThat(again.caseId()).isNotEqualTo(first);
      assertThat(Signals.householdsWithOpenCases(county)).containsExactly("H1");
    }

    @Test
    void keepsCasesOfDifferentHouseholdsApart() {
      String h1 = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build()).get().caseId();
      String h3 = intake.receive(signal(Channel.SELF_DECLARATION, "self-1", "H3", VILLAGE_GROUP_A2).build()).get()
          .caseId();

      assertThat(h1).isNotEqualTo(h3);
      assertThat(Signals.householdsWithOpenCases(county)).containsExactlyInAnyOrder("H1", "H3");
    }
  }

  @Nested
  class Idempotency {

    @Test
    void returnsTheFirstResultAndStoresNothingForTheSameSignalTwice() {
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build();
      IntakeResult first = intake.receive(s).get();

      IntakeResult second = intake.receive(RiskSignal.copyOf(s)).get();

      assertThat(second).isEqualTo(IntakeResult.of(first.caseId(), SignalOutcome.OPENED_CASE, true));
      assertThat(storedSignals(county)).hasSize(1);
      assertThat(audit(county)).hasSize(1);
      assertThat(pendingEvents(county)).hasSize(1);
      assertThat(caseById(county, first.caseId()).version()).isEqualTo(1);
    }

    @Test
    void returnsTheFirstOutcomeEvenAfterTheCaseMovedOn() {
      RiskSignal joiner = signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE).build();
      intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build());
      IntakeResult first = intake.receive(joiner).get();
      intake.receive(signal(Channel.DATA_PLATFORM, "screen-1", "H1", DATA_PLATFORM).build());

      assertThat(intake.receive(joiner).get()).isEqualTo(first.withDuplicate(true));
    }

    @Test
    void rejectsTheSameKeyWithAnotherPayloadAsAConflict() {
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build();
      intake.receive(s);

      Either<Rejection, IntakeResult> changed = intake.receive(s.withRiskTypes(Set.of(RiskType.DISASTER)));

      assertThat(changed.getLeft().code()).isEqualTo("intake.conflict");
      assertThat(storedSignals(county)).singleElement().satisfies(st -> assertThat(st.signal()).isEqualTo(s));
      assertThat(audit(county)).hasSize(1);
    }

    @Test
    void treatsAnotherReporterUnderTheSameKeyAsAConflict() {
      RiskSignal s = signal(Channel.SELF_DECLARATION, "self-1", "H1", VILLAGE_GROUP_A1).build();
      intake.receive(s);

      assertThat(intake.receive(s.withReportedBy(TestCounty.VILLAGE_GROUP_A1_OTHER)).getLeft().code())
          .isEqualTo("intake.conflict");
    }

    @Test
    void readsTheSameReferenceOnAnotherChannelAsAnotherSignal() {
      intake.receive(signal(Channel.GRID_SCREENING, "ref-1", "H1", GRID_WORKER_A1).build());

      IntakeResult other = intake.receive(signal(Channel.MEDIA_HOTLINE, "ref-1", "H1", HOTLINE).build()).get();

      assertThat(other.duplicate()).isFalse();
      assertThat(other.outcome()).isEqualTo(SignalOutcome.JOINED_CASE);
      assertThat(storedSignals(county)).hasSize(2);
    }
  }

  @Nested
  class Rejections {

    @Test
    void rejectsASignalForAnUnregisteredHousehold() {
      Rejection r = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "NOBODY", GRID_WORKER_A1).build()).getLeft();

      assertThat(r.code()).isEqualTo("household.not_found");
    }

    @Test
    void rejectsAReporterOutsideTheHouseholdsJurisdiction() {
      Rejection r = intake.receive(signal(Channel.SELF_DECLARATION, "self-1", "H3", VILLAGE_GROUP_A1).build()).getLeft();

      assertThat(r.code()).isEqualTo("actor.outside_jurisdiction");
    }

    @Test
    void rejectsACountyReporterForAHouseholdOfAnotherCounty() {
      county.household("FOREIGN", FOREIGN_VILLAGE);

      assertThat(intake.receive(signal(Channel.MEDIA_HOTLINE, "12317-1", "FOREIGN", HOTLINE).build()).getLeft().code())
          .isEqualTo("actor.outside_jurisdiction");
    }

    @Test
    void rejectsARoleThatMayNotReportOnTheChannel() {
      Rejection r = intake.receive(signal(Channel.DATA_PLATFORM, "screen-1", "H1", GRID_WORKER_A1).build()).getLeft();

      assertThat(r.code()).isEqualTo("actor.role_not_allowed");
      assertThat(r.zh()).contains("网格员").contains("数据平台");
      assertThat(r.en()).contains("grid worker").contains("data platform");
    }

    @Test
    void rejectsARiskObservedAfterToday() {
      Rejection r = intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1)
          .observedOn(TODAY.plusDays(1)).build()).getLeft();

      assertThat(r.code()).isEqualTo("intake.observed_in_future");
      assertThat(r.zh()).contains("2025-03-04");
      assertThat(r.en()).contains("2025-03-04");
    }

    @Test
    void checksTheRoleBeforeTheRegisterTheJurisdictionAndTheDate() {
      RiskSignal everythingWrong = signal(Channel.DATA_PLATFORM, "x", "NOBODY", GRID_WORKER_A1)
          .observedOn(TODAY.plusDays(9)).build();

      assertThat(intake.receive(everythingWrong).getLeft().code()).isEqualTo("actor.role_not_allowed");
    }

    @Test
    void aRejectedSignalChangesNothing() {
      intake.receive(signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build());
      List<MonitoringCase> casesBefore = cases(county);

      intake.receive(signal(Channel.GRID_SCREENING, "grid-2", "H1", GRID_WORKER_A1).observedOn(TODAY.plusDays(1))
          .build());
      intake.receive(signal(Channel.GRID_SCREENING, "grid-3", "NOBODY", GRID_WORKER_A1).build());
      intake.receive(signal(Channel.SELF_DECLARATION, "self-1", "H3", VILLAGE_GROUP_A1).build());

      assertThat(cases(county)).isEqualTo(casesBefore);
      assertThat(storedSignals(county)).hasSize(1);
      assertThat(audit(county)).hasSize(1);
      assertThat(pendingEvents(county)).hasSize(1);
    }

    @Test
    void aRejectedSignalMayBeDeliveredAgainOnceCorrected() {
      RiskSignal early = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).observedOn(TODAY.plusDays(1))
          .build();
      intake.receive(early);
      county.clock.setDay(TODAY.plusDays(1));

      assertThat(intake.receive(early).get().outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
    }
  }

  @Nested
  class Register {

    @Test
    void acceptsSignalsOnceTheHouseholdIsRegistered() {
      var h = county.household("H1", VILLAGE_A1).withId("H9");
      RiskSignal s = signal(Channel.GRID_SCREENING, "grid-9", "H9", GRID_WORKER_A1).build();
      assertThat(intake.receive(s).getLeft().code()).isEqualTo("household.not_found");

      intake.register(h);

      assertThat(intake.receive(s).isRight()).isTrue();
    }

    @Test
    void registersEveryHouseholdOfALargeRegister() {
      var template = county.household("H1", VILLAGE_A1);
      List<org.fangfanpin.spi.model.Household> many = java.util.stream.IntStream.range(0, 10_000)
          .mapToObj(i -> template.withId("R" + i)).toList();

      assertThat(intake.registerAll(many)).isEqualTo(10_000);

      Optional<org.fangfanpin.spi.model.Household> last = county.store.read(s -> s.households().find("R9999"));
      assertThat(last).isPresent();
    }

    @Test
    void storesALargeRegisterInOrderSoThatAHouseholdGivenTwiceKeepsItsLastFacts() {
      var template = county.household("H1", VILLAGE_A1);
      List<org.fangfanpin.spi.model.Household> many = new ArrayList<>();
      for (int i = 0; i < 3 * IntakeService.REGISTER_BATCH_SIZE + 5; i++) {
        many.add(template.withId("R" + i).withMemberCount(5));
      }
      // Again in the second and the last unit of work, with other facts each time.
      many.add(IntakeService.REGISTER_BATCH_SIZE + 7, template.withId("R3").withMemberCount(6));
      many.add(template.withId("R3").withMemberCount(7));

      assertThat(intake.registerAll(many)).isEqualTo(many.size());

      assertThat(registered("R3").orElseThrow().memberCount()).isEqualTo(7);
      assertThat(registered("R" + (3 * IntakeService.REGISTER_BATCH_SIZE + 4))).isPresent();
    }

    @Test
    void aRegisterThatFailsPartWayKeepsTheUnitsOfWorkStoredBeforeAndThrows() {
      var template = county.household("H1", VILLAGE_A1);
      int readable = IntakeService.REGISTER_BATCH_SIZE + 10;
      Iterable<org.fangfanpin.spi.model.Household> failing = () -> new java.util.Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public org.fangfanpin.spi.model.Household next() {
          if (next == readable) {
            throw new IllegalStateException("row " + next + " unreadable");
          }
          return template.withId("F" + next++);
        }
      };

      assertThatThrownBy(() -> intake.registerAll(failing)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("unreadable");

      // The first unit of work was stored before the rows after it were read; the rows read after
      // it were never stored.
      assertThat(registered("F0")).isPresent();
      assertThat(registered("F" + (IntakeService.REGISTER_BATCH_SIZE - 1))).isPresent();
      assertThat(registered("F" + IntakeService.REGISTER_BATCH_SIZE)).isEmpty();
    }

    @Test
    void aLargeRegisterGivenInsideAnOpenSessionFailsAsANestedUnitDoesInsteadOfWaiting() {
      var template = county.household("H1", VILLAGE_A1);
      List<org.fangfanpin.spi.model.Household> many = java.util.stream.IntStream
          .range(0, 2 * IntakeService.REGISTER_BATCH_SIZE + 1).mapToObj(i -> template.withId("N" + i)).toList();

      // Preemptive: were the first unit handed to a writer thread, it would wait for this
      // session's lock while this thread waited for it.
      org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
          () -> assertThatThrownBy(() -> county.store.write(s -> intake.registerAll(many)))
              .isInstanceOf(IllegalStateException.class));

      assertThat(registered("N0")).isEmpty();
    }

    private Optional<org.fangfanpin.spi.model.Household> registered(String id) {
      return county.store.read(s -> s.households().find(id));
    }

    @Test
    void replacesTheFactsOfARegisteredHousehold() {
      var h = county.household("H1", VILLAGE_A1);

      intake.register(h.withMemberCount(5));

      assertThat(county.store.read(s -> s.households().find("H1")).orElseThrow().memberCount()).isEqualTo(5);
    }
  }

  private void dismiss(String caseId) {
    county.store.write(s -> {
      MonitoringCase c = s.cases().find(caseId).orElseThrow();
      s.cases().update(c.withState(CaseState.DISMISSED).withVersion(c.version() + 1)
          .withDismissal(new Dismissal(TODAY, VILLAGE_GROUP_A1, c.state(), "风险不实")));
      return null;
    });
  }
}
