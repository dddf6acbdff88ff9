package org.fangfanpin.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fangfanpin.core.intake.IntakeResult;
import org.fangfanpin.core.intake.IntakeSummary;
import org.fangfanpin.core.review.ReviewService;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Races on the in-memory store (并发): eight threads delivering the same signals, one by one and in
 * batches, and eight threads racing the same review move, or different moves, on one case. Never
 * two open cases for a household, every distinct signal stored once and carried by its household's
 * case; exactly one thread wins each exclusive move and the others are told the case is no longer
 * in the state the move needs; no move is lost (the case's version is 1 plus the accepted moves,
 * one audit record each) and the audit chain verifies.
 */
class WorkflowConcurrencyTest {

  private static final int THREADS = 8;
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  private static final List<AreaCode> VILLAGES =
      List.of(TestCounty.VILLAGE_A1, TestCounty.VILLAGE_A2, TestCounty.VILLAGE_B1);
  private static final Map<AreaCode, Actor> GROUP_OF = Map.of(TestCounty.VILLAGE_A1, TestCounty.VILLAGE_GROUP_A1,
      TestCounty.VILLAGE_A2, TestCounty.VILLAGE_GROUP_A2, TestCounty.VILLAGE_B1, TestCounty.VILLAGE_GROUP_B1);

  // ================================================================ intake

  @RepeatedTest(5)
  void racingDeliveriesNeverOpenTwoCasesAndStoreEachSignalOnceOnItsHouseholdsCase() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    int households = 12;
    List<RiskSignal> batch = new ArrayList<>();
    Map<String, Set<WorkflowWorld.Key>> keysOf = new HashMap<>();
    Set<RiskSignal> otherVariants = new HashSet<>();
    for (int i = 0; i < households; i++) {
      String h = "H" + i;
      AreaCode village = VILLAGES.get(i % VILLAGES.size());
      county.household(h, village);
      Actor group = GROUP_OF.get(village);
      List<RiskSignal> mine = List.of(
          signal(Channel.SELF_DECLARATION, "self-" + h, h, group),
          signal(Channel.GRID_SCREENING, "grid-" + h, h, group),
          signal(Channel.MEDIA_HOTLINE, "12317-" + h, h, TestCounty.HOTLINE),
          signal(Channel.INDUSTRY_DEPARTMENT, "dept-" + h, h, TestCounty.DEPARTMENT_OFFICER),
          signal(Channel.DATA_PLATFORM, "screen-" + h, h, TestCounty.DATA_PLATFORM),
          // The same reference on two channels: two signals.
          signal(Channel.MEDIA_HOTLINE, "shared-" + h, h, TestCounty.HOTLINE),
          signal(Channel.INDUSTRY_DEPARTMENT, "shared-" + h, h, TestCounty.DEPARTMENT_OFFICER));
      batch.addAll(mine);
      keysOf.put(h, mine.stream().map(WorkflowWorld.Key::of).collect(Collectors.toSet()));
      // One key with two payloads: whichever arrives first is stored, the other is a conflict.
      RiskSignal disputed = signal(Channel.MEDIA_HOTLINE, "disputed-" + h, h, TestCounty.HOTLINE);
      batch.add(disputed);
      otherVariants.add(disputed.withObservedOn(TODAY.minusDays(5)));
      keysOf.get(h).add(WorkflowWorld.Key.of(disputed));
    }
    List<RiskSignal> everything = new ArrayList<>(batch);
    everything.addAll(otherVariants);

    List<Callable<Delivery>> calls = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      List<RiskSignal> mine = new ArrayList<>(everything);
      Collections.shuffle(mine, new Random(t));
      boolean batched = t % 2 == 1;
      calls.add(() -> batched ? Delivery.of(mine, county.ffp.intake().receiveAll(mine))
          : Delivery.of(mine, mine.stream().map(s -> county.ffp.intake().receive(s)).toList()));
    }
    List<Delivery> deliveries = race(calls);

    List<MonitoringCase> cases = cases(county);
    assertThat(cases).hasSize(households);
    assertThat(cases.stream().collect(Collectors.groupingBy(MonitoringCase::householdId, Collectors.counting())))
        .as("invariant 1: one case per household").hasSize(households).allSatisfy((h, n) -> assertThat(n).isOne());
    for (MonitoringCase c : cases) {
      assertThat(c.isOpen()).isTrue();
      assertThat(c.signals()).extracting(WorkflowWorld.Key::of).as("the signals of %s", c.householdId())
          .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keysOf.get(c.householdId()));
      assertThat(c.version()).isEqualTo(c.signals().size());
    }
    List<StoredSignal> stored = storedSignals(county);
    int distinct = keysOf.values().stream().mapToInt(Set::size).sum();
    assertThat(stored).extracting(s -> WorkflowWorld.Key.of(s.signal())).as("invariant 2: each key stored once")
        .doesNotHaveDuplicates().hasSize(distinct);
    Map<String, String> caseOf = cases.stream().collect(Collectors.toMap(MonitoringCase::householdId,
        MonitoringCase::id));
    assertThat(stored).allSatisfy(s -> assertThat(s.caseId()).isEqualTo(caseOf.get(s.signal().householdId())));

    Map<WorkflowWorld.Key, StoredSignal> byKey = stored.stream()
        .collect(Collectors.toMap(s -> WorkflowWorld.Key.of(s.signal()), s -> s));
    int storedByThreads = 0;
    for (Delivery d : deliveries) {
      storedByThreads += d.stored();
      for (int i = 0; i < d.results().size(); i++) {
        RiskSignal s = d.signals().get(i);
        Either<Rejection, IntakeResult> r = d.results().get(i);
        StoredSignal first = byKey.get(WorkflowWorld.Key.of(s));
        if (first.signal().equals(s)) {
          assertThat(r.isRight()).as("%s", r).isTrue();
          assertThat(r.get().caseId()).as("a redelivery returns the first result").isEqualTo(first.caseId());
          assertThat(r.get().outcome()).isEqualTo(first.outcome());
        } else {
          assertThat(r.mapLeft(Rejection::code)).isEqualTo(Either.left("intake.conflict"));
        }
      }
      assertThat(d.conflicts()).as("each thread meets one conflict per disputed key").isEqualTo(households);
    }
    assertThat(storedByThreads).as("across the threads, each signal was stored by exactly one").isEqualTo(distinct);
    assertThat(audit(county)).hasSize(distinct);
    assertThat(outbox(county)).extracting(DomainEvent::type).filteredOn(EventType.CASE_OPENED::equals)
        .hasSize(households);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  /** What one thread delivered and what it was told: per signal, or as a batch's summary. */
  private record Delivery(List<RiskSignal> signals, List<Either<Rejection, IntakeResult>> results, int stored,
      int conflicts) {

    static Delivery of(List<RiskSignal> signals, List<Either<Rejection, IntakeResult>> results) {
      int stored = (int) results.stream().filter(r -> r.isRight() && !r.get().duplicate()).count();
      int conflicts = (int) results.stream().filter(r -> r.isLeft() && r.getLeft().code().equals("intake.conflict"))
          .count();
      assertThat(results).filteredOn(Either::isLeft).extracting(r -> r.getLeft().code())
          .containsOnly("intake.conflict");
      return new Delivery(signals, results, stored, conflicts);
    }

    static Delivery of(List<RiskSignal> signals, IntakeSummary summary) {
      assertThat(summary.total()).isEqualTo(signals.size());
      assertThat(summary.rejections()).extracting(r -> r.rejection().code()).containsOnly("intake.conflict");
      return new Delivery(List.of(), List.of(), summary.opened() + summary.joined(), summary.rejected());
    }
  }

  // ================================================================ the same move

  @RepeatedTest(5)
  void eightThreadsRacingTheSameMoveLetExactlyOneWinEachStepAndLoseNone() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    ReviewService review = county.ffp.review();
    String caseId = open(county, "H1", TestCounty.VILLAGE_A1);
    Actor group = TestCounty.VILLAGE_GROUP_A1;

    int accepted = 0;
    accepted += exactlyOneWins(county, caseId, () -> review.recordScreeningVisit(caseId,
        new ScreeningVisit(TODAY, group, true, true, "因病住院，风险属实")));
    accepted += exactlyOneWins(county, caseId, () -> review.recordAppraisal(caseId,
        new Appraisal(TODAY, group, 30, 25, 3, true, "评议通过")));
    accepted += exactlyOneWins(county, caseId, () -> review.startNotice(caseId, group, TODAY));
    LocalDate closing = TODAY.plusDays(5);
    county.clock.setDay(closing);
    accepted += exactlyOneWins(county, caseId, () -> review.closeNotice(caseId, group, closing));
    accepted += exactlyOneWins(county, caseId, () -> review.verify(caseId,
        new TownshipVerification(closing, TestCounty.TOWNSHIP_OFFICER_A, true, "核查属实")));
    accepted += exactlyOneWins(county, caseId, () -> review.decide(caseId, confirmation(closing)));

    MonitoringCase end = review.find(caseId).orElseThrow();
    assertThat(end.state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(end.version()).as("no move lost: 1 + the accepted moves").isEqualTo(1 + accepted);
    assertThat(reviewRecords(county, caseId)).as("one audit record per accepted move").hasSize(accepted);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  /** Races the move on eight threads: one wins, seven are told the case moved on; returns 1. */
  private static int exactlyOneWins(TestCounty county, String caseId,
      Callable<Either<Rejection, MonitoringCase>> move) throws Exception {
    long before = county.store.read(s -> s.cases().find(caseId)).orElseThrow().version();
    List<Either<Rejection, MonitoringCase>> results = race(Collections.nCopies(THREADS, move));
    assertThat(results).filteredOn(Either::isRight).as("exactly one thread wins").hasSize(1);
    assertThat(results).filteredOn(Either::isLeft).extracting(r -> r.getLeft().code())
        .as("the others are told the case is no longer in the state the move needs")
        .hasSize(THREADS - 1).containsOnly("review.wrong_state");
    assertThat(county.store.read(s -> s.cases().find(caseId)).orElseThrow().version()).isEqualTo(before + 1);
    return 1;
  }

  // ================================================================ different moves

  @RepeatedTest(5)
  void theEmergencyApprovalAndTheVillageVisitRacingEachWinOnce() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    ReviewService review = county.ffp.review();
    String caseId = open(county, "H1", TestCounty.VILLAGE_A1);

    List<Callable<Either<Rejection, MonitoringCase>>> calls = new ArrayList<>();
    for (int t = 0; t < THREADS / 2; t++) {
      calls.add(() -> review.approveEmergency(caseId, new EmergencyApproval(TODAY, TestCounty.TOWNSHIP_HEAD_A,
          Money.ofYuan(3_000), "房屋倒塌，基本生活无着")));
      calls.add(() -> review.recordScreeningVisit(caseId, new ScreeningVisit(TODAY, TestCounty.VILLAGE_GROUP_A1, true,
          true, "风险属实")));
    }
    List<Either<Rejection, MonitoringCase>> results = race(calls);

    assertThat(codes(results)).containsExactlyInAnyOrder("accepted", "accepted",
        "review.emergency_already_approved", "review.emergency_already_approved",
        "review.emergency_already_approved", "review.wrong_state", "review.wrong_state", "review.wrong_state");
    MonitoringCase end = review.find(caseId).orElseThrow();
    assertThat(end.state()).isEqualTo(CaseState.AWAITING_APPRAISAL);
    assertThat(end.emergency()).isPresent();
    assertThat(end.version()).isEqualTo(1 + 2);
    assertThat(reviewRecords(county, caseId)).hasSize(2);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  @RepeatedTest(5)
  void objectionsRacingTheNoticesClosingEitherAllLandOrNoneDoes() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    ReviewService review = county.ffp.review();
    String caseId = open(county, "H1", TestCounty.VILLAGE_A1);
    Actor group = TestCounty.VILLAGE_GROUP_A1;
    accepted(review.recordScreeningVisit(caseId, new ScreeningVisit(TODAY, group, true, true, "风险属实")));
    accepted(review.recordAppraisal(caseId, new Appraisal(TODAY, group, 30, 25, 3, true, "评议通过")));
    accepted(review.startNotice(caseId, group, TODAY));
    LocalDate lastDay = TODAY.plusDays(4);
    county.clock.setDay(lastDay.plusDays(1));

    List<Callable<Either<Rejection, MonitoringCase>>> calls = new ArrayList<>();
    for (int t = 0; t < THREADS / 2; t++) {
      String text = "村民反映情况" + t;
      calls.add(() -> review.fileObjection(caseId, TestCounty.VILLAGE_GROUP_A1_OTHER, lastDay, text));
      calls.add(() -> review.closeNotice(caseId, group, lastDay.plusDays(1)));
    }
    List<Either<Rejection, MonitoringCase>> results = race(calls);

    MonitoringCase end = review.find(caseId).orElseThrow();
    long accepted = results.stream().filter(Either::isRight).count();
    if (end.state() == CaseState.AWAITING_TOWNSHIP) {
      assertThat(codes(results)).as("the closing came first").containsExactlyInAnyOrder("accepted",
          "review.wrong_state", "review.wrong_state", "review.wrong_state", "review.wrong_state",
          "review.wrong_state", "review.wrong_state", "review.wrong_state");
      assertThat(end.notice().orElseThrow().objections()).isEmpty();
    } else {
      assertThat(end.state()).isEqualTo(CaseState.IN_NOTICE);
      assertThat(codes(results)).as("an objection came first").containsExactlyInAnyOrder("accepted", "accepted",
          "accepted", "accepted", "review.objections_unanswered", "review.objections_unanswered",
          "review.objections_unanswered", "review.objections_unanswered");
      assertThat(end.notice().orElseThrow().objections()).extracting(o -> o.number()).containsExactly(1, 2, 3, 4);
      assertThat(end.notice().orElseThrow().objections()).extracting(o -> o.text()).doesNotHaveDuplicates();
    }
    assertThat(end.version()).as("no move lost").isEqualTo(1 + 3 + accepted);
    assertThat(reviewRecords(county, caseId)).hasSize((int) (3 + accepted));
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  @RepeatedTest(5)
  void aConfirmationAndADismissalRacingAtTheCountyLeaveOneDecision() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    ReviewService review = county.ffp.review();
    String caseId = open(county, "H1", TestCounty.VILLAGE_A1);
    LocalDate decided = walkToTheCounty(county, caseId);

    List<Callable<Either<Rejection, MonitoringCase>>> calls = new ArrayList<>();
    for (int t = 0; t < THREADS / 2; t++) {
      calls.add(() -> review.decide(caseId, confirmation(decided)));
      calls.add(() -> review.decide(caseId, new CountyDecision(decided, TestCounty.COUNTY_OFFICER_OTHER, false,
          Optional.empty(), Set.of(), "收入核实后高于监测范围")));
    }
    List<Either<Rejection, MonitoringCase>> results = race(calls);

    assertThat(codes(results)).filteredOn("accepted"::equals).hasSize(1);
    assertThat(codes(results)).filteredOn(c -> !c.equals("accepted")).containsOnly("review.wrong_state");
    MonitoringCase winner = results.stream().filter(Either::isRight).findFirst().orElseThrow().get();
    MonitoringCase end = review.find(caseId).orElseThrow();
    assertThat(end).isEqualTo(winner);
    assertThat(end.state()).isIn(CaseState.CONFIRMED, CaseState.DISMISSED);
    assertThat(end.version()).isEqualTo(1 + 6);
    assertThat(reviewRecords(county, caseId)).hasSize(6);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  @RepeatedTest(5)
  void signalsJoiningWhileTheVillageVisitsAreAllKeptAndTheVisitCountsOnce() throws Exception {
    TestCounty county = new TestCounty(TODAY);
    ReviewService review = county.ffp.review();
    String caseId = open(county, "H1", TestCounty.VILLAGE_A1);

    List<Callable<Either<Rejection, ?>>> calls = new ArrayList<>();
    for (int t = 0; t < THREADS / 2; t++) {
      RiskSignal s = signal(Channel.MEDIA_HOTLINE, "12317-" + t, "H1", TestCounty.HOTLINE);
      calls.add(() -> county.ffp.intake().receive(s));
      calls.add(() -> review.recordScreeningVisit(caseId, new ScreeningVisit(TODAY, TestCounty.VILLAGE_GROUP_A1, true,
          true, "风险属实")));
    }
    List<Either<Rejection, ?>> results = race(calls);

    assertThat(results).filteredOn(Either::isRight).hasSize(THREADS / 2 + 1);
    MonitoringCase end = review.find(caseId).orElseThrow();
    assertThat(end.state()).isEqualTo(CaseState.AWAITING_APPRAISAL);
    assertThat(end.signals()).extracting(SignalRef::sourceRef).containsExactlyInAnyOrder("open-H1", "12317-0",
        "12317-1", "12317-2", "12317-3");
    assertThat(end.version()).as("no change lost: 1 + 4 joins + 1 visit").isEqualTo(1 + THREADS / 2 + 1);
    assertThat(audit(county)).hasSize(1 + THREADS / 2 + 1);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  // ================================================================ helpers

  /** Runs every call on its own thread, all released together; returns the results in order. */
  private static <T> List<T> race(List<? extends Callable<? extends T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    CyclicBarrier start = new CyclicBarrier(calls.size());
    try {
      List<Future<? extends T>> futures = new ArrayList<>();
      for (Callable<? extends T> call : calls) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      List<T> results = new ArrayList<>(futures.size());
      for (Future<? extends T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Registers the household and opens its case with a self-declaration; returns the case id. */
  private static String open(TestCounty county, String householdId, AreaCode village) {
    county.household(householdId, village);
    return county.ffp.intake().receive(signal(Channel.SELF_DECLARATION, "open-" + householdId, householdId,
        GROUP_OF.get(village))).get().caseId();
  }

  /** Walks the case of village A1 to the county's decision; returns the day it is due. */
  private static LocalDate walkToTheCounty(TestCounty county, String caseId) {
    ReviewService review = county.ffp.review();
    Actor group = TestCounty.VILLAGE_GROUP_A1;
    accepted(review.recordScreeningVisit(caseId, new ScreeningVisit(TODAY, group, true, true, "风险属实")));
    accepted(review.recordAppraisal(caseId, new Appraisal(TODAY, group, 30, 25, 3, true, "评议通过")));
    accepted(review.startNotice(caseId, group, TODAY));
    LocalDate closing = TODAY.plusDays(5);
    county.clock.setDay(closing);
    accepted(review.closeNotice(caseId, group, closing));
    accepted(review.verify(caseId,
        new TownshipVerification(closing, TestCounty.TOWNSHIP_OFFICER_A, true, "核查属实")));
    return closing;
  }

  private static CountyDecision confirmation(LocalDate on) {
    return new CountyDecision(on, TestCounty.COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
        Set.of(RiskType.ILLNESS), "");
  }

  private static void accepted(Either<Rejection, MonitoringCase> r) {
    assertThat(r.isRight()).as("%s", r).isTrue();
  }

  private static List<String> codes(List<? extends Either<Rejection, ?>> results) {
    return results.stream().map(r -> r.isLeft() ? r.getLeft().code() : "accepted").toList();
  }

  private static RiskSignal signal(Channel channel, String ref, String householdId, Actor by) {
    return RiskSignal.builder().channel(channel).sourceRef(ref).householdId(householdId)
        .observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS)).reportedBy(by).build();
  }

  private static List<MonitoringCase> cases(TestCounty county) {
    return county.store.read(s -> {
      try (var all = s.cases().inArea(TestCounty.COUNTY)) {
        return all.toList();
      }
    });
  }

  private static List<StoredSignal> storedSignals(TestCounty county) {
    return county.store.read(s -> {
      try (var all = s.signals().receivedIn(TestCounty.COUNTY, LocalDate.MIN, LocalDate.MAX)) {
        return all.toList();
      }
    });
  }

  private static List<AuditRecord> audit(TestCounty county) {
    return county.ffp.audit().records(TestCounty.COUNTY);
  }

  private static List<AuditRecord> reviewRecords(TestCounty county, String caseId) {
    return audit(county).stream().filter(r -> r.subjectId().equals(caseId) && r.action().startsWith("review."))
        .toList();
  }

  private static List<DomainEvent> outbox(TestCounty county) {
    return county.store.read(s -> s.outbox().pending(Integer.MAX_VALUE));
  }
}
