package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Several threads delivering the same signals, one at a time and in batches, in different orders:
 * never two open cases for a household, every key stored once, one audit record per stored signal.
 */
class IntakeConcurrencyTest {

  private static final int HOUSEHOLDS = 20;
  private static final Channel[] CHANNELS = {Channel.GRID_SCREENING, Channel.MEDIA_HOTLINE, Channel.DATA_PLATFORM};
  private static final Actor[] REPORTERS = {TestCounty.GRID_WORKER_A1, TestCounty.HOTLINE, TestCounty.DATA_PLATFORM};

  @RepeatedTest(5)
  void racingDeliveriesNeverOpenTwoCasesNorStoreASignalTwice() throws Exception {
    TestCounty county = TestCounty.onMonday();
    List<RiskSignal> signals = new ArrayList<>();
    for (int h = 0; h < HOUSEHOLDS; h++) {
      county.household("H" + h, TestCounty.VILLAGE_A1);
      for (int c = 0; c < CHANNELS.length; c++) {
        signals.add(Signals.signal(CHANNELS[c], "ref-" + h, "H" + h, REPORTERS[c]).build());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        List<RiskSignal> mine = new ArrayList<>(signals);
        Collections.shuffle(mine, new Random(t));
        boolean batched = t % 2 == 0;
        done.add(pool.submit(() -> {
          if (batched) {
            county.ffp.intake().receiveAll(mine);
          } else {
            mine.forEach(s -> county.ffp.intake().receive(s));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<MonitoringCase> cases = Signals.cases(county);
    assertThat(cases).hasSize(HOUSEHOLDS);
    assertThat(cases.stream().collect(Collectors.groupingBy(MonitoringCase::householdId, Collectors.counting())))
        .allSatisfy((h, n) -> assertThat(n).isEqualTo(1));
    assertThat(cases).allSatisfy(c -> assertThat(c.signals()).hasSize(CHANNELS.length));
    assertThat(Signals.storedSignals(county)).hasSize(signals.size());
    assertThat(Signals.audit(county)).hasSize(signals.size());
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }
}
