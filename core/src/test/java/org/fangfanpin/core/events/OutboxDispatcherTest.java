package org.fangfanpin.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.event.Notifier;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivering the outbox (发件箱投递) at least once, with retries and without repeats after success. */
class OutboxDispatcherTest {

  private TestCounty county;

  @BeforeEach
  void threeEvents() {
    county = TestCounty.onMonday();
    county.household("H1", TestCounty.VILLAGE_A1);
    county.household("H2", TestCounty.VILLAGE_A1);
    receive("grid-1", "H1");
    receive("grid-2", "H1");
    receive("grid-3", "H2");
  }

  private void receive(String ref, String household) {
    county.ffp.intake().receive(RiskSignal.builder().channel(Channel.GRID_SCREENING).sourceRef(ref)
        .householdId(household).observedOn(LocalDate.of(2025, 3, 1)).riskTypes(Set.of(RiskType.ILLNESS))
        .reportedBy(TestCounty.GRID_WORKER_A1).build());
  }

  private OutboxDispatcher dispatcher(Notifier notifier) {
    return new OutboxDispatcher(county.store, notifier, county.clock);
  }

  private List<DomainEvent> pending() {
    return county.store.read(s -> s.outbox().pending(100));
  }

  @Test
  void deliversEveryPendingEventOldestFirstAndMarksItDelivered() {
    List<DomainEvent> received = new ArrayList<>();

    DispatchResult result = dispatcher(received::add).dispatch(10);

    assertThat(result).isEqualTo(DispatchResult.of(3, 0, false));
    assertThat(received).extracting(DomainEvent::type)
        .containsExactly(EventType.CASE_OPENED, EventType.SIGNAL_JOINED, EventType.CASE_OPENED);
    assertThat(pending()).isEmpty();
    java.util.Optional<DomainEvent> stillStored = county.store.read(s -> s.outbox().find(received.get(0).id()));
    assertThat(stillStored).contains(received.get(0));
  }

  @Test
  void deliversNothingTwiceOnceDelivered() {
    List<DomainEvent> received = new ArrayList<>();
    OutboxDispatcher dispatcher = dispatcher(received::add);
    dispatcher.dispatch(10);

    DispatchResult again = dispatcher.dispatch(10);

    assertThat(again).isEqualTo(DispatchResult.of(0, 0, false));
    assertThat(received).hasSize(3).extracting(DomainEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void leavesAnEventTheNotifierThrowsOnPendingAndDeliversItOnTheNextRun() {
    AtomicInteger calls = new AtomicInteger();
    List<DomainEvent> received = new ArrayList<>();
    Notifier downOnce = e -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("gateway unavailable");
      }
      received.add(e);
    };
    OutboxDispatcher dispatcher = dispatcher(downOnce);

    DispatchResult first = dispatcher.dispatch(10);

    assertThat(first).isEqualTo(DispatchResult.of(2, 1, true));
    assertThat(pending()).hasSize(1);
    String failedId = pending().get(0).id();

    DispatchResult second = dispatcher.dispatch(10);

    assertThat(second).isEqualTo(DispatchResult.of(1, 0, false));
    assertThat(received).extracting(DomainEvent::id).hasSize(3).doesNotHaveDuplicates().endsWith(failedId);
  }

  @Test
  void keepsEveryEventPendingWhileTheNotifierIsDown() {
    DispatchResult result = dispatcher(e -> {
      throw new IllegalStateException("down");
    }).dispatch(10);

    assertThat(result).isEqualTo(DispatchResult.of(0, 3, true));
    assertThat(pending()).hasSize(3);
  }

  @Test
  void offersAtMostTheGivenNumberOfEventsPerRun() {
    List<DomainEvent> received = new ArrayList<>();
    OutboxDispatcher dispatcher = dispatcher(received::add);

    assertThat(dispatcher.dispatch(2)).isEqualTo(DispatchResult.of(2, 0, true));
    assertThat(dispatcher.dispatch(2)).isEqualTo(DispatchResult.of(1, 0, false));
    assertThat(received).hasSize(3);
  }

  @Test
  void deliversEachEventExactlyOnceOverManyRunsOfAFlakyNotifier() {
    Set<String> seen = new HashSet<>();
    AtomicInteger calls = new AtomicInteger();
    List<String> duplicates = new ArrayList<>();
    OutboxDispatcher dispatcher = dispatcher(e -> {
      if (calls.incrementAndGet() % 2 == 0) {
        throw new IllegalStateException("flaky");
      }
      if (!seen.add(e.id())) {
        duplicates.add(e.id());
      }
    });

    for (int run = 0; run < 10 && !pending().isEmpty(); run++) {
      dispatcher.dispatch(10);
    }

    assertThat(pending()).isEmpty();
    assertThat(seen).hasSize(3);
    assertThat(duplicates).isEmpty();
  }

  @Test
  void isOfferedByTheEntryPointWhenANotifierIsWired() {
    DispatchResult result = county.ffp.dispatcher().orElseThrow().dispatch(10);

    assertThat(result.delivered()).isEqualTo(3);
    assertThat(county.delivered).hasSize(3);
  }

  /** The test county's store, counting write sessions and failing the first ones on request. */
  private final class CountingStore implements UnitOfWork {
    int writes;
    int failuresLeft;

    @Override
    public <T> T write(Function<StoreSession, T> work) {
      writes++;
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new IllegalStateException("database unavailable");
      }
      return county.store.write(work);
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
      return county.store.read(work);
    }
  }

  @Test
  void marksTheDeliveredEventsOfARunInOneWriteForEveryFewHundred() {
    // 3 events from the set-up and enough joined signals to need three marking writes.
    for (int i = 0; i < 2 * OutboxDispatcher.MARKS_PER_UNIT - 2; i++) {
      receive("grid-more-" + i, "H2");
    }
    CountingStore counting = new CountingStore();
    List<DomainEvent> received = new ArrayList<>();

    DispatchResult result = new OutboxDispatcher(counting, received::add, county.clock).dispatch(10_000);

    assertThat(result).isEqualTo(DispatchResult.of(2 * OutboxDispatcher.MARKS_PER_UNIT + 1, 0, false));
    assertThat(counting.writes).isEqualTo(3);
    assertThat(received).extracting(DomainEvent::id).doesNotHaveDuplicates();
    assertThat(pending()).isEmpty();
  }

  @Test
  void offersDeliveredEventsAgainWhenMarkingThemFails() {
    CountingStore counting = new CountingStore();
    counting.failuresLeft = 1;
    List<DomainEvent> received = new ArrayList<>();
    OutboxDispatcher dispatcher = new OutboxDispatcher(counting, received::add, county.clock);

    assertThatThrownBy(() -> dispatcher.dispatch(10)).isInstanceOf(IllegalStateException.class);
    assertThat(pending()).hasSize(3);

    assertThat(dispatcher.dispatch(10)).isEqualTo(DispatchResult.of(3, 0, false));
    assertThat(received).hasSize(6).extracting(DomainEvent::id).containsExactlyElementsOf(
        List.of(received.get(0).id(), received.get(1).id(), received.get(2).id(), received.get(0).id(),
            received.get(1).id(), received.get(2).id()));
    assertThat(pending()).isEmpty();
  }

  @Test
  void refusesANonPositiveLimit() {
    assertThatThrownBy(() -> dispatcher(e -> { }).dispatch(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
