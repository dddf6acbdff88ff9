package org.fangfanpin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.exit.ExitFixtures.APPRAISED;
import static org.fangfanpin.core.exit.ExitFixtures.CONFIRMED;
import static org.fangfanpin.core.exit.ExitFixtures.DECIDED;
import static org.fangfanpin.core.exit.ExitFixtures.HOUSEHOLD_ID;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_CLOSED;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_LAST_DAY;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_STARTS;
import static org.fangfanpin.core.exit.ExitFixtures.PROPOSED;
import static org.fangfanpin.core.exit.ExitFixtures.TODAY;
import static org.fangfanpin.core.exit.ExitFixtures.VERIFIED;
import static org.fangfanpin.core.exit.ExitFixtures.appraisal;
import static org.fangfanpin.core.exit.ExitFixtures.elimination;
import static org.fangfanpin.core.exit.ExitFixtures.measure;
import static org.fangfanpin.core.exit.ExitFixtures.proposal;
import static org.fangfanpin.core.exit.ExitFixtures.verification;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.FOREIGN_VILLAGE;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_B;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1_OTHER;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The elimination and gradual exit use cases on the in-memory store: what each move leaves behind
 * (the case, one audit record, its events), that a refused move leaves nothing, the closing of the
 * exits that ended and the elimination register.
 */
class ExitServiceTest {

  final TestCounty county = new TestCounty(TODAY);
  final ExitService exit = county.ffp.exit();

  // ---- setting up confirmed cases directly in the store, as recognition and assistance leave them

  /** Stores the household in the register. */
  Household register(Household h) {
    county.store.write(s -> {
      s.households().put(h);
      return null;
    });
    return h;
  }

  /** Stores a case as it stands, cadres, measures and follow-ups included, as a new case of version 1. */
  MonitoringCase insert(MonitoringCase c) {
    county.store.write(s -> {
      s.cases().insert(c.withVersion(1));
      return null;
    });
    return c.withVersion(1);
  }

  /** Replaces the stored case by a change of it, one version later: what another use case would do. */
  MonitoringCase change(String caseId, UnaryOperator<MonitoringCase> change) {
    return county.store.write(s -> {
      MonitoringCase stored = s.cases().find(caseId).orElseThrow();
      MonitoringCase changed = change.apply(stored).withVersion(stored.version() + 1);
      s.cases().update(changed);
      return changed;
    });
  }

  /** A household of village A1 with its confirmed case, the standard plan and follow-ups. */
  MonitoringCase confirmedCase(String caseId, String householdId, AreaCode village, Set<FocusFlag> flags,
      Money income) {
    register(ExitFixtures.household(householdId, village, 2, income, Set.of(), flags));
    return insert(ExitFixtures.confirmed(caseId, householdId, village));
  }

  MonitoringCase confirmedCase() {
    return confirmedCase("case-1", HOUSEHOLD_ID, VILLAGE_A1, Set.of(), Money.ofYuan(40_000));
  }

  /** Walks the stored case through the service from the proposal to the county's decision. */
  MonitoringCase walk(String caseId, AreaCode village) {
    Actor group = Actor.of("vwg-" + village.code(), Role.VILLAGE_WORKING_GROUP, village);
    Actor township = Actor.of("twp-" + village.code(), Role.TOWNSHIP_OFFICER,
        village.ancestor(AreaLevel.TOWNSHIP).get());
    accepted(exit.propose(caseId, new EliminationProposal(PROPOSED, group, "收入稳定")));
    accepted(exit.recordAppraisal(caseId, new Appraisal(APPRAISED, group, 20, 15, 2, true, "同意")));
    accepted(exit.startNotice(caseId, group, NOTICE_STARTS));
    accepted(exit.closeNotice(caseId, group, NOTICE_CLOSED));
    accepted(exit.verify(caseId, new TownshipVerification(VERIFIED, township, true, "核实")));
    return accepted(exit.decide(caseId, elimination()));
  }

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

  static <T> T accepted(Either<Rejection, T> result) {
    assertThat(result.isRight()).as("expected the move to be accepted, got %s", result).isTrue();
    return result.get();
  }

  static Rejection rejected(Either<Rejection, ?> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    return result.getLeft();
  }

  @Nested
  class Moves {

    @Test
    void walksAnEliminationFromTheProposalToTheGradualExitLeavingOneAuditRecordPerMove() {
      confirmedCase();

      accepted(exit.propose("case-1", proposal()));
      accepted(exit.recordAppraisal("case-1", appraisal(true)));
      accepted(exit.startNotice("case-1", VILLAGE_GROUP_A1, NOTICE_STARTS));
      accepted(exit.fileObjection("case-1", VILLAGE_GROUP_A1_OTHER, NOTICE_STARTS.plusDays(1), "有村民反映其务工已中断"));
      accepted(exit.answerObjection("case-1", 1, VILLAGE_GROUP_A1, NOTICE_STARTS.plusDays(2), "经核实已在县城稳定务工"));
      rejected(exit.closeNotice("case-1", VILLAGE_GROUP_A1, NOTICE_LAST_DAY), "review.notice_still_running");
      accepted(exit.closeNotice("case-1", VILLAGE_GROUP_A1, NOTICE_CLOSED));
      accepted(exit.verify("case-1", verification(true)));
      MonitoringCase done = accepted(exit.decide("case-1", elimination()));

      assertThat(done.state()).isEqualTo(CaseState.GRADUAL_EXIT);
      assertThat(done.version()).isEqualTo(9);
      assertThat(done.exit()).contains(new GradualExit(DECIDED.plusDays(1), 6, LocalDate.of(2026, 3, 24), false));
      assertThat(exit.find("case-1")).contains(done);

      List<AuditRecord> records = county.ffp.audit().records(COUNTY);
      assertThat(records).extracting(AuditRecord::action).containsExactly(ExitActions.PROPOSAL,
          ExitActions.APPRAISAL, ExitActions.NOTICE_START, ExitActions.OBJECTION_FILED,
          ExitActions.OBJECTION_ANSWERED, ExitActions.NOTICE_CLOSE, ExitActions.TOWNSHIP_VERIFICATION,
          ExitActions.COUNTY_DECISION);
      assertThat(records).extracting(r -> r.beforeState().orElse("-") + ">" + r.afterState()).containsExactly(
          "CONFIRMED>ELIMINATION_PROPOSED", "ELIMINATION_PROPOSED>ELIMINATION_AWAITING_NOTICE",
          "ELIMINATION_AWAITING_NOTICE>ELIMINATION_IN_NOTICE", "ELIMINATION_IN_NOTICE>ELIMINATION_IN_NOTICE",
          "ELIMINATION_IN_NOTICE>ELIMINATION_IN_NOTICE", "ELIMINATION_IN_NOTICE>ELIMINATION_AWAITING_TOWNSHIP",
          "ELIMINATION_AWAITING_TOWNSHIP>ELIMINATION_AWAITING_COUNTY", "ELIMINATION_AWAITING_COUNTY>GRADUAL_EXIT");
      assertThat(records).extracting(AuditRecord::actorId).containsExactly("vwg-a1", "vwg-a1", "vwg-a1",
          "vwg-a1-2", "vwg-a1", "vwg-a1", "twp-a", "county-1");
      assertThat(records).allSatisfy(r -> assertThat(r.subjectId()).isEqualTo("case-1"));
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();

      List<DomainEvent> events = outbox();
      assertThat(events).extracting(DomainEvent::type).containsExactly(EventType.ELIMINATION_PROPOSED,
          EventType.NOTICE_STARTED, EventType.OBJECTION_FILED, EventType.RISK_ELIMINATED);
      assertThat(events).extracting(DomainEvent::id).containsExactly("611022000000-1-0", "611022000000-3-0",
          "611022000000-4-0", "611022000000-8-0");
      assertThat(events.get(1).attributes()).containsEntry("review", "elimination")
          .containsEntry("lastDay", "2025-09-21");
      assertThat(events.get(2).attributes()).containsEntry("review", "elimination").containsEntry("number", "1");
      assertThat(events.get(3).attributes()).containsEntry("exitEndsOn", "2026-03-24")
          .containsEntry("exitMonths", "6");
      assertThat(events).allSatisfy(e -> {
        assertThat(e.caseId()).isEqualTo("case-1");
        assertThat(e.householdId()).isEqualTo(HOUSEHOLD_ID);
        assertThat(e.area()).isEqualTo(VILLAGE_A1);
      });
    }

    @Test
    void refusesAProposalWhileABlockerStandsAndWritesNothing() {
      confirmedCase();
      change("case-1", c -> c.withFollowUps(List.of()).withMeasures(List.of(
          measure(1, MeasureType.HOUSING, MeasureStatus.PLANNED, Optional.empty()))));
      Snapshot before = snapshot();

      Rejection r = rejected(exit.propose("case-1", proposal(CONFIRMED.plusMonths(2))), "exit.too_soon");

      assertThat(r.en()).contains("exit.income_not_stable", "exit.no_measure_implemented",
          "exit.measure_not_implemented");
      assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesAMoveOnAnUnknownCaseOrAHouseholdMissingFromTheRegister() {
      insert(ExitFixtures.confirmed());
      Snapshot before = snapshot();

      rejected(exit.propose("case-9", proposal()), "case.not_found");
      rejected(exit.propose("case-1", proposal()), "household.not_found");
      assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void returnsTheCaseToMonitoringWhenTheTownshipRefusesAndANewProposalStartsAfresh() {
      confirmedCase();
      accepted(exit.propose("case-1", proposal()));
      accepted(exit.recordAppraisal("case-1", appraisal(true)));
      accepted(exit.startNotice("case-1", VILLAGE_GROUP_A1, NOTICE_STARTS));
      accepted(exit.closeNotice("case-1", VILLAGE_GROUP_A1, NOTICE_CLOSED));

      MonitoringCase refused = accepted(exit.verify("case-1", verification(false)));
      assertThat(refused.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(refused.elimination().flatMap(e -> e.verification())).contains(verification(false));

      MonitoringCase again = accepted(exit.propose("case-1", proposal(TODAY)));
      assertThat(again.state()).isEqualTo(CaseState.ELIMINATION_PROPOSED);
      assertThat(again.elimination().get().verification()).isEmpty();
      assertThat(county.ffp.audit().records(COUNTY)).extracting(AuditRecord::action).endsWith(
          ExitActions.TOWNSHIP_VERIFICATION, ExitActions.PROPOSAL);
    }

    @Test
    void refusesTheDecisionWhenAMeasurePlannedSinceTheVerificationIsNotImplemented() {
      confirmedCase();
      accepted(exit.propose("case-1", proposal()));
      accepted(exit.recordAppraisal("case-1", appraisal(true)));
      accepted(exit.startNotice("case-1", VILLAGE_GROUP_A1, NOTICE_STARTS));
      accepted(exit.closeNotice("case-1", VILLAGE_GROUP_A1, NOTICE_CLOSED));
      accepted(exit.verify("case-1", verification(true)));
      change("case-1", c -> {
        List<Measure> measures = new ArrayList<>(c.measures());
        measures.add(measure(3, MeasureType.HOUSING, MeasureStatus.PLANNED, Optional.empty()));
        return c.withMeasures(measures);
      });
      Snapshot before = snapshot();

      rejected(exit.decide("case-1", elimination()), "exit.measure_not_implemented");
      assertThat(snapshot()).isEqualTo(before);

      MonitoringCase back = accepted(exit.decide("case-1",
          new EliminationDecision(DECIDED, COUNTY_OFFICER, false, "住房安全措施尚未落实")));
      assertThat(back.state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(back.elimination().get().decision().map(EliminationDecision::eliminated)).contains(false);
    }

    @Test
    void givesADibaoHouseholdNearTheDibaoLineTwelveMonths() {
      confirmedCase("case-1", HOUSEHOLD_ID, VILLAGE_A1, Set.of(FocusFlag.DIBAO), Money.ofYuan(36_000));

      MonitoringCase done = walk("case-1", VILLAGE_A1);

      assertThat(done.exit()).contains(new GradualExit(DECIDED.plusDays(1), 12, LocalDate.of(2026, 9, 24), true));
    }
  }

  @Nested
  class ClosingExits {

    @Test
    void closesEveryCaseWhoseExitEndedBeforeTheDayOnceWithOneAuditRecordAndEventEach() {
      confirmedCase("case-1", "6110221002010001", VILLAGE_A1, Set.of(), Money.ofYuan(40_000));
      confirmedCase("case-2", "6110221012010001", VILLAGE_B1, Set.of(FocusFlag.DIBAO), Money.ofYuan(36_000));
      confirmedCase("case-3", "6110221002020001", VILLAGE_A2, Set.of(), Money.ofYuan(40_000));
      walk("case-1", VILLAGE_A1);
      walk("case-2", VILLAGE_B1);
      int recordsBefore = county.ffp.audit().records(COUNTY).size();
      LocalDate afterTheFirstExit = LocalDate.of(2026, 3, 25);
      county.clock.setDay(afterTheFirstExit);

      assertThat(accepted(exit.closeExits(COUNTY, afterTheFirstExit.minusDays(1), COUNTY_OFFICER))).isEmpty();
      List<MonitoringCase> closed = accepted(exit.closeExits(COUNTY, afterTheFirstExit, COUNTY_OFFICER));

      assertThat(closed).singleElement().satisfies(c -> {
        assertThat(c.id()).isEqualTo("case-1");
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
        assertThat(c.closedOn()).contains(afterTheFirstExit);
        assertThat(c.isOpen()).isFalse();
      });
      assertThat(exit.find("case-2").get().state()).isEqualTo(CaseState.GRADUAL_EXIT);
      assertThat(exit.find("case-3").get().state()).isEqualTo(CaseState.CONFIRMED);
      List<AuditRecord> records = county.ffp.audit().records(COUNTY);
      assertThat(records).hasSize(recordsBefore + 1);
      assertThat(records.get(records.size() - 1)).satisfies(r -> {
        assertThat(r.action()).isEqualTo(ExitActions.CLOSE);
        assertThat(r.subjectId()).isEqualTo("case-1");
        assertThat(r.beforeState()).contains("GRADUAL_EXIT");
        assertThat(r.afterState()).isEqualTo("CLOSED");
        assertThat(r.actorId()).isEqualTo("county-1");
      });
      assertThat(outbox()).filteredOn(e -> e.type() == EventType.CASE_CLOSED).singleElement()
          .satisfies(e -> assertThat(e.attributes()).containsEntry("closedOn", "2026-03-25")
              .containsEntry("exitEndedOn", "2026-03-24"));
      assertThat(accepted(exit.closeExits(COUNTY, afterTheFirstExit, COUNTY_OFFICER))).isEmpty();
      assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();
    }

    @Test
    void closesOnlyTheCasesOfTheArea() {
      confirmedCase("case-1", "6110221002010001", VILLAGE_A1, Set.of(), Money.ofYuan(40_000));
      confirmedCase("case-2", "6110221012010001", VILLAGE_B1, Set.of(), Money.ofYuan(40_000));
      walk("case-1", VILLAGE_A1);
      walk("case-2", VILLAGE_B1);
      LocalDate later = LocalDate.of(2026, 6, 1);
      county.clock.setDay(later);

      assertThat(accepted(exit.closeExits(TOWNSHIP_B, later, COUNTY_OFFICER))).extracting(MonitoringCase::id)
          .containsExactly("case-2");
      assertThat(exit.find("case-1").get().state()).isEqualTo(CaseState.GRADUAL_EXIT);
    }

    @Test
    void isRefusedToAnyoneButACountyOfficerOfTheAreaAndForADayAfterTodayClosingNothing() {
      confirmedCase();
      walk("case-1", VILLAGE_A1);
      LocalDate later = LocalDate.of(2026, 6, 1);
      county.clock.setDay(later);
      Snapshot before = snapshot();

      rejected(exit.closeExits(TOWNSHIP_A, later, TOWNSHIP_OFFICER_A), "actor.role_not_allowed");
      rejected(exit.closeExits(FOREIGN_VILLAGE, later, COUNTY_OFFICER), "actor.outside_jurisdiction");
      rejected(exit.closeExits(COUNTY, later.plusDays(1), COUNTY_OFFICER), "review.date_out_of_order");
      assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void leavesACaseThatRelapsedMonitored() {
      confirmedCase();
      walk("case-1", VILLAGE_A1);
      change("case-1", c -> ExitRules.relapse(c, Set.of(RiskType.ILLNESS), LocalDate.of(2025, 12, 1)));
      LocalDate later = LocalDate.of(2026, 6, 1);
      county.clock.setDay(later);

      assertThat(accepted(exit.closeExits(COUNTY, later, COUNTY_OFFICER))).isEmpty();
      assertThat(exit.find("case-1").get()).satisfies(c -> {
        assertThat(c.state()).isEqualTo(CaseState.CONFIRMED);
        assertThat(c.earlyElimination()).isTrue();
        assertThat(c.relapses()).isEqualTo(1);
      });
    }
  }

  @Nested
  class EliminationRegister {

    @Test
    void listsOneRowPerCaseEliminatedInThePeriodWithTheFormsColumns() {
      confirmedCase("case-1", "6110221002010001", VILLAGE_A1, Set.of(), Money.ofYuan(40_000));
      confirmedCase("case-2", "6110221012010001", VILLAGE_B1, Set.of(FocusFlag.DIBAO), Money.ofYuan(36_000));
      confirmedCase("case-3", "6110221002020001", VILLAGE_A2, Set.of(), Money.ofYuan(40_000));
      accepted(exit.propose("case-1", proposal()));
      accepted(exit.recordAppraisal("case-1", appraisal(true)));
      accepted(exit.startNotice("case-1", VILLAGE_GROUP_A1, NOTICE_STARTS));
      accepted(exit.fileObjection("case-1", VILLAGE_GROUP_A1_OTHER, NOTICE_STARTS, "有异议"));
      accepted(exit.answerObjection("case-1", 1, VILLAGE_GROUP_A1, NOTICE_STARTS, "已核实"));
      accepted(exit.closeNotice("case-1", VILLAGE_GROUP_A1, NOTICE_CLOSED));
      accepted(exit.verify("case-1", verification(true)));
      accepted(exit.decide("case-1", elimination()));
      walk("case-2", VILLAGE_B1);

      List<EliminationRegisterRow> rows = exit.eliminationRegister(COUNTY, LocalDate.of(2025, 9, 1),
          LocalDate.of(2025, 9, 30));

      assertThat(rows).extracting(EliminationRegisterRow::caseId).containsExactly("case-1", "case-2");
      EliminationRegisterRow row = rows.get(0);
      assertThat(row.township()).isEqualTo(TOWNSHIP_A);
      assertThat(row.village()).isEqualTo(VILLAGE_A1);
      assertThat(row.householdId()).isEqualTo("6110221002010001");
      assertThat(row.householdStatus()).isEqualTo(HouseholdStatus.LIFTED);
      assertThat(row.returnToPoverty()).isTrue();
      assertThat(row.category()).contains(MonitoringCategory.UNSTABLE_LIFTED);
      assertThat(row.members()).isEqualTo(OptionalInt.of(4));
      assertThat(row.riskTypes()).containsExactly(RiskType.ILLNESS);
      assertThat(row.confirmedOn()).isEqualTo(CONFIRMED);
      assertThat(row.measuresImplemented()).containsExactly(MeasureType.EMPLOYMENT, MeasureType.MEDICAL);
      assertThat(row.perCapitaIncome()).contains(Money.ofYuan(10_000));
      assertThat(row.proposedOn()).isEqualTo(PROPOSED);
      assertThat(row.appraisedOn()).isEqualTo(APPRAISED);
      assertThat(row.noticeStartsOn()).isEqualTo(NOTICE_STARTS);
      assertThat(row.noticeLastDay()).isEqualTo(NOTICE_LAST_DAY);
      assertThat(row.objections()).isEqualTo(1);
      assertThat(row.verifiedOn()).isEqualTo(VERIFIED);
      assertThat(row.eliminatedOn()).isEqualTo(DECIDED);
      assertThat(row.gradualExit()).map(GradualExit::months).contains(6);
      assertThat(row.reportDueOn()).isEqualTo(LocalDate.of(2025, 10, 5));
      assertThat(row.state()).isEqualTo(CaseState.GRADUAL_EXIT);
      assertThat(rows.get(1).township()).isEqualTo(TOWNSHIP_B);
      assertThat(rows.get(1).gradualExit()).map(GradualExit::months).contains(12);
      assertThat(rows.get(1).objections()).isZero();
    }

    @Test
    void countsTheDaysOfThePeriodInclusiveAndTheAreaOnly() {
      confirmedCase();
      walk("case-1", VILLAGE_A1);

      assertThat(exit.eliminationRegister(COUNTY, DECIDED, DECIDED)).hasSize(1);
      assertThat(exit.eliminationRegister(VILLAGE_A1, DECIDED, DECIDED)).hasSize(1);
      assertThat(exit.eliminationRegister(VILLAGE_A2, DECIDED, DECIDED)).isEmpty();
      assertThat(exit.eliminationRegister(COUNTY, DECIDED.plusDays(1), TODAY)).isEmpty();
      assertThat(exit.eliminationRegister(COUNTY, CONFIRMED, DECIDED.minusDays(1))).isEmpty();
      assertThatThrownBy(() -> exit.eliminationRegister(COUNTY, TODAY, DECIDED))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOutRefusedEliminationsAndKeepsRelapsedOnes() {
      confirmedCase("case-1", "6110221002010001", VILLAGE_A1, Set.of(), Money.ofYuan(40_000));
      confirmedCase("case-2", "6110221002020001", VILLAGE_A2, Set.of(), Money.ofYuan(40_000));
      walk("case-1", VILLAGE_A1);
      change("case-1", c -> ExitRules.relapse(c, Set.of(RiskType.DISASTER), TODAY));
      accepted(exit.propose("case-2", new EliminationProposal(PROPOSED, VILLAGE_GROUP_A2, "收入稳定")));
      accepted(exit.recordAppraisal("case-2", new Appraisal(APPRAISED, VILLAGE_GROUP_A2, 20, 3, 15, false,
          "不同意")));

      List<EliminationRegisterRow> rows = exit.eliminationRegister(COUNTY, LocalDate.of(2025, 9, 1), TODAY);

      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.caseId()).isEqualTo("case-1");
        assertThat(r.state()).isEqualTo(CaseState.CONFIRMED);
        assertThat(r.gradualExit()).isEmpty();
      });
    }

    @Test
    void showsNoIncomeWhenNoFollowUpWasRecordedBeforeTheDecisionsMonth() {
      confirmedCase();
      walk("case-1", VILLAGE_A1);
      change("case-1", c -> c.withFollowUps(List.of(ExitFixtures.followUp(YearMonth.of(2025, 9),
          LocalDate.of(2025, 9, 30), true))));

      assertThat(exit.eliminationRegister(COUNTY, DECIDED, DECIDED)).singleElement()
          .satisfies(r -> assertThat(r.perCapitaIncome()).isEmpty());
    }

    @Test
    void neverShowsAResidentIdNumber() {
      Household h = register(ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, 2, Money.ofYuan(40_000),
          Set.<BasicNeed>of(), Set.of()));
      insert(ExitFixtures.confirmed());
      walk("case-1", VILLAGE_A1);

      String register = exit.eliminationRegister(COUNTY, DECIDED, DECIDED).toString();
      assertThat(register).contains(HOUSEHOLD_ID).doesNotContain(h.head().unmasked());
    }
  }
}
