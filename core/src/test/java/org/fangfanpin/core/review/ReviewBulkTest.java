package org.fangfanpin.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
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
 * {@link ReviewService#enterAll} against the one-by-one calls: two identical counties, one fed call
 * by call and one in bulk over more than one unit of work, end with the same results, cases, audit
 * chain and events.
 */
class ReviewBulkTest {

  static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  static final LocalDate TODAY = LocalDate.of(2025, 3, 12);

  final TestCounty oneByOne = new TestCounty(TODAY);
  final TestCounty bulk = new TestCounty(TODAY);

  static Either<Rejection, MonitoringCase> oneByOne(ReviewService review, ReviewEntry entry) {
    if (entry instanceof ReviewEntry.Visit e) {
      return review.recordScreeningVisit(e.caseId(), e.visit());
    }
    if (entry instanceof ReviewEntry.Appraise e) {
      return review.recordAppraisal(e.caseId(), e.appraisal());
    }
    if (entry instanceof ReviewEntry.StartNotice e) {
      return review.startNotice(e.caseId(), e.by(), e.startsOn());
    }
    if (entry instanceof ReviewEntry.CloseNotice e) {
      return review.closeNotice(e.caseId(), e.by(), e.on());
    }
    if (entry instanceof ReviewEntry.Verify e) {
      return review.verify(e.caseId(), e.verification());
    }
    ReviewEntry.Decide e = (ReviewEntry.Decide) entry;
    return review.decide(e.caseId(), e.decision());
  }

  @Test
  void enteringInBulkLeavesWhatTheOneByOneCallsLeaveAndARefusedEntryChangesNothing() {
    int cases = 45;
    for (TestCounty county : List.of(oneByOne, bulk)) {
      for (int i = 0; i < cases; i++) {
        ReviewServiceTest.open(county, "case-" + i, county.household(String.format("61102210020100%02d", i),
            VILLAGE_A1), OPENED);
      }
    }
    List<ReviewEntry> entries = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      String id = "case-" + i;
      entries.add(new ReviewEntry.Visit(id, new ScreeningVisit(OPENED.plusDays(1), VILLAGE_GROUP_A1, true, true,
          "家中主要劳动力因病无法务工")));
      // Every fourth appraisal refuses, dismissing the case; every seventh notice is posted by another village.
      entries.add(new ReviewEntry.Appraise(id, i % 4 == 3
          ? new Appraisal(OPENED.plusDays(2), VILLAGE_GROUP_A1, 25, 2, 20, false, "评议不同意")
          : new Appraisal(OPENED.plusDays(2), VILLAGE_GROUP_A1, 25, 20, 2, true, "村民代表会议同意纳入")));
      entries.add(new ReviewEntry.StartNotice(id, i % 7 == 0 ? VILLAGE_GROUP_A2 : VILLAGE_GROUP_A1,
          OPENED.plusDays(3)));
      entries.add(new ReviewEntry.CloseNotice(id, VILLAGE_GROUP_A1, LocalDate.of(2025, 3, 11)));
      entries.add(new ReviewEntry.Verify(id, new TownshipVerification(TODAY, TOWNSHIP_OFFICER_A, true, "乡镇核查属实")));
      entries.add(new ReviewEntry.Decide(id, new CountyDecision(TODAY, COUNTY_OFFICER, true,
          Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), "")));
    }
    entries.add(2, new ReviewEntry.Decide("case-missing", ((ReviewEntry.Decide) entries.get(5)).decision()));
    assertThat(entries.size()).isGreaterThan(CaseMoves.MOVES_PER_UNIT);

    List<Either<Rejection, MonitoringCase>> expected = entries.stream()
        .map(e -> oneByOne(oneByOne.ffp.review(), e)).toList();
    List<Either<Rejection, MonitoringCase>> results = bulk.ffp.review().enterAll(entries);

    assertThat(results).isEqualTo(expected);
    assertThat(results.get(2).getLeft().code()).isEqualTo("case.not_found");
    assertThat(results.get(3).getLeft().code()).isEqualTo("actor.outside_jurisdiction");
    assertThat(results.get(12).get().state()).isEqualTo(CaseState.CONFIRMED);
    assertThat(results.get(20).get().state()).isEqualTo(CaseState.DISMISSED);
    assertThat(results.stream().filter(Either::isRight).count()).isGreaterThan(150);
    assertThat(bulk.stored()).isEqualTo(oneByOne.stored());
    assertThat(bulk.ffp.audit().verify(COUNTY).valid()).isTrue();
  }
}
