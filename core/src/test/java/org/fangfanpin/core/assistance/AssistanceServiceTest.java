package org.fangfanpin.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_B;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_HEAD_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A_OTHER;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Assistance's use cases on the in-memory store: what each accepted move leaves behind (the case
 * one version later, the register entry, the grid, one audit record and no event), that a refused
 * move leaves nothing, the grid's limit under racing assignments, and the lists of missed visits
 * and of households without enough cadres.
 */
class AssistanceServiceTest {

  /** A Wednesday. */
  static final LocalDate TODAY = LocalDate.of(2025, 4, 30);
  static final LocalDate CONFIRMED_ON = LocalDate.of(2025, 3, 13);

  final TestCounty county = new TestCounty(TODAY);
  final AssistanceService assistance = county.ffp.assistance();

  /** Stores the household's case in the state, as the review would have left it, at version 1. */
  MonitoringCase insertCase(String caseId, Household h, CaseState state, String... cadreIds) {
    MonitoringCase.Builder b = MonitoringCase.builder()
        .id(caseId)
        .householdId(h.id())
        .area(h.area())
        .householdStatus(h.status())
        .state(state)
        .version(1)
        .openedOn(LocalDate.of(2025, 3, 3))
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + caseId, LocalDate.of(2025, 3, 3),
            LocalDate.of(2025, 3, 3), Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .cadreIds(List.of(cadreIds));
    if (!state.inRecognition()) {
      b.decision(new CountyDecision(CONFIRMED_ON, COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
          Set.of(RiskType.ILLNESS), ""));
    }
    MonitoringCase c = b.build();
    county.store.write(s -> {
      s.cases().insert(c);
      return null;
    });
    return c;
  }

  /** A confirmed case of a new household of village A1. */
  MonitoringCase confirmedCase(String caseId, String householdId, String... cadreIds) {
    return insertCase(caseId, county.household(householdId, VILLAGE_A1), CaseState.CONFIRMED, cadreIds);
  }

  /** Everything assistance could have written. */
  record Snapshot(List<MonitoringCase> cases, List<Household> households, List<AuditRecord> audit,
      List<DomainEvent> outbox, List<Optional<String>> workers, List<Optional<GridVisit>> lastVisits) {}

  Snapshot snapshot(List<String> householdIds) {
    return county.store.read(s -> {
      List<MonitoringCase> cases;
      try (var inCounty = s.cases().inArea(COUNTY)) {
        cases = inCounty.toList();
      }
      List<Household> households;
      try (var inCounty = s.households().inArea(COUNTY)) {
        households = inCounty.toList();
      }
      List<AuditRecord> audit;
      try (var chain = s.audit().chain(COUNTY)) {
        audit = chain.toList();
      }
      List<Optional<String>> workers = householdIds.stream().map(h -> s.grid().workerOf(h)).toList();
      List<Optional<GridVisit>> visits = householdIds.stream().map(h -> s.grid().lastVisit(h, TODAY)).toList();
      return new Snapshot(cases, households, audit, s.outbox().pending(10_000), workers, visits);
    });
  }

  List<AuditRecord> audit() {
    return snapshot(List.of()).audit();
  }

  static <T> T accepted(Either<Rejection, T> result) {
    assertThat(result.isRight()).as("expected the move to be accepted, got %s", result).isTrue();
    return result.get();
  }

  static Rejection rejected(Either<Rejection, ?> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    return result.getLeft();
  }

  /** An entry point over the same store whose policy changes on the day to the parameters. */
  FangFanPin withPolicyFrom(LocalDate from, PolicyParameters parameters) {
    PolicyBook book = PolicyBook.of(List.of(
        PolicyEntry.builder().effectiveFrom(PolicyBook.NATIONAL_DEFAULT_FROM).parameters(PolicyParameters.builder()
            .build()).build(),
        PolicyEntry.builder().effectiveFrom(from).parameters(parameters).build())).get();
    return FangFanPin.builder().store(county.store).ids(new InMemoryIdSource()).clock(county.clock)
        .calendar(ChinaCalendar.y2025()).policies(book).build();
  }

  @Test
  void theEntryPointExposesOneAssistanceService() {
    assertThat(county.ffp.assistance()).isSameAs(assistance).isNotNull();
  }

  @Nested
  class Plan {

    @Test
    void walksAPlanOneVersionAndOneAuditRecordPerMoveWithoutEvents() {
      confirmedCase("case-1", "h-1");
      String caseId = "case-1";

      MonitoringCase c1 = accepted(assistance.assignCadres(caseId, List.of("cadre-1", "cadre-2"), TOWNSHIP_HEAD_A,
          LocalDate.of(2025, 3, 14)));
      MonitoringCase c2 = accepted(assistance.planMeasure(caseId, MeasurePlan.of(MeasureType.PUBLIC_WELFARE_JOB,
          "县人社局", "cadre-1", LocalDate.of(2025, 3, 20)), VILLAGE_GROUP_A1));
      MonitoringCase c3 = accepted(assistance.implementMeasure(caseId, 1, VILLAGE_GROUP_A1, LocalDate.of(2025, 4, 1),
          "公益性岗位协议已签订"));
      MonitoringCase c4 = accepted(assistance.verifyMeasure(caseId, 1, TOWNSHIP_OFFICER_A, LocalDate.of(2025, 4, 10)));
      MonitoringCase c5 = accepted(assistance.recordFollowUp(caseId, new FollowUpFacts(YearMonth.of(2025, 4), TODAY,
          GRID_WORKER_A1, Money.ofYuan(30_000), Money.ZERO, Set.of())));

      assertThat(List.of(c1, c2, c3, c4, c5)).extracting(MonitoringCase::version).containsExactly(2L, 3L, 4L, 5L, 6L);
      MonitoringCase stored = county.store.read(s -> s.cases().find(caseId)).orElseThrow();
      assertThat(stored).isEqualTo(c5);
      assertThat(stored.cadreIds()).containsExactly("cadre-1", "cadre-2");
      assertThat(stored.measures()).singleElement().satisfies(m -> {
        assertThat(m.status()).isEqualTo(MeasureStatus.VERIFIED);
        assertThat(m.verifiedBy()).contains(TOWNSHIP_OFFICER_A);
      });
      assertThat(stored.followUps()).singleElement().extracting(FollowUp::stillAtRisk).isEqualTo(false);
      assertThat(audit()).extracting(AuditRecord::action, AuditRecord::subjectId, AuditRecord::actorId,
              AuditRecord::actorRole, AuditRecord::beforeState, AuditRecord::afterState)
          .containsExactly(
              tuple("assistance.cadres_assigned", caseId, "head-a", Role.TOWNSHIP_HEAD, Optional.of("CONFIRMED cadres="),
                  "CONFIRMED cadres=cadre-1,cadre-2"),
              tuple("assistance.measure_planned", caseId, "vwg-a1", Role.VILLAGE_WORKING_GROUP,
                  Optional.of("CONFIRMED measures=0"), "CONFIRMED measure#1=PLANNED"),
              tuple("assistance.measure_implemented", caseId, "vwg-a1", Role.VILLAGE_WORKING_GROUP,
                  Optional.of("CONFIRMED measure#1=PLANNED"), "CONFIRMED measure#1=IMPLEMENTED"),
              tuple("assistance.measure_verified", caseId, "twp-a", Role.TOWNSHIP_OFFICER,
                  Optional.of("CONFIRMED measure#1=IMPLEMENTED"), "CONFIRMED measure#1=VERIFIED"),
              tuple("assistance.follow_up_recorded", caseId, "grid-a1", Role.GRID_WORKER,
                  Optional.of("CONFIRMED followUps=0"), "CONFIRMED followUp#2025-04 atRisk=false"));
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();
      assertThat(snapshot(List.of()).outbox()).isEmpty();
    }

    @Test
    void aRefusedMoveWritesNothing() {
      confirmedCase("case-1", "h-1", "cadre-1");
      accepted(assistance.planMeasure("case-1", MeasurePlan.of(MeasureType.MEDICAL, "县医保局", "cadre-1",
          LocalDate.of(2025, 3, 20)), TOWNSHIP_OFFICER_A));
      accepted(assistance.implementMeasure("case-1", 1, TOWNSHIP_OFFICER_A, LocalDate.of(2025, 4, 1), "已办理慢病卡"));
      accepted(assistance.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
          Money.ofYuan(30_000), Money.ZERO, Set.of())));
      Snapshot before = snapshot(List.of("h-1"));

      rejected(assistance.assignCadres("case-1", List.of("cadre-2"), VILLAGE_GROUP_A1, TODAY),
          "actor.role_not_allowed");
      rejected(assistance.assignCadres("case-1", List.of("cadre-1", "cadre-2", "cadre-3"), TOWNSHIP_OFFICER_A, TODAY),
          "assistance.cadre_count");
      rejected(assistance.planMeasure("case-1", MeasurePlan.of(MeasureType.HOUSING, "县住建局", "cadre-9", TODAY),
          VILLAGE_GROUP_A1), "assistance.cadre_not_responsible");
      rejected(assistance.implementMeasure("case-1", 2, VILLAGE_GROUP_A1, TODAY, "已落实"),
          "assistance.measure_not_found");
      rejected(assistance.verifyMeasure("case-1", 1, TOWNSHIP_OFFICER_A, TODAY), "actor.same_as_proposer");
      rejected(assistance.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
          Money.ofYuan(1_000), Money.ZERO, Set.of(BasicNeed.SAFE_HOUSING))), "assistance.follow_up_exists");
      rejected(assistance.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 5), TODAY.plusDays(1),
          VILLAGE_GROUP_A1, Money.ofYuan(1_000), Money.ZERO, Set.of())), "assistance.date_out_of_order");

      assertThat(snapshot(List.of("h-1"))).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownCaseOrACaseNotMonitored() {
      county.household("h-1", VILLAGE_A1);
      insertCase("case-open", county.household("h-2", VILLAGE_A1), CaseState.AWAITING_COUNTY);

      rejected(assistance.assignCadres("nope", List.of("cadre-1"), TOWNSHIP_OFFICER_A, TODAY), "case.not_found");
      rejected(assistance.planMeasure("nope", MeasurePlan.of(MeasureType.MEDICAL, "县医保局", "cadre-1", TODAY),
          VILLAGE_GROUP_A1), "case.not_found");
      rejected(assistance.implementMeasure("nope", 1, VILLAGE_GROUP_A1, TODAY, "x"), "case.not_found");
      rejected(assistance.verifyMeasure("nope", 1, TOWNSHIP_OFFICER_A, TODAY), "case.not_found");
      rejected(assistance.recordFollowUp("nope", new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
          Money.ofYuan(1_000), Money.ZERO, Set.of())), "case.not_found");
      rejected(assistance.assignCadres("case-open", List.of("cadre-1"), TOWNSHIP_OFFICER_A, TODAY),
          "assistance.wrong_state");
      assertThat(audit()).isEmpty();
    }

    @Test
    void judgesDatesAgainstTheClock() {
      confirmedCase("case-1", "h-1", "cadre-1");
      MeasurePlan tomorrow = MeasurePlan.of(MeasureType.MEDICAL, "县医保局", "cadre-1", TODAY.plusDays(1));

      rejected(assistance.planMeasure("case-1", tomorrow, VILLAGE_GROUP_A1), "assistance.date_out_of_order");
      county.clock.setDay(TODAY.plusDays(1));
      accepted(assistance.planMeasure("case-1", tomorrow, VILLAGE_GROUP_A1));
    }
  }

  @Nested
  class FollowUps {

    @Test
    void updatesTheRegisterEntryAndReassessesIt() {
      Household h = county.household("h-1", VILLAGE_A1);
      insertCase("case-1", h, CaseState.GRADUAL_EXIT, "cadre-1");

      MonitoringCase c = accepted(assistance.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 4), TODAY,
          VILLAGE_GROUP_A1, Money.ofYuan(20_000), Money.ofYuan(2_000), Set.of(BasicNeed.SAFE_DRINKING_WATER))));

      Household stored = county.store.read(s -> s.households().find("h-1")).orElseThrow();
      assertThat(stored).isEqualTo(h.withIncomeLast12Months(Money.ofYuan(20_000)).withRigidExpenditure(
          Money.ofYuan(2_000)).withUnmetNeeds(BasicNeed.SAFE_DRINKING_WATER));
      FollowUp f = c.followUps().get(0);
      assertThat(f.perCapitaIncome()).isEqualTo(Money.ofYuan(5_000));
      assertThat(f.incomeAboveLine()).isFalse();
      assertThat(f.stillAtRisk()).isTrue();
      assertThat(c.state()).isEqualTo(CaseState.GRADUAL_EXIT);
    }

    @Test
    void assessesUnderThePolicyInForceOnTheDayRecorded() {
      county.household("h-1", VILLAGE_A1);
      insertCase("case-1", county.store.read(s -> s.households().find("h-1")).orElseThrow(), CaseState.CONFIRMED);
      AssistanceService higherFromApril = withPolicyFrom(LocalDate.of(2025, 4, 1),
          PolicyParameters.builder().monitoringLine(Money.ofYuan(8_000)).build()).assistance();

      MonitoringCase march = accepted(higherFromApril.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 3),
          LocalDate.of(2025, 3, 31), VILLAGE_GROUP_A1, Money.ofYuan(30_000), Money.ZERO, Set.of())));
      MonitoringCase april = accepted(higherFromApril.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 4),
          LocalDate.of(2025, 4, 1), VILLAGE_GROUP_A1, Money.ofYuan(30_000), Money.ZERO, Set.of())));

      assertThat(march.followUps().get(0).incomeAboveLine()).isTrue();
      assertThat(april.followUps().get(1).incomeAboveLine()).isFalse();
    }

    @Test
    void aBulkCallRecordsEachFollowUpAsOneByOneWouldAndARefusedOneChangesNothing() {
      int cases = AssistanceService.MOVES_PER_UNIT + 3;
      List<Map.Entry<String, FollowUpFacts>> followUps = new ArrayList<>();
      for (int i = 0; i < cases; i++) {
        Household h = county.household("h-" + i, VILLAGE_A1);
        insertCase("case-" + i, h, CaseState.CONFIRMED);
        followUps.add(Map.entry("case-" + i, new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
            Money.ofYuan(20_000 + i), Money.ZERO, Set.of())));
      }
      // A second follow-up of case-3's month, and one of an unknown case, in the middle.
      followUps.add(5, Map.entry("case-3", new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
          Money.ofYuan(1), Money.ZERO, Set.of())));
      followUps.add(AssistanceService.MOVES_PER_UNIT, Map.entry("case-missing", followUps.get(0).getValue()));
      int recordsBefore = audit().size();

      List<Either<Rejection, MonitoringCase>> results = assistance.recordFollowUps(followUps);

      assertThat(results).hasSize(followUps.size());
      assertThat(results.get(5).getLeft().code()).isEqualTo("assistance.follow_up_exists");
      assertThat(results.get(AssistanceService.MOVES_PER_UNIT).getLeft().code()).isEqualTo("case.not_found");
      assertThat(results.stream().filter(Either::isRight)).hasSize(cases);
      assertThat(audit()).hasSize(recordsBefore + cases);
      for (int i = 0; i < cases; i++) {
        String id = "case-" + i;
        MonitoringCase stored = county.store.read(s -> s.cases().find(id)).orElseThrow();
        assertThat(stored.followUps()).hasSize(1);
        Household entry = county.store.read(s -> s.households().find(stored.householdId())).orElseThrow();
        assertThat(entry.incomeLast12Months()).isEqualTo(Money.ofYuan(20_000 + i));
      }
    }

    @Test
    void refusesACaseWhoseHouseholdIsNotInTheRegister() {
      Household h = county.household("h-1", VILLAGE_A1).withId("h-missing");
      insertCase("case-1", h, CaseState.CONFIRMED);
      Snapshot before = snapshot(List.of());

      rejected(assistance.recordFollowUp("case-1", new FollowUpFacts(YearMonth.of(2025, 4), TODAY, VILLAGE_GROUP_A1,
          Money.ofYuan(30_000), Money.ZERO, Set.of())), "household.not_found");
      assertThat(snapshot(List.of())).isEqualTo(before);
    }
  }

  @Nested
  class Grid {

    @Test
    void acceptsTheFifteenthHouseholdAndRefusesTheSixteenth() {
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= 16; i++) {
        ids.add(county.household(String.format("h-%02d", i), VILLAGE_A1).id());
      }
      for (int i = 0; i < 15; i++) {
        assertThat(accepted(assistance.assignGrid(ids.get(i), "grid-a1", TOWNSHIP_OFFICER_A))).hasSize(i + 1);
      }
      Snapshot full = snapshot(ids);

      Rejection r = rejected(assistance.assignGrid(ids.get(15), "grid-a1", TOWNSHIP_OFFICER_A), "assistance.grid_full");
      assertThat(r.zh()).contains("15");
      assertThat(snapshot(ids)).isEqualTo(full);
      assertThat(full.audit()).hasSize(15).allSatisfy(a -> {
        assertThat(a.action()).isEqualTo(AssistanceActions.GRID_ASSIGNED);
        assertThat(a.beforeState()).isEmpty();
        assertThat(a.afterState()).isEqualTo("grid=grid-a1");
      });
      assertThat(full.audit()).extracting(AuditRecord::subjectId).containsExactlyElementsOf(ids.subList(0, 15));

      assertThat(accepted(assistance.assignGrid(ids.get(0), "grid-a1-2", TOWNSHIP_HEAD_A))).containsExactly("h-01");
      assertThat(accepted(assistance.assignGrid(ids.get(15), "grid-a1", TOWNSHIP_OFFICER_A))).hasSize(15)
          .doesNotContain("h-01").contains("h-16");
      assertThat(audit().get(15).beforeState()).contains("grid=grid-a1");
    }

    @Test
    void takesTheLimitFromThePolicy() {
      AssistanceService ofThree = withPolicyFrom(LocalDate.of(2025, 1, 1),
          PolicyParameters.builder().maxHouseholdsPerGridWorker(3).build()).assistance();
      for (int i = 1; i <= 4; i++) {
        county.household("h-" + i, VILLAGE_A1);
      }
      for (int i = 1; i <= 3; i++) {
        accepted(ofThree.assignGrid("h-" + i, "grid-a1", TOWNSHIP_OFFICER_A));
      }
      rejected(ofThree.assignGrid("h-4", "grid-a1", TOWNSHIP_OFFICER_A), "assistance.grid_full");
    }

    @Test
    void racingAssignmentsNeverOverfillAWorker() throws Exception {
      int households = 40;
      for (int i = 0; i < households; i++) {
        county.household(String.format("h-%02d", i), VILLAGE_A1);
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Either<Rejection, List<String>>>> results = new ArrayList<>();
      try {
        for (int i = 0; i < households; i++) {
          String id = String.format("h-%02d", i);
          Callable<Either<Rejection, List<String>>> assign = () -> {
            start.await();
            return assistance.assignGrid(id, "grid-a1", TOWNSHIP_OFFICER_A);
          };
          results.add(pool.submit(assign));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Either<Rejection, List<String>>> f : results) {
          Either<Rejection, List<String>> r = f.get(30, TimeUnit.SECONDS);
          if (r.isRight()) {
            accepted++;
          } else {
            assertThat(r.getLeft().code()).isEqualTo("assistance.grid_full");
          }
        }
        assertThat(accepted).isEqualTo(15);
      } finally {
        pool.shutdownNow();
      }
      List<String> covered = county.store.read(s -> s.grid().householdsOf("grid-a1"));
      assertThat(covered).hasSize(15);
      assertThat(audit()).hasSize(15);
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();
    }

    @Test
    void refusesAnUnknownHouseholdAndAnOfficerOfAnotherTownship() {
      county.household("h-1", VILLAGE_A1);
      rejected(assistance.assignGrid("nope", "grid-a1", TOWNSHIP_OFFICER_A), "household.not_found");
      rejected(assistance.recordVisit(new GridVisit("grid-a1", "nope", TODAY, "走访"), GRID_WORKER_A1),
          "household.not_found");
      rejected(assistance.assignGrid("h-1", "grid-a1", TestCounty.TOWNSHIP_OFFICER_B), "actor.outside_jurisdiction");
      assertThat(audit()).isEmpty();
    }

    @Test
    void aRoundOfVisitsIsRecordedAsVisitByVisitWouldRecordIt() {
      for (int i = 0; i < 4; i++) {
        county.household("h-" + i, VILLAGE_A1);
        if (i != 2) {
          accepted(assistance.assignGrid("h-" + i, "grid-a1", TOWNSHIP_OFFICER_A));
        }
      }
      int recordsBefore = audit().size();
      List<GridVisit> round = List.of(new GridVisit("grid-a1", "h-0", TODAY, "走访"),
          new GridVisit("grid-a1", "h-1", TODAY, "走访"),
          new GridVisit("grid-a1", "h-2", TODAY, "未分配"),
          new GridVisit("grid-a1", "h-1", TODAY, "同日再次走访"),
          new GridVisit("grid-a1", "h-3", TODAY, "走访"));

      List<Either<Rejection, GridVisit>> results = assistance.recordVisits(round, GRID_WORKER_A1);

      assertThat(results).extracting(r -> r.isLeft() ? r.getLeft().code() : "ok").containsExactly("ok", "ok",
          "assistance.household_not_assigned", "assistance.visit_exists", "ok");
      assertThat(audit()).hasSize(recordsBefore + 3);
      Optional<GridVisit> h1 = county.store.read(s -> s.grid().lastVisit("h-1", TODAY));
      Optional<GridVisit> h2 = county.store.read(s -> s.grid().lastVisit("h-2", TODAY));
      assertThat(h1).contains(round.get(1));
      assertThat(h2).isEmpty();
      assertThat(assistance.recordVisits(List.of(new GridVisit("grid-a1", "h-0", TODAY, "走访")),
          VILLAGE_GROUP_A1)).singleElement().satisfies(r -> assertThat(r.getLeft().code())
          .isEqualTo("actor.role_not_allowed"));
    }

    @Test
    void recordsOnlyTheAssignedWorkersOwnVisits() {
      county.household("h-1", VILLAGE_A1);
      GridVisit visit = new GridVisit("grid-a1", "h-1", TODAY, "家中情况稳定");

      rejected(assistance.recordVisit(visit, GRID_WORKER_A1), "assistance.household_not_assigned");
      accepted(assistance.assignGrid("h-1", "grid-a1", TOWNSHIP_OFFICER_A));
      Snapshot assigned = snapshot(List.of("h-1"));
      rejected(assistance.recordVisit(visit, Actor.of("grid-a1-2", Role.GRID_WORKER, VILLAGE_A1)),
          "assistance.visit_by_other_worker");
      rejected(assistance.recordVisit(visit, VILLAGE_GROUP_A1), "actor.role_not_allowed");
      assertThat(snapshot(List.of("h-1"))).isEqualTo(assigned);

      assertThat(accepted(assistance.recordVisit(visit, GRID_WORKER_A1))).isEqualTo(visit);
      rejected(assistance.recordVisit(new GridVisit("grid-a1", "h-1", TODAY, "再次走访"), GRID_WORKER_A1),
          "assistance.visit_exists");

      Optional<GridVisit> last = county.store.read(s -> s.grid().lastVisit("h-1", TODAY));
      assertThat(last).contains(visit);
      AuditRecord record = audit().get(audit().size() - 1);
      assertThat(record.action()).isEqualTo(AssistanceActions.GRID_VISIT);
      assertThat(record.subjectId()).isEqualTo("h-1");
      assertThat(record.actorId()).isEqualTo("grid-a1");
      assertThat(record.beforeState()).isEmpty();
      assertThat(record.afterState()).isEqualTo("visited=2025-04-30");
      assertThat(audit()).hasSize(2);
    }
  }

  @Nested
  class Lists {

    @Test
    void listsAMissedVisitOnlyOnceTheIntervalHasFullyPassed() {
      LocalDate visited = LocalDate.of(2025, 4, 14);
      county.clock.setDay(visited);
      confirmedCase("case-1", "h-1", "cadre-1");
      accepted(assistance.assignGrid("h-1", "grid-a1", TOWNSHIP_OFFICER_A));
      accepted(assistance.recordVisit(new GridVisit("grid-a1", "h-1", visited, "走访"), GRID_WORKER_A1));
      county.clock.setDay(TODAY);
      accepted(assistance.recordVisit(new GridVisit("grid-a1", "h-1", visited.plusDays(9), "走访"), GRID_WORKER_A1));

      assertThat(assistance.missedVisits(VILLAGE_A1, visited.plusDays(7))).isEmpty();
      assertThat(assistance.missedVisits(VILLAGE_A1, visited.plusDays(8)))
          .containsExactly(MissedVisit.of("case-1", "h-1", VILLAGE_A1, Optional.of("grid-a1"), Optional.of(visited)));
      assertThat(assistance.missedVisits(VILLAGE_A1, visited.plusDays(9))).isEmpty();
    }

    @Test
    void listsMonitoredHouseholdsOnlyInTheAreaByVillageThenHousehold() {
      LocalDate on = TODAY;
      insertCase("case-a2", county.household("h-a2", VILLAGE_A2), CaseState.GRADUAL_EXIT);
      insertCase("case-a1b", county.household("h-a1b", VILLAGE_A1), CaseState.ELIMINATION_IN_NOTICE);
      insertCase("case-a1a", county.household("h-a1a", VILLAGE_A1), CaseState.CONFIRMED);
      insertCase("case-rec", county.household("h-rec", VILLAGE_A1), CaseState.AWAITING_COUNTY);
      insertCase("case-closed", county.household("h-closed", VILLAGE_A1), CaseState.CLOSED);
      insertCase("case-b1", county.household("h-b1", VILLAGE_B1), CaseState.CONFIRMED);
      county.household("h-none", VILLAGE_A1);
      accepted(assistance.assignGrid("h-a1b", "grid-a1", TOWNSHIP_OFFICER_A));

      assertThat(assistance.missedVisits(TOWNSHIP_A, on)).containsExactly(
          MissedVisit.of("case-a1a", "h-a1a", VILLAGE_A1, Optional.empty(), Optional.empty()),
          MissedVisit.of("case-a1b", "h-a1b", VILLAGE_A1, Optional.of("grid-a1"), Optional.empty()),
          MissedVisit.of("case-a2", "h-a2", VILLAGE_A2, Optional.empty(), Optional.empty()));
      assertThat(assistance.missedVisits(TOWNSHIP_B, on)).extracting(MissedVisit::householdId).containsExactly("h-b1");
    }

    @Test
    void readsTheIntervalFromThePolicyOfTheDayAsked() {
      LocalDate visited = LocalDate.of(2025, 4, 14);
      county.clock.setDay(visited);
      confirmedCase("case-1", "h-1");
      accepted(assistance.assignGrid("h-1", "grid-a1", TOWNSHIP_OFFICER_A));
      accepted(assistance.recordVisit(new GridVisit("grid-a1", "h-1", visited, "走访"), GRID_WORKER_A1));
      AssistanceService fortnightly = withPolicyFrom(LocalDate.of(2025, 1, 1),
          PolicyParameters.builder().gridVisitIntervalDays(14).build()).assistance();

      assertThat(fortnightly.missedVisits(VILLAGE_A1, visited.plusDays(14))).isEmpty();
      assertThat(fortnightly.missedVisits(VILLAGE_A1, visited.plusDays(15))).hasSize(1);
    }

    @Test
    void listsMonitoredHouseholdsWithFewerCadresThanThePolicyRequires() {
      confirmedCase("case-0", "h-0");
      confirmedCase("case-1", "h-1", "cadre-1");
      confirmedCase("case-2", "h-2", "cadre-1", "cadre-2");
      insertCase("case-rec", county.household("h-rec", VILLAGE_A1), CaseState.IN_NOTICE);
      insertCase("case-b", county.household("h-b", VILLAGE_B1), CaseState.CONFIRMED);

      assertThat(assistance.withoutEnoughCadres(TOWNSHIP_A))
          .containsExactly(CadreShortfall.of("case-0", "h-0", VILLAGE_A1, List.of(), 1));
      assertThat(assistance.withoutEnoughCadres(COUNTY)).extracting(CadreShortfall::householdId)
          .containsExactly("h-0", "h-b");

      AssistanceService twoEach = withPolicyFrom(LocalDate.of(2025, 1, 1),
          PolicyParameters.builder().minCadresPerHousehold(2).build()).assistance();
      assertThat(twoEach.withoutEnoughCadres(TOWNSHIP_A)).extracting(CadreShortfall::householdId,
          CadreShortfall::cadreIds, CadreShortfall::required).containsExactly(
              tuple("h-0", List.of(), 2), tuple("h-1", List.of("cadre-1"), 2));

      accepted(assistance.assignCadres("case-0", List.of("cadre-3"), TOWNSHIP_OFFICER_A_OTHER, TODAY));
      assertThat(assistance.withoutEnoughCadres(TOWNSHIP_A)).isEmpty();
    }
  }
}
