package org.fangfanpin.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_B;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.junit.jupiter.api.Test;

/**
 * The bulk paths of assistance ({@link AssistanceService#enterAll}, {@link AssistanceService#recordRounds})
 * against the one-by-one calls: two identical counties, one fed call by call and one in bulk over
 * more than one unit of work, must end with the same results, cases, visits and audit chain.
 */
class AssistanceBulkTest {

  static final LocalDate TODAY = LocalDate.of(2025, 4, 30);

  final TestCounty oneByOne = new TestCounty(TODAY);
  final TestCounty bulk = new TestCounty(TODAY);

  static void confirmedCase(TestCounty county, int i) {
    Household h = county.household("h-" + i, VILLAGE_A1);
    MonitoringCase c = MonitoringCase.builder()
        .id("case-" + i)
        .householdId(h.id())
        .area(h.area())
        .householdStatus(h.status())
        .state(CaseState.CONFIRMED)
        .version(1)
        .openedOn(LocalDate.of(2025, 3, 3))
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + i, LocalDate.of(2025, 3, 3),
            LocalDate.of(2025, 3, 3), Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .decision(new CountyDecision(LocalDate.of(2025, 3, 13), COUNTY_OFFICER, true,
            Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), ""))
        .build();
    county.store.write(s -> {
      s.cases().insert(c);
      return null;
    });
  }

  /** The county's cases, audit chain and events, and each household's last visit and grid worker. */
  record Stored(TestCounty.Stored county, List<Optional<GridVisit>> lastVisits, List<Optional<String>> workers) {}

  static Stored stored(TestCounty county, int households) {
    List<Optional<GridVisit>> visits = new ArrayList<>();
    List<Optional<String>> workers = new ArrayList<>();
    county.store.read(s -> {
      for (int i = 0; i < households; i++) {
        visits.add(s.grid().lastVisit("h-" + i, TODAY));
        workers.add(s.grid().workerOf("h-" + i));
      }
      return null;
    });
    return new Stored(county.stored(), visits, workers);
  }

  static Either<Rejection, MonitoringCase> oneByOne(AssistanceService a, AssistanceEntry entry) {
    if (entry instanceof AssistanceEntry.Cadres e) {
      return a.assignCadres(e.caseId(), e.cadreIds(), e.by(), e.on());
    }
    if (entry instanceof AssistanceEntry.Plan e) {
      return a.planMeasure(e.caseId(), e.plan(), e.by());
    }
    if (entry instanceof AssistanceEntry.Implementation e) {
      return a.implementMeasure(e.caseId(), e.number(), e.by(), e.on(), e.evidence());
    }
    AssistanceEntry.Verification e = (AssistanceEntry.Verification) entry;
    return a.verifyMeasure(e.caseId(), e.number(), e.by(), e.on());
  }

  @Test
  void enteringInBulkLeavesWhatTheOneByOneCallsLeaveAndARefusedEntryChangesNothing() {
    int cases = 70;
    for (int i = 0; i < cases; i++) {
      confirmedCase(oneByOne, i);
      confirmedCase(bulk, i);
    }
    List<AssistanceEntry> entries = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String id = "case-" + i;
      entries.add(new AssistanceEntry.Cadres(id, List.of("cadre-1", "cadre-2"), TOWNSHIP_OFFICER_A, TODAY));
      // Every seventh plan names a cadre the case does not have; its measure then does not exist.
      entries.add(new AssistanceEntry.Plan(id, MeasurePlan.of(MeasureType.MEDICAL, "县医保局",
          i % 7 == 0 ? "cadre-9" : "cadre-1", TODAY), VILLAGE_GROUP_A1));
      entries.add(new AssistanceEntry.Implementation(id, 1, VILLAGE_GROUP_A1, TODAY, "已办理慢病卡"));
      // Every fifth verification is by another township's officer.
      entries.add(new AssistanceEntry.Verification(id, 1, i % 5 == 0 ? TOWNSHIP_OFFICER_B : TOWNSHIP_OFFICER_A,
          TODAY));
    }
    entries.add(3, new AssistanceEntry.Verification("case-missing", 1, TOWNSHIP_OFFICER_A, TODAY));
    assertThat(entries.size()).isGreaterThan(AssistanceService.MOVES_PER_UNIT);

    List<Either<Rejection, MonitoringCase>> expected = entries.stream()
        .map(e -> oneByOne(oneByOne.ffp.assistance(), e)).toList();
    List<Either<Rejection, MonitoringCase>> results = bulk.ffp.assistance().enterAll(entries);

    assertThat(results).isEqualTo(expected);
    assertThat(results.get(3).getLeft().code()).isEqualTo("case.not_found");
    assertThat(results.get(1).getLeft().code()).isEqualTo("assistance.cadre_not_responsible");
    assertThat(results.get(2).getLeft().code()).isEqualTo("assistance.measure_not_found");
    assertThat(results.stream().filter(Either::isRight).count()).isEqualTo(70 + 60 + 60 + 48);
    assertThat(stored(bulk, cases)).isEqualTo(stored(oneByOne, cases));
    assertThat(bulk.ffp.audit().verify(COUNTY).valid()).isTrue();
  }

  @Test
  void recordingRoundsInBulkLeavesWhatTheOneByOneVisitsLeaveEachCheckedAgainstItsOwnWorker() {
    int workers = 20;
    int households = workers * 15;
    List<GridRound> rounds = new ArrayList<>();
    for (TestCounty county : List.of(oneByOne, bulk)) {
      for (int i = 0; i < households; i++) {
        county.household("h-" + i, VILLAGE_A1);
        // Every household but the eleventh of each grid is assigned to its worker.
        if (i % 15 != 10) {
          assertThat(county.ffp.assistance().assignGrid("h-" + i, "grid-a1-" + i / 15, TOWNSHIP_OFFICER_A).isRight())
              .isTrue();
        }
      }
    }
    for (int w = 0; w < workers; w++) {
      String worker = "grid-a1-" + w;
      List<GridVisit> visits = new ArrayList<>();
      for (int k = 0; k < 15; k++) {
        visits.add(new GridVisit(worker, "h-" + (w * 15 + k), TODAY, "入户走访"));
      }
      // The third worker's round records the fourth worker's visit; the fifth visits one household twice.
      if (w == 2) {
        visits.add(new GridVisit("grid-a1-3", "h-45", TODAY, "代录"));
      }
      if (w == 4) {
        visits.add(new GridVisit(worker, "h-60", TODAY, "同日再次走访"));
      }
      rounds.add(new GridRound(Actor.of(worker, Role.GRID_WORKER, VILLAGE_A1), visits));
    }
    rounds.add(new GridRound(VILLAGE_GROUP_A1, List.of(new GridVisit("grid-a1-0", "h-1", TODAY, "村代录"))));

    List<List<Either<Rejection, GridVisit>>> expected = rounds.stream()
        .map(r -> r.visits().stream().map(v -> oneByOne.ffp.assistance().recordVisit(v, r.by())).toList()).toList();
    List<List<Either<Rejection, GridVisit>>> results = bulk.ffp.assistance().recordRounds(rounds);

    assertThat(results).isEqualTo(expected);
    assertThat(results).extracting(List::size).containsExactlyElementsOf(rounds.stream().map(r -> r.visits().size())
        .toList());
    assertThat(results.get(0).get(10).getLeft().code()).isEqualTo("assistance.household_not_assigned");
    assertThat(results.get(2).get(15).getLeft().code()).isEqualTo("assistance.visit_by_other_worker");
    assertThat(results.get(4).get(15).getLeft().code()).isEqualTo("assistance.visit_exists");
    assertThat(results.get(workers).get(0).getLeft().code()).isEqualTo("actor.role_not_allowed");
    assertThat(results.stream().flatMap(List::stream).filter(Either::isRight).count())
        .isEqualTo(households - workers);
    assertThat(stored(bulk, households)).isEqualTo(stored(oneByOne, households));
  }

  @Test
  void assigningInBulkLeavesWhatTheOneByOneAssignmentsLeaveAndCountsEachWorkersLimit() {
    int households = 20 * 16;
    List<GridAssignment> assignments = new ArrayList<>();
    for (int i = 0; i < households; i++) {
      oneByOne.household("h-" + i, VILLAGE_A1);
      bulk.household("h-" + i, VILLAGE_A1);
      // Sixteen households to each worker: the sixteenth is one too many.
      assignments.add(new GridAssignment("h-" + i, "grid-a1-" + i / 16, TOWNSHIP_OFFICER_A));
    }
    assignments.add(1, new GridAssignment("h-1", "grid-a1-0", TOWNSHIP_OFFICER_B));
    assignments.add(2, new GridAssignment("h-missing", "grid-a1-0", TOWNSHIP_OFFICER_A));
    assertThat(assignments.size()).isGreaterThan(AssistanceService.MOVES_PER_UNIT);

    List<Either<Rejection, List<String>>> expected = assignments.stream()
        .map(a -> oneByOne.ffp.assistance().assignGrid(a.householdId(), a.gridWorkerId(), a.by())).toList();
    List<Either<Rejection, List<String>>> results = bulk.ffp.assistance().assignGrids(assignments);

    assertThat(results).isEqualTo(expected);
    assertThat(results.get(1).getLeft().code()).isEqualTo("actor.outside_jurisdiction");
    assertThat(results.get(2).getLeft().code()).isEqualTo("household.not_found");
    assertThat(results.get(17).getLeft().code()).isEqualTo("assistance.grid_full");
    assertThat(results.get(16).get()).hasSize(15);
    assertThat(results.stream().filter(Either::isRight).count()).isEqualTo(20 * 15);
    assertThat(stored(bulk, households)).isEqualTo(stored(oneByOne, households));
  }
}
