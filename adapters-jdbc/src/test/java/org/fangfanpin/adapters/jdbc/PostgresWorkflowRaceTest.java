package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fangfanpin.core.intake.IntakeResult;
import org.fangfanpin.core.review.ReviewService;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.Test;

/**
 * Eight threads racing the same review move on one case through core, on PostgreSQL (并发审核):
 * at every step of the review exactly one wins, the seven others are told the case is no longer
 * in the state the move needs, no move is lost (the case's version is 1 plus the accepted moves,
 * one audit record each) and the county's audit chain verifies. Eight deliveries of one signal
 * store it once, open one case, and each is answered; eight deliveries under one key for eight
 * households store one signal and tell the others of the conflict.
 */
class PostgresWorkflowRaceTest {

  private static final int THREADS = 8;
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

  @Test
  void eightThreadsRacingTheSameMoveLetExactlyOneWinEachStepAndLoseNone() throws Exception {
    JdbcCounty county = new JdbcCounty(EmbeddedPostgresServer.newStore(), TODAY);
    ReviewService review = county.ffp.review();
    county.household("H1", JdbcCounty.VILLAGE_A1);
    String caseId = county.ffp.intake().receive(RiskSignal.builder().channel(Channel.SELF_DECLARATION)
        .sourceRef("open-H1").householdId("H1").observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS))
        .reportedBy(JdbcCounty.VILLAGE_GROUP_A1).build()).get().caseId();
    var group = JdbcCounty.VILLAGE_GROUP_A1;

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
        new TownshipVerification(closing, JdbcCounty.TOWNSHIP_OFFICER_A, true, "核查属实")));
    accepted += exactlyOneWins(county, caseId, () -> review.decide(caseId, new CountyDecision(closing,
        JdbcCounty.COUNTY_OFFICER, true, Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), "")));

    MonitoringCase end = review.find(caseId).orElseThrow();
    assertThat(end.state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(end.version()).as("no move lost: 1 + the accepted moves").isEqualTo(1 + accepted);
    List<AuditRecord> reviewRecords = county.ffp.audit().records(JdbcCounty.COUNTY).stream()
        .filter(r -> r.subjectId().equals(caseId) && r.action().startsWith("review.")).toList();
    assertThat(reviewRecords).as("one audit record per accepted move").hasSize(accepted);
    assertThat(county.ffp.audit().verify(JdbcCounty.COUNTY).valid()).isTrue();
  }

  @Test
  void eightThreadsDeliveringTheSameSignalStoreItOnceAndOpenOneCase() throws Exception {
    JdbcCounty county = new JdbcCounty(EmbeddedPostgresServer.newStore(), TODAY);
    county.household("H1", JdbcCounty.VILLAGE_A1);
    RiskSignal signal = RiskSignal.builder().channel(Channel.MEDIA_HOTLINE).sourceRef("hotline-1").householdId("H1")
        .observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS)).reportedBy(JdbcCounty.HOTLINE).build();

    Callable<Either<Rejection, IntakeResult>> deliver = () -> county.ffp.intake().receive(signal);
    List<Either<Rejection, IntakeResult>> results = Race.run(Collections.nCopies(THREADS, deliver));

    assertThat(results).as("every delivery is answered, none fails").allSatisfy(r -> assertThat(r.isRight()).isTrue());
    assertThat(results).extracting(r -> r.get().caseId()).containsOnly(results.get(0).get().caseId());
    long stored = county.store.read(s -> {
      try (var all = s.signals().receivedIn(JdbcCounty.COUNTY, TODAY.minusYears(1), TODAY.plusYears(1))) {
        return all.count();
      }
    });
    long cases = county.store.read(s -> (long) s.cases().ofHousehold("H1", JdbcCounty.VILLAGE_A1).size());
    assertThat(stored).as("stored once").isEqualTo(1);
    assertThat(cases).as("one case").isEqualTo(1);
    assertThat(county.ffp.audit().verify(JdbcCounty.COUNTY).valid()).isTrue();
  }

  @Test
  void eightThreadsDeliveringOneKeyForEightHouseholdsStoreOneSignalAndTellTheOthersOfTheConflict() throws Exception {
    JdbcCounty county = new JdbcCounty(EmbeddedPostgresServer.newStore(), TODAY);
    List<Callable<Either<Rejection, IntakeResult>>> deliveries = new ArrayList<>();
    for (int i = 1; i <= THREADS; i++) {
      // Each delivery locks only its own household, so none waits for another before it looks the
      // key up: all but one learn of the stored signal when they store theirs, and run again.
      county.household("H" + i, JdbcCounty.VILLAGE_A1);
      RiskSignal signal = RiskSignal.builder().channel(Channel.MEDIA_HOTLINE).sourceRef("hotline-1")
          .householdId("H" + i).observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS))
          .reportedBy(JdbcCounty.HOTLINE).build();
      deliveries.add(() -> county.ffp.intake().receive(signal));
    }

    List<Either<Rejection, IntakeResult>> results = Race.run(deliveries);

    assertThat(results).filteredOn(Either::isRight).as("one delivery is stored").hasSize(1);
    assertThat(results).filteredOn(Either::isLeft).extracting(r -> r.getLeft().code())
        .as("the others are told the key holds another signal").hasSize(THREADS - 1).containsOnly("intake.conflict");
    long stored = county.store.read(s -> {
      try (var all = s.signals().receivedIn(JdbcCounty.COUNTY, TODAY.minusYears(1), TODAY.plusYears(1))) {
        return all.count();
      }
    });
    long cases = county.store.read(s -> {
      try (var all = s.cases().inArea(JdbcCounty.COUNTY)) {
        return all.count();
      }
    });
    assertThat(stored).as("stored once").isEqualTo(1);
    assertThat(cases).as("one case").isEqualTo(1);
    assertThat(county.ffp.audit().verify(JdbcCounty.COUNTY).valid()).isTrue();
  }

  /** Races the move on eight threads: one wins, seven are told the case moved on; returns 1. */
  private static int exactlyOneWins(JdbcCounty county, String caseId,
      Callable<Either<Rejection, MonitoringCase>> move) throws Exception {
    long before = county.store.read(s -> s.cases().find(caseId)).orElseThrow().version();

    List<Either<Rejection, MonitoringCase>> results = Race.run(Collections.nCopies(THREADS, move));

    assertThat(results).filteredOn(Either::isRight).as("exactly one thread wins").hasSize(1);
    assertThat(results).filteredOn(Either::isLeft).extracting(r -> r.getLeft().code())
        .as("the others are told the case is no longer in the state the move needs")
        .hasSize(THREADS - 1).containsOnly("review.wrong_state");
    assertThat(county.store.read(s -> s.cases().find(caseId)).orElseThrow().version()).isEqualTo(before + 1);
    return 1;
  }
}
