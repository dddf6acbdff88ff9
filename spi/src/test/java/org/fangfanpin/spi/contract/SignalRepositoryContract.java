package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OUTSIDE_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.PROVINCE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.StoreFixtures.on;
import static org.fangfanpin.spi.contract.StoreFixtures.storedSignal;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.SignalRepository;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link SignalRepository} (线索登记契约): one signal per (channel, source
 * reference), listed by area and day of receipt in order of receipt. Extend it with a factory for a
 * fresh, empty store.
 */
public abstract class SignalRepositoryContract {

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  @Test
  final void findAllFindsTheChannelsSignalsAmongTheReferencesAndNoOther() {
    UnitOfWork store = newStore();
    List<StoredSignal> stored = new ArrayList<>();
    for (int i = 0; i < 1_203; i++) {
      stored.add(storedSignal(Channel.DATA_PLATFORM, "screen-" + i, householdId(VILLAGE, 1 + i % 7), VILLAGE,
          "case-" + i, on(DAY0, i)));
    }
    StoredSignal otherChannel = storedSignal(Channel.GRID_SCREENING, "grid-1", householdId(VILLAGE, 1), VILLAGE,
        "case-0", on(DAY0, 0));
    writing(store, s -> {
      s.signals().addAll(stored);
      s.signals().add(otherChannel);
    });
    List<String> asked = new ArrayList<>();
    stored.forEach(s -> asked.add(s.signal().sourceRef()));
    asked.add("grid-1");
    asked.add("never-stored");

    var expected = stored.stream().collect(Collectors.toMap(s -> s.signal().sourceRef(), s -> s));
    reading(store, s -> assertThat(s.signals().findAll(Channel.DATA_PLATFORM, asked)).isEqualTo(expected));
    writing(store, s -> assertThat(s.signals().findAll(Channel.DATA_PLATFORM, asked)).isEqualTo(expected));
    reading(store, s -> assertThat(s.signals().findAll(Channel.GRID_SCREENING, List.of("grid-1", "screen-0")))
        .containsOnlyKeys("grid-1").containsValue(otherChannel));
  }

  @Test
  final void addAllStoresEverySignalAsAddWouldAndAWriteSessionSeesThem() {
    UnitOfWork store = newStore();
    StoredSignal first = storedSignal("ref-1", VILLAGE, on(DAY0, 0));
    StoredSignal second = storedSignal("ref-2", NEIGHBOUR_VILLAGE, on(DAY0, 0)).withOutcome(SignalOutcome.JOINED_CASE);
    StoredSignal third = storedSignal("ref-3", VILLAGE, on(DAY0, 1));

    writing(store, s -> {
      s.signals().addAll(List.of(first, second, third));
      assertThat(s.signals().findAll(Channel.GRID_SCREENING, List.of("ref-1", "ref-2", "ref-3")))
          .containsOnlyKeys("ref-1", "ref-2", "ref-3");
    });

    reading(store, s -> {
      assertThat(s.signals().find(Channel.GRID_SCREENING, "ref-2")).contains(second);
      assertThat(drain(s.signals().receivedIn(TOWNSHIP, DAY0, DAY0))).containsExactly(first, second, third);
    });
  }

  @Test
  final void addAllRefusesATakenKeyAndTheUnitStoresNoneOfTheSignals() {
    UnitOfWork store = newStore();
    StoredSignal stored = storedSignal("ref-1", VILLAGE, on(DAY0, 0));
    writing(store, s -> s.signals().add(stored));

    assertThatThrownBy(() -> writing(store, s -> s.signals().addAll(List.of(storedSignal("ref-2", VILLAGE,
        on(DAY0, 1)), storedSignal("ref-1", VILLAGE, on(DAY0, 2)))))).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.signals().addAll(List.of(storedSignal("ref-3", VILLAGE,
        on(DAY0, 1)), storedSignal("ref-3", VILLAGE, on(DAY0, 2)))))).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> assertThat(drain(s.signals().receivedIn(PROVINCE, DAY0.minusYears(1), DAY0.plusYears(1))))
        .containsExactly(stored));
  }

  @Test
  final void findsNothingUnderAKeyNeverStored() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).isEmpty();
      assertThat(drain(s.signals().receivedIn(PROVINCE, DAY0.minusYears(10), DAY0.plusYears(10)))).isEmpty();
    });
  }

  @Test
  final void findsAStoredSignalByChannelAndSourceReferenceWithEveryFieldUnchanged() {
    UnitOfWork store = newStore();
    StoredSignal signal = storedSignal(Channel.MEDIA_HOTLINE, "12317-2025-0001", householdId(VILLAGE, 1), VILLAGE,
        "case-1", on(DAY0, 0)).withOutcome(SignalOutcome.JOINED_CASE);

    writing(store, s -> s.signals().add(signal));

    assertThat(store.<Optional<StoredSignal>>read(s -> s.signals().find(Channel.MEDIA_HOTLINE, "12317-2025-0001"))).contains(signal);
  }

  @Test
  final void theSameSourceReferenceInAnotherChannelIsAnotherSignal() {
    UnitOfWork store = newStore();
    StoredSignal grid = storedSignal(Channel.GRID_SCREENING, "ref-1", householdId(VILLAGE, 1), VILLAGE, "case-1",
        on(DAY0, 0));
    StoredSignal platform = storedSignal(Channel.DATA_PLATFORM, "ref-1", householdId(VILLAGE, 1), VILLAGE, "case-1",
        on(DAY0, 1));

    writing(store, s -> {
      s.signals().add(grid);
      s.signals().add(platform);
    });

    reading(store, s -> {
      assertThat(s.signals().find(Channel.GRID_SCREENING, "ref-1")).contains(grid);
      assertThat(s.signals().find(Channel.DATA_PLATFORM, "ref-1")).contains(platform);
      assertThat(s.signals().find(Channel.SELF_DECLARATION, "ref-1")).isEmpty();
    });
  }

  @Test
  final void rejectsASecondSignalUnderATakenKeyAndKeepsTheFirst() {
    UnitOfWork store = newStore();
    StoredSignal first = storedSignal("grid-1", VILLAGE, on(DAY0, 0));
    writing(store, s -> s.signals().add(first));
    StoredSignal other = storedSignal(Channel.GRID_SCREENING, "grid-1", householdId(NEIGHBOUR_VILLAGE, 1),
        NEIGHBOUR_VILLAGE, "case-9", on(DAY0, 5));

    assertThatThrownBy(() -> writing(store, s -> s.signals().add(other))).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.signals().add(first))).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).contains(first);
      assertThat(drain(s.signals().receivedIn(PROVINCE, DAY0, DAY0))).containsExactly(first);
    });
  }

  @Test
  final void rejectsASecondSignalUnderAKeyTakenEarlierInTheSameSession() {
    UnitOfWork store = newStore();
    StoredSignal first = storedSignal("grid-1", VILLAGE, on(DAY0, 0));

    assertThatThrownBy(() -> writing(store, s -> {
      s.signals().add(first);
      s.signals().add(first.withCaseId("case-2"));
    })).isInstanceOf(DuplicateKeyException.class);

    assertThat(store.<Optional<StoredSignal>>read(s -> s.signals().find(Channel.GRID_SCREENING, "grid-1"))).isEmpty();
  }

  @Test
  final void receivedInIncludesBothEndsOfTheRangeAndNothingOutside() {
    UnitOfWork store = newStore();
    StoredSignal dayBefore = storedSignal("d-1", VILLAGE, on(DAY0.minusDays(1), 0));
    StoredSignal firstDay = storedSignal("d0", VILLAGE, on(DAY0, 0));
    StoredSignal middle = storedSignal("d1", VILLAGE, on(DAY0.plusDays(1), 0));
    StoredSignal lastDay = storedSignal("d2", VILLAGE, on(DAY0.plusDays(2), 0));
    StoredSignal dayAfter = storedSignal("d3", VILLAGE, on(DAY0.plusDays(3), 0));
    writing(store, s -> List.of(dayBefore, firstDay, middle, lastDay, dayAfter).forEach(s.signals()::add));

    reading(store, s -> {
      assertThat(drain(s.signals().receivedIn(VILLAGE, DAY0, DAY0.plusDays(2))))
          .containsExactly(firstDay, middle, lastDay);
      assertThat(drain(s.signals().receivedIn(VILLAGE, DAY0, DAY0))).containsExactly(firstDay);
      assertThat(drain(s.signals().receivedIn(VILLAGE, DAY0.plusDays(4), DAY0.plusDays(9)))).isEmpty();
    });
  }

  @Test
  final void receivedInListsTheSignalsInOrderOfReceipt() {
    UnitOfWork store = newStore();
    StoredSignal late = storedSignal("late", VILLAGE, on(DAY0, 30));
    StoredSignal early = storedSignal("early", NEIGHBOUR_VILLAGE, on(DAY0, 10));
    StoredSignal middle = storedSignal("middle", VILLAGE, on(DAY0, 20));
    StoredSignal nextDay = storedSignal("next-day", NEIGHBOUR_VILLAGE, on(DAY0.plusDays(1), 0));
    writing(store, s -> {
      s.signals().add(nextDay);
      s.signals().add(late);
    });
    writing(store, s -> {
      s.signals().add(early);
      s.signals().add(middle);
    });

    assertThat(store.<List<StoredSignal>>read(s -> drain(s.signals().receivedIn(TOWNSHIP, DAY0, DAY0.plusDays(1)))))
        .containsExactly(early, middle, late, nextDay);
  }

  @Test
  final void receivedInListsOnlySignalsOfHouseholdsInsideTheArea() {
    UnitOfWork store = newStore();
    StoredSignal here = storedSignal("here", VILLAGE, on(DAY0, 1));
    StoredSignal neighbour = storedSignal("neighbour", NEIGHBOUR_VILLAGE, on(DAY0, 2));
    StoredSignal otherTownship = storedSignal("other-township", OTHER_TOWNSHIP_VILLAGE, on(DAY0, 3));
    StoredSignal outside = storedSignal("outside", OUTSIDE_VILLAGE, on(DAY0, 4));
    writing(store, s -> List.of(outside, otherTownship, neighbour, here).forEach(s.signals()::add));

    reading(store, s -> {
      SignalRepository r = s.signals();
      assertThat(drain(r.receivedIn(VILLAGE, DAY0, DAY0))).containsExactly(here);
      assertThat(drain(r.receivedIn(TOWNSHIP, DAY0, DAY0))).containsExactly(here, neighbour);
      assertThat(drain(r.receivedIn(COUNTY, DAY0, DAY0))).containsExactly(here, neighbour, otherTownship);
      assertThat(drain(r.receivedIn(OTHER_COUNTY, DAY0, DAY0))).containsExactly(outside);
    });
  }

  @Test
  final void aWriteSessionSeesItsOwnSignals() {
    UnitOfWork store = newStore();
    StoredSignal committed = storedSignal("committed", VILLAGE, on(DAY0, 20));
    writing(store, s -> s.signals().add(committed));
    StoredSignal earlier = storedSignal("earlier", VILLAGE, on(DAY0, 10));
    StoredSignal later = storedSignal("later", VILLAGE, on(DAY0, 30));

    writing(store, s -> {
      s.signals().add(later);
      s.signals().add(earlier);

      assertThat(s.signals().find(Channel.GRID_SCREENING, "earlier")).contains(earlier);
      assertThat(drain(s.signals().receivedIn(VILLAGE, DAY0, DAY0))).containsExactly(earlier, committed, later);
    });
  }

  @Test
  final void rollsBackEveryAddWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    StoredSignal committed = storedSignal("committed", VILLAGE, on(DAY0, 0));
    writing(store, s -> s.signals().add(committed));

    assertThatThrownBy(() -> writing(store, s -> {
      s.signals().add(storedSignal("lost", VILLAGE, on(DAY0, 1)));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.signals().find(Channel.GRID_SCREENING, "lost")).isEmpty();
      assertThat(drain(s.signals().receivedIn(PROVINCE, DAY0, DAY0))).containsExactly(committed);
    });
    writing(store, s -> s.signals().add(storedSignal("lost", VILLAGE, on(DAY0, 1))));
  }

  @Property(tries = 100)
  final void receivedInListsExactlyTheSignalsOfTheAreaAndDaysInOrderOfReceipt(
      @ForAll("signalSpecs") List<SignalSpec> specs, @ForAll("areas") AreaCode area,
      @ForAll @IntRange(min = 0, max = 6) int fromDay, @ForAll @IntRange(min = 0, max = 6) int days) {
    UnitOfWork store = newStore();
    List<StoredSignal> signals = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      SignalSpec spec = specs.get(i);
      signals.add(storedSignal("ref-" + i, spec.village(), on(DAY0.plusDays(spec.day()), spec.minute() * 50 + i)));
    }
    int half = signals.size() / 2;
    writing(store, s -> signals.subList(0, half).forEach(s.signals()::add));
    writing(store, s -> signals.subList(half, signals.size()).forEach(s.signals()::add));
    LocalDate from = DAY0.plusDays(fromDay);
    LocalDate to = from.plusDays(days);

    List<StoredSignal> expected = signals.stream()
        .filter(x -> area.contains(x.area()))
        .filter(x -> !x.receivedOn().isBefore(from) && !x.receivedOn().isAfter(to))
        .sorted(Comparator.comparing(StoredSignal::receivedAt))
        .collect(Collectors.toList());
    assertThat(store.<List<StoredSignal>>read(s -> drain(s.signals().receivedIn(area, from, to)))).isEqualTo(expected);
  }

  /** Where and when a generated signal was received. */
  record SignalSpec(AreaCode village, int day, int minute) {}

  @Provide
  Arbitrary<List<SignalSpec>> signalSpecs() {
    return Combinators.combine(Arbitraries.of(StoreFixtures.VILLAGES), Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 9))
        .as(SignalSpec::new)
        .list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<AreaCode> areas() {
    return Arbitraries.of(StoreFixtures.AREAS);
  }
}
