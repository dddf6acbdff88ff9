package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OUTSIDE_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.PROVINCE;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.detailedCase;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.household;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.StoreFixtures.monitoringCase;
import static org.fangfanpin.spi.contract.StoreFixtures.moved;
import static org.fangfanpin.spi.contract.StoreFixtures.openCase;
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
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link CaseRepository} (监测案件契约): cases stored whole under their id, changed
 * only from the stored version, listed by area in order of id, and at most one open case per
 * household whichever way a case becomes open. Extend it with a factory for a fresh, empty store.
 */
public abstract class CaseRepositoryContract {

  private static final Household H = household(VILLAGE, 1);
  private static final Household OTHER = household(NEIGHBOUR_VILLAGE, 1);

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  // ---------------------------------------------------------------- a batch's look-ups and inserts

  @Test
  final void openOfAllFindsEachHouseholdsOpenCaseAndLeavesOutHouseholdsWithoutOne() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    MonitoringCase others = openCase("case-3", OTHER);
    MonitoringCase closedOnly = monitoringCase("case-4", householdId(VILLAGE, 2), VILLAGE, CaseState.CLOSED);
    writing(store, s -> s.cases().insertAll(List.of(dismissed, open, others, closedOnly)));

    List<String> asked = List.of(H.id(), OTHER.id(), householdId(VILLAGE, 2), "no-such-household", H.id());
    Map<String, MonitoringCase> expected = Map.of(H.id(), open, OTHER.id(), others);
    reading(store, s -> assertThat(s.cases().openOfAll(asked)).isEqualTo(expected));
    writing(store, s -> assertThat(s.cases().openOfAll(asked)).isEqualTo(expected));
    reading(store, s -> assertThat(s.cases().openOfAll(List.of())).isEmpty());
  }

  @Test
  final void openOfAllSeesTheSessionsOwnInsertsAndUpdates() {
    UnitOfWork store = newStore();
    MonitoringCase open = openCase("case-1", H);
    writing(store, s -> s.cases().insert(open));

    writing(store, s -> {
      MonitoringCase others = openCase("case-2", OTHER);
      s.cases().insert(others);
      s.cases().update(moved(open, CaseState.DISMISSED));
      assertThat(s.cases().openOfAll(List.of(H.id(), OTHER.id()))).isEqualTo(Map.of(OTHER.id(), others));
    });
  }

  @Test
  final void ofHouseholdsListsEachHouseholdsCasesInOrderOfIdAndAnEmptyListForOneWithout() {
    UnitOfWork store = newStore();
    MonitoringCase closed = monitoringCase("case-3", H.id(), VILLAGE, CaseState.CLOSED);
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    MonitoringCase others = openCase("case-4", OTHER);
    Household without = household(VILLAGE, 2);
    writing(store, s -> s.cases().insertAll(List.of(closed, dismissed, open, others)));

    reading(store, s -> assertThat(s.cases().ofHouseholds(List.of(H, OTHER, without))).isEqualTo(Map.of(
        H.id(), List.of(dismissed, open, closed), OTHER.id(), List.of(others), without.id(), List.of())));
  }

  @Test
  final void insertAllStoresEveryCaseAsInsertWould() {
    UnitOfWork store = newStore();
    MonitoringCase detailed = detailedCase("case-1", H.id(), VILLAGE);
    MonitoringCase open = openCase("case-2", OTHER);
    MonitoringCase dismissed = monitoringCase("case-3", H.id(), VILLAGE, CaseState.DISMISSED);

    writing(store, s -> s.cases().insertAll(List.of(detailed, open, dismissed)));

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(detailed);
      assertThat(s.cases().find("case-2")).contains(open);
      assertThat(s.cases().find("case-3")).contains(dismissed);
      assertThat(s.cases().openOf(OTHER.id())).contains(open);
      assertThat(drain(s.cases().inArea(COUNTY))).containsExactly(detailed, open, dismissed);
    });
  }

  @Test
  final void insertAllRefusesASecondOpenCaseOfAHouseholdAndTheUnitStoresNoneOfTheCases() {
    UnitOfWork store = newStore();
    MonitoringCase stored = openCase("case-1", H);
    writing(store, s -> s.cases().insert(stored));

    assertThatThrownBy(() -> writing(store, s -> s.cases().insertAll(List.of(openCase("case-2", OTHER),
        openCase("case-3", H))))).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.cases().insertAll(List.of(openCase("case-4", OTHER),
        openCase("case-5", OTHER))))).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.cases().insertAll(List.of(openCase("case-6", OTHER),
        monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED))))).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> assertThat(drain(s.cases().inArea(PROVINCE))).containsExactly(stored));
  }

  @Test
  final void insertAllRefusesACaseOfAnotherVersionThanOne() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> s.cases().insertAll(List.of(moved(openCase("case-1", H),
        CaseState.AWAITING_APPRAISAL))))).isInstanceOf(IllegalArgumentException.class);
    reading(store, s -> assertThat(s.cases().find("case-1")).isEmpty());
  }

  @Test
  final void theBatchMethodsHandleMoreHouseholdsThanADatabaseTakesInOneList() {
    UnitOfWork store = newStore();
    int n = 1_203;
    List<Household> households = new ArrayList<>();
    List<MonitoringCase> cases = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      Household h = household(VILLAGE, i);
      households.add(h);
      // Every third household has no open case: its case is dismissed.
      cases.add(i % 3 == 0 ? monitoringCase(String.format("case-%05d", i), h.id(), VILLAGE, CaseState.DISMISSED)
          : openCase(String.format("case-%05d", i), h));
    }
    writing(store, s -> s.cases().insertAll(cases));

    List<String> ids = households.stream().map(Household::id).toList();
    Map<String, MonitoringCase> open = cases.stream().filter(MonitoringCase::isOpen)
        .collect(Collectors.toMap(MonitoringCase::householdId, c -> c));
    Map<String, List<MonitoringCase>> all = cases.stream()
        .collect(Collectors.toMap(MonitoringCase::householdId, List::of));
    reading(store, s -> {
      assertThat(s.cases().openOfAll(ids)).isEqualTo(open);
      assertThat(s.cases().ofHouseholds(households)).isEqualTo(all);
    });
    writing(store, s -> assertThat(s.cases().openOfAll(ids)).isEqualTo(open));
  }

  @Test
  final void findAllFindsTheStoredCasesAmongTheIdsAndLeavesOutTheOthers() {
    UnitOfWork store = newStore();
    MonitoringCase detailed = detailedCase("case-1", H.id(), VILLAGE);
    MonitoringCase open = openCase("case-2", OTHER);
    MonitoringCase dismissed = monitoringCase("case-3", householdId(VILLAGE, 2), VILLAGE, CaseState.DISMISSED);
    writing(store, s -> s.cases().insertAll(List.of(detailed, open, dismissed)));

    List<String> asked = List.of("case-3", "case-1", "no-such-case", "case-3");
    Map<String, MonitoringCase> expected = Map.of("case-1", detailed, "case-3", dismissed);
    reading(store, s -> assertThat(s.cases().findAll(asked)).isEqualTo(expected));
    writing(store, s -> assertThat(s.cases().findAll(asked)).isEqualTo(expected));
    reading(store, s -> assertThat(s.cases().findAll(List.of())).isEmpty());
  }

  @Test
  final void findAllSeesTheSessionsOwnInsertsAndUpdates() {
    UnitOfWork store = newStore();
    MonitoringCase first = openCase("case-1", H);
    writing(store, s -> s.cases().insert(first));

    writing(store, s -> {
      MonitoringCase second = openCase("case-2", OTHER);
      s.cases().insert(second);
      MonitoringCase moved = moved(first, CaseState.AWAITING_APPRAISAL);
      s.cases().update(moved);
      assertThat(s.cases().findAll(List.of("case-1", "case-2"))).isEqualTo(Map.of("case-1", moved, "case-2", second));
    });
  }

  @Test
  final void updateAllStoresEachChangeAsUpdateWouldOneByOneAlsoTwoOfOneCase() {
    UnitOfWork store = newStore();
    MonitoringCase a = openCase("case-1", H);
    MonitoringCase b = openCase("case-2", OTHER);
    MonitoringCase c = detailedCase("case-3", householdId(VILLAGE, 2), VILLAGE);
    writing(store, s -> s.cases().insertAll(List.of(a, b, c)));
    MonitoringCase a2 = moved(a, CaseState.AWAITING_APPRAISAL);
    MonitoringCase a3 = moved(a2, CaseState.IN_NOTICE);
    MonitoringCase b2 = moved(b, CaseState.DISMISSED);

    writing(store, s -> s.cases().updateAll(List.of(a2, b2, a3)));

    reading(store, s -> {
      assertThat(s.cases().findAll(List.of("case-1", "case-2", "case-3")))
          .isEqualTo(Map.of("case-1", a3, "case-2", b2, "case-3", c));
      assertThat(s.cases().openOf(H.id())).contains(a3);
      assertThat(s.cases().openOf(OTHER.id())).isEmpty();
      assertThat(drain(s.cases().inArea(COUNTY))).containsExactly(a3, b2, c);
    });
    writing(store, s -> s.cases().updateAll(List.of()));
    reading(store, s -> assertThat(s.cases().find("case-1")).contains(a3));
  }

  @Test
  final void updateAllLetsTheOpenCasePassFromOneCaseOfAHouseholdToAnother() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    writing(store, s -> s.cases().insertAll(List.of(dismissed, open)));
    MonitoringCase closed = moved(open, CaseState.DISMISSED);
    MonitoringCase reopened = moved(dismissed, CaseState.AWAITING_VISIT);

    writing(store, s -> s.cases().updateAll(List.of(closed, reopened)));

    reading(store, s -> {
      assertThat(s.cases().openOf(H.id())).contains(reopened);
      assertThat(s.cases().find("case-2")).contains(closed);
    });
  }

  @Test
  final void updateAllRefusesAStaleOrUnknownEntryAndTheUnitStoresNoneOfThem() {
    UnitOfWork store = newStore();
    MonitoringCase a = openCase("case-1", H);
    MonitoringCase b = openCase("case-2", OTHER);
    writing(store, s -> s.cases().insertAll(List.of(a, b)));
    MonitoringCase a2 = moved(a, CaseState.AWAITING_APPRAISAL);

    assertThatThrownBy(() -> writing(store, s -> s.cases().updateAll(List.of(a2, b.withVersion(3)))))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> writing(store, s -> s.cases().updateAll(List.of(a2, a2))))
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(() -> writing(store, s -> s.cases().updateAll(List.of(a2, openCase("case-9", H).withVersion(2)))))
        .isInstanceOf(StaleVersionException.class);

    reading(store, s -> assertThat(s.cases().findAll(List.of("case-1", "case-2")))
        .isEqualTo(Map.of("case-1", a, "case-2", b)));
  }

  @Test
  final void updateAllRefusesASecondOpenCaseOfAHouseholdAndTheUnitStoresNoneOfThem() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    MonitoringCase others = openCase("case-3", OTHER);
    writing(store, s -> s.cases().insertAll(List.of(dismissed, open, others)));
    MonitoringCase othersMoved = moved(others, CaseState.AWAITING_APPRAISAL);

    assertThatThrownBy(() -> writing(store, s -> s.cases().updateAll(List.of(othersMoved,
        moved(dismissed, CaseState.AWAITING_VISIT))))).isInstanceOf(DuplicateKeyException.class);
    // Reopened first, the open case ended only after it: a second open case in between.
    assertThatThrownBy(() -> writing(store, s -> s.cases().updateAll(List.of(moved(dismissed, CaseState.AWAITING_VISIT),
        moved(open, CaseState.DISMISSED))))).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.cases().findAll(List.of("case-1", "case-2", "case-3")))
          .isEqualTo(Map.of("case-1", dismissed, "case-2", open, "case-3", others));
      assertThat(s.cases().openOf(H.id())).contains(open);
    });
  }

  @Test
  final void theBulkReadAndWriteOfCasesHandleMoreCasesThanADatabaseTakesInOneList() {
    UnitOfWork store = newStore();
    int n = 1_203;
    List<MonitoringCase> cases = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      cases.add(openCase(String.format("case-%05d", i), household(VILLAGE, i)));
    }
    writing(store, s -> s.cases().insertAll(cases));
    List<MonitoringCase> moved = cases.stream().map(c -> moved(c, CaseState.AWAITING_APPRAISAL)).toList();
    List<String> ids = cases.stream().map(MonitoringCase::id).toList();

    writing(store, s -> s.cases().updateAll(moved));

    Map<String, MonitoringCase> expected = moved.stream().collect(Collectors.toMap(MonitoringCase::id, c -> c));
    reading(store, s -> assertThat(s.cases().findAll(ids)).isEqualTo(expected));
    writing(store, s -> assertThat(s.cases().findAll(ids)).isEqualTo(expected));
  }

  // ---------------------------------------------------------------- find and insert

  @Test
  final void findsNothingWhereNoCaseWasStored() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).isEmpty();
      assertThat(s.cases().openOf(H.id())).isEmpty();
      assertThat(drain(s.cases().inArea(PROVINCE))).isEmpty();
    });
  }

  @Test
  final void findsAnInsertedCaseWithEveryFieldUnchanged() {
    UnitOfWork store = newStore();
    MonitoringCase detailed = detailedCase("case-1", H.id(), VILLAGE);
    MonitoringCase open = openCase("case-2", H);

    writing(store, s -> {
      s.cases().insert(detailed);
      s.cases().insert(open);
    });

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(detailed);
      assertThat(s.cases().find("case-2")).contains(open);
    });
  }

  @Test
  final void openOfFindsTheHouseholdsOpenCaseAndNoOther() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);

    writing(store, s -> {
      s.cases().insert(dismissed);
      s.cases().insert(open);
    });

    reading(store, s -> {
      assertThat(s.cases().openOf(H.id())).contains(open);
      assertThat(s.cases().openOf(OTHER.id())).isEmpty();
    });
  }

  @Test
  final void ofHouseholdListsEveryCaseOfTheHouseholdInOrderOfIdAndNoOther() {
    UnitOfWork store = newStore();
    MonitoringCase closed = monitoringCase("case-3", H.id(), VILLAGE, CaseState.CLOSED);
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    MonitoringCase others = openCase("case-4", OTHER);

    writing(store, s -> {
      s.cases().insert(closed);
      s.cases().insert(dismissed);
      s.cases().insert(open);
      s.cases().insert(others);
    });

    reading(store, s -> {
      assertThat(s.cases().ofHousehold(H.id(), VILLAGE)).containsExactly(dismissed, open, closed);
      assertThat(s.cases().ofHousehold(OTHER.id(), NEIGHBOUR_VILLAGE)).containsExactly(others);
      assertThat(s.cases().ofHousehold("no-such-household", VILLAGE)).isEmpty();
    });
  }

  @Test
  final void ofHouseholdSeesTheSessionsOwnInsertsAndUpdates() {
    UnitOfWork store = newStore();
    MonitoringCase open = openCase("case-1", H);
    writing(store, s -> s.cases().insert(open));

    writing(store, s -> {
      MonitoringCase dismissed = moved(open, CaseState.DISMISSED);
      s.cases().update(dismissed);
      MonitoringCase next = openCase("case-2", H);
      s.cases().insert(next);
      assertThat(s.cases().ofHousehold(H.id(), VILLAGE)).containsExactly(dismissed, next);
    });
  }

  @Test
  final void rejectsAnInsertUnderATakenIdAndKeepsTheStoredCase() {
    UnitOfWork store = newStore();
    MonitoringCase first = monitoringCase("case-1", H.id(), VILLAGE, CaseState.CLOSED);
    writing(store, s -> s.cases().insert(first));

    assertThatThrownBy(() -> writing(store, s -> s.cases().insert(openCase("case-1", OTHER))))
        .isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(first);
      assertThat(s.cases().openOf(OTHER.id())).isEmpty();
    });
  }

  @Test
  final void rejectsTheInsertOfASecondOpenCaseForAHousehold() {
    UnitOfWork store = newStore();
    MonitoringCase first = openCase("case-1", H);
    writing(store, s -> s.cases().insert(first));

    assertThatThrownBy(() -> writing(store, s -> s.cases().insert(
        monitoringCase("case-2", H.id(), VILLAGE, CaseState.AWAITING_COUNTY))))
        .isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.cases().find("case-2")).isEmpty();
      assertThat(s.cases().openOf(H.id())).contains(first);
    });
  }

  @ParameterizedTest
  @EnumSource(value = CaseState.class, names = {"DISMISSED", "CLOSED"})
  final void aCaseThatIsNotOpenDoesNotCountAsTheHouseholdsOpenCase(CaseState ended) {
    UnitOfWork store = newStore();
    MonitoringCase endedBefore = monitoringCase("case-1", H.id(), VILLAGE, ended);
    MonitoringCase open = openCase("case-2", H);
    MonitoringCase endedBeside = monitoringCase("case-3", H.id(), VILLAGE, ended);

    writing(store, s -> {
      s.cases().insert(endedBefore);
      s.cases().insert(open);
    });
    writing(store, s -> s.cases().insert(endedBeside));

    reading(store, s -> {
      assertThat(s.cases().openOf(H.id())).contains(open);
      assertThat(drain(s.cases().inArea(VILLAGE))).containsExactly(endedBefore, open, endedBeside);
    });
  }

  @Test
  final void rejectsAnInsertWhoseVersionIsNotOne() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> s.cases().insert(openCase("case-1", H).withVersion(2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writing(store, s -> s.cases().insert(openCase("case-1", H).withVersion(0))))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().find("case-1"))).isEmpty();
  }

  // ---------------------------------------------------------------- update

  @Test
  final void updateReplacesTheCaseWithItsNextVersion() {
    UnitOfWork store = newStore();
    MonitoringCase v1 = openCase("case-1", H);
    writing(store, s -> s.cases().insert(v1));
    MonitoringCase v2 = moved(v1, CaseState.AWAITING_APPRAISAL);
    MonitoringCase v3 = moved(v2, CaseState.AWAITING_NOTICE);

    writing(store, s -> s.cases().update(v2));
    writing(store, s -> s.cases().update(v3));

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(v3);
      assertThat(s.cases().openOf(H.id())).contains(v3);
      assertThat(drain(s.cases().inArea(VILLAGE))).containsExactly(v3);
    });
  }

  @Test
  final void updateRejectsEveryVersionButTheStoredOnePlusOne() {
    UnitOfWork store = newStore();
    MonitoringCase v1 = openCase("case-1", H);
    MonitoringCase v2 = moved(v1, CaseState.AWAITING_APPRAISAL);
    writing(store, s -> {
      s.cases().insert(v1);
      s.cases().update(v2);
    });

    for (long version : new long[] {0, 1, 2, 4, 100}) {
      MonitoringCase attempt = v2.withState(CaseState.DISMISSED).withVersion(version);
      assertThatThrownBy(() -> writing(store, s -> s.cases().update(attempt)))
          .as("version %d", version)
          .isInstanceOf(StaleVersionException.class);
    }

    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().find("case-1"))).contains(v2);
  }

  @Test
  final void updateOfAnUnknownIdIsStale() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> writing(store, s -> s.cases().update(openCase("case-1", H).withVersion(2))))
        .isInstanceOf(StaleVersionException.class);

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).isEmpty();
      assertThat(s.cases().openOf(H.id())).isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(value = CaseState.class, names = {"DISMISSED", "CLOSED"})
  final void endingTheOpenCaseLetsTheHouseholdOpenAnother(CaseState ended) {
    UnitOfWork store = newStore();
    MonitoringCase first = openCase("case-1", H);
    writing(store, s -> s.cases().insert(first));

    writing(store, s -> s.cases().update(moved(first, ended)));
    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().openOf(H.id()))).isEmpty();
    writing(store, s -> s.cases().insert(openCase("case-2", H)));

    assertThat(store.<Optional<String>>read(s -> s.cases().openOf(H.id()).map(MonitoringCase::id))).contains("case-2");
  }

  @Test
  final void reopeningACaseWhileTheHouseholdHasAnotherOpenCaseIsADuplicate() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase open = openCase("case-2", H);
    writing(store, s -> {
      s.cases().insert(dismissed);
      s.cases().insert(open);
    });

    assertThatThrownBy(() -> writing(store, s -> s.cases().update(moved(dismissed, CaseState.AWAITING_VISIT))))
        .isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(dismissed);
      assertThat(s.cases().openOf(H.id())).contains(open);
    });
  }

  @Test
  final void reopeningACaseIsAllowedWhenTheHouseholdHasNoOtherOpenCase() {
    UnitOfWork store = newStore();
    MonitoringCase dismissed = monitoringCase("case-1", H.id(), VILLAGE, CaseState.DISMISSED);
    MonitoringCase closed = monitoringCase("case-2", H.id(), VILLAGE, CaseState.CLOSED);
    writing(store, s -> {
      s.cases().insert(dismissed);
      s.cases().insert(closed);
    });
    MonitoringCase reopened = moved(dismissed, CaseState.AWAITING_VISIT);

    writing(store, s -> s.cases().update(reopened));

    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().openOf(H.id()))).contains(reopened);
  }

  @Test
  final void aCaseMovingBetweenOpenStatesStaysTheHouseholdsOpenCase() {
    UnitOfWork store = newStore();
    MonitoringCase c = openCase("case-1", H);
    writing(store, s -> s.cases().insert(c));
    MonitoringCase next = moved(moved(c, CaseState.AWAITING_APPRAISAL), CaseState.IN_NOTICE);

    writing(store, s -> {
      s.cases().update(moved(c, CaseState.AWAITING_APPRAISAL));
      s.cases().update(next);
    });

    assertThat(store.<Optional<MonitoringCase>>read(s -> s.cases().openOf(H.id()))).contains(next);
  }

  // ---------------------------------------------------------------- areas

  @Test
  final void inAreaListsEveryCaseOfHouseholdsInsideTheAreaOpenOrNot() {
    UnitOfWork store = newStore();
    MonitoringCase here = openCase("case-1", H);
    MonitoringCase hereClosed = monitoringCase("case-2", H.id(), VILLAGE, CaseState.CLOSED);
    MonitoringCase neighbour = openCase("case-3", OTHER);
    MonitoringCase otherTownship = openCase("case-4", householdId(OTHER_TOWNSHIP_VILLAGE, 1), OTHER_TOWNSHIP_VILLAGE);
    MonitoringCase outside = openCase("case-5", householdId(OUTSIDE_VILLAGE, 1), OUTSIDE_VILLAGE);
    writing(store, s -> List.of(outside, otherTownship, neighbour, hereClosed, here).forEach(s.cases()::insert));

    reading(store, s -> {
      CaseRepository r = s.cases();
      assertThat(drain(r.inArea(VILLAGE))).containsExactly(here, hereClosed);
      assertThat(drain(r.inArea(TOWNSHIP))).containsExactly(here, hereClosed, neighbour);
      assertThat(drain(r.inArea(COUNTY))).containsExactly(here, hereClosed, neighbour, otherTownship);
      assertThat(drain(r.inArea(OTHER_COUNTY))).containsExactly(outside);
      assertThat(drain(r.inArea(PROVINCE))).hasSize(5);
    });
  }

  @Test
  final void inAreaOrdersTheCasesById() {
    UnitOfWork store = newStore();
    List<String> ids = List.of("case-b", "case-a2", "case-c", "case-a10");
    writing(store, s -> {
      for (int i = 0; i < ids.size(); i++) {
        s.cases().insert(monitoringCase(ids.get(i), householdId(VILLAGE, i), VILLAGE, CaseState.AWAITING_VISIT));
      }
    });

    assertThat(store.<List<MonitoringCase>>read(s -> drain(s.cases().inArea(COUNTY)))).extracting(MonitoringCase::id)
        .containsExactly("case-a10", "case-a2", "case-b", "case-c");
  }

  // ---------------------------------------------------------------- sessions

  @Test
  final void aWriteSessionSeesItsOwnInsertsAndUpdates() {
    UnitOfWork store = newStore();
    MonitoringCase committed = openCase("case-1", H);
    writing(store, s -> s.cases().insert(committed));

    writing(store, s -> {
      MonitoringCase dismissed = moved(committed, CaseState.DISMISSED);
      s.cases().update(dismissed);
      assertThat(s.cases().find("case-1")).contains(dismissed);
      assertThat(s.cases().openOf(H.id())).isEmpty();

      MonitoringCase second = openCase("case-2", H);
      s.cases().insert(second);
      assertThat(s.cases().openOf(H.id())).contains(second);
      assertThatThrownBy(() -> s.cases().insert(openCase("case-3", H))).isInstanceOf(DuplicateKeyException.class);

      MonitoringCase secondMoved = moved(second, CaseState.AWAITING_APPRAISAL);
      s.cases().update(secondMoved);
      assertThatThrownBy(() -> s.cases().update(moved(second, CaseState.AWAITING_NOTICE)))
          .isInstanceOf(StaleVersionException.class);
      assertThat(drain(s.cases().inArea(VILLAGE))).containsExactly(dismissed, secondMoved);
    });

    reading(store, s -> {
      assertThat(s.cases().openOf(H.id()).map(MonitoringCase::id)).contains("case-2");
      assertThat(drain(s.cases().inArea(VILLAGE))).extracting(MonitoringCase::version).containsExactly(2L, 2L);
    });
  }

  @Test
  final void rollsBackEveryInsertAndUpdateWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    MonitoringCase committed = openCase("case-1", H);
    writing(store, s -> s.cases().insert(committed));

    assertThatThrownBy(() -> writing(store, s -> {
      s.cases().update(moved(committed, CaseState.CLOSED));
      s.cases().insert(openCase("case-2", H));
      s.cases().insert(openCase("case-3", OTHER));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.cases().find("case-1")).contains(committed);
      assertThat(s.cases().openOf(H.id())).contains(committed);
      assertThat(s.cases().openOf(OTHER.id())).isEmpty();
      assertThat(drain(s.cases().inArea(PROVINCE))).containsExactly(committed);
    });
    writing(store, s -> s.cases().insert(openCase("case-3", OTHER)));
  }

  // ---------------------------------------------------------------- against a model

  @Property(tries = 100)
  final void behavesLikeAMapOfCasesWithAtMostOneOpenCasePerHousehold(
      @ForAll("caseChains") ActionChain<CaseWorld> chain) {
    chain.withInvariant("the store agrees with the model", CaseWorld::checkAgainstModel).run();
  }

  @Provide
  Arbitrary<ActionChain<CaseWorld>> caseChains() {
    return ActionChain.startWith(() -> new CaseWorld(newStore()))
        .withAction(4, new InsertNewCase())
        .withAction(1, new InsertUnderATakenId())
        .withAction(5, new UpdateCase())
        .withAction(1, new UpdateAnUnknownCase())
        .withAction(1, new RollBackAUnit())
        .withMaxTransformations(30);
  }

  /** A store and the map of cases it should hold. */
  static final class CaseWorld {

    static final List<Household> HOUSEHOLDS = List.of(H, OTHER, household(OUTSIDE_VILLAGE, 1));

    final UnitOfWork store;
    final Map<String, MonitoringCase> model = new TreeMap<>();
    private int issued;

    CaseWorld(UnitOfWork store) {
      this.store = store;
    }

    String nextId() {
      issued++;
      return "case-" + String.format("%03d", issued);
    }

    Optional<MonitoringCase> modelOpenOf(String householdId) {
      return model.values().stream().filter(c -> c.isOpen() && c.householdId().equals(householdId)).findFirst();
    }

    void insert(MonitoringCase c) {
      Class<? extends RuntimeException> expected = model.containsKey(c.id())
          || (c.isOpen() && modelOpenOf(c.householdId()).isPresent()) ? DuplicateKeyException.class : null;
      attempt("insert " + c.id(), s -> s.cases().insert(c), expected, () -> model.put(c.id(), c));
    }

    void update(MonitoringCase c) {
      MonitoringCase stored = model.get(c.id());
      Class<? extends RuntimeException> expected;
      if (stored == null || c.version() != stored.version() + 1) {
        expected = StaleVersionException.class;
      } else if (c.isOpen() && modelOpenOf(c.householdId()).filter(o -> !o.id().equals(c.id())).isPresent()) {
        expected = DuplicateKeyException.class;
      } else {
        expected = null;
      }
      attempt("update " + c.id() + " to version " + c.version(), s -> s.cases().update(c), expected,
          () -> model.put(c.id(), c));
    }

    void rollBack(List<MonitoringCase> inserts) {
      Optional<MonitoringCase> first = model.values().stream().findFirst();
      RuntimeException f = failureOf(() -> writing(store, s -> {
        first.ifPresent(c -> s.cases().update(moved(c, CaseState.CLOSED)));
        inserts.forEach(s.cases()::insert);
        throw new Work.Boom();
      }));
      assertThat(f).isInstanceOf(Work.Boom.class);
    }

    void checkAgainstModel() {
      reading(store, s -> {
        for (MonitoringCase c : model.values()) {
          assertThat(s.cases().find(c.id())).as("find %s", c.id()).contains(c);
        }
        for (Household h : HOUSEHOLDS) {
          assertThat(s.cases().openOf(h.id())).as("open case of %s", h.id()).isEqualTo(modelOpenOf(h.id()));
          assertThat(model.values().stream().filter(c -> c.isOpen() && c.householdId().equals(h.id())))
              .as("the model itself").hasSizeLessThanOrEqualTo(1);
        }
        assertThat(drain(s.cases().inArea(PROVINCE))).isEqualTo(new ArrayList<>(model.values()));
        assertThat(drain(s.cases().inArea(COUNTY))).isEqualTo(model.values().stream()
            .filter(c -> COUNTY.contains(c.area())).collect(Collectors.toList()));
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
      return "CaseWorld" + model.values().stream()
          .map(c -> c.id() + "@" + c.householdId() + ":" + c.state() + ":v" + c.version())
          .collect(Collectors.toList());
    }
  }

  private static Arbitrary<Household> households() {
    return Arbitraries.of(CaseWorld.HOUSEHOLDS);
  }

  private static Arbitrary<CaseState> states() {
    return Arbitraries.of(CaseState.class);
  }

  private static final class InsertNewCase implements Action.Independent<CaseWorld> {
    @Override
    public Arbitrary<Transformer<CaseWorld>> transformer() {
      return Combinators.combine(households(), states()).as((h, state) -> Transformer.mutate(
          "insert a new case of " + h.id() + " in " + state,
          w -> w.insert(monitoringCase(w.nextId(), h.id(), h.area(), state))));
    }
  }

  private static final class InsertUnderATakenId implements Action.Dependent<CaseWorld> {
    @Override
    public boolean precondition(CaseWorld w) {
      return !w.model.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<CaseWorld>> transformer(CaseWorld w) {
      return Combinators.combine(Arbitraries.of(new ArrayList<>(w.model.keySet())), households(), states())
          .as((id, h, state) -> Transformer.mutate("insert again under " + id,
              world -> world.insert(monitoringCase(id, h.id(), h.area(), state))));
    }
  }

  private static final class UpdateCase implements Action.Dependent<CaseWorld> {
    @Override
    public boolean precondition(CaseWorld w) {
      return !w.model.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<CaseWorld>> transformer(CaseWorld w) {
      Arbitrary<Integer> step = Arbitraries.frequencyOf(
          Tuple.of(10, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(2)),
          Tuple.of(1, Arbitraries.just(-1)));
      return Combinators.combine(Arbitraries.of(new ArrayList<>(w.model.keySet())), states(), step)
          .as((id, state, by) -> Transformer.mutate("update " + id + " to " + state + " by version step " + by,
              world -> {
                MonitoringCase stored = world.model.getOrDefault(id, openCase(id, H));
                world.update(stored.withState(state).withVersion(stored.version() + by));
              }));
    }
  }

  private static final class UpdateAnUnknownCase implements Action.Independent<CaseWorld> {
    @Override
    public Arbitrary<Transformer<CaseWorld>> transformer() {
      return states().map(state -> Transformer.mutate("update an unknown case to " + state,
          w -> w.update(monitoringCase("case-unknown", H.id(), VILLAGE, state).withVersion(2))));
    }
  }

  private static final class RollBackAUnit implements Action.Independent<CaseWorld> {
    @Override
    public Arbitrary<Transformer<CaseWorld>> transformer() {
      return Combinators.combine(households(), households()).as((a, b) -> Transformer.mutate(
          "close a case, insert cases of " + a.id() + " and " + b.id() + ", and roll back",
          w -> w.rollBack(List.of(monitoringCase(w.nextId(), a.id(), a.area(), CaseState.CLOSED),
              monitoringCase(w.nextId(), b.id(), b.area(), CaseState.DISMISSED)))));
    }
  }
}
