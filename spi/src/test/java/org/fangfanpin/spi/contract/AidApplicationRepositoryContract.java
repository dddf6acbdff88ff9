package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.FundFixtures.YEAR;
import static org.fangfanpin.spi.contract.FundFixtures.advanced;
import static org.fangfanpin.spi.contract.FundFixtures.aidApplication;
import static org.fangfanpin.spi.contract.FundFixtures.detailedAidApplication;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OUTSIDE_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.PROVINCE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE_WORKER;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.Work.failureOf;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AidApplicationRepository} (救助申请契约): applications stored whole under
 * their id, changed only from the stored version, and listed in order of id by household and fund
 * year or by area and fund year, always in their latest version. Extend it with a factory for a
 * fresh, empty store.
 */
public abstract class AidApplicationRepositoryContract {

  private static final int THREADS = 8;
  private static final String H1 = householdId(VILLAGE, 1);
  private static final String H2 = householdId(VILLAGE, 2);
  private static final String NEIGHBOUR = householdId(NEIGHBOUR_VILLAGE, 1);
  private static final String FAR = householdId(OTHER_TOWNSHIP_VILLAGE, 1);
  private static final String OUTSIDE = householdId(OUTSIDE_VILLAGE, 1);

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  /**
   * How many units each of the eight threads runs in the concurrency test. Lower it for an adapter
   * whose transactions are slow; keep it high enough that the threads overlap.
   */
  protected int unitsPerThread() {
    return 100;
  }

  // ---------------------------------------------------------------- find and insert

  @Test
  final void findsNothingWhereNoApplicationWasStored() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).isEmpty();
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).isEmpty();
      assertThat(drain(s.aidApplications().inArea(PROVINCE, YEAR))).isEmpty();
    });
  }

  @Test
  final void findsAnInsertedApplicationWithEveryFieldUnchanged() {
    UnitOfWork store = newStore();
    AidApplication detailed = detailedAidApplication("aid-1", H1, VILLAGE);
    AidApplication plain = aidApplication("aid-2", H1, VILLAGE);

    writing(store, s -> {
      s.aidApplications().insert(detailed);
      s.aidApplications().insert(plain);
    });

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(detailed);
      assertThat(s.aidApplications().find("aid-2")).contains(plain);
    });
  }

  @Test
  final void rejectsAnInsertUnderATakenIdAndKeepsTheStoredApplication() {
    UnitOfWork store = newStore();
    AidApplication first = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(first));

    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().insert(first)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().insert(aidApplication("aid-1", OUTSIDE,
        OUTSIDE_VILLAGE)))).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(first);
      assertThat(s.aidApplications().ofHousehold(OUTSIDE, YEAR)).isEmpty();
      assertThat(drain(s.aidApplications().inArea(PROVINCE, YEAR))).containsExactly(first);
    });
  }

  @Test
  final void rejectsAnInsertUnderAnIdTakenEarlierInTheSameSession() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> {
      s.aidApplications().insert(aidApplication("aid-1", H1, VILLAGE));
      s.aidApplications().insert(aidApplication("aid-1", H2, VILLAGE));
    })).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> assertThat(s.aidApplications().find("aid-1")).isEmpty());
  }

  @Test
  final void rejectsAnInsertWhoseVersionIsNotOne() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().insert(
        aidApplication("aid-1", H1, VILLAGE).withVersion(2)))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().insert(
        aidApplication("aid-1", H1, VILLAGE).withVersion(0)))).isInstanceOf(IllegalArgumentException.class);

    reading(store, s -> assertThat(s.aidApplications().find("aid-1")).isEmpty());
  }

  // ---------------------------------------------------------------- update

  @Test
  final void updateReplacesTheApplicationWithItsNextVersion() {
    UnitOfWork store = newStore();
    AidApplication v1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication v2 = advanced(v1, AidApplicationState.VILLAGE_STUDIED);
    AidApplication v3 = advanced(v2, AidApplicationState.TOWNSHIP_REVIEWED).withAmount(Money.ofYuan(4_000));
    writing(store, s -> s.aidApplications().insert(v1));

    writing(store, s -> s.aidApplications().update(v2));
    writing(store, s -> s.aidApplications().update(v3));

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(v3);
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).containsExactly(v3);
      assertThat(drain(s.aidApplications().inArea(VILLAGE, YEAR))).containsExactly(v3);
    });
  }

  @Test
  final void updateRejectsEveryVersionButTheStoredOnePlusOne() {
    UnitOfWork store = newStore();
    AidApplication v1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication v2 = advanced(v1, AidApplicationState.VILLAGE_STUDIED);
    writing(store, s -> {
      s.aidApplications().insert(v1);
      s.aidApplications().update(v2);
    });

    for (long version : new long[] {0, 1, 2, 4, 100}) {
      AidApplication attempt = v2.withState(AidApplicationState.REFUSED).withVersion(version);
      assertThatThrownBy(() -> writing(store, s -> s.aidApplications().update(attempt)))
          .as("version %d", version)
          .isInstanceOf(StaleVersionException.class);
    }

    assertThat(store.<Optional<AidApplication>>read(s -> s.aidApplications().find("aid-1"))).contains(v2);
  }

  @Test
  final void updateOfAnUnknownIdIsStale() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().update(
        advanced(aidApplication("aid-1", H1, VILLAGE), AidApplicationState.VILLAGE_STUDIED))))
        .isInstanceOf(StaleVersionException.class);

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).isEmpty();
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).isEmpty();
    });
  }

  @Test
  final void anUpdateFromAVersionReadBeforeAnotherUnitChangedItIsStale() {
    UnitOfWork store = newStore();
    AidApplication v1 = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(v1));
    AidApplication readEarlier = store.read(s -> s.aidApplications().find("aid-1").orElseThrow());
    AidApplication approved = advanced(readEarlier, AidApplicationState.VILLAGE_STUDIED);
    writing(store, s -> s.aidApplications().update(approved));

    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().update(
        advanced(readEarlier, AidApplicationState.REFUSED)))).isInstanceOf(StaleVersionException.class);

    assertThat(store.<Optional<AidApplication>>read(s -> s.aidApplications().find("aid-1"))).contains(approved);
  }

  // ---------------------------------------------------------------- lists

  @Test
  final void ofHouseholdListsTheHouseholdsApplicationsOfTheFundYearInOrderOfId() {
    UnitOfWork store = newStore();
    AidApplication b = aidApplication("aid-b", H1, VILLAGE);
    AidApplication a10 = aidApplication("aid-a10", H1, VILLAGE, YEAR, AidPurpose.HARDSHIP, Money.ofYuan(500));
    AidApplication a2 = aidApplication("aid-a2", H1, VILLAGE, YEAR, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(5_000));
    AidApplication nextYear = aidApplication("aid-0", H1, VILLAGE, YEAR + 1, AidPurpose.GENERAL, Money.ofYuan(1));
    AidApplication otherHousehold = aidApplication("aid-1", H2, VILLAGE);
    writing(store, s -> List.of(b, nextYear, a10, otherHousehold).forEach(s.aidApplications()::insert));
    writing(store, s -> s.aidApplications().insert(a2));

    reading(store, s -> {
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).containsExactly(a10, a2, b);
      assertThat(s.aidApplications().ofHousehold(H1, YEAR + 1)).containsExactly(nextYear);
      assertThat(s.aidApplications().ofHousehold(H1, YEAR - 1)).isEmpty();
      assertThat(s.aidApplications().ofHousehold(H2, YEAR)).containsExactly(otherHousehold);
      assertThat(s.aidApplications().ofHousehold(NEIGHBOUR, YEAR)).isEmpty();
    });
  }

  @Test
  final void inAreaListsTheApplicationsOfHouseholdsInsideTheAreaForTheFundYear() {
    UnitOfWork store = newStore();
    AidApplication here = aidApplication("aid-1", H1, VILLAGE);
    AidApplication hereToo = aidApplication("aid-2", H2, VILLAGE);
    AidApplication neighbour = aidApplication("aid-3", NEIGHBOUR, NEIGHBOUR_VILLAGE);
    AidApplication far = aidApplication("aid-4", FAR, OTHER_TOWNSHIP_VILLAGE);
    AidApplication outside = aidApplication("aid-5", OUTSIDE, OUTSIDE_VILLAGE);
    AidApplication hereNextYear = aidApplication("aid-6", H1, VILLAGE, YEAR + 1, AidPurpose.GENERAL, Money.ofYuan(9));
    writing(store, s -> List.of(hereNextYear, outside, far, neighbour, hereToo, here)
        .forEach(s.aidApplications()::insert));

    reading(store, s -> {
      AidApplicationRepository r = s.aidApplications();
      assertThat(drain(r.inArea(VILLAGE, YEAR))).containsExactly(here, hereToo);
      assertThat(drain(r.inArea(TOWNSHIP, YEAR))).containsExactly(here, hereToo, neighbour);
      assertThat(drain(r.inArea(OTHER_TOWNSHIP, YEAR))).containsExactly(far);
      assertThat(drain(r.inArea(COUNTY, YEAR))).containsExactly(here, hereToo, neighbour, far);
      assertThat(drain(r.inArea(OTHER_COUNTY, YEAR))).containsExactly(outside);
      assertThat(drain(r.inArea(PROVINCE, YEAR))).hasSize(5);
      assertThat(drain(r.inArea(COUNTY, YEAR + 1))).containsExactly(hereNextYear);
      assertThat(drain(r.inArea(OTHER_COUNTY, YEAR + 1))).isEmpty();
    });
  }

  @Test
  final void idsInAreaListsTheIdsOfTheApplicationsInTheStateInOrderOfIdAtTheirLatestVersion() {
    UnitOfWork store = newStore();
    AidApplicationState approvedState = AidApplicationState.COUNTY_APPROVED;
    AidApplication approved = aidApplication("aid-b", H1, VILLAGE).withState(approvedState);
    AidApplication approvedToo = aidApplication("aid-a", H2, VILLAGE).withState(approvedState);
    // Free text spelling the state as a store might does not put an application in that state.
    String spelled = "\"state\":\"COUNTY_APPROVED\" state=COUNTY_APPROVED 'COUNTY_APPROVED'";
    AidApplication studied = aidApplication("aid-c", NEIGHBOUR, NEIGHBOUR_VILLAGE)
        .withState(AidApplicationState.VILLAGE_STUDIED).withCaseId(spelled)
        .withVillage(new AidStep(DAY0, VILLAGE_WORKER, true, spelled));
    AidApplication paidLater = aidApplication("aid-d", FAR, OTHER_TOWNSHIP_VILLAGE).withState(approvedState);
    AidApplication outside = aidApplication("aid-e", OUTSIDE, OUTSIDE_VILLAGE).withState(approvedState);
    AidApplication nextYear = aidApplication("aid-f", H1, VILLAGE, YEAR + 1, AidPurpose.GENERAL, Money.ofYuan(9))
        .withState(approvedState);
    writing(store, s -> List.of(nextYear, outside, paidLater, studied, approvedToo, approved)
        .forEach(s.aidApplications()::insert));
    writing(store, s -> s.aidApplications().update(advanced(paidLater, AidApplicationState.PAID)));

    reading(store, s -> {
      AidApplicationRepository r = s.aidApplications();
      assertThat(r.idsInArea(COUNTY, YEAR, approvedState)).containsExactly("aid-a", "aid-b");
      assertThat(r.idsInArea(TOWNSHIP, YEAR, approvedState)).containsExactly("aid-a", "aid-b");
      assertThat(r.idsInArea(OTHER_TOWNSHIP, YEAR, AidApplicationState.PAID)).containsExactly("aid-d");
      assertThat(r.idsInArea(COUNTY, YEAR, AidApplicationState.VILLAGE_STUDIED)).containsExactly("aid-c");
      assertThat(r.idsInArea(PROVINCE, YEAR, approvedState)).containsExactly("aid-a", "aid-b", "aid-e");
      assertThat(r.idsInArea(COUNTY, YEAR + 1, approvedState)).containsExactly("aid-f");
      assertThat(r.idsInArea(COUNTY, YEAR, AidApplicationState.APPLIED)).isEmpty();
    });
    // In a write session too, and with a change of the same session counted.
    writing(store, s -> {
      s.aidApplications().update(advanced(approved, AidApplicationState.PAID));
      assertThat(s.aidApplications().idsInArea(COUNTY, YEAR, approvedState)).containsExactly("aid-a");
    });
  }

  @Test
  final void inAreaOrdersTheApplicationsById() {
    UnitOfWork store = newStore();
    List<String> ids = List.of("aid-b", "aid-a2", "aid-c", "aid-a10");
    writing(store, s -> {
      for (int i = 0; i < ids.size(); i++) {
        AreaCode village = i % 2 == 0 ? VILLAGE : OTHER_TOWNSHIP_VILLAGE;
        s.aidApplications().insert(aidApplication(ids.get(i), householdId(village, i), village));
      }
    });

    assertThat(store.<List<AidApplication>>read(s -> drain(s.aidApplications().inArea(COUNTY, YEAR))))
        .extracting(AidApplication::id).containsExactly("aid-a10", "aid-a2", "aid-b", "aid-c");
  }

  @Test
  final void anApplicationMovedToAnotherHouseholdVillageOrYearIsListedOnlyUnderItsNewKeys() {
    UnitOfWork store = newStore();
    AidApplication v1 = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(v1));
    AidApplication moved = advanced(v1, AidApplicationState.APPLIED).withHouseholdId(FAR)
        .withArea(OTHER_TOWNSHIP_VILLAGE);
    AidApplication nextYear = advanced(moved, AidApplicationState.APPLIED).withFundYear(YEAR + 1);

    writing(store, s -> s.aidApplications().update(moved));
    reading(store, s -> {
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).isEmpty();
      assertThat(s.aidApplications().ofHousehold(FAR, YEAR)).containsExactly(moved);
      assertThat(drain(s.aidApplications().inArea(TOWNSHIP, YEAR))).isEmpty();
      assertThat(drain(s.aidApplications().inArea(OTHER_TOWNSHIP, YEAR))).containsExactly(moved);
    });

    writing(store, s -> s.aidApplications().update(nextYear));
    reading(store, s -> {
      assertThat(s.aidApplications().ofHousehold(FAR, YEAR)).isEmpty();
      assertThat(s.aidApplications().ofHousehold(FAR, YEAR + 1)).containsExactly(nextYear);
      assertThat(drain(s.aidApplications().inArea(COUNTY, YEAR))).isEmpty();
      assertThat(drain(s.aidApplications().inArea(COUNTY, YEAR + 1))).containsExactly(nextYear);
    });
  }

  // ---------------------------------------------------------------- bulk

  @Test
  final void findAllFindsTheLatestVersionOfEveryStoredIdAndNothingForOthers() {
    UnitOfWork store = newStore();
    AidApplication a1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication a2 = aidApplication("aid-2", FAR, OTHER_TOWNSHIP_VILLAGE, YEAR + 1, AidPurpose.HARDSHIP,
        Money.ofYuan(700));
    writing(store, s -> List.of(a1, a2).forEach(s.aidApplications()::insert));
    AidApplication a1v2 = advanced(a1, AidApplicationState.VILLAGE_STUDIED);

    writing(store, s -> {
      s.aidApplications().update(a1v2);
      AidApplication a3 = aidApplication("aid-3", H2, VILLAGE);
      s.aidApplications().insert(a3);
      assertThat(s.aidApplications().findAll(List.of("aid-3", "aid-1", "aid-9", "aid-1")))
          .as("a write session sees its own inserts and updates")
          .isEqualTo(Map.of("aid-1", a1v2, "aid-3", a3));
    });

    reading(store, s -> {
      assertThat(s.aidApplications().findAll(List.of("aid-2", "aid-1", "aid-x")))
          .isEqualTo(Map.of("aid-1", a1v2, "aid-2", a2));
      assertThat(s.aidApplications().findAll(List.of("aid-x"))).isEmpty();
      assertThat(s.aidApplications().findAll(List.of())).isEmpty();
    });
  }

  @Test
  final void ofHouseholdsListsEachHouseholdsApplicationsOfTheFundYearAsOfHouseholdDoes() {
    UnitOfWork store = newStore();
    AidApplication b = aidApplication("aid-b", H1, VILLAGE);
    AidApplication a = aidApplication("aid-a", H1, VILLAGE, YEAR, AidPurpose.HARDSHIP, Money.ofYuan(500));
    AidApplication nextYear = aidApplication("aid-c", H1, VILLAGE, YEAR + 1, AidPurpose.GENERAL, Money.ofYuan(1));
    AidApplication ofH2 = aidApplication("aid-d", H2, VILLAGE);
    AidApplication far = aidApplication("aid-e", FAR, OTHER_TOWNSHIP_VILLAGE);
    writing(store, s -> List.of(b, nextYear, ofH2, far).forEach(s.aidApplications()::insert));

    writing(store, s -> {
      s.aidApplications().insert(a);
      AidApplication moved = advanced(ofH2, AidApplicationState.VILLAGE_STUDIED).withHouseholdId(FAR)
          .withArea(OTHER_TOWNSHIP_VILLAGE);
      s.aidApplications().update(moved);
      assertThat(s.aidApplications().ofHouseholds(List.of(H1, H2, FAR, NEIGHBOUR), YEAR))
          .as("a write session sees its own inserts and updates")
          .isEqualTo(Map.of(H1, List.of(a, b), H2, List.of(), FAR, List.of(moved, far), NEIGHBOUR, List.of()));
    });

    reading(store, s -> {
      for (int year : List.of(YEAR - 1, YEAR, YEAR + 1)) {
        Map<String, List<AidApplication>> listed = s.aidApplications().ofHouseholds(List.of(FAR, H1, H2, H1), year);
        assertThat(listed).as("year %d", year).containsOnlyKeys(FAR, H1, H2);
        for (String household : List.of(FAR, H1, H2)) {
          assertThat(listed.get(household)).as("%s in %d", household, year)
              .isEqualTo(s.aidApplications().ofHousehold(household, year));
        }
      }
      assertThat(s.aidApplications().ofHouseholds(List.of(H1), YEAR).get(H1)).hasSize(2);
      assertThat(s.aidApplications().ofHouseholds(List.of(), YEAR)).isEmpty();
    });
  }

  @Test
  final void updateAllKeepsEveryCharacterOfTheApplications() {
    UnitOfWork store = newStore();
    List<String> notes = List.of("\"quoted\" and \\\" escaped", "{braces}, commas, NULL", "NULL", "",
        "back\\slash\\", "tab\tnew\nline\r", "村民代表会议通过 \u2028 😀", "'single' \"\"");
    List<AidApplication> stored = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      stored.add(aidApplication("aid-" + i, householdId(VILLAGE, i + 1), VILLAGE));
    }
    writing(store, s -> stored.forEach(s.aidApplications()::insert));
    List<AidApplication> next = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      next.add(advanced(stored.get(i), AidApplicationState.VILLAGE_STUDIED)
          .withVillage(new AidStep(DAY0, VILLAGE_WORKER, true, notes.get(i))));
    }

    writing(store, s -> s.aidApplications().updateAll(next));

    reading(store, s -> assertThat(s.aidApplications().findAll(next.stream().map(AidApplication::id).toList()))
        .containsExactlyInAnyOrderEntriesOf(next.stream().collect(Collectors.toMap(AidApplication::id, a -> a))));
  }

  @Test
  final void updateAllStoresEveryNextVersionAlsoOfOneApplicationTwice() {
    UnitOfWork store = newStore();
    AidApplication a1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication a2 = aidApplication("aid-2", NEIGHBOUR, NEIGHBOUR_VILLAGE);
    writing(store, s -> List.of(a1, a2).forEach(s.aidApplications()::insert));
    AidApplication a1v2 = advanced(a1, AidApplicationState.VILLAGE_STUDIED);
    AidApplication a1v3 = advanced(a1v2, AidApplicationState.TOWNSHIP_REVIEWED).withAmount(Money.ofYuan(4_000));
    AidApplication a2v2 = advanced(a2, AidApplicationState.REFUSED).withHouseholdId(FAR).withArea(OTHER_TOWNSHIP_VILLAGE);

    writing(store, s -> {
      s.aidApplications().updateAll(List.of(a2v2));
      s.aidApplications().updateAll(List.of());
    });
    writing(store, s -> {
      s.aidApplications().updateAll(List.of(a1v2, a1v3));
      assertThat(s.aidApplications().find("aid-1")).contains(a1v3);
    });

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(a1v3);
      assertThat(s.aidApplications().find("aid-2")).contains(a2v2);
      assertThat(s.aidApplications().ofHousehold(NEIGHBOUR, YEAR)).isEmpty();
      assertThat(s.aidApplications().ofHousehold(FAR, YEAR)).containsExactly(a2v2);
      assertThat(drain(s.aidApplications().inArea(PROVINCE, YEAR))).containsExactly(a1v3, a2v2);
    });
  }

  @Test
  final void aRefusedUpdateAllStoresNoneOfItsApplicationsAndTheRestOfTheUnitCommits() {
    UnitOfWork store = newStore();
    AidApplication a1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication a2 = aidApplication("aid-2", H2, VILLAGE);
    writing(store, s -> List.of(a1, a2).forEach(s.aidApplications()::insert));
    AidApplication a1v2 = advanced(a1, AidApplicationState.VILLAGE_STUDIED);
    AidApplication a2v2 = advanced(a2, AidApplicationState.VILLAGE_STUDIED);
    AidApplication a3 = aidApplication("aid-3", H1, VILLAGE);

    writing(store, s -> {
      AidApplicationRepository r = s.aidApplications();
      assertThatThrownBy(() -> r.updateAll(List.of(a1v2, a2v2.withVersion(3))))
          .as("a version skipped").isInstanceOf(StaleVersionException.class);
      assertThatThrownBy(() -> r.updateAll(List.of(a1v2, a2v2, a1v2)))
          .as("one application twice from the same version").isInstanceOf(StaleVersionException.class);
      assertThatThrownBy(() -> r.updateAll(List.of(a2v2, advanced(a3, AidApplicationState.VILLAGE_STUDIED))))
          .as("an unknown id").isInstanceOf(StaleVersionException.class);
      assertThat(r.find("aid-1")).contains(a1);
      assertThat(r.find("aid-2")).contains(a2);
      r.insert(a3);
    });

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(a1);
      assertThat(s.aidApplications().find("aid-2")).contains(a2);
      assertThat(s.aidApplications().find("aid-3")).contains(a3);
    });
    writing(store, s -> s.aidApplications().updateAll(List.of(a1v2, a2v2)));
    reading(store, s -> assertThat(s.aidApplications().findAll(List.of("aid-1", "aid-2")))
        .isEqualTo(Map.of("aid-1", a1v2, "aid-2", a2v2)));
  }

  @Test
  final void anUpdateAllFromAVersionReadBeforeAnotherUnitChangedItIsStale() {
    UnitOfWork store = newStore();
    AidApplication a1 = aidApplication("aid-1", H1, VILLAGE);
    AidApplication a2 = aidApplication("aid-2", H2, VILLAGE);
    writing(store, s -> List.of(a1, a2).forEach(s.aidApplications()::insert));
    AidApplication studied = advanced(a1, AidApplicationState.VILLAGE_STUDIED);
    writing(store, s -> s.aidApplications().update(studied));

    assertThatThrownBy(() -> writing(store, s -> s.aidApplications().updateAll(List.of(
        advanced(a2, AidApplicationState.REFUSED), advanced(a1, AidApplicationState.REFUSED)))))
        .isInstanceOf(StaleVersionException.class);

    reading(store, s -> assertThat(s.aidApplications().findAll(List.of("aid-1", "aid-2")))
        .isEqualTo(Map.of("aid-1", studied, "aid-2", a2)));
  }

  @Test
  final void aReadSessionRefusesUpdateAll() {
    UnitOfWork store = newStore();
    AidApplication a1 = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(a1));

    assertThatThrownBy(() -> reading(store, s -> s.aidApplications().updateAll(List.of(
        advanced(a1, AidApplicationState.VILLAGE_STUDIED))))).isInstanceOf(IllegalStateException.class);

    reading(store, s -> assertThat(s.aidApplications().find("aid-1")).contains(a1));
  }

  // ---------------------------------------------------------------- sessions

  @Test
  final void aWriteSessionSeesItsOwnInsertsAndUpdatesInEveryQuery() {
    UnitOfWork store = newStore();
    AidApplication committed = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(committed));

    writing(store, s -> {
      AidApplicationRepository r = s.aidApplications();
      AidApplication studied = advanced(committed, AidApplicationState.VILLAGE_STUDIED);
      r.update(studied);
      AidApplication second = aidApplication("aid-0", H1, VILLAGE);
      r.insert(second);
      AidApplication elsewhere = aidApplication("aid-2", NEIGHBOUR, NEIGHBOUR_VILLAGE);
      r.insert(elsewhere);
      assertThat(r.find("aid-1")).contains(studied);
      assertThat(r.ofHousehold(H1, YEAR)).containsExactly(second, studied);
      assertThat(drain(r.inArea(TOWNSHIP, YEAR))).containsExactly(second, studied, elsewhere);

      AidApplication reviewed = advanced(studied, AidApplicationState.TOWNSHIP_REVIEWED);
      r.update(reviewed);
      assertThatThrownBy(() -> r.update(advanced(studied, AidApplicationState.REFUSED)))
          .isInstanceOf(StaleVersionException.class);
      assertThatThrownBy(() -> r.insert(aidApplication("aid-0", H2, VILLAGE)))
          .isInstanceOf(DuplicateKeyException.class);
      assertThat(r.ofHousehold(H1, YEAR)).containsExactly(second, reviewed);
    });

    reading(store, s -> {
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).extracting(AidApplication::version)
          .containsExactly(1L, 3L);
      assertThat(drain(s.aidApplications().inArea(TOWNSHIP, YEAR))).extracting(AidApplication::id)
          .containsExactly("aid-0", "aid-1", "aid-2");
    });
  }

  @Test
  final void rollsBackEveryInsertAndUpdateWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    AidApplication committed = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(committed));

    assertThatThrownBy(() -> writing(store, s -> {
      s.aidApplications().update(advanced(committed, AidApplicationState.VILLAGE_STUDIED));
      s.aidApplications().insert(aidApplication("aid-2", H1, VILLAGE));
      s.aidApplications().insert(aidApplication("aid-3", OUTSIDE, OUTSIDE_VILLAGE));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.aidApplications().find("aid-1")).contains(committed);
      assertThat(s.aidApplications().find("aid-2")).isEmpty();
      assertThat(s.aidApplications().ofHousehold(H1, YEAR)).containsExactly(committed);
      assertThat(s.aidApplications().ofHousehold(OUTSIDE, YEAR)).isEmpty();
      assertThat(drain(s.aidApplications().inArea(PROVINCE, YEAR))).containsExactly(committed);
    });
    writing(store, s -> {
      s.aidApplications().update(advanced(committed, AidApplicationState.VILLAGE_STUDIED));
      s.aidApplications().insert(aidApplication("aid-2", H1, VILLAGE));
    });
  }

  @Test
  final void aReadSessionRefusesToInsertOrUpdateAndStoresNothing() {
    UnitOfWork store = newStore();
    AidApplication committed = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(committed));
    List<Consumer<StoreSession>> writes = List.of(
        s -> s.aidApplications().insert(aidApplication("aid-2", H1, VILLAGE)),
        s -> s.aidApplications().update(advanced(committed, AidApplicationState.VILLAGE_STUDIED)));

    for (Consumer<StoreSession> write : writes) {
      assertThatThrownBy(() -> reading(store, write)).isInstanceOf(IllegalStateException.class);
    }

    reading(store, s -> assertThat(s.aidApplications().ofHousehold(H1, YEAR)).containsExactly(committed));
  }

  // ---------------------------------------------------------------- races

  @Test
  final void eightThreadsMovingOneApplicationNeverMeetAStaleVersion() throws InterruptedException {
    UnitOfWork store = newStore();
    writing(store, s -> s.aidApplications().insert(aidApplication("aid-1", H1, VILLAGE)));
    int units = unitsPerThread();

    Work.race(THREADS, i -> () -> {
      for (int n = 0; n < units; n++) {
        writing(store, s -> {
          AidApplication now = s.aidApplications().find("aid-1").orElseThrow();
          s.aidApplications().update(advanced(now, now.state() == AidApplicationState.APPLIED
              ? AidApplicationState.VILLAGE_STUDIED : AidApplicationState.APPLIED));
        });
      }
      return null;
    });

    assertThat(store.<Long>read(s -> s.aidApplications().find("aid-1").orElseThrow().version()))
        .isEqualTo(1L + (long) THREADS * units);
  }

  @Test
  final void ofEightUpdatesMadeFromOneVersionExactlyOneSucceeds() throws InterruptedException {
    UnitOfWork store = newStore();
    AidApplication v1 = aidApplication("aid-1", H1, VILLAGE);
    writing(store, s -> s.aidApplications().insert(v1));

    List<RuntimeException> failures = Work.race(THREADS, i -> () -> failureOf(() -> writing(store,
        s -> s.aidApplications().update(advanced(v1, AidApplicationState.VILLAGE_STUDIED)
            .withAmount(Money.ofYuan(100L + i))))));

    assertThat(failures).filteredOn(f -> f == null).hasSize(1);
    assertThat(failures).filteredOn(f -> f != null).hasSize(THREADS - 1)
        .allSatisfy(f -> assertThat(f).isInstanceOf(StaleVersionException.class));
    Money won = Money.ofYuan(100L + failures.indexOf(null));
    assertThat(store.<Optional<Money>>read(s -> s.aidApplications().find("aid-1").map(AidApplication::amount)))
        .contains(won);
  }

  // ---------------------------------------------------------------- against a model

  @Property(tries = 100)
  final void behavesLikeAMapOfVersionedApplicationsListedByHouseholdAndArea(
      @ForAll("applicationChains") ActionChain<ApplicationWorld> chain) {
    chain.withInvariant("the store agrees with the model", ApplicationWorld::checkAgainstModel).run();
  }

  @Provide
  Arbitrary<ActionChain<ApplicationWorld>> applicationChains() {
    return ActionChain.startWith(() -> new ApplicationWorld(newStore()))
        .withAction(4, new InsertNew())
        .withAction(1, new InsertUnderATakenId())
        .withAction(5, new Update())
        .withAction(1, new InsertAndMoveInOneUnit())
        .withAction(1, new RollBackAUnit())
        .withMaxTransformations(30);
  }

  /** A household of the property, with its village. */
  record Applicant(String householdId, AreaCode village) {}

  /** A store and the map of applications it should hold. */
  static final class ApplicationWorld {

    static final List<Applicant> APPLICANTS = List.of(new Applicant(H1, VILLAGE), new Applicant(H2, VILLAGE),
        new Applicant(NEIGHBOUR, NEIGHBOUR_VILLAGE), new Applicant(FAR, OTHER_TOWNSHIP_VILLAGE),
        new Applicant(OUTSIDE, OUTSIDE_VILLAGE));
    static final List<Integer> YEARS = List.of(YEAR, YEAR + 1);

    final UnitOfWork store;
    final Map<String, AidApplication> model = new TreeMap<>();
    private int issued;

    ApplicationWorld(UnitOfWork store) {
      this.store = store;
    }

    String nextId() {
      issued++;
      return "aid-" + String.format("%03d", issued);
    }

    void insert(AidApplication a) {
      attempt("insert " + a.id(), s -> s.aidApplications().insert(a),
          model.containsKey(a.id()) ? DuplicateKeyException.class : null, () -> model.put(a.id(), a));
    }

    void update(AidApplication a) {
      AidApplication stored = model.get(a.id());
      boolean fresh = stored != null && a.version() == stored.version() + 1;
      attempt("update " + a.id() + " to version " + a.version(), s -> s.aidApplications().update(a),
          fresh ? null : StaleVersionException.class, () -> model.put(a.id(), a));
    }

    /** Inserts the application and moves it to another household and year in the same unit. */
    void insertAndMove(AidApplication a, Applicant to, int year) {
      AidApplication moved = advanced(a, AidApplicationState.VILLAGE_STUDIED).withHouseholdId(to.householdId())
          .withArea(to.village()).withFundYear(year);
      attempt("insert " + a.id() + " and move it", s -> {
        AidApplicationRepository r = s.aidApplications();
        r.insert(a);
        assertThat(r.ofHousehold(a.householdId(), a.fundYear())).contains(a);
        r.update(moved);
        assertThat(r.find(a.id())).contains(moved);
        assertThat(r.ofHousehold(to.householdId(), year)).contains(moved);
        if (!to.householdId().equals(a.householdId()) || year != a.fundYear()) {
          assertThat(r.ofHousehold(a.householdId(), a.fundYear())).doesNotContain(a, moved);
        }
        assertThat(drain(r.inArea(PROVINCE, year))).contains(moved);
      }, null, () -> model.put(moved.id(), moved));
    }

    void rollBack(List<AidApplication> inserts) {
      Optional<AidApplication> first = model.values().stream().findFirst();
      RuntimeException f = failureOf(() -> writing(store, s -> {
        first.ifPresent(a -> s.aidApplications().update(advanced(a, AidApplicationState.REFUSED)));
        inserts.forEach(s.aidApplications()::insert);
        throw new Work.Boom();
      }));
      assertThat(f).isInstanceOf(Work.Boom.class);
    }

    void checkAgainstModel() {
      reading(store, s -> {
        for (AidApplication a : model.values()) {
          assertThat(s.aidApplications().find(a.id())).as("find %s", a.id()).contains(a);
        }
        for (int year : YEARS) {
          for (Applicant applicant : APPLICANTS) {
            assertThat(s.aidApplications().ofHousehold(applicant.householdId(), year))
                .as("applications of %s in %d", applicant.householdId(), year)
                .isEqualTo(model.values().stream()
                    .filter(a -> a.householdId().equals(applicant.householdId()) && a.fundYear() == year)
                    .collect(Collectors.toList()));
          }
          for (AreaCode area : List.of(PROVINCE, COUNTY, TOWNSHIP)) {
            assertThat(drain(s.aidApplications().inArea(area, year))).as("applications in %s in %d", area, year)
                .isEqualTo(model.values().stream().filter(a -> area.contains(a.area()) && a.fundYear() == year)
                    .collect(Collectors.toList()));
          }
        }
      });
    }

    private void attempt(String what, Consumer<StoreSession> write, Class<? extends RuntimeException> expected,
        Runnable onSuccess) {
      RuntimeException f = failureOf(() -> writing(store, write));
      if (expected == null) {
        assertThat(f).as(what).isNull();
        onSuccess.run();
      } else {
        assertThat(f).as(what).isInstanceOf(expected);
      }
    }

    @Override
    public String toString() {
      return "ApplicationWorld" + model.values().stream()
          .map(a -> a.id() + "@" + a.householdId() + "/" + a.fundYear() + ":" + a.state() + ":v" + a.version())
          .collect(Collectors.toList());
    }
  }

  private static Arbitrary<Applicant> applicants() {
    return Arbitraries.of(ApplicationWorld.APPLICANTS);
  }

  private static Arbitrary<Integer> years() {
    return Arbitraries.of(ApplicationWorld.YEARS);
  }

  private static final class InsertNew implements Action.Independent<ApplicationWorld> {
    @Override
    public Arbitrary<Transformer<ApplicationWorld>> transformer() {
      return Combinators.combine(applicants(), years(), Arbitraries.of(AidPurpose.class))
          .as((who, year, purpose) -> Transformer.mutate(
              "insert a new application of " + who.householdId() + " for " + year,
              w -> w.insert(aidApplication(w.nextId(), who.householdId(), who.village(), year, purpose,
                  Money.ofYuan(1_000)))));
    }
  }

  private static final class InsertUnderATakenId implements Action.Dependent<ApplicationWorld> {
    @Override
    public boolean precondition(ApplicationWorld w) {
      return !w.model.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<ApplicationWorld>> transformer(ApplicationWorld w) {
      return Combinators.combine(Arbitraries.of(new ArrayList<>(w.model.keySet())), applicants())
          .as((id, who) -> Transformer.mutate("insert again under " + id,
              world -> world.insert(aidApplication(id, who.householdId(), who.village()))));
    }
  }

  private static final class Update implements Action.Dependent<ApplicationWorld> {
    @Override
    public boolean precondition(ApplicationWorld w) {
      return !w.model.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<ApplicationWorld>> transformer(ApplicationWorld w) {
      Arbitrary<Integer> step = Arbitraries.frequencyOf(
          Tuple.of(10, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(2)),
          Tuple.of(1, Arbitraries.just(-1)));
      return Combinators.combine(Arbitraries.of(new ArrayList<>(w.model.keySet())),
              Arbitraries.of(AidApplicationState.class), applicants(), years(), step)
          .as((id, state, who, year, by) -> Transformer.mutate(
              "update " + id + " to " + state + " of " + who.householdId() + " in " + year + " by version step " + by,
              world -> {
                AidApplication stored = world.model.get(id);
                world.update(stored.withState(state).withHouseholdId(who.householdId()).withArea(who.village())
                    .withFundYear(year).withVersion(stored.version() + by));
              }));
    }
  }

  private static final class InsertAndMoveInOneUnit implements Action.Independent<ApplicationWorld> {
    @Override
    public Arbitrary<Transformer<ApplicationWorld>> transformer() {
      return Combinators.combine(applicants(), applicants(), years())
          .as((from, to, year) -> Transformer.mutate(
              "insert an application of " + from.householdId() + " and move it to " + to.householdId() + " in " + year,
              w -> w.insertAndMove(aidApplication(w.nextId(), from.householdId(), from.village()), to, year)));
    }
  }

  private static final class RollBackAUnit implements Action.Independent<ApplicationWorld> {
    @Override
    public Arbitrary<Transformer<ApplicationWorld>> transformer() {
      return Combinators.combine(applicants(), applicants()).as((a, b) -> Transformer.mutate(
          "refuse an application, insert applications of " + a.householdId() + " and " + b.householdId()
              + ", and roll back",
          w -> w.rollBack(List.of(aidApplication(w.nextId(), a.householdId(), a.village()),
              aidApplication(w.nextId(), b.householdId(), b.village())))));
    }
  }
}
