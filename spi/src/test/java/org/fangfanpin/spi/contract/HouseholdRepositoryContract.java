package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.CITY;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OUTSIDE_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.PROVINCE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.detailedHousehold;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.household;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.UnitOfWork;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link HouseholdRepository} (农户档案契约): households are stored whole, replaced
 * by id, and listed by area in order of id. Extend it with a factory for a fresh, empty store.
 */
public abstract class HouseholdRepositoryContract {

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  @Test
  final void findAllFindsTheRegisteredHouseholdsAmongTheIdsAndLeavesOutTheOthers() {
    UnitOfWork store = newStore();
    List<Household> registered = new ArrayList<>();
    for (int i = 1; i <= 1_203; i++) {
      registered.add(StoreFixtures.household(i % 2 == 0 ? VILLAGE : NEIGHBOUR_VILLAGE, i));
    }
    writing(store, s -> s.households().putAll(registered));
    List<String> asked = new ArrayList<>();
    registered.forEach(h -> asked.add(h.id()));
    asked.add("no-such-household");
    asked.add(registered.get(0).id());

    Map<String, Household> expected = registered.stream().collect(Collectors.toMap(Household::id, h -> h));
    reading(store, s -> assertThat(s.households().findAll(asked)).isEqualTo(expected));
    writing(store, s -> assertThat(s.households().findAll(asked)).isEqualTo(expected));
    reading(store, s -> assertThat(s.households().findAll(List.of("no-such-household"))).isEmpty());
  }

  @Test
  final void findAllSeesTheSessionsOwnPuts() {
    UnitOfWork store = newStore();
    Household before = StoreFixtures.household(VILLAGE, 1);
    writing(store, s -> s.households().put(before));

    writing(store, s -> {
      Household moved = StoreFixtures.household(before.id(), NEIGHBOUR_VILLAGE);
      Household added = StoreFixtures.household(VILLAGE, 2);
      s.households().put(moved);
      s.households().put(added);
      assertThat(s.households().findAll(List.of(before.id(), added.id())))
          .isEqualTo(Map.of(moved.id(), moved, added.id(), added));
    });
  }

  @Test
  final void findsNothingInAnEmptyRegister() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.households().find(householdId(VILLAGE, 1))).isEmpty();
      assertThat(drain(s.households().inArea(PROVINCE))).isEmpty();
    });
  }

  @Test
  final void findsAStoredHouseholdWithEveryFieldUnchanged() {
    UnitOfWork store = newStore();
    Household h = detailedHousehold(householdId(VILLAGE, 7), VILLAGE);

    writing(store, s -> s.households().put(h));

    Household found = store.read(s -> s.households().find(h.id())).orElseThrow();
    assertThat(found).isEqualTo(h);
    assertThat(found.head().unmasked()).isEqualTo(h.head().unmasked());
    assertThat(found.members()).isEqualTo(h.members());
  }

  @Test
  final void putAllStoresEveryHouseholdAndTheLastOfOneIdWins() {
    UnitOfWork store = newStore();
    Household first = household(VILLAGE, 1);
    Household second = household(NEIGHBOUR_VILLAGE, 2);
    Household firstChanged = first.withStatus(HouseholdStatus.ORDINARY).withIncomeLast12Months(Money.ofYuan(6_000));
    Household third = detailedHousehold(householdId(VILLAGE, 3), VILLAGE);

    writing(store, s -> s.households().putAll(List.of(first, second, firstChanged, third)));
    writing(store, s -> s.households().putAll(List.of()));

    reading(store, s -> {
      assertThat(s.households().find(first.id())).contains(firstChanged);
      assertThat(s.households().find(third.id())).contains(third);
      assertThat(drain(s.households().inArea(VILLAGE))).containsExactly(firstChanged, third);
      assertThat(drain(s.households().inArea(NEIGHBOUR_VILLAGE))).containsExactly(second);
    });
  }

  @Test
  final void findAllFindsEveryRegisteredHouseholdAmongTheIdsInItsLatestVersion() {
    UnitOfWork store = newStore();
    Household committed = detailedHousehold(householdId(VILLAGE, 1), VILLAGE);
    Household other = household(OTHER_TOWNSHIP_VILLAGE, 2);
    writing(store, s -> s.households().putAll(List.of(committed, other)));
    String unknown = householdId(VILLAGE, 9);

    reading(store, s -> {
      assertThat(s.households().findAll(List.of(committed.id(), unknown, other.id(), committed.id())))
          .isEqualTo(Map.of(committed.id(), committed, other.id(), other));
      assertThat(s.households().findAll(List.of(unknown))).isEmpty();
      assertThat(s.households().findAll(List.of())).isEmpty();
    });
    Household moved = committed.withArea(NEIGHBOUR_VILLAGE).withIncomeLast12Months(Money.ofYuan(7_000));
    Household added = household(VILLAGE, 3);
    writing(store, s -> {
      s.households().put(moved);
      s.households().put(added);
      assertThat(s.households().findAll(List.of(committed.id(), added.id(), other.id())))
          .as("a write session sees its own puts")
          .isEqualTo(Map.of(moved.id(), moved, added.id(), added, other.id(), other));
    });
  }

  @Test
  final void putAllInAWorkThatFailsStoresNothing() {
    UnitOfWork store = newStore();
    Household kept = household(VILLAGE, 1);
    writing(store, s -> s.households().put(kept));

    assertThatThrownBy(() -> store.write(s -> {
      s.households().putAll(List.of(kept.withIncomeLast12Months(Money.ofYuan(1)), household(VILLAGE, 2)));
      throw new IllegalStateException("the work fails after the batch");
    })).isInstanceOf(IllegalStateException.class);

    reading(store, s -> assertThat(drain(s.households().inArea(VILLAGE))).containsExactly(kept));
  }

  @Test
  final void putReplacesTheHouseholdWithTheSameId() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    Household changed = h.withStatus(HouseholdStatus.ORDINARY).withIncomeLast12Months(Money.ofYuan(5_000));

    writing(store, s -> s.households().put(h));
    writing(store, s -> s.households().put(changed));

    reading(store, s -> {
      assertThat(s.households().find(h.id())).contains(changed);
      assertThat(drain(s.households().inArea(VILLAGE))).containsExactly(changed);
    });
  }

  @Test
  final void inAreaListsTheHouseholdsOfEveryVillageInsideTheArea() {
    UnitOfWork store = newStore();
    Household here = household(VILLAGE, 1);
    Household neighbour = household(NEIGHBOUR_VILLAGE, 1);
    Household otherTownship = household(OTHER_TOWNSHIP_VILLAGE, 1);
    Household outside = household(OUTSIDE_VILLAGE, 1);
    writing(store, s -> List.of(outside, otherTownship, neighbour, here).forEach(s.households()::put));

    reading(store, s -> {
      HouseholdRepository r = s.households();
      assertThat(drain(r.inArea(VILLAGE))).containsExactly(here);
      assertThat(drain(r.inArea(TOWNSHIP))).containsExactly(here, neighbour);
      assertThat(drain(r.inArea(OTHER_TOWNSHIP))).containsExactly(otherTownship);
      assertThat(drain(r.inArea(COUNTY))).containsExactly(here, neighbour, otherTownship);
      assertThat(drain(r.inArea(OTHER_COUNTY))).containsExactly(outside);
      assertThat(drain(r.inArea(CITY))).containsExactly(outside, here, neighbour, otherTownship);
      assertThat(drain(r.inArea(PROVINCE))).hasSize(4);
    });
  }

  @Test
  final void inAreaOrdersTheHouseholdsById() {
    UnitOfWork store = newStore();
    List<Household> households = List.of(household(VILLAGE, 9), household(VILLAGE, 3), household(VILLAGE, 12),
        household(VILLAGE, 1));
    writing(store, s -> households.forEach(s.households()::put));

    List<Household> listed = store.read(s -> drain(s.households().inArea(VILLAGE)));

    assertThat(listed).extracting(Household::id)
        .containsExactly(householdId(VILLAGE, 1), householdId(VILLAGE, 3), householdId(VILLAGE, 9),
            householdId(VILLAGE, 12));
  }

  @Test
  final void inAreaIsEmptyForAnAreaWithoutHouseholds() {
    UnitOfWork store = newStore();
    writing(store, s -> s.households().put(household(VILLAGE, 1)));

    reading(store, s -> {
      assertThat(drain(s.households().inArea(NEIGHBOUR_VILLAGE))).isEmpty();
      assertThat(drain(s.households().inArea(OTHER_COUNTY))).isEmpty();
    });
  }

  @Test
  final void aHouseholdThatMovedIsListedOnlyInItsNewVillage() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    writing(store, s -> s.households().put(h));

    writing(store, s -> s.households().put(h.withArea(OTHER_TOWNSHIP_VILLAGE)));

    reading(store, s -> {
      assertThat(drain(s.households().inArea(TOWNSHIP))).isEmpty();
      assertThat(drain(s.households().inArea(OTHER_TOWNSHIP))).containsExactly(h.withArea(OTHER_TOWNSHIP_VILLAGE));
    });
  }

  @Test
  final void aWriteSessionSeesItsOwnPutsBesideTheCommittedHouseholds() {
    UnitOfWork store = newStore();
    Household committed = household(VILLAGE, 2);
    Household replaced = household(VILLAGE, 3);
    writing(store, s -> {
      s.households().put(committed);
      s.households().put(replaced);
    });
    Household added = household(VILLAGE, 1);
    Household replacement = replaced.withIncomeLast12Months(Money.ofYuan(1));

    writing(store, s -> {
      s.households().put(added);
      s.households().put(replacement);

      assertThat(s.households().find(added.id())).contains(added);
      assertThat(s.households().find(replaced.id())).contains(replacement);
      assertThat(drain(s.households().inArea(VILLAGE))).containsExactly(added, committed, replacement);
    });
  }

  @Test
  final void rollsBackEveryPutWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    Household committed = household(VILLAGE, 1);
    writing(store, s -> s.households().put(committed));

    assertThatThrownBy(() -> writing(store, s -> {
      s.households().put(committed.withArea(NEIGHBOUR_VILLAGE));
      s.households().put(household(VILLAGE, 2));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.households().find(committed.id())).contains(committed);
      assertThat(s.households().find(householdId(VILLAGE, 2))).isEmpty();
      assertThat(drain(s.households().inArea(PROVINCE))).containsExactly(committed);
    });
  }

  @Property(tries = 100)
  final void inAreaListsExactlyTheHouseholdsInsideTheAreaOrderedById(
      @ForAll("householdsOfFourVillages") List<Household> households, @ForAll("areas") AreaCode area,
      @ForAll @IntRange(min = 0, max = 40) int committedCount) {
    UnitOfWork store = newStore();
    int split = Math.min(committedCount, households.size());
    writing(store, s -> households.subList(0, split).forEach(s.households()::put));
    List<Household> expected = households.stream()
        .filter(h -> area.contains(h.area()))
        .sorted(Comparator.comparing(Household::id))
        .collect(Collectors.toList());

    writing(store, s -> {
      households.subList(split, households.size()).forEach(s.households()::put);
      assertThat(drain(s.households().inArea(area))).as("in the writing session").isEqualTo(expected);
    });

    assertThat(store.<List<Household>>read(s -> drain(s.households().inArea(area)))).as("after commit").isEqualTo(expected);
  }

  @Provide
  Arbitrary<List<Household>> householdsOfFourVillages() {
    return DomainArbitraries.households(Arbitraries.of(StoreFixtures.VILLAGES))
        .list().ofMaxSize(40).uniqueElements(Household::id);
  }

  @Provide
  Arbitrary<AreaCode> areas() {
    return Arbitraries.of(StoreFixtures.AREAS);
  }
}
