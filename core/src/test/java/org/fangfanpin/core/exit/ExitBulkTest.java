package org.fangfanpin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.exit.ExitFixtures.COUNTY;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_CLOSED;
import static org.fangfanpin.core.exit.ExitFixtures.NOTICE_STARTS;
import static org.fangfanpin.core.exit.ExitFixtures.TODAY;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_A1;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_GROUP;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;

import org.junit.jupiter.api.Test;

/**
 * {@link ExitService#enterAll} against the one-by-one calls: two identical counties, one fed call
 * by call and one in bulk over more than one unit of work, end with the same results, cases, audit
 * chain and events.
 */
class ExitBulkTest {

  final TestCounty oneByOne = new TestCounty(TODAY);
  final TestCounty bulk = new TestCounty(TODAY);

  static void confirmedCase(TestCounty county, int i) {
    String household = String.format("61102210020100%02d", i);
    county.store.write(s -> {
      s.households().put(ExitFixtures.household(household, VILLAGE_A1, 2, Money.ofYuan(40_000), Set.of(), Set.of()));
      s.cases().insert(ExitFixtures.confirmed("case-" + i, household, VILLAGE_A1));
      return null;
    });
  }

  static Either<Rejection, MonitoringCase> oneByOne(ExitService exit, ExitEntry entry) {
    if (entry instanceof ExitEntry.Propose e) {
      return exit.propose(e.caseId(), e.proposal());
    }
    if (entry instanceof ExitEntry.Appraise e) {
      return exit.recordAppraisal(e.caseId(), e.appraisal());
    }
    if (entry instanceof ExitEntry.StartNotice e) {
      return exit.startNotice(e.caseId(), e.by(), e.startsOn());
    }
    if (entry instanceof ExitEntry.CloseNotice e) {
      return exit.closeNotice(e.caseId(), e.by(), e.on());
    }
    if (entry instanceof ExitEntry.Verify e) {
      return exit.verify(e.caseId(), e.verification());
    }
    ExitEntry.Decide e = (ExitEntry.Decide) entry;
    return exit.decide(e.caseId(), e.decision());
  }

  @Test
  void enteringInBulkLeavesWhatTheOneByOneCallsLeaveAndARefusedEntryChangesNothing() {
    int cases = 45;
    for (int i = 0; i < cases; i++) {
      confirmedCase(oneByOne, i);
      confirmedCase(bulk, i);
    }
    List<ExitEntry> entries = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String id = "case-" + i;
      entries.add(new ExitEntry.Propose(id, ExitFixtures.proposal()));
      // Every fourth appraisal refuses: the case goes back to monitoring and its notice is refused.
      entries.add(new ExitEntry.Appraise(id, ExitFixtures.appraisal(i % 4 != 3)));
      entries.add(new ExitEntry.StartNotice(id, VILLAGE_GROUP, NOTICE_STARTS));
      entries.add(new ExitEntry.CloseNotice(id, VILLAGE_GROUP, NOTICE_CLOSED));
      entries.add(new ExitEntry.Verify(id, ExitFixtures.verification(true)));
      entries.add(new ExitEntry.Decide(id, i % 5 == 0 ? ExitFixtures.refusal("抽查不实") : ExitFixtures.elimination()));
    }
    entries.add(2, new ExitEntry.Verify("case-missing", ExitFixtures.verification(true)));
    assertThat(entries.size()).isGreaterThan(256);

    List<Either<Rejection, MonitoringCase>> expected = entries.stream()
        .map(e -> oneByOne(oneByOne.ffp.exit(), e)).toList();
    List<Either<Rejection, MonitoringCase>> results = bulk.ffp.exit().enterAll(entries);

    assertThat(results).isEqualTo(expected);
    assertThat(results.get(2).getLeft().code()).isEqualTo("case.not_found");
    MonitoringCase eliminated = results.get(6).get();
    assertThat(eliminated.state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(results.get(12).get().state()).isEqualTo(CaseState.GRADUAL_EXIT);
    assertThat(results.stream().filter(Either::isLeft).count()).isEqualTo(1 + 4 * 11);
    assertThat(bulk.stored()).isEqualTo(oneByOne.stored());
    assertThat(bulk.ffp.audit().verify(COUNTY).valid()).isTrue();
  }
}
