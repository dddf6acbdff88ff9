package org.fangfanpin.core.assistance;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.core.internal.UnitSession;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assistance to monitored households (帮扶): the one plan per household (一户一策) of measures
 * (帮扶措施) planned, implemented with evidence and verified by another actor; the 1–2
 * responsible cadres (帮扶责任人) of each household; monthly follow-ups (跟踪回访) that update the
 * household's facts and re-run its assessment; and the grid (网格化管理): households assigned to
 * grid workers (网格员), at most 15 each, visited weekly, with lists of missed visits and of
 * households without enough cadres. The limits are policy parameters.
 *
 * <p>Each move runs in one unit of work: it loads the case (or the household), applies the rule,
 * and when the rule accepts stores the change and appends one audit record to the county's chain,
 * action one of {@link AssistanceActions}. A move on a case stores it one version later, with the
 * case id as the audit subject; a grid move leaves the case alone and has the household id as
 * the subject. A refused move returns the {@link Rejection} and writes nothing. Assistance raises
 * no events. The grid needs a store that keeps it ({@link StoreSession#grid()}). Thread-safe.
 */
public final class AssistanceService {

  private static final Logger LOG = LoggerFactory.getLogger(AssistanceService.class);

  private static final Comparator<MissedVisit> BY_VILLAGE_AND_HOUSEHOLD = Comparator.comparing(MissedVisit::village)
      .thenComparing(MissedVisit::householdId);
  private static final Comparator<CadreShortfall> SHORTFALL_BY_VILLAGE_AND_HOUSEHOLD =
      Comparator.comparing(CadreShortfall::village).thenComparing(CadreShortfall::householdId);

  private final CoreContext ctx;
  private final PolicyLookup policy;

  /** Visits or follow-ups of a bulk call stored per unit of work. */
  static final int MOVES_PER_UNIT = 256;

  /** A service over the wired ports. */
  public AssistanceService(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.policy = ctx::policy;
  }

  /**
   * Assigns or replaces the household's responsible cadres on {@code on}: between the policy's
   * {@code minCadresPerHousehold} and {@code maxCadresPerHousehold}, distinct, by a township
   * officer or head whose township holds the village.
   */
  public Either<Rejection, MonitoringCase> assignCadres(String caseId, List<String> cadreIds, Actor by, LocalDate on) {
    Objects.requireNonNull(caseId, "caseId");
    return move(caseId, ruleOf(new AssistanceEntry.Cadres(caseId, Objects.requireNonNull(cadreIds, "cadreIds"), by,
        on)));
  }

  /**
   * Adds a planned measure to the household's plan, numbered from 1, by the village working group
   * or a township officer; the measure's cadre must be one of the household's cadres.
   */
  public Either<Rejection, MonitoringCase> planMeasure(String caseId, MeasurePlan plan, Actor by) {
    Objects.requireNonNull(caseId, "caseId");
    return move(caseId, ruleOf(new AssistanceEntry.Plan(caseId, plan, by)));
  }

  /**
   * Records that the planned measure with the number was carried out on {@code on}, with its
   * evidence (落实佐证), by the village working group or a township officer.
   */
  public Either<Rejection, MonitoringCase> implementMeasure(String caseId, int number, Actor by, LocalDate on,
      String evidence) {
    Objects.requireNonNull(caseId, "caseId");
    return move(caseId, ruleOf(new AssistanceEntry.Implementation(caseId, number, by, on, evidence)));
  }

  /**
   * Verifies the implemented measure with the number on {@code on}, by a township officer or head
   * or the county office who did not record its implementation.
   */
  public Either<Rejection, MonitoringCase> verifyMeasure(String caseId, int number, Actor by, LocalDate on) {
    Objects.requireNonNull(caseId, "caseId");
    return move(caseId, ruleOf(new AssistanceEntry.Verification(caseId, number, by, on)));
  }

  /**
   * Enters many cadre assignments and measures at once (批量录入), {@value #MOVES_PER_UNIT} to a unit
   * of work, as a township enters a day's work: each entry is decided exactly as its one-by-one
   * call ({@link #assignCadres}, {@link #planMeasure}, {@link #implementMeasure},
   * {@link #verifyMeasure}) decides it, by its own actor and on what the entries before it stored,
   * so a plan may follow the cadre assignment of the same case. A refused entry changes nothing and
   * the others go through. One result per entry, in order. A database store then commits once for
   * many entries.
   */
  public List<Either<Rejection, MonitoringCase>> enterAll(List<? extends AssistanceEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    return inUnits(entries, (s, unit) -> s.loadCases(unit.stream()
        .map(entry -> Objects.requireNonNull(entry, "entry").caseId()).toList()),
        (s, entry) -> moveIn(s, entry.caseId(), ruleOf(entry)));
  }

  private CaseRule ruleOf(AssistanceEntry entry) {
    if (entry instanceof AssistanceEntry.Cadres e) {
      return (s, c, today) -> AssistanceRules.assignCadres(c, e.cadreIds(), e.by(), e.on(), today, policy);
    }
    if (entry instanceof AssistanceEntry.Plan e) {
      return (s, c, today) -> AssistanceRules.planMeasure(c, e.plan(), e.by(), today);
    }
    if (entry instanceof AssistanceEntry.Implementation e) {
      return (s, c, today) -> AssistanceRules.implementMeasure(c, e.number(), e.by(), e.on(), e.evidence(), today);
    }
    AssistanceEntry.Verification e = (AssistanceEntry.Verification) entry;
    return (s, c, today) -> AssistanceRules.verifyMeasure(c, e.number(), e.by(), e.on(), today);
  }

  /**
   * Records the month's follow-up: the household's register entry takes the facts, its
   * assessment is re-run under the policy of its village on the day recorded, and the case keeps
   * the follow-up with the per-capita income found, whether income was above the monitoring line
   * and whether the household is still at risk. One per month, in order of month.
   */
  public Either<Rejection, MonitoringCase> recordFollowUp(String caseId, FollowUpFacts facts) {
    Objects.requireNonNull(facts, "facts");
    return move(caseId, followUp(facts));
  }

  /**
   * Records the month's follow-ups of many cases (月度跟踪), {@value #MOVES_PER_UNIT} to a unit of
   * work, each exactly as {@link #recordFollowUp} records it: a refused one changes nothing and the
   * others go through. One result per entry, in order. A database store then commits once for
   * many follow-ups.
   *
   * @param followUps the case id and the facts of each follow-up
   */
  public List<Either<Rejection, MonitoringCase>> recordFollowUps(List<Map.Entry<String, FollowUpFacts>> followUps) {
    Objects.requireNonNull(followUps, "followUps");
    return inUnits(followUps, (s, unit) -> {
      s.loadCases(unit.stream().map(entry -> Objects.requireNonNull(entry.getKey(), "caseId")).toList());
      s.loadHouseholdsOfCases();
    }, (s, entry) -> {
      String caseId = entry.getKey();
      return moveIn(s, caseId, followUp(Objects.requireNonNull(entry.getValue(), "facts")));
    });
  }

  private CaseRule followUp(FollowUpFacts facts) {
    return (s, c, today) -> s.households().find(c.householdId())
        .map(h -> AssistanceRules.recordFollowUp(c, h, facts, today, policy))
        .orElseGet(() -> Either.left(Rejections.householdNotFound(c.householdId())));
  }

  /**
   * Assigns the household to the grid worker, replacing its earlier worker, by a township officer
   * or head whose township holds the village; refused ({@code assistance.grid_full}) when the
   * worker already covers the policy's {@code maxHouseholdsPerGridWorker} households.
   *
   * @return the households the worker covers after the assignment, in order of id
   */
  public Either<Rejection, List<String>> assignGrid(String householdId, String gridWorkerId, Actor by) {
    GridAssignment assignment = new GridAssignment(householdId, gridWorkerId, by);
    Either<Rejection, List<String>> result = Transactions.write(ctx.store(), s -> assign(s, assignment));
    log("grid assignment of household", householdId, result);
    return result;
  }

  /**
   * Assigns many households to their grid workers at once (网格批量分配), {@value #MOVES_PER_UNIT} to a
   * unit of work, each decided as {@link #assignGrid} decides it, by its own actor and on what the
   * assignments before it stored (so a worker's limit counts them). A refused assignment changes
   * nothing and the others go through. One result per assignment, in order.
   */
  public List<Either<Rejection, List<String>>> assignGrids(List<GridAssignment> assignments) {
    Objects.requireNonNull(assignments, "assignments");
    return inUnits(assignments, (s, unit) -> s.loadHouseholds(unit.stream()
        .map(a -> Objects.requireNonNull(a, "assignment").householdId()).toList()), this::assign);
  }

  private Either<Rejection, List<String>> assign(StoreSession s, GridAssignment a) {
    Optional<Household> h = s.households().find(a.householdId());
    if (h.isEmpty()) {
      return Either.left(Rejections.householdNotFound(a.householdId()));
    }
    GridRepository grid = s.grid();
    Either<Rejection, GridMove> decided = AssistanceRules.assignGrid(h.get(), a.gridWorkerId(), a.by(),
        grid.workerOf(a.householdId()), grid.householdsOf(a.gridWorkerId()).size(), ctx.today(), policy);
    if (decided.isLeft()) {
      return Either.left(decided.getLeft());
    }
    grid.assign(a.householdId(), a.gridWorkerId());
    audit(s, decided.get());
    return Either.right(List.copyOf(grid.householdsOf(a.gridWorkerId())));
  }

  /**
   * Records a grid worker's visit: {@code by} must be the grid worker the visit names, the
   * household must lie in their jurisdiction and be assigned to them; one visit per household
   * and day.
   */
  public Either<Rejection, GridVisit> recordVisit(GridVisit visit, Actor by) {
    Objects.requireNonNull(visit, "visit");
    Objects.requireNonNull(by, "by");
    Either<Rejection, GridVisit> result = Transactions.write(ctx.store(), s -> visit(s, visit, by));
    log("grid visit to household", visit.householdId(), result);
    return result;
  }

  /**
   * Records a grid worker's round of visits (一轮走访), {@value #MOVES_PER_UNIT} to a unit of work,
   * each decided as {@link #recordVisit} decides it and on what the visits before it stored: a
   * refused visit stores nothing and the others go through. One result per visit, in order.
   * For hosts that take visits in bulk from a grid app; a database store then commits once for
   * many visits.
   */
  public List<Either<Rejection, GridVisit>> recordVisits(List<GridVisit> visits, Actor by) {
    Objects.requireNonNull(visits, "visits");
    Objects.requireNonNull(by, "by");
    return inUnits(visits, (s, unit) -> loadForVisits(s, unit.stream()
        .map(visit -> Objects.requireNonNull(visit, "visit")).toList()), (s, visit) -> visit(s, visit, by));
  }

  /**
   * Records the rounds of many grid workers at once (网格走访批量录入), such as a township's day of
   * rounds, {@value #MOVES_PER_UNIT} visits to a unit of work whatever the rounds' sizes. Each visit
   * is decided as {@link #recordVisit} decides it, against its own round's actor and on what the
   * visits before it stored; a refused visit stores nothing and the others go through.
   *
   * @return per round, one result per visit, both in order
   */
  public List<List<Either<Rejection, GridVisit>>> recordRounds(List<GridRound> rounds) {
    Objects.requireNonNull(rounds, "rounds");
    List<Map.Entry<GridVisit, Actor>> visits = new ArrayList<>();
    for (GridRound round : rounds) {
      Objects.requireNonNull(round, "round");
      for (GridVisit visit : round.visits()) {
        visits.add(Map.entry(Objects.requireNonNull(visit, "visit"), round.by()));
      }
    }
    List<Either<Rejection, GridVisit>> flat = inUnits(visits, (s, unit) -> loadForVisits(s, unit.stream()
        .map(Map.Entry::getKey).toList()), (s, v) -> visit(s, v.getKey(), v.getValue()));
    List<List<Either<Rejection, GridVisit>>> results = new ArrayList<>(rounds.size());
    int from = 0;
    for (GridRound round : rounds) {
      results.add(List.copyOf(flat.subList(from, from + round.visits().size())));
      from += round.visits().size();
    }
    return results;
  }

  /**
   * Reads up front what a unit's visits read: their households, grid workers and last visits (as
   * of the day of the unit's first visit; a visit of another day looks its own up).
   */
  private static void loadForVisits(UnitSession s, List<GridVisit> visits) {
    if (visits.isEmpty()) {
      return;
    }
    List<String> ids = visits.stream().map(GridVisit::householdId).toList();
    s.loadHouseholds(ids);
    s.loadGrid(ids, visits.get(0).visitedOn());
  }

  private Either<Rejection, GridVisit> visit(StoreSession s, GridVisit visit, Actor by) {
    Optional<Household> h = s.households().find(visit.householdId());
    if (h.isEmpty()) {
      return Either.left(Rejections.householdNotFound(visit.householdId()));
    }
    GridRepository grid = s.grid();
    Either<Rejection, GridMove> decided = AssistanceRules.recordVisit(h.get(), visit, by,
        grid.workerOf(visit.householdId()), grid.lastVisit(visit.householdId(), visit.visitedOn()), ctx.today());
    if (decided.isLeft()) {
      return Either.left(decided.getLeft());
    }
    grid.recordVisit(visit);
    audit(s, decided.get());
    return Either.right(visit);
  }

  /**
   * The monitored households of the area (open cases past recognition) whose visit is overdue on
   * the day (未按期走访): never visited, or last visited more than the policy's
   * {@code gridVisitIntervalDays} before it. A household last visited exactly that many days
   * before is due that day and not listed. Ordered by village, then household id.
   */
  public List<MissedVisit> missedVisits(AreaCode area, LocalDate on) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(on, "on");
    return ctx.store().read(s -> {
      List<MonitoringCase> monitored = monitoredIn(s, area);
      GridRepository grid = s.grid();
      List<MissedVisit> missed = new ArrayList<>();
      for (MonitoringCase c : monitored) {
        Optional<LocalDate> last = grid.lastVisit(c.householdId(), on).map(GridVisit::visitedOn);
        if (AssistanceRules.visitMissed(last, on, ctx.policy(c.area(), on).gridVisitIntervalDays())) {
          missed.add(MissedVisit.of(c.id(), c.householdId(), c.area(), grid.workerOf(c.householdId()), last));
        }
      }
      missed.sort(BY_VILLAGE_AND_HOUSEHOLD);
      return missed;
    });
  }

  /**
   * The monitored households of the area with fewer responsible cadres than the policy in force
   * today requires ({@code minCadresPerHousehold}), ordered by village, then household id.
   */
  public List<CadreShortfall> withoutEnoughCadres(AreaCode area) {
    Objects.requireNonNull(area, "area");
    LocalDate today = ctx.today();
    return ctx.store().read(s -> {
      List<CadreShortfall> shortfalls = new ArrayList<>();
      for (MonitoringCase c : monitoredIn(s, area)) {
        int min = ctx.policy(c.area(), today).minCadresPerHousehold();
        if (c.cadreIds().size() < min) {
          shortfalls.add(CadreShortfall.of(c.id(), c.householdId(), c.area(), c.cadreIds(), min));
        }
      }
      shortfalls.sort(SHORTFALL_BY_VILLAGE_AND_HOUSEHOLD);
      return shortfalls;
    });
  }

  /** A rule over the case as loaded in the session, on the day. */
  @FunctionalInterface
  private interface CaseRule {
    Either<Rejection, CaseMove> apply(StoreSession s, MonitoringCase c, LocalDate today);
  }

  private Either<Rejection, MonitoringCase> move(String caseId, CaseRule rule) {
    Objects.requireNonNull(caseId, "caseId");
    Either<Rejection, MonitoringCase> result = Transactions.write(ctx.store(), s -> moveIn(s, caseId, rule));
    log("assistance move on case", caseId, result);
    return result;
  }

  private Either<Rejection, MonitoringCase> moveIn(StoreSession s, String caseId, CaseRule rule) {
    Optional<MonitoringCase> found = s.cases().find(caseId);
    if (found.isEmpty()) {
      return Either.left(Rejections.caseNotFound(caseId));
    }
    MonitoringCase before = found.get();
    Either<Rejection, CaseMove> decided = rule.apply(s, before, ctx.today());
    if (decided.isLeft()) {
      return Either.left(decided.getLeft());
    }
    CaseMove m = decided.get();
    s.cases().update(m.after());
    m.household().ifPresent(s.households()::put);
    Recorder.audit(s, before.area(), ctx.now(), m.actor(), m.action(), before.id(), Optional.of(m.beforeState()),
        m.afterState());
    return Either.right(m.after());
  }

  /** One item's work inside a shared unit of work. */
  @FunctionalInterface
  private interface ItemWork<I, R> {
    Either<Rejection, R> apply(StoreSession s, I item);
  }

  /**
   * Runs the items' work {@link #MOVES_PER_UNIT} to a unit of work; a refusal stores nothing,
   * since every item decides before it writes. {@code load} first reads in one step what the
   * unit's items will read, and the unit's changed cases and households are stored in one step at
   * its end (see {@link UnitSession}).
   */
  private <I, R> List<Either<Rejection, R>> inUnits(List<I> items, BiConsumer<UnitSession, List<I>> load,
      ItemWork<I, R> work) {
    return Transactions.writeInUnits(ctx.store(), items, MOVES_PER_UNIT, (session, unit) -> {
      UnitSession s = new UnitSession(session);
      load.accept(s, unit);
      List<Either<Rejection, R>> done = new ArrayList<>(unit.size());
      for (I item : unit) {
        done.add(work.apply(s, item));
      }
      s.flush();
      return done;
    });
  }


  private void audit(StoreSession s, GridMove m) {
    Recorder.audit(s, m.village(), ctx.now(), m.actor(), m.action(), m.householdId(), m.beforeState(),
        m.afterState());
  }

  private static List<MonitoringCase> monitoredIn(StoreSession s, AreaCode area) {
    try (Stream<MonitoringCase> cases = s.cases().inArea(area)) {
      return cases.filter(AssistanceRules::isMonitored).toList();
    }
  }

  private static void log(String what, String subjectId, Either<Rejection, ?> result) {
    if (result.isLeft()) {
      LOG.debug("{} {} refused: {}", what, subjectId, result.getLeft().code());
    } else {
      LOG.debug("{} {} accepted", what, subjectId);
    }
  }
}
