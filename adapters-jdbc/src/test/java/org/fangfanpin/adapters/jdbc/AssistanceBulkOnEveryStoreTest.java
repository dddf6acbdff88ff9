package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.assistance.AssistanceEntry;
import org.fangfanpin.core.assistance.AssistanceService;
import org.fangfanpin.core.assistance.FollowUpFacts;
import org.fangfanpin.core.assistance.GridAssignment;
import org.fangfanpin.core.assistance.GridRound;
import org.fangfanpin.core.assistance.MeasurePlan;
import org.fangfanpin.core.review.ReviewEntry;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The bulk calls of assistance and review on H2 and PostgreSQL, where a unit of work reads its
 * cases, households, grid workers and last visits in one query each and writes them back in one
 * batch each, against the one-by-one calls on a second store of the same kind, and against the
 * in-memory store: the same results, cases, households, visits, grid workers and audit chain. The
 * calls run over more than one unit of work; a case moves several times in one unit, a household
 * is visited twice on one day within a unit, some entries are refused.
 */
class AssistanceBulkOnEveryStoreTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 16);
  /** More households than one unit of work takes (256). */
  private static final int HOUSEHOLDS = 280;

  @Test
  void theBulkCallsLeaveWhatTheOneByOneCallsLeaveOnEveryStore() {
    Map<String, Supplier<UnitOfWork>> stores = new LinkedHashMap<>();
    stores.put("in memory", InMemoryStore::new);
    stores.put("H2", H2Databases::newStore);
    stores.put("PostgreSQL", EmbeddedPostgresServer::newStore);
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    stores.forEach((name, store) -> {
      Outcome oneByOne = run(new JdbcCounty(store.get(), TODAY), false);
      Outcome bulk = run(new JdbcCounty(store.get(), TODAY), true);
      assertThat(bulk).as(name).isEqualTo(oneByOne);
      outcomes.put(name, bulk);
    });

    Outcome reference = outcomes.get("in memory");
    assertThat(reference.results()).contains("assistance.visit_exists", "assistance.household_not_assigned",
        "assistance.cadre_not_responsible", "case.not_found", "assistance.grid_full");
    assertThat(outcomes).allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo(reference));
  }

  /** What the calls answered, in order, and what the store holds afterwards. */
  record Outcome(List<String> results, List<MonitoringCase> cases, List<Optional<Household>> households,
      List<Optional<GridVisit>> lastVisits, List<Optional<String>> workers, List<AuditRecord> audit) {}

  private static Outcome run(JdbcCounty county, boolean bulk) {
    AssistanceService assistance = county.ffp.assistance();
    List<String> results = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      Household h = county.household(String.format("H%04d", i), JdbcCounty.VILLAGE_A1);
      ids.add(h.id());
      // Every tenth household's case still awaits its screening visit.
      county.store.write(s -> {
        s.cases().insert(i(h) % 10 == 9 ? awaitingVisit(h) : confirmed(h));
        return null;
      });
    }

    // Grid assignments: sixteen households to each worker, one too many.
    List<GridAssignment> assignments = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      assignments.add(new GridAssignment(ids.get(i), worker(i / 16).id(), JdbcCounty.TOWNSHIP_OFFICER_A));
    }
    if (bulk) {
      assistance.assignGrids(assignments).forEach(r -> results.add(answer(r)));
    } else {
      assignments.forEach(a -> results.add(answer(assistance.assignGrid(a.householdId(), a.gridWorkerId(), a.by()))));
    }

    // A day's rounds: each worker visits their households; the first visits one twice.
    List<GridRound> rounds = new ArrayList<>();
    for (int w = 0; w <= (HOUSEHOLDS - 1) / 16; w++) {
      List<GridVisit> visits = new ArrayList<>();
      for (int i = w * 16; i < Math.min(HOUSEHOLDS, w * 16 + 16); i++) {
        visits.add(new GridVisit(worker(w).id(), ids.get(i), TODAY, "入户走访 " + i));
      }
      if (w == 0) {
        visits.add(new GridVisit(worker(0).id(), ids.get(3), TODAY, "同日再次走访"));
      }
      rounds.add(new GridRound(worker(w), visits));
    }
    if (bulk) {
      assistance.recordRounds(rounds).forEach(round -> round.forEach(r -> results.add(answer(r))));
    } else {
      rounds.forEach(round -> round.visits().forEach(v -> results.add(answer(assistance.recordVisit(v, round.by())))));
    }

    // Cadres, a plan, its implementation and verification, case by case, so a unit moves a case four times.
    List<AssistanceEntry> entries = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      String caseId = "case-" + ids.get(i);
      entries.add(new AssistanceEntry.Cadres(caseId, List.of("cadre-1", "cadre-2"), JdbcCounty.TOWNSHIP_OFFICER_A,
          TODAY));
      entries.add(new AssistanceEntry.Plan(caseId, MeasurePlan.of(MeasureType.MEDICAL, "县医保局",
          i % 7 == 0 ? "cadre-9" : "cadre-1", TODAY), JdbcCounty.VILLAGE_GROUP_A1));
      entries.add(new AssistanceEntry.Implementation(caseId, 1, JdbcCounty.VILLAGE_GROUP_A1, TODAY, "已办理"));
      entries.add(new AssistanceEntry.Verification(caseId, 1, JdbcCounty.TOWNSHIP_OFFICER_A, TODAY));
    }
    entries.add(5, new AssistanceEntry.Verification("case-missing", 1, JdbcCounty.TOWNSHIP_OFFICER_A, TODAY));
    if (bulk) {
      assistance.enterAll(entries).forEach(r -> results.add(answer(r)));
    } else {
      entries.forEach(e -> results.add(answer(oneByOne(assistance, e))));
    }

    // The month's follow-ups: each updates the household's register entry too.
    List<Map.Entry<String, FollowUpFacts>> followUps = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      followUps.add(Map.entry("case-" + ids.get(i), new FollowUpFacts(YearMonth.from(TODAY), TODAY, worker(i / 16),
          Money.ofYuan(8_000 + 100 * i), Money.ofYuan(i % 3 == 0 ? 9_000 : 0), Set.of())));
    }
    if (bulk) {
      assistance.recordFollowUps(followUps).forEach(r -> results.add(answer(r)));
    } else {
      followUps.forEach(f -> results.add(answer(assistance.recordFollowUp(f.getKey(), f.getValue()))));
    }

    // Review: the screening visits of the cases still awaiting one, and one of a confirmed case.
    List<ReviewEntry> steps = new ArrayList<>();
    for (int i = 0; i < HOUSEHOLDS; i++) {
      if (i % 10 == 9 || i == 0) {
        steps.add(new ReviewEntry.Visit("case-" + ids.get(i), new ScreeningVisit(TODAY, JdbcCounty.VILLAGE_GROUP_A1,
            i % 20 != 19, true, "入户核实")));
      }
    }
    if (bulk) {
      county.ffp.review().enterAll(steps).forEach(r -> results.add(answer(r)));
    } else {
      steps.forEach(st -> results.add(answer(county.ffp.review().recordScreeningVisit(st.caseId(),
          ((ReviewEntry.Visit) st).visit()))));
    }

    return county.store.read(s -> {
      List<MonitoringCase> cases;
      try (var all = s.cases().inArea(JdbcCounty.COUNTY)) {
        cases = all.toList();
      }
      List<Optional<Household>> households = ids.stream().map(id -> s.households().find(id)).toList();
      List<Optional<GridVisit>> visits = ids.stream().map(id -> s.grid().lastVisit(id, TODAY)).toList();
      List<Optional<String>> workers = ids.stream().map(id -> s.grid().workerOf(id)).toList();
      List<AuditRecord> audit;
      try (var chain = s.audit().chain(JdbcCounty.COUNTY)) {
        audit = chain.toList();
      }
      return new Outcome(List.copyOf(results), cases, households, visits, workers, audit);
    });
  }

  private static int i(Household h) {
    return Integer.parseInt(h.id().substring(1));
  }

  private static Actor worker(int w) {
    return Actor.of("grid-a1-" + w, Role.GRID_WORKER, JdbcCounty.VILLAGE_A1);
  }

  private static Either<Rejection, MonitoringCase> oneByOne(AssistanceService a, AssistanceEntry entry) {
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

  private static String answer(Either<Rejection, ?> r) {
    if (r.isLeft()) {
      return r.getLeft().code();
    }
    Object value = r.get();
    return value instanceof MonitoringCase c ? c.id() + "@" + c.version() + ":" + c.state() : String.valueOf(value);
  }

  private static MonitoringCase confirmed(Household h) {
    return base(h, CaseState.CONFIRMED)
        .decision(new CountyDecision(LocalDate.of(2025, 5, 20), JdbcCounty.COUNTY_OFFICER, true,
            Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), ""))
        .build();
  }

  private static MonitoringCase awaitingVisit(Household h) {
    return base(h, CaseState.AWAITING_VISIT).build();
  }

  private static MonitoringCase.Builder base(Household h, CaseState state) {
    LocalDate opened = LocalDate.of(2025, 5, 6);
    return MonitoringCase.builder()
        .id("case-" + h.id())
        .householdId(h.id())
        .area(h.area())
        .householdStatus(h.status())
        .state(state)
        .version(1)
        .openedOn(opened)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + h.id(), opened, opened, Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS));
  }
}
