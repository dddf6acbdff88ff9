package org.fangfanpin.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_B;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_HEAD_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1_OTHER;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import io.vavr.control.Either;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The review's use cases on the in-memory store: what each move leaves behind (the case, one audit
 * record, its events), that a refused move leaves nothing, the deadlines of a county and the
 * village's notice list.
 */
class ReviewServiceTest {

  static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

  final TestCounty county = new TestCounty(MONDAY);
  final ReviewService review = county.ffp.review();

  /** Opens a case for the household directly in the store, as intake would: awaiting the visit. */
  static MonitoringCase open(TestCounty county, String caseId, Household h, LocalDate openedOn) {
    MonitoringCase c = MonitoringCase.builder()
        .id(caseId)
        .householdId(h.id())
        .area(h.area())
        .householdStatus(h.status())
        .state(CaseState.AWAITING_VISIT)
        .version(1)
        .openedOn(openedOn)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + caseId, openedOn, openedOn,
            Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .build();
    county.store.write(s -> {
      s.cases().insert(c);
      return null;
    });
    return c;
  }

  /** Stores a case as it stands, in whatever state, as a new case of version 1. */
  static MonitoringCase insert(TestCounty county, MonitoringCase c) {
    county.store.write(s -> {
      s.cases().insert(c.withVersion(1));
      return null;
    });
    return c.withVersion(1);
  }

  /** Everything the review could have written: the cases, the audit chain and the outbox. */
  record Snapshot(List<MonitoringCase> cases, List<AuditRecord> audit, List<DomainEvent> outbox) {}

  Snapshot snapshot() {
    return county.store.read(s -> {
      List<MonitoringCase> cases;
      try (var inCounty = s.cases().inArea(COUNTY)) {
        cases = inCounty.toList();
      }
      List<AuditRecord> audit;
      try (var chain = s.audit().chain(COUNTY)) {
        audit = chain.toList();
      }
      return new Snapshot(cases, audit, s.outbox().pending(10_000));
    });
  }

  List<DomainEvent> outbox() {
    return county.store.read(s -> s.outbox().pending(10_000));
  }

  static MonitoringCase accepted(Either<Rejection, MonitoringCase> result) {
    assertThat(result.isRight()).as("expected the move to be accepted, got %s", result).isTrue();
    return result.get();
  }

  static Rejection rejected(Either<Rejection, MonitoringCase> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    return result.getLeft();
  }

  /** Walks a case of village A1 to the running notice, the clock following the steps. */
  MonitoringCase walkToNotice(String caseId, Household h, LocalDate opened) {
    open(county, caseId, h, opened);
    county.clock.setDay(opened.plusDays(3));
    accepted(review.recordScreeningVisit(caseId,
        new ScreeningVisit(opened.plusDays(1), VILLAGE_GROUP_A1, true, true, "家中主要劳动力因病无法务工")));
    accepted(review.recordAppraisal(caseId,
        new Appraisal(opened.plusDays(2), VILLAGE_GROUP_A1, 25, 20, 2, true, "村民代表会议同意纳入")));
    return accepted(review.startNotice(caseId, VILLAGE_GROUP_A1, opened.plusDays(3)));
  }

  @Nested
  class Moves {

    @Test
    void walksACaseFromTheVisitToTheCountyDecisionLeavingOneAuditRecordPerMove() {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      walkToNotice("case-1", h, MONDAY);
      county.clock.setDay(LocalDate.of(2025, 3, 12));
      accepted(review.fileObjection("case-1", VILLAGE_GROUP_A1_OTHER, LocalDate.of(2025, 3, 7), "有村民反映其家有车"));
      accepted(review.answerObjection("case-1", 1, VILLAGE_GROUP_A1, LocalDate.of(2025, 3, 8), "经核实车辆为亲属所有"));
      accepted(review.closeNotice("case-1", VILLAGE_GROUP_A1, LocalDate.of(2025, 3, 11)));
      accepted(review.verify("case-1",
          new TownshipVerification(LocalDate.of(2025, 3, 12), TOWNSHIP_OFFICER_A, true, "乡镇核查属实")));
      MonitoringCase done = accepted(review.decide("case-1", new CountyDecision(LocalDate.of(2025, 3, 12),
          COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED),
          Set.of(RiskType.ILLNESS, RiskType.LACK_OF_LABOUR), "")));

      assertThat(done.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(done.version()).isEqualTo(9);
      assertThat(review.find("case-1")).contains(done);

      List<AuditRecord> records = county.ffp.audit().records(COUNTY);
      assertThat(records).extracting(AuditRecord::action).containsExactly(
          "review.screening_visit", "review.appraisal", "review.notice_start", "review.objection_filed",
          "review.objection_answered", "review.notice_close", "review.township_verification",
          "review.county_decision");
      assertThat(records).allSatisfy(r -> assertThat(r.subjectId()).isEqualTo("case-1"));
      assertThat(records).extracting(r -> r.beforeState().orElse("-") + ">" + r.afterState()).containsExactly(
          "AWAITING_VISIT>AWAITING_APPRAISAL", "AWAITING_APPRAISAL>AWAITING_NOTICE", "AWAITING_NOTICE>IN_NOTICE",
          "IN_NOTICE>IN_NOTICE", "IN_NOTICE>IN_NOTICE", "IN_NOTICE>AWAITING_TOWNSHIP",
          "AWAITING_TOWNSHIP>AWAITING_COUNTY", "AWAITING_COUNTY>CONFIRMED");
      assertThat(records).extracting(AuditRecord::actorId).containsExactly("vwg-a1", "vwg-a1", "vwg-a1",
          "vwg-a1-2", "vwg-a1", "vwg-a1", "twp-a", "county-1");
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();

      List<DomainEvent> events = outbox();
      assertThat(events).extracting(DomainEvent::type).containsExactly(EventType.NOTICE_STARTED,
          EventType.OBJECTION_FILED, EventType.CASE_CONFIRMED);
      assertThat(events).extracting(DomainEvent::id).containsExactly("611022000000-3-0", "611022000000-4-0",
          "611022000000-8-0");
      assertThat(events).allSatisfy(e -> {
        assertThat(e.caseId()).isEqualTo("case-1");
        assertThat(e.householdId()).isEqualTo(h.id());
        assertThat(e.area()).isEqualTo(VILLAGE_A1);
      });
      assertThat(events.get(2).attributes()).containsEntry("category", "UNSTABLE_LIFTED")
          .containsEntry("riskTypes", "ILLNESS,LACK_OF_LABOUR");
      assertThat(events.get(2).occurredAt()).isEqualTo(records.get(7).at());
    }

    @Test
    void refusesMovesAndWritesNothingNotEvenAnAuditRecord() {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      open(county, "case-1", h, MONDAY);
      Snapshot before = snapshot();

      rejected(review.recordScreeningVisit("case-1", new ScreeningVisit(MONDAY, GRID_WORKER_A1, true, true, "核实")),
          "actor.role_not_allowed");
      rejected(review.recordScreeningVisit("case-1", new ScreeningVisit(MONDAY, VILLAGE_GROUP_A2, true, true, "核实")),
          "actor.outside_jurisdiction");
      rejected(review.recordScreeningVisit("case-1", new ScreeningVisit(MONDAY, VILLAGE_GROUP_A1, true, false, "核实")),
          "review.consent_missing");
      rejected(review.recordScreeningVisit("case-1",
          new ScreeningVisit(MONDAY.plusDays(1), VILLAGE_GROUP_A1, true, true, "核实")), "review.date_out_of_order");
      rejected(review.recordAppraisal("case-1", new Appraisal(MONDAY, VILLAGE_GROUP_A1, 10, 6, 1, true, "纪要")),
          "review.wrong_state");
      rejected(review.startNotice("case-1", VILLAGE_GROUP_A1, MONDAY), "review.wrong_state");
      rejected(review.decide("case-1", new CountyDecision(MONDAY, COUNTY_OFFICER, false, Optional.empty(), Set.of(),
          "不纳入")), "review.wrong_state");
      rejected(review.approveEmergency("case-1", new EmergencyApproval(MONDAY, TOWNSHIP_HEAD_A, Money.ZERO, "倒塌")),
          "input.invalid");

      assertThat(snapshot()).isEqualTo(before);
      assertThat(before.audit()).isEmpty();
      assertThat(before.outbox()).isEmpty();
    }

    @Test
    void refusesAMoveOnACaseThatDoesNotExist() {
      Rejection r = rejected(review.closeNotice("no-such-case", VILLAGE_GROUP_A1, MONDAY), "case.not_found");

      assertThat(r.en()).contains("no-such-case");
      assertThat(county.ffp.audit().records(COUNTY)).isEmpty();
      assertThat(review.find("no-such-case")).isEmpty();
    }

    @Test
    void takesTodayFromTheClock() {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      open(county, "case-1", h, MONDAY);
      ScreeningVisit tomorrow = new ScreeningVisit(MONDAY.plusDays(1), VILLAGE_GROUP_A1, true, true, "核实");

      rejected(review.recordScreeningVisit("case-1", tomorrow), "review.date_out_of_order");
      county.clock.setDay(MONDAY.plusDays(1));
      assertThat(accepted(review.recordScreeningVisit("case-1", tomorrow)).state())
          .isEqualTo(CaseState.AWAITING_APPRAISAL);
    }

    @Test
    void dismissesAtTheVisitClosingTheCaseAndTellingTheVillageWhy() {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      open(county, "case-1", h, MONDAY);

      MonitoringCase c = accepted(review.recordScreeningVisit("case-1",
          new ScreeningVisit(MONDAY, VILLAGE_GROUP_A1, false, false, "收入稳定，风险不属实")));

      assertThat(c.state()).isEqualTo(CaseState.DISMISSED);
      Optional<MonitoringCase> open = county.store.read(s -> s.cases().openOf(h.id()));
      assertThat(open).isEmpty();
      assertThat(outbox()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_DISMISSED);
        assertThat(e.attributes()).containsEntry("reason", "收入稳定，风险不属实");
      });
      assertThat(county.ffp.audit().records(COUNTY)).singleElement()
          .satisfies(r -> assertThat(r.afterState()).isEqualTo("DISMISSED"));
    }

    @Test
    void marksTheEmergencyPathWithoutMovingTheCase() {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      open(county, "case-1", h, MONDAY);

      MonitoringCase c = accepted(review.approveEmergency("case-1",
          new EmergencyApproval(MONDAY, TOWNSHIP_HEAD_A, Money.ofYuan(5_000), "房屋倒塌，基本生活无着")));

      assertThat(c.state()).isEqualTo(CaseState.AWAITING_VISIT);
      assertThat(c.emergency()).isPresent();
      assertThat(county.ffp.audit().records(COUNTY)).singleElement().satisfies(r -> {
        assertThat(r.action()).isEqualTo("review.emergency_approval");
        assertThat(r.beforeState()).contains("AWAITING_VISIT");
        assertThat(r.afterState()).isEqualTo("AWAITING_VISIT");
        assertThat(r.actorId()).isEqualTo("head-a");
      });
      assertThat(outbox()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.EMERGENCY_AID_APPROVED);
        assertThat(e.attributes()).containsEntry("amountYuan", "5000.00");
      });
      rejected(review.approveEmergency("case-1",
          new EmergencyApproval(MONDAY, TOWNSHIP_HEAD_A, Money.ofYuan(1_000), "再次申请")),
          "review.emergency_already_approved");
    }

    @Test
    void letsOnlyOneOfManyRacingVisitsThrough() throws Exception {
      Household h = county.household("6110221002010001", VILLAGE_A1);
      open(county, "case-1", h, MONDAY);
      int threads = 8;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Either<Rejection, MonitoringCase>>> results = new ArrayList<>();
      try {
        for (int i = 0; i < threads; i++) {
          boolean real = i % 2 == 0;
          results.add(pool.submit(() -> {
            start.await();
            return review.recordScreeningVisit("case-1", new ScreeningVisit(MONDAY, VILLAGE_GROUP_A1, real, true,
                "核实"));
          }));
        }
        start.countDown();
        List<Either<Rejection, MonitoringCase>> done = new ArrayList<>();
        for (Future<Either<Rejection, MonitoringCase>> f : results) {
          done.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(done).filteredOn(Either::isRight).hasSize(1);
        assertThat(done).filteredOn(Either::isLeft)
            .allSatisfy(r -> assertThat(r.getLeft().code()).isEqualTo("review.wrong_state"));
      } finally {
        pool.shutdownNow();
      }
      assertThat(county.ffp.audit().records(COUNTY)).hasSize(1);
      assertThat(review.find("case-1").get().version()).isEqualTo(2);
    }
  }

  @Nested
  class Deadlines {

    final LocalDate arrived = LocalDate.of(2025, 9, 26);

    /** A case of the household opened on the day, whose notice closed on {@code closedOn}. */
    MonitoringCase awaitingTownship(String caseId, Household h, LocalDate opened, LocalDate closedOn) {
      MonitoringCase c = open(county, caseId, h, opened);
      county.store.write(s -> {
        s.cases().update(c.withVersion(2).withState(CaseState.AWAITING_TOWNSHIP)
            .withNotice(new PublicNotice(closedOn.minusDays(5), closedOn.minusDays(1), VILLAGE_GROUP_A1, List.of(),
                Optional.of(closedOn), Optional.of(VILLAGE_GROUP_A1))));
        return null;
      });
      return c;
    }

    @Test
    void listsTheOverdueStepsOfAnAreaByDueDayThenCase() {
      awaitingTownship("case-b", county.household("6110221002010002", VILLAGE_A1), LocalDate.of(2025, 9, 20), arrived);
      awaitingTownship("case-a", county.household("6110221002020001", VILLAGE_A2), LocalDate.of(2025, 9, 20), arrived);
      open(county, "case-c", county.household("6110221002010003", VILLAGE_A1), LocalDate.of(2025, 10, 1));
      open(county, "case-d", county.household("6110221012010001", TestCounty.VILLAGE_B1), LocalDate.of(2025, 9, 1));

      List<OverdueStep> late = review.overdue(TOWNSHIP_A, LocalDate.of(2025, 10, 20));

      assertThat(late).extracting(s -> s.caseId() + " " + s.kind() + " " + s.dueOn() + " " + s.daysLate())
          .containsExactly(
              "case-a RECOGNITION_LIMIT 2025-10-05 15",
              "case-b RECOGNITION_LIMIT 2025-10-05 15",
              "case-a TOWNSHIP_VERIFICATION 2025-10-13 7",
              "case-b TOWNSHIP_VERIFICATION 2025-10-13 7",
              "case-c RECOGNITION_LIMIT 2025-10-16 4");
      assertThat(review.overdue(TOWNSHIP_B, LocalDate.of(2025, 10, 20))).extracting(OverdueStep::caseId)
          .containsExactly("case-d");
      assertThat(review.overdue(VILLAGE_A1, LocalDate.of(2025, 10, 13))).extracting(OverdueStep::caseId)
          .containsExactly("case-b");
    }

    @Test
    void readsTheRecognitionLimitOfTheProvinceTheVillageLiesIn() {
      PolicyBook book = PolicyBook.nationalDefaults().with(PolicyEntry.builder()
          .region(TOWNSHIP_A)
          .effectiveFrom(LocalDate.of(2025, 1, 1))
          .parameters(PolicyParameters.builder().recognitionTimeLimit(20)
              .recognitionTimeLimitCount(DayCount.WORKING_DAYS).build())
          .build());
      FangFanPin ffp = FangFanPin.builder().store(county.store).ids(new InMemoryIdSource()).clock(county.clock)
          .calendar(ChinaCalendar.y2025()).policies(book).build();
      open(county, "case-a", county.household("6110221002010001", VILLAGE_A1), LocalDate.of(2025, 9, 22));
      open(county, "case-b", county.household("6110221012010001", TestCounty.VILLAGE_B1), LocalDate.of(2025, 9, 22));

      assertThat(ffp.review().overdue(COUNTY, LocalDate.of(2025, 10, 25)))
          .extracting(s -> s.caseId() + " " + s.dueOn())
          .containsExactly("case-b 2025-10-07", "case-a 2025-10-24");
    }

    @Test
    void raisesEachDeadlineWarningOnceWithAStableIdAndNoAuditRecord() {
      awaitingTownship("case-1", county.household("6110221002010001", VILLAGE_A1), LocalDate.of(2025, 9, 20), arrived);
      open(county, "case-2", county.household("6110221002010002", VILLAGE_A1), LocalDate.of(2025, 9, 26));
      List<AuditRecord> auditBefore = county.ffp.audit().records(COUNTY);

      int raised = review.raiseDeadlineWarnings(COUNTY, LocalDate.of(2025, 10, 11));

      assertThat(raised).isEqualTo(2);
      assertThat(outbox()).extracting(DomainEvent::id).containsExactlyInAnyOrder(
          "deadline-case-1-township_verification-2025-10-13",
          "deadline-case-2-recognition_limit-2025-10-11");
      assertThat(outbox()).allSatisfy(e -> assertThat(e.type()).isEqualTo(EventType.DEADLINE_NEAR));
      assertThat(outbox()).filteredOn(e -> e.caseId().equals("case-1")).singleElement()
          .satisfies(e -> assertThat(e.attributes()).containsEntry("kind", "TOWNSHIP_VERIFICATION")
              .containsEntry("dueOn", "2025-10-13"));
      assertThat(review.raiseDeadlineWarnings(COUNTY, LocalDate.of(2025, 10, 11))).isZero();
      assertThat(review.raiseDeadlineWarnings(COUNTY, LocalDate.of(2025, 10, 12))).isZero();
      assertThat(outbox()).hasSize(2);
      assertThat(county.ffp.audit().records(COUNTY)).isEqualTo(auditBefore);
    }

    @Test
    void raisesNoWarningForADeadlineAlreadyPassedOrStillFar() {
      awaitingTownship("case-1", county.household("6110221002010001", VILLAGE_A1), LocalDate.of(2025, 9, 20), arrived);

      assertThat(review.raiseDeadlineWarnings(COUNTY, LocalDate.of(2025, 10, 9))).isZero();
      assertThat(review.raiseDeadlineWarnings(COUNTY, LocalDate.of(2025, 10, 14))).isZero();
      assertThat(outbox()).isEmpty();
    }
  }

  @Nested
  class NoticeList {

    final LocalDate noticeDay = MONDAY.plusDays(5);

    @Test
    void listsTheCasesWhoseNoticeRunsInTheVillageThatDay() {
      Household first = county.household("6110221002010001", VILLAGE_A1);
      Household second = county.household("6110221002010002", VILLAGE_A1, HouseholdStatus.ORDINARY,
          Money.ofYuan(12_000));
      walkToNotice("case-2", second, MONDAY);
      walkToNotice("case-1", first, MONDAY.plusDays(1));
      Household elsewhere = county.household("6110221002020001", VILLAGE_A2);
      open(county, "case-3", elsewhere, MONDAY);
      Household notYet = county.household("6110221002010003", VILLAGE_A1);
      open(county, "case-4", notYet, MONDAY);
      county.clock.setDay(noticeDay);

      List<NoticeListEntry> list = review.noticeList(VILLAGE_A1, noticeDay);

      assertThat(list).extracting(NoticeListEntry::householdId).containsExactly(first.id(), second.id());
      assertThat(list.get(0)).satisfies(e -> {
        assertThat(e.village()).isEqualTo(VILLAGE_A1);
        assertThat(e.memberCount()).hasValue(4);
        assertThat(e.riskTypes()).containsExactly(RiskType.ILLNESS);
        assertThat(e.startsOn()).isEqualTo(MONDAY.plusDays(4));
        assertThat(e.lastDay()).isEqualTo(MONDAY.plusDays(8));
      });
      assertThat(review.noticeList(VILLAGE_A1, MONDAY.plusDays(8))).extracting(NoticeListEntry::householdId)
          .containsExactly(first.id());
      assertThat(review.noticeList(VILLAGE_A1, MONDAY.plusDays(2))).isEmpty();
      assertThat(review.noticeList(VILLAGE_A2, noticeDay)).isEmpty();
    }

    /**
     * Every run of four digits of the head's ID number that an entry shows must be shown by the
     * household id or the village code anyway: the ID's first digits are the county's region code,
     * which the village code carries by definition.
     */
    @Test
    void showsNoDigitsOfTheHeadsIdNumberBeyondWhatTheHouseholdIdHas() {
      List<Household> households = List.of(county.household("6110221002010001", VILLAGE_A1),
          county.household("6110221002010002", VILLAGE_A1), county.household("HH-A1-0003", VILLAGE_A1));
      for (int i = 0; i < households.size(); i++) {
        walkToNotice("case-" + i, households.get(i), MONDAY);
      }

      List<NoticeListEntry> list = review.noticeList(VILLAGE_A1, MONDAY.plusDays(3));

      assertThat(list).hasSize(3);
      for (NoticeListEntry e : list) {
        Household h = households.stream().filter(x -> x.id().equals(e.householdId())).findFirst().orElseThrow();
        String id = h.head().unmasked();
        String shown = e.toString();
        assertThat(shown).doesNotContain(id).doesNotContain(h.head().masked());
        for (String run : digitRuns(shown)) {
          for (int from = 0; from + 4 <= run.length(); from++) {
            String piece = run.substring(from, from + 4);
            if (id.contains(piece)) {
              assertThat(h.id() + " " + h.area().code()).as("%s shows %s of the head's ID", shown, piece)
                  .contains(piece);
            }
          }
        }
      }
    }

    @Test
    void offersNothingButTheHouseholdTheVillageTheMembersTheRisksAndTheDates() {
      Set<String> everyObjectHas = Arrays.stream(Object.class.getMethods()).map(Method::getName)
          .collect(Collectors.toSet());
      Set<String> accessors = Arrays.stream(NoticeListEntry.class.getMethods())
          .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
          .map(Method::getName)
          .filter(name -> !everyObjectHas.contains(name))
          .collect(Collectors.toSet());

      assertThat(accessors).containsExactlyInAnyOrder("householdId", "village", "memberCount", "riskTypes",
          "startsOn", "lastDay");
    }

    @Test
    void isPostedPerVillageOnly() {
      assertThatThrownBy(() -> review.noticeList(TOWNSHIP_A, MONDAY)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> digitRuns(String text) {
      return Arrays.stream(text.split("[^0-9]+")).filter(s -> !s.isEmpty()).toList();
    }
  }
}
