package org.fangfanpin.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.statistics.Statistics;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.core.intake.IntakeResult;
import org.fangfanpin.core.intake.IntakeSummary;
import org.fangfanpin.core.intake.ScreeningSummary;
import org.fangfanpin.core.review.DeadlineKind;
import org.fangfanpin.core.review.OverdueStep;
import org.fangfanpin.core.review.ReviewService;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.core.workflow.Workflow.Move;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * The county the workflow properties drive, and a model of what it must hold (模型): the
 * households, the actors, the signals accepted so far with their first result, each case's
 * household, state, version, sources and the actors of its review steps, and the household's
 * open case. Each command runs through the real services on the in-memory store and is checked
 * against the model at once; the invariants of DOMAIN.md are checked between commands.
 */
final class WorkflowWorld {

  // ================================================================ the cast

  static final AreaCode COUNTY = TestCounty.COUNTY;
  static final Actor GRID_WORKER_B1 = Actor.of("grid-b1", Role.GRID_WORKER, TestCounty.VILLAGE_B1);
  static final Actor TOWNSHIP_HEAD_B = Actor.of("head-b", Role.TOWNSHIP_HEAD, TestCounty.TOWNSHIP_B);
  static final Actor FARMER_A1 = Actor.of("farmer-a1", Role.HOUSEHOLD, TestCounty.VILLAGE_A1);
  static final Actor FARMER_B1 = Actor.of("farmer-b1", Role.HOUSEHOLD, TestCounty.VILLAGE_B1);
  /** A county officer of another county (商州区). */
  static final Actor FOREIGN_COUNTY_OFFICER = Actor.of("county-x", Role.COUNTY_OFFICE, AreaCode.of("611002000000"));
  /** A village working group of another county. */
  static final Actor FOREIGN_VILLAGE_GROUP =
      Actor.of("vwg-x", Role.VILLAGE_WORKING_GROUP, TestCounty.FOREIGN_VILLAGE);

  /** Every actor, of every role, inside and outside the county; ids are unique. */
  static final List<Actor> ACTORS = List.of(TestCounty.VILLAGE_GROUP_A1, TestCounty.VILLAGE_GROUP_A1_OTHER,
      TestCounty.VILLAGE_GROUP_A2, TestCounty.VILLAGE_GROUP_B1, TestCounty.GRID_WORKER_A1, GRID_WORKER_B1,
      TestCounty.TOWNSHIP_OFFICER_A, TestCounty.TOWNSHIP_OFFICER_A_OTHER, TestCounty.TOWNSHIP_OFFICER_B,
      TestCounty.TOWNSHIP_HEAD_A, TOWNSHIP_HEAD_B, TestCounty.COUNTY_OFFICER, TestCounty.COUNTY_OFFICER_OTHER,
      TestCounty.DEPARTMENT_OFFICER, TestCounty.HOTLINE, TestCounty.DATA_PLATFORM, FARMER_A1, FARMER_B1,
      FOREIGN_COUNTY_OFFICER, FOREIGN_VILLAGE_GROUP);
  static final Map<String, Actor> ACTOR_BY_ID = ACTORS.stream().collect(Collectors.toMap(Actor::id, a -> a));

  /** A registered household: its village, status and income of the last 12 months. */
  record Home(String id, AreaCode village, HouseholdStatus status, Money income) {}

  /** Ten households over the three villages; the three with 8,000 yuan are below the line. */
  static final List<Home> HOMES = List.of(
      new Home("H0", TestCounty.VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(40_000)),
      new Home("H1", TestCounty.VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(40_000)),
      new Home("H2", TestCounty.VILLAGE_A1, HouseholdStatus.ORDINARY, Money.ofYuan(8_000)),
      new Home("H3", TestCounty.VILLAGE_A1, HouseholdStatus.ORDINARY, Money.ofYuan(40_000)),
      new Home("H4", TestCounty.VILLAGE_A2, HouseholdStatus.LIFTED, Money.ofYuan(40_000)),
      new Home("H5", TestCounty.VILLAGE_A2, HouseholdStatus.ORDINARY, Money.ofYuan(8_000)),
      new Home("H6", TestCounty.VILLAGE_A2, HouseholdStatus.LIFTED, Money.ofYuan(40_000)),
      new Home("H7", TestCounty.VILLAGE_B1, HouseholdStatus.LIFTED, Money.ofYuan(40_000)),
      new Home("H8", TestCounty.VILLAGE_B1, HouseholdStatus.ORDINARY, Money.ofYuan(40_000)),
      new Home("H9", TestCounty.VILLAGE_B1, HouseholdStatus.LIFTED, Money.ofYuan(8_000)));
  /** A household id the register does not know. */
  static final String UNREGISTERED = "H-none";

  static final PolicyParameters POLICY = PolicyParameters.builder().build();

  // ================================================================ the county and the model

  /** What the store holds after a command: the county's cases, signals, audit chain and outbox. */
  record Snapshot(List<MonitoringCase> cases, List<StoredSignal> signals, List<AuditRecord> audit,
      List<DomainEvent> outbox) {

    Optional<MonitoringCase> caseById(String id) {
      return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    Optional<MonitoringCase> openCaseOf(String householdId) {
      return cases.stream().filter(c -> c.isOpen() && c.householdId().equals(householdId)).findFirst();
    }
  }

  /** The key a signal is stored under: its channel and source reference. */
  record Key(Channel channel, String sourceRef) {
    static Key of(RiskSignal s) {
      return new Key(s.channel(), s.sourceRef());
    }

    static Key of(SignalRef r) {
      return new Key(r.channel(), r.sourceRef());
    }
  }

  /** A signal as first accepted, and what intake answered. */
  record Accepted(RiskSignal signal, IntakeResult first) {}

  /** The model of one case. */
  static final class CaseModel {
    final String id;
    final Home home;
    CaseState state = CaseState.AWAITING_VISIT;
    long version = 1;
    final List<Key> signals = new ArrayList<>();
    /** The ids of the actors of every accepted review move, in order. */
    final List<String> reviewActors = new ArrayList<>();

    CaseModel(String id, Home home) {
      this.id = id;
      this.home = home;
    }
  }

  /** What intake must do with a signal, by the model. */
  private record Expected(String refusal, IntakeResult duplicateOf, String joins) {
    boolean refused() {
      return refusal != null;
    }

    boolean duplicate() {
      return duplicateOf != null;
    }

    boolean opens() {
      return refusal == null && duplicateOf == null && joins == null;
    }
  }

  final TestCounty county;
  final WorkingCalendar calendar = ChinaCalendar.y2025();
  final Map<Key, Accepted> accepted = new LinkedHashMap<>();
  final Map<String, CaseModel> cases = new LinkedHashMap<>();
  final Map<String, String> openCaseOf = new HashMap<>();
  /** The audit records the accepted commands must have left, one each (one per stored signal of a batch). */
  long expectedAuditRecords;
  boolean reachedConfirmed;
  boolean reachedTownship;
  Snapshot current;

  WorkflowWorld(LocalDate start) {
    county = new TestCounty(start);
    for (Home h : HOMES) {
      county.household(h.id(), h.village(), h.status(), h.income());
    }
    current = snapshot();
  }

  LocalDate today() {
    return county.clock.today();
  }

  void advance(int days) {
    county.clock.setDay(today().plusDays(days));
  }

  static Optional<Home> home(String householdId) {
    return HOMES.stream().filter(h -> h.id().equals(householdId)).findFirst();
  }

  Snapshot snapshot() {
    return county.store.read(s -> {
      List<MonitoringCase> cs;
      try (var all = s.cases().inArea(COUNTY)) {
        cs = all.toList();
      }
      List<StoredSignal> signals;
      try (var all = s.signals().receivedIn(COUNTY, LocalDate.MIN, LocalDate.MAX)) {
        signals = all.toList();
      }
      List<AuditRecord> audit;
      try (var chain = s.audit().chain(COUNTY)) {
        audit = chain.toList();
      }
      return new Snapshot(cs, signals, audit, s.outbox().pending(Integer.MAX_VALUE));
    });
  }

  /** The open case in recognition that got furthest, the one the happy steps push on. */
  Optional<String> favourite() {
    return cases.values().stream().filter(c -> c.state.inRecognition())
        .max((a, b) -> a.state.ordinal() != b.state.ordinal() ? Integer.compare(a.state.ordinal(), b.state.ordinal())
            : b.id.compareTo(a.id))
        .map(c -> c.id);
  }

  // ================================================================ intake

  private Expected expect(RiskSignal s) {
    Accepted first = accepted.get(Key.of(s));
    if (first != null) {
      return first.signal().equals(s) ? new Expected(null, first.first(), null)
          : new Expected("intake.conflict", null, null);
    }
    if (!Workflow.mayReport(s.reportedBy().role(), s.channel())) {
      return new Expected("actor.role_not_allowed", null, null);
    }
    Optional<Home> h = home(s.householdId());
    if (h.isEmpty()) {
      return new Expected("household.not_found", null, null);
    }
    if (!s.reportedBy().covers(h.get().village())) {
      return new Expected("actor.outside_jurisdiction", null, null);
    }
    if (s.observedOn().isAfter(today())) {
      return new Expected("intake.observed_in_future", null, null);
    }
    return new Expected(null, null, openCaseOf.get(s.householdId()));
  }

  /** Enters an admitted signal into the model: it opened {@code caseId} or joined it. */
  private IntakeResult admit(RiskSignal s, Expected e, String caseId) {
    CaseModel c;
    IntakeResult result;
    if (e.opens()) {
      assertThat(cases).as("a signal that opens a case opens a new one").doesNotContainKey(caseId);
      c = new CaseModel(caseId, home(s.householdId()).orElseThrow());
      cases.put(caseId, c);
      openCaseOf.put(c.home.id(), caseId);
      result = IntakeResult.of(caseId, SignalOutcome.OPENED_CASE, false);
    } else {
      c = cases.get(e.joins());
      c.version++;
      result = IntakeResult.of(e.joins(), SignalOutcome.JOINED_CASE, false);
    }
    c.signals.add(Key.of(s));
    accepted.put(Key.of(s), new Accepted(s, result));
    expectedAuditRecords++;
    return result;
  }

  /** The audit record an admitted signal must leave. */
  private void checkIntakeRecord(AuditRecord r, RiskSignal s, IntakeResult result, Optional<CaseState> before) {
    CaseModel c = cases.get(result.caseId());
    assertThat(r.action()).isEqualTo(result.outcome() == SignalOutcome.OPENED_CASE ? Workflow.CASE_OPENED
        : Workflow.SIGNAL_JOINED);
    assertThat(r.subjectId()).isEqualTo(result.caseId());
    assertThat(r.beforeState()).isEqualTo(before.map(Enum::name));
    assertThat(r.afterState()).isEqualTo(c.state.name());
    assertThat(r.actorId()).isEqualTo(s.reportedBy().id());
    assertThat(r.actorRole()).isEqualTo(s.reportedBy().role());
  }

  /** Delivers one signal (线索推送) and checks the answer, the store and the audit against the model. */
  void deliver(RiskSignal s, String kind) {
    Snapshot before = current;
    Expected e = expect(s);
    Optional<CaseState> stateBefore = Optional.ofNullable(e.joins()).map(id -> cases.get(id).state);
    Either<Rejection, IntakeResult> r = county.ffp.intake().receive(s);
    Snapshot after = snapshot();
    current = after;
    Statistics.label("intake").collect(kind, r.isLeft() ? r.getLeft().code()
        : r.get().duplicate() ? "duplicate" : r.get().outcome().name());
    if (e.refused()) {
      assertThat(r.mapLeft(Rejection::code)).as("delivery of %s", s).isEqualTo(Either.left(e.refusal()));
      assertThat(after).as("a refused signal changes nothing: %s", s).isEqualTo(before);
      return;
    }
    if (e.duplicate()) {
      assertThat(r).as("invariant 2: a redelivery returns the first result: %s", s)
          .isEqualTo(Either.right(e.duplicateOf().withDuplicate(true)));
      assertThat(after).as("invariant 2: a redelivery stores nothing: %s", s).isEqualTo(before);
      return;
    }
    assertThat(r.isRight()).as("%s must be admitted, got %s", s, r).isTrue();
    IntakeResult expected = admit(s, e, r.get().caseId());
    assertThat(r.get()).as("invariant 1: the signal %s lands on the household's open case", s).isEqualTo(expected);
    assertThat(after.audit()).as("one audit record per accepted signal").hasSize(before.audit().size() + 1);
    checkIntakeRecord(after.audit().get(after.audit().size() - 1), s, expected, stateBefore);
  }

  /** Delivers a batch (批量推送) and checks it against the same signals taken one by one by the model. */
  void deliverAll(List<RiskSignal> batch) {
    Snapshot before = current;
    IntakeSummary summary = county.ffp.intake().receiveAll(batch);
    Snapshot after = snapshot();
    current = after;
    int opened = 0;
    int joined = 0;
    int duplicates = 0;
    List<String> refusals = new ArrayList<>();
    List<AuditRecord> records = after.audit().subList(before.audit().size(), after.audit().size());
    int record = 0;
    for (RiskSignal s : batch) {
      Expected e = expect(s);
      if (e.refused()) {
        refusals.add(e.refusal());
      } else if (e.duplicate()) {
        duplicates++;
      } else {
        Optional<CaseState> stateBefore = Optional.ofNullable(e.joins()).map(id -> cases.get(id).state);
        String caseId = e.opens()
            ? after.signals().stream().filter(stored -> Key.of(stored.signal()).equals(Key.of(s))).findFirst()
                .map(StoredSignal::caseId).orElseThrow(() -> new AssertionError(s + " must be stored"))
            : e.joins();
        IntakeResult result = admit(s, e, caseId);
        assertThat(record).as("one audit record per stored signal of the batch").isLessThan(records.size());
        checkIntakeRecord(records.get(record++), s, result, stateBefore);
        if (e.opens()) {
          opened++;
        } else {
          joined++;
        }
      }
    }
    Statistics.label("intake").collect("batch", refusals.isEmpty() ? "all admitted" : "some refused");
    assertThat(summary.opened()).as("opened").isEqualTo(opened);
    assertThat(summary.joined()).as("joined").isEqualTo(joined);
    assertThat(summary.duplicates()).as("duplicates").isEqualTo(duplicates);
    assertThat(summary.rejections()).extracting(x -> x.rejection().code()).containsExactlyElementsOf(refusals);
    assertThat(records).as("one audit record per stored signal of the batch").hasSize(record);
    if (record == 0) {
      assertThat(after).as("a batch that stores nothing changes nothing").isEqualTo(before);
    }
  }

  /** Runs the data platform's screening (数据平台监测) and checks it against the assessment of each household. */
  void screen(AreaCode area, LocalDate asOf, Actor by) {
    Snapshot before = current;
    Either<Rejection, ScreeningSummary> r = county.ffp.intake().screen(area, asOf, by);
    Snapshot after = snapshot();
    current = after;
    Statistics.label("intake").collect("screen", r.isLeft() ? r.getLeft().code() : "screened");
    String refusal = by.role() != Role.DATA_PLATFORM ? "actor.role_not_allowed"
        : !by.covers(area) ? "actor.outside_jurisdiction"
        : asOf.isAfter(today()) ? "intake.observed_in_future" : null;
    if (refusal != null) {
      assertThat(r.mapLeft(Rejection::code)).isEqualTo(Either.left(refusal));
      assertThat(after).as("a refused screening changes nothing").isEqualTo(before);
      return;
    }
    ScreeningSummary summary = r.get();
    assertThat(summary.rejections()).isEmpty();
    List<String> raised = new ArrayList<>();
    int duplicates = 0;
    for (Home h : HOMES) {
      if (!area.contains(h.village()) || openCaseOf.containsKey(h.id())) {
        continue;
      }
      Household registered = county.store.read(s -> s.households().find(h.id())).orElseThrow();
      if (!HouseholdAssessor.assess(registered, POLICY, asOf).candidate()) {
        continue;
      }
      Key key = new Key(Channel.DATA_PLATFORM, "screen:" + asOf + ":" + h.id());
      if (accepted.containsKey(key)) {
        duplicates++;
        continue;
      }
      StoredSignal stored = after.signals().stream().filter(s -> Key.of(s.signal()).equals(key)).findFirst()
          .orElseThrow(() -> new AssertionError("screening must raise " + key));
      assertThat(stored.outcome()).isEqualTo(SignalOutcome.OPENED_CASE);
      admit(stored.signal(), new Expected(null, null, null), stored.caseId());
      raised.add(h.id());
    }
    assertThat(summary.signalsRaised()).as("signals raised by %s", summary).isEqualTo(raised.size());
    assertThat(summary.duplicates()).isEqualTo(duplicates);
    assertThat(after.audit()).as("one audit record per signal raised").hasSize(before.audit().size() + raised.size());
    if (raised.isEmpty()) {
      assertThat(after).isEqualTo(before);
    }
  }

  // ================================================================ review

  /** A review move as called: which move, on which case, by whom, and the call itself. */
  record MoveCall(Move move, String caseId, Actor by, String detail,
      Function<ReviewService, Either<Rejection, MonitoringCase>> call) {
    @Override
    public String toString() {
      return move + " on " + caseId + " by " + by.id() + " (" + detail + ")";
    }
  }

  /**
   * The rejection the model is sure of, in the order the rules check: unknown case, wrong state,
   * role, jurisdiction, and an approver who acted on an earlier step.
   */
  private Optional<String> certainRefusal(MoveCall m) {
    CaseModel c = cases.get(m.caseId());
    if (c == null) {
      return Optional.of("case.not_found");
    }
    if (!m.move().allowedIn(c.state)) {
      return Optional.of("review.wrong_state");
    }
    if (!m.move().roles.contains(m.by().role())) {
      return Optional.of("actor.role_not_allowed");
    }
    if (!m.by().covers(c.home.village())) {
      return Optional.of("actor.outside_jurisdiction");
    }
    if (m.move().approves() && c.reviewActors.contains(m.by().id())) {
      return Optional.of("actor.same_as_proposer");
    }
    return Optional.empty();
  }

  /** Makes a review move and checks it: refused changes nothing; accepted follows an edge and leaves one record. */
  void review(MoveCall m) {
    Snapshot before = current;
    Optional<String> certain = certainRefusal(m);
    Either<Rejection, MonitoringCase> r = m.call().apply(county.ffp.review());
    Snapshot after = snapshot();
    current = after;
    Statistics.label("review").collect(m.move(), r.isLeft() ? r.getLeft().code() : "accepted");
    if (r.isLeft()) {
      certain.ifPresent(code -> assertThat(r.getLeft().code()).as("%s", m).isEqualTo(code));
      assertThat(after).as("a refused move changes nothing: %s (%s)", m, r.getLeft()).isEqualTo(before);
      return;
    }
    assertThat(certain).as("%s must have been refused, yet it was accepted", m).isEmpty();
    CaseModel c = cases.get(m.caseId());
    MonitoringCase moved = r.get();
    assertThat(after.caseById(m.caseId())).as("the case as stored").contains(moved);
    assertThat(moved.version()).as("one version per accepted move").isEqualTo(c.version + 1);
    assertThat(m.move().isEdge(c.state, moved.state())).as("invariant 3: %s → %s is an edge for %s", c.state,
        moved.state(), m).isTrue();
    assertThat(after.audit()).as("exactly one audit record per accepted move").hasSize(before.audit().size() + 1);
    assertThat(after.signals()).isEqualTo(before.signals());
    assertThat(after.cases().stream().filter(x -> !x.id().equals(m.caseId())))
        .containsExactlyElementsOf(before.cases().stream().filter(x -> !x.id().equals(m.caseId())).toList());
    AuditRecord record = after.audit().get(after.audit().size() - 1);
    assertThat(record.action()).isEqualTo(m.move().action);
    assertThat(record.subjectId()).isEqualTo(m.caseId());
    assertThat(record.beforeState()).contains(c.state.name());
    assertThat(record.afterState()).isEqualTo(moved.state().name());
    assertThat(record.actorId()).isEqualTo(m.by().id());
    assertThat(record.actorRole()).isEqualTo(m.by().role());
    c.state = moved.state();
    c.version++;
    c.reviewActors.add(m.by().id());
    expectedAuditRecords++;
    if (!moved.isOpen()) {
      openCaseOf.remove(c.home.id());
    }
    reachedConfirmed |= moved.state() == CaseState.CONFIRMED;
    reachedTownship |= moved.state() == CaseState.AWAITING_TOWNSHIP;
  }

  /** Raises the deadline warnings (临期提醒) of the area: events only, no move, idempotent. */
  void raiseDeadlineWarnings(AreaCode area) {
    Snapshot before = current;
    int stored = county.ffp.review().raiseDeadlineWarnings(area, today());
    Snapshot after = snapshot();
    current = after;
    Statistics.label("deadline warnings").collect(stored == 0 ? "none" : "raised");
    assertThat(after.cases()).isEqualTo(before.cases());
    assertThat(after.signals()).isEqualTo(before.signals());
    assertThat(after.audit()).as("a warning is not a move and leaves no audit record").isEqualTo(before.audit());
    assertThat(after.outbox()).startsWith(before.outbox().toArray(DomainEvent[]::new)).hasSize(before.outbox().size()
        + stored);
    List<DomainEvent> added = after.outbox().subList(before.outbox().size(), after.outbox().size());
    assertThat(added).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.DEADLINE_NEAR));
    for (DomainEvent e : added) {
      if (DeadlineKind.TOWNSHIP_VERIFICATION.name().equals(e.attributes().get("kind"))) {
        MonitoringCase c = after.caseById(e.caseId()).orElseThrow();
        checkTownshipDeadline(c, LocalDate.parse(e.attributes().get("dueOn")));
      }
    }
    assertThat(county.ffp.review().raiseDeadlineWarnings(area, today())).as("raising them again stores nothing")
        .isZero();
    assertThat(snapshot()).isEqualTo(after);
  }

  /**
   * A township deadline falls on a working day of the calendar, the seventh working day after the
   * day the appraisal result reached the township (the notice's closing, not counted).
   */
  private void checkTownshipDeadline(MonitoringCase c, LocalDate dueOn) {
    assertThat(calendar.isWorkingDay(dueOn)).as("the township deadline %s of %s falls on a working day", dueOn,
        c.id()).isTrue();
    LocalDate arrived = c.arrivedAtTownshipOn().orElseThrow();
    int working = 0;
    for (LocalDate d = arrived.plusDays(1); !d.isAfter(dueOn); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        working++;
      }
    }
    assertThat(working).as("working days from %s to the deadline %s", arrived, dueOn)
        .isEqualTo(POLICY.townshipVerificationWorkingDays());
  }

  // ================================================================ the invariants, checked after every step

  /**
   * Invariant 1: at most one open case per household, the one the model expects; every accepted
   * signal sits on the case that was open when it arrived (or that it opened), and a case holds
   * exactly the signals that went to it, in order.
   */
  void oneOpenCasePerHouseholdHoldingItsSignals() {
    Map<String, List<String>> open = current.cases().stream().filter(MonitoringCase::isOpen)
        .collect(Collectors.groupingBy(MonitoringCase::householdId,
            Collectors.mapping(MonitoringCase::id, Collectors.toList())));
    assertThat(open).allSatisfy((h, ids) -> assertThat(ids).as("open cases of %s", h).hasSize(1));
    assertThat(open.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0))))
        .as("each household's open case").isEqualTo(openCaseOf);
    assertThat(current.cases()).extracting(MonitoringCase::id).containsExactlyInAnyOrderElementsOf(cases.keySet());
    for (MonitoringCase c : current.cases()) {
      CaseModel m = cases.get(c.id());
      assertThat(c.householdId()).isEqualTo(m.home.id());
      assertThat(c.area()).isEqualTo(m.home.village());
      assertThat(c.state()).as("state of %s", c.id()).isEqualTo(m.state);
      assertThat(c.version()).as("version of %s: no move lost, none made twice", c.id()).isEqualTo(m.version);
      assertThat(c.signals()).extracting(Key::of).as("the signals of %s", c.id()).containsExactlyElementsOf(m.signals);
    }
    for (StoredSignal s : current.signals()) {
      Accepted first = accepted.get(Key.of(s.signal()));
      assertThat(first).as("stored signal %s was accepted", Key.of(s.signal())).isNotNull();
      assertThat(s.caseId()).as("the case of %s", Key.of(s.signal())).isEqualTo(first.first().caseId());
      assertThat(s.outcome()).isEqualTo(first.first().outcome());
      assertThat(cases.get(s.caseId()).home.id()).isEqualTo(s.signal().householdId());
    }
  }

  /** Invariant 2: a (channel, source reference) is stored once, with the payload first accepted. */
  void everySignalStoredOnce() {
    Set<Key> seen = new HashSet<>();
    for (StoredSignal s : current.signals()) {
      assertThat(seen.add(Key.of(s.signal()))).as("%s stored once", Key.of(s.signal())).isTrue();
      assertThat(s.signal()).isEqualTo(accepted.get(Key.of(s.signal())).signal());
    }
    assertThat(seen).isEqualTo(accepted.keySet());
  }

  /**
   * Invariant 3, read from the audit trail alone: each record follows an edge of the workflow from
   * the state the previous record of its case left; its actor's role may make the move and its
   * jurisdiction holds the case's village; no verifier or decider acted on an earlier step of the
   * case; and each case stands where its last record left it.
   */
  void everyMoveFollowsAnEdgeByAnAllowedActor() {
    Map<String, String> stateOf = new HashMap<>();
    Map<String, Set<String>> stepActors = new HashMap<>();
    long sequence = 0;
    for (AuditRecord r : current.audit()) {
      assertThat(r.sequence()).isEqualTo(++sequence);
      MonitoringCase c = current.caseById(r.subjectId()).orElseThrow();
      Actor actor = ACTOR_BY_ID.get(r.actorId());
      assertThat(actor).as("record %s names a known actor", r.sequence()).isNotNull();
      assertThat(r.actorRole()).isEqualTo(actor.role());
      assertThat(actor.covers(c.area())).as("record %s: %s's jurisdiction holds %s", r.sequence(), actor.id(),
          c.area()).isTrue();
      assertThat(r.beforeState()).as("record %s starts where the case's last record left it", r.sequence())
          .isEqualTo(Optional.ofNullable(stateOf.get(r.subjectId())));
      Optional<Move> move = Move.ofAction(r.action());
      if (move.isPresent()) {
        assertThat(move.get().isEdge(CaseState.valueOf(r.beforeState().orElseThrow()),
            CaseState.valueOf(r.afterState()))).as("record %s: %s is an edge", r.sequence(), r).isTrue();
        assertThat(move.get().roles).as("record %s: the role may make the move", r.sequence())
            .contains(actor.role());
        Set<String> earlier = stepActors.computeIfAbsent(r.subjectId(), k -> new HashSet<>());
        if (move.get().approves()) {
          assertThat(earlier).as("record %s: the verifier or decider acted on no earlier step", r.sequence())
              .doesNotContain(actor.id());
        }
        earlier.add(actor.id());
      } else {
        assertThat(Workflow.isIntakeEdge(r.action(), r.beforeState(), r.afterState()))
            .as("record %s: %s is an edge of intake", r.sequence(), r).isTrue();
        assertThat(Workflow.reportsSomewhere(actor.role())).isTrue();
      }
      stateOf.put(r.subjectId(), r.afterState());
    }
    for (MonitoringCase c : current.cases()) {
      assertThat(c.state().name()).as("%s stands where its last record left it", c.id())
          .isEqualTo(stateOf.get(c.id()));
    }
  }

  /** Exactly one audit record per accepted command, and the county's chain verifies (invariant 8). */
  void auditChainVerifies() {
    assertThat(current.audit()).as("one audit record per accepted command").hasSize((int) expectedAuditRecords);
    ChainVerification v = county.ffp.audit().verify(COUNTY);
    assertThat(v.valid()).as("%s", v).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(expectedAuditRecords);
  }

  /**
   * Every township deadline the review reports falls on a working day: asked about a day two months
   * ahead, every deadline still open is overdue, so every one is listed.
   */
  void deadlinesFallOnWorkingDays() {
    LocalDate ahead = today().plusDays(60);
    List<OverdueStep> steps = county.ffp.review().overdue(COUNTY, ahead);
    List<String> awaitingTownship = new ArrayList<>();
    for (OverdueStep step : steps) {
      if (step.kind() == DeadlineKind.TOWNSHIP_VERIFICATION) {
        MonitoringCase c = current.caseById(step.caseId()).orElseThrow();
        checkTownshipDeadline(c, step.dueOn());
        awaitingTownship.add(step.caseId());
      }
    }
    assertThat(awaitingTownship).as("every case awaiting the township has its deadline listed")
        .containsExactlyInAnyOrderElementsOf(cases.values().stream()
            .filter(c -> c.state == CaseState.AWAITING_TOWNSHIP).map(c -> c.id).toList());
  }

  @Override
  public String toString() {
    return "WorkflowWorld on " + today() + " " + cases.values().stream().map(c -> c.id + ":" + c.home.id() + ":"
        + c.state + ":v" + c.version).toList();
  }
}
