package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.intake.Signals.signal;
import static org.fangfanpin.core.testing.TestCounty.DATA_PLATFORM;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.HOTLINE;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receiving a batch of signals (批量受理): the summary, and the same rules as one at a time. */
class IntakeBatchTest {

  private TestCounty county;
  private IntakeService intake;

  @BeforeEach
  void county() {
    county = TestCounty.onMonday();
    intake = county.ffp.intake();
    county.household("H1", VILLAGE_A1);
    county.household("H2", VILLAGE_A1);
    county.household("H3", VILLAGE_A2);
  }

  @Test
  void countsOpenedJoinedDuplicateAndRejectedSignals() {
    RiskSignal first = signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build();
    IntakeSummary summary = intake.receiveAll(List.of(
        first,
        signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE).build(),
        signal(Channel.GRID_SCREENING, "grid-2", "H2", GRID_WORKER_A1).build(),
        first,
        signal(Channel.GRID_SCREENING, "grid-3", "H3", GRID_WORKER_A1).build(),
        first.withRiskTypes(Set.of(RiskType.DISASTER))));

    assertThat(summary.opened()).isEqualTo(2);
    assertThat(summary.joined()).isEqualTo(1);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.total()).isEqualTo(6);
    assertThat(summary.rejections()).extracting(RejectedSignal::channel, RejectedSignal::sourceRef,
        r -> r.rejection().code()).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Channel.GRID_SCREENING, "grid-3", "actor.outside_jurisdiction"),
            org.assertj.core.groups.Tuple.tuple(Channel.GRID_SCREENING, "grid-1", "intake.conflict"));
  }

  @Test
  void landsTheSameHouseholdsSignalsFromSeveralChannelsOnOneCase() {
    IntakeSummary summary = intake.receiveAll(List.of(
        signal(Channel.SELF_DECLARATION, "self-1", "H1", VILLAGE_GROUP_A1).build(),
        signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build(),
        signal(Channel.MEDIA_HOTLINE, "12317-1", "H1", HOTLINE).build(),
        signal(Channel.DATA_PLATFORM, "screen-1", "H1", DATA_PLATFORM).build()));

    assertThat(summary.opened()).isEqualTo(1);
    assertThat(summary.joined()).isEqualTo(3);
    assertThat(Signals.cases(county)).singleElement().extracting(c -> c.signals().size()).isEqualTo(4);
  }

  @Test
  void spansSeveralUnitsOfWorkWithoutLosingOrRepeatingASignal() {
    List<RiskSignal> many = new ArrayList<>();
    for (int i = 0; i < IntakeService.BATCH_SIZE * 2 + 7; i++) {
      many.add(signal(Channel.GRID_SCREENING, "grid-" + i, "H" + (1 + i % 3), i % 3 == 2 ? VILLAGE_GROUP_A1 : GRID_WORKER_A1)
          .build());
    }

    IntakeSummary summary = intake.receiveAll(many);

    // H3 lies in village A2: the village A1 actors may not report on it.
    int forH3 = (int) many.stream().filter(s -> s.householdId().equals("H3")).count();
    assertThat(summary.rejected()).isEqualTo(forH3);
    assertThat(summary.opened()).isEqualTo(2);
    assertThat(summary.joined()).isEqualTo(many.size() - forH3 - 2);
    assertThat(Signals.storedSignals(county)).hasSize(many.size() - forH3);
    assertThat(Signals.audit(county)).hasSize(many.size() - forH3);
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
    assertThat(Signals.cases(county)).extracting(MonitoringCase::version)
        .containsExactlyInAnyOrder((long) many.stream().filter(s -> s.householdId().equals("H1")).count(),
            (long) many.stream().filter(s -> s.householdId().equals("H2")).count());
  }

  @Test
  void receivesAnEmptyBatch() {
    IntakeSummary summary = intake.receiveAll(List.of());

    assertThat(summary.total()).isZero();
  }

  @Test
  void returnsTheSameFiguresWhenTheBatchIsDeliveredAgain() {
    List<RiskSignal> batch = List.of(
        signal(Channel.GRID_SCREENING, "grid-1", "H1", GRID_WORKER_A1).build(),
        signal(Channel.MEDIA_HOTLINE, "12317-1", "H2", HOTLINE).build());
    intake.receiveAll(batch);

    IntakeSummary again = intake.receiveAll(batch);

    assertThat(again.duplicates()).isEqualTo(2);
    assertThat(again.opened() + again.joined() + again.rejected()).isZero();
  }
}
