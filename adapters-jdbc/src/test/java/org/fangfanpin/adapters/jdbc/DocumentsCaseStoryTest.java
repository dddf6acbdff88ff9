package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fangfanpin.adapters.jdbc.CaseStories.Stage;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.Test;

/**
 * A case comes back equal at every step of its life (案件全程): recognition, emergency aid,
 * assistance, elimination, gradual exit, closing, relapse and the case that follows a closed one.
 */
class DocumentsCaseStoryTest {

  @Property
  void aCaseComesBackEqualAtEveryStageOfItsLife(@ForAll Stage stage, @ForAll("openingDays") LocalDate opened,
      @ForAll @IntRange(min = 0, max = 14) int monthsMonitored) {
    MonitoringCase c = CaseStories.at(stage, "6110221002010001", opened, monthsMonitored);
    assertThat(Documents.monitoringCaseUncached(Documents.monitoringCase(c))).isEqualTo(c);
  }

  @Test
  void theStoriesReachEveryPartOfACase() {
    // Guards the generator: without these parts the property above would prove less than it says.
    LocalDate opened = LocalDate.of(2025, 3, 3);
    MonitoringCase refused = CaseStories.at(Stage.ELIMINATION_REFUSED, "h1", opened, 6);
    assertThat(refused.notice().orElseThrow().objections().get(0).answer()).isPresent();
    assertThat(refused.emergency()).isPresent();
    assertThat(refused.measures()).extracting(m -> m.verifiedBy().isPresent()).containsExactly(true, false);
    assertThat(refused.elimination().orElseThrow().decision().orElseThrow().eliminated()).isFalse();
    MonitoringCase relapsed = CaseStories.at(Stage.RELAPSED, "h1", opened, 6);
    assertThat(relapsed.relapses()).isEqualTo(1);
    assertThat(relapsed.earlyElimination()).isTrue();
    assertThat(CaseStories.at(Stage.CLOSED, "h1", opened, 6).closedOn()).isPresent();
    assertThat(CaseStories.at(Stage.CLOSED, "h1", opened, 6).exit()).isPresent();
    assertThat(CaseStories.at(Stage.SUCCESSOR, "h1", opened, 6).previousCaseId()).contains("case-h1");
    assertThat(CaseStories.at(Stage.DISMISSED_BY_COUNTY, "h1", opened, 6).dismissal()).isPresent();
  }

  @Provide
  Arbitrary<LocalDate> openingDays() {
    return Arbitraries.integers().between(0, 3_000).map(d -> LocalDate.of(2021, 1, 1).plusDays(d));
  }
}
