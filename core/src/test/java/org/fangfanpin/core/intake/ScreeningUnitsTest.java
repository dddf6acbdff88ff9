package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.core.testing.TestCounty.DATA_PLATFORM;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;

import java.time.LocalDate;
import java.util.function.Function;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * A screening of more candidates than one unit of work receives (数据平台监测的分批受理): the units
 * are received on the screening's own writer thread while the register is read, and the summary
 * counts every one; a unit that fails stops the screening with its failure, the units before it
 * staying stored and none after it running.
 */
class ScreeningUnitsTest {

  private static final LocalDate AS_OF = LocalDate.of(2025, 2, 28);
  /** Two full units and a part. */
  private static final int POOR = 2 * IntakeService.BATCH_SIZE + 100;

  private final TestCounty county = TestCounty.onMonday();

  ScreeningUnitsTest() {
    for (int i = 0; i < POOR; i++) {
      county.household(String.format("P%05d", i), VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(20_000));
    }
    county.household("SAFE", VILLAGE_A1, HouseholdStatus.LIFTED, Money.ofYuan(40_000));
  }

  @Test
  void everyUnitIsReceivedAndCounted() {
    ScreeningSummary summary = county.ffp.intake().screen(VILLAGE_A1, AS_OF, DATA_PLATFORM).get();

    assertThat(summary.assessed()).isEqualTo(POOR + 1);
    assertThat(summary.candidates()).isEqualTo(POOR);
    assertThat(summary.signalsRaised()).isEqualTo(POOR);
    assertThat(summary.rejections()).isEmpty();
    assertThat(county.stored().cases()).hasSize(POOR);
    assertThat(signals(county.store)).isEqualTo(POOR);

    ScreeningSummary again = county.ffp.intake().screen(VILLAGE_A1, AS_OF, DATA_PLATFORM).get();
    assertThat(again.alreadyMonitored()).isEqualTo(POOR);
    assertThat(again.signalsRaised()).isZero();
  }

  @Test
  void aFailingUnitStopsTheScreeningAndKeepsTheUnitsBefore() {
    FailingSecondWrite store = new FailingSecondWrite(county.store);
    FangFanPin ffp = FangFanPin.builder().store(store).ids(new org.fangfanpin.adapters.inmemory.InMemoryIdSource())
        .clock(county.clock).build();

    assertThatThrownBy(() -> ffp.intake().screen(VILLAGE_A1, AS_OF, DATA_PLATFORM))
        .isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");

    assertThat(store.writes).isEqualTo(2);
    assertThat(signals(county.store)).isEqualTo(IntakeService.BATCH_SIZE);
    assertThat(county.stored().cases()).hasSize(IntakeService.BATCH_SIZE);
  }

  private static long signals(UnitOfWork store) {
    return store.read(s -> {
      try (var stream = s.signals().receivedIn(VILLAGE_A1, AS_OF.minusYears(1), AS_OF.plusYears(1))) {
        return stream.filter(x -> x.signal().channel() == Channel.DATA_PLATFORM).count();
      }
    });
  }

  /** A store whose second write session fails for good (not a failure worth retrying). */
  private static final class FailingSecondWrite implements UnitOfWork {
    private final UnitOfWork store;
    volatile int writes;

    FailingSecondWrite(UnitOfWork store) {
      this.store = store;
    }

    @Override
    public <T> T write(Function<StoreSession, T> work) {
      if (++writes == 2) {
        throw new IllegalStateException("database unavailable");
      }
      return store.write(work);
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
      return store.read(work);
    }
  }
}
