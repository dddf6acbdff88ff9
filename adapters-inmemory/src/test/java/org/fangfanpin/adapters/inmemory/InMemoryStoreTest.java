package org.fangfanpin.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.event;
import static org.fangfanpin.spi.contract.StoreFixtures.household;
import static org.fangfanpin.spi.contract.StoreFixtures.moved;
import static org.fangfanpin.spi.contract.StoreFixtures.on;
import static org.fangfanpin.spi.contract.StoreFixtures.openCase;
import static org.fangfanpin.spi.contract.StoreFixtures.storedSignal;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.StoreSession;
import org.junit.jupiter.api.Test;

/** What the in-memory store promises beyond the contract: no nesting, no use after the work, shared reads. */
class InMemoryStoreTest {

  private final InMemoryStore store = new InMemoryStore();

  @Test
  void refusesAWriteSessionInsideAReadSessionInsteadOfWaitingForever() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> store.read(s ->
        store.write(w -> {
          w.households().put(household(VILLAGE, 1));
          return null;
        }))).isInstanceOf(IllegalStateException.class));

    assertThat(store.<Optional<Household>>read(s -> s.households().find(household(VILLAGE, 1).id()))).isEmpty();
  }

  @Test
  void refusesEveryOtherNestingOfSessions() {
    List<Function<StoreSession, Object>> nested = List.of(
        s -> store.read(r -> null),
        s -> store.write(w -> null));

    for (Function<StoreSession, Object> inner : nested) {
      assertThatThrownBy(() -> store.write(inner)).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> store.read(inner)).isInstanceOf(IllegalStateException.class);
    }
    assertThat(store.<String>write(s -> "still usable")).isEqualTo("still usable");
  }

  @Test
  void aSessionAndItsRepositoriesRefuseUseAfterTheWorkReturned() {
    AtomicReference<StoreSession> session = new AtomicReference<>();
    AtomicReference<HouseholdRepository> households = new AtomicReference<>();
    store.write(s -> {
      session.set(s);
      households.set(s.households());
      return null;
    });

    assertThatThrownBy(() -> session.get().cases()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> households.get().find("any")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> households.get().put(household(VILLAGE, 1))).isInstanceOf(IllegalStateException.class);
    assertThat(store.<Optional<Household>>read(s -> s.households().find(household(VILLAGE, 1).id()))).isEmpty();
  }

  @Test
  void anErrorRollsBackTheUnitLikeAnException() {
    Household h = household(VILLAGE, 1);

    assertThatThrownBy(() -> store.write(s -> {
      s.households().put(h);
      throw new StackOverflowError("deep");
    })).isInstanceOf(StackOverflowError.class);

    assertThat(store.<Optional<Household>>read(s -> s.households().find(h.id()))).isEmpty();
  }

  @Test
  void readSessionsShareTheStore() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);

    CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> store.read(s -> awaitOther(bothInside)));
    CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> store.read(s -> awaitOther(bothInside)));

    assertThat(first.get(10, TimeUnit.SECONDS)).as("the first reader met the second inside").isTrue();
    assertThat(second.get(10, TimeUnit.SECONDS)).as("the second reader met the first inside").isTrue();
  }

  @Test
  void pendingRefusesANegativeLimit() {
    store.write(s -> s.outbox().add(event("event-1")));

    assertThatThrownBy(() -> store.read(s -> s.outbox().pending(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void signalsReceivedAtTheSameInstantAreListedInTheOrderTheyWereStored() {
    Instant same = on(DAY0, 0);
    StoredSignal b = storedSignal("b", VILLAGE, same);
    StoredSignal a = storedSignal("a", NEIGHBOUR_VILLAGE, same);
    StoredSignal c = storedSignal("c", VILLAGE, same);
    store.write(s -> {
      s.signals().add(b);
      s.signals().add(a);
      return null;
    });

    List<StoredSignal> listed = store.write(s -> {
      s.signals().add(c);
      return drain(s.signals().receivedIn(TOWNSHIP, DAY0, DAY0));
    });

    assertThat(listed).containsExactly(b, a, c);
    assertThat(store.<List<StoredSignal>>read(s -> drain(s.signals().receivedIn(TOWNSHIP, DAY0, DAY0)))).containsExactly(b, a, c);
  }

  @Test
  void aCaseWhoseVillageChangedIsListedOnlyUnderItsNewVillage() {
    MonitoringCase c = openCase("case-1", household(VILLAGE, 1));
    store.write(s -> {
      s.cases().insert(c);
      return null;
    });
    MonitoringCase corrected = moved(c, CaseState.AWAITING_APPRAISAL).withArea(OTHER_TOWNSHIP_VILLAGE);

    store.write(s -> {
      s.cases().update(corrected);
      return null;
    });

    assertThat(store.<List<MonitoringCase>>read(s -> drain(s.cases().inArea(TOWNSHIP)))).isEmpty();
    assertThat(store.<List<MonitoringCase>>read(s -> drain(s.cases().inArea(OTHER_TOWNSHIP)))).containsExactly(corrected);
  }

  @Test
  void aCaseMovedToAnotherHouseholdFreesTheFirstAndOccupiesTheSecond() {
    Household first = household(VILLAGE, 1);
    Household second = household(VILLAGE, 2);
    MonitoringCase c = openCase("case-1", first);
    store.write(s -> {
      s.cases().insert(c);
      s.cases().insert(openCase("case-2", second).withState(CaseState.CLOSED));
      return null;
    });

    store.write(s -> {
      s.cases().update(moved(c, CaseState.AWAITING_VISIT).withHouseholdId(second.id()));
      return null;
    });

    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().openOf(first.id()))).isEmpty();
    assertThat(store.<Optional<String>>read(s -> s.cases().openOf(second.id()).map(MonitoringCase::id))).contains("case-1");
    store.write(s -> {
      s.cases().insert(openCase("case-3", first));
      return null;
    });
  }

  private static boolean awaitOther(CountDownLatch bothInside) {
    bothInside.countDown();
    try {
      return bothInside.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
