package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.FundFixtures.gridVisit;
import static org.fangfanpin.spi.contract.FundFixtures.gridWorkerId;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.Work.failureOf;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link GridRepository} (网格化管理契约): each household assigned to at most one grid
 * worker, the latest assignment winning; each worker's households listed in order of id; visits
 * kept, and a household's last visit on or before a day found, the one recorded later when two fall
 * on that day. Extend it with a factory for a fresh, empty store.
 */
public abstract class GridRepositoryContract {

  private static final String W1 = gridWorkerId(1);
  private static final String W2 = gridWorkerId(2);
  private static final String H1 = householdId(VILLAGE, 1);
  private static final String H2 = householdId(VILLAGE, 2);
  private static final String H3 = householdId(NEIGHBOUR_VILLAGE, 1);
  private static final List<String> HOUSEHOLDS = List.of(H1, H2, H3, householdId(NEIGHBOUR_VILLAGE, 2));
  private static final int MAX_WORKER = 2;
  private static final int MAX_DAY = 10;

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  // ---------------------------------------------------------------- assignments

  @Test
  final void aHouseholdNeverAssignedHasNoWorkerAndAWorkerWithoutHouseholdsListsNone() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).isEmpty();
      assertThat(s.grid().householdsOf(W1)).isEmpty();
      assertThat(s.grid().lastVisit(H1, DAY0)).isEmpty();
    });
  }

  @Test
  final void assignGivesTheHouseholdItsWorker() {
    UnitOfWork store = newStore();

    writing(store, s -> s.grid().assign(H1, W1));

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).contains(W1);
      assertThat(s.grid().workerOf(H2)).isEmpty();
      assertThat(s.grid().householdsOf(W1)).containsExactly(H1);
    });
  }

  @Test
  final void householdsOfListsTheWorkersHouseholdsInOrderOfId() {
    UnitOfWork store = newStore();
    List<String> ids = List.of("h-b", "h-a2", "h-c", "h-a10");

    writing(store, s -> ids.forEach(h -> s.grid().assign(h, W1)));
    writing(store, s -> s.grid().assign("h-0", W1));
    writing(store, s -> s.grid().assign("h-x", W2));

    reading(store, s -> {
      assertThat(s.grid().householdsOf(W1)).containsExactly("h-0", "h-a10", "h-a2", "h-b", "h-c");
      assertThat(s.grid().householdsOf(W2)).containsExactly("h-x");
    });
  }

  @Test
  final void assigningAHouseholdAgainMovesItToTheNewWorker() {
    UnitOfWork store = newStore();
    writing(store, s -> {
      s.grid().assign(H1, W1);
      s.grid().assign(H2, W1);
    });

    writing(store, s -> s.grid().assign(H1, W2));

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).contains(W2);
      assertThat(s.grid().householdsOf(W1)).containsExactly(H2);
      assertThat(s.grid().householdsOf(W2)).containsExactly(H1);
    });
  }

  @Test
  final void assigningAHouseholdToItsOwnWorkerAgainListsItOnce() {
    UnitOfWork store = newStore();
    writing(store, s -> s.grid().assign(H1, W1));

    writing(store, s -> {
      s.grid().assign(H1, W1);
      s.grid().assign(H1, W1);
    });

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).contains(W1);
      assertThat(s.grid().householdsOf(W1)).containsExactly(H1);
    });
  }

  // ---------------------------------------------------------------- visits

  @Test
  final void lastVisitIsTheLatestVisitOnOrBeforeTheDay() {
    UnitOfWork store = newStore();
    GridVisit first = gridVisit(W1, H1, DAY0);
    GridVisit second = gridVisit(W1, H1, DAY0.plusDays(7));
    GridVisit third = gridVisit(W1, H1, DAY0.plusDays(14));
    writing(store, s -> List.of(first, second, third).forEach(s.grid()::recordVisit));

    reading(store, s -> {
      assertThat(s.grid().lastVisit(H1, DAY0.minusDays(1))).isEmpty();
      assertThat(s.grid().lastVisit(H1, DAY0)).contains(first);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(6))).contains(first);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(7))).contains(second);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(13))).contains(second);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(14))).contains(third);
      assertThat(s.grid().lastVisit(H1, DAY0.plusYears(1))).contains(third);
    });
  }

  @Test
  final void lastVisitFindsVisitsByTheirDayWhateverTheOrderTheyWereRecordedIn() {
    UnitOfWork store = newStore();
    GridVisit late = gridVisit(W1, H1, DAY0.plusDays(14));
    GridVisit early = gridVisit(W1, H1, DAY0);
    GridVisit middle = gridVisit(W2, H1, DAY0.plusDays(7));
    writing(store, s -> s.grid().recordVisit(late));
    writing(store, s -> s.grid().recordVisit(early));
    writing(store, s -> s.grid().recordVisit(middle));

    reading(store, s -> {
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(20))).contains(late);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(10))).contains(middle);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(3))).contains(early);
    });
  }

  @Test
  final void ofTwoVisitsOnOneDayTheLastVisitIsTheOneRecordedLater() {
    UnitOfWork store = newStore();
    GridVisit morning = new GridVisit(W1, H1, DAY0, "上午 morning");
    GridVisit afternoon = new GridVisit(W2, H1, DAY0, "下午 afternoon");
    GridVisit evening = new GridVisit(W1, H1, DAY0, "晚上 evening");

    writing(store, s -> {
      s.grid().recordVisit(morning);
      s.grid().recordVisit(afternoon);
      assertThat(s.grid().lastVisit(H1, DAY0)).contains(afternoon);
    });
    assertThat(store.<Optional<GridVisit>>read(s -> s.grid().lastVisit(H1, DAY0))).contains(afternoon);

    writing(store, s -> {
      s.grid().recordVisit(evening);
      assertThat(s.grid().lastVisit(H1, DAY0)).contains(evening);
    });
    assertThat(store.<Optional<GridVisit>>read(s -> s.grid().lastVisit(H1, DAY0))).contains(evening);
  }

  // ---------------------------------------------------------------- a day's rounds in bulk

  @Test
  final void workersOfGivesEachAssignedHouseholdItsWorkerAndLeavesOutTheOthers() {
    UnitOfWork store = newStore();
    writing(store, s -> {
      s.grid().assign(H1, W1);
      s.grid().assign(H2, W1);
      s.grid().assign(H2, W2);
    });

    List<String> asked = List.of(H2, H1, H3, H1);
    reading(store, s -> assertThat(s.grid().workersOf(asked)).isEqualTo(Map.of(H1, W1, H2, W2)));
    writing(store, s -> {
      s.grid().assign(H3, W1);
      assertThat(s.grid().workersOf(asked)).isEqualTo(Map.of(H1, W1, H2, W2, H3, W1));
    });
    reading(store, s -> assertThat(s.grid().workersOf(List.of())).isEmpty());
  }

  @Test
  final void recordVisitsKeepsTheirOrderAndLastVisitsFindsEachHouseholdsAsLastVisitWould() {
    UnitOfWork store = newStore();
    GridVisit h1Early = gridVisit(W1, H1, DAY0);
    GridVisit h1Morning = new GridVisit(W1, H1, DAY0.plusDays(7), "上午 morning");
    GridVisit h1Evening = new GridVisit(W2, H1, DAY0.plusDays(7), "晚上 evening");
    GridVisit h1Later = gridVisit(W1, H1, DAY0.plusDays(14));
    GridVisit h2 = gridVisit(W1, H2, DAY0.plusDays(3));
    writing(store, s -> s.grid().recordVisits(List.of(h1Later, h1Early)));
    writing(store, s -> {
      s.grid().recordVisits(List.of(h1Morning, h2, h1Evening));
      s.grid().recordVisits(List.of());
      assertThat(s.grid().lastVisits(List.of(H1, H2, H3), DAY0.plusDays(7))).isEqualTo(Map.of(H1, h1Evening, H2, h2));
    });

    List<String> asked = List.of(H1, H2, H3, H1);
    reading(store, s -> {
      assertThat(s.grid().lastVisits(asked, DAY0.plusDays(7))).isEqualTo(Map.of(H1, h1Evening, H2, h2));
      assertThat(s.grid().lastVisits(asked, DAY0.plusDays(2))).isEqualTo(Map.of(H1, h1Early));
      assertThat(s.grid().lastVisits(asked, DAY0.plusYears(1))).isEqualTo(Map.of(H1, h1Later, H2, h2));
      assertThat(s.grid().lastVisits(asked, DAY0.minusDays(1))).isEmpty();
      assertThat(s.grid().lastVisits(List.of(), DAY0)).isEmpty();
      for (String h : List.of(H1, H2, H3)) {
        for (LocalDate day : List.of(DAY0.minusDays(1), DAY0, DAY0.plusDays(7), DAY0.plusDays(10), DAY0.plusDays(14))) {
          assertThat(Optional.ofNullable(s.grid().lastVisits(List.of(h), day).get(h)))
              .as("%s on %s", h, day).isEqualTo(s.grid().lastVisit(h, day));
        }
      }
    });
  }

  @Test
  final void theBulkGridLookUpsHandleMoreHouseholdsThanADatabaseTakesInOneList() {
    UnitOfWork store = newStore();
    List<String> households = new ArrayList<>();
    List<GridVisit> visits = new ArrayList<>();
    for (int i = 1; i <= 1_203; i++) {
      String h = householdId(VILLAGE, i);
      households.add(h);
      visits.add(gridVisit(W1, h, DAY0.plusDays(i % 5)));
    }
    writing(store, s -> {
      households.forEach(h -> s.grid().assign(h, W2));
      s.grid().recordVisits(visits);
    });

    reading(store, s -> {
      assertThat(s.grid().workersOf(households)).hasSize(households.size()).containsValue(W2).doesNotContainValue(W1);
      assertThat(s.grid().lastVisits(households, DAY0.plusDays(10)))
          .isEqualTo(visits.stream().collect(Collectors.toMap(GridVisit::householdId, v -> v)));
    });
  }

  @Test
  final void lastVisitLooksOnlyAtTheHouseholdAsked() {
    UnitOfWork store = newStore();
    GridVisit mine = gridVisit(W1, H1, DAY0);
    writing(store, s -> {
      s.grid().recordVisit(mine);
      s.grid().recordVisit(gridVisit(W1, H2, DAY0.plusDays(3)));
    });

    reading(store, s -> {
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(5))).contains(mine);
      assertThat(s.grid().lastVisit(H3, DAY0.plusDays(5))).isEmpty();
    });
  }

  @Test
  final void aVisitIsRecordedWhoeverTheHouseholdIsAssignedTo() {
    UnitOfWork store = newStore();
    writing(store, s -> s.grid().assign(H1, W1));
    GridVisit byAnother = gridVisit(W2, H1, DAY0);
    GridVisit unassigned = gridVisit(W2, H2, DAY0);

    writing(store, s -> {
      s.grid().recordVisit(byAnother);
      s.grid().recordVisit(unassigned);
    });

    reading(store, s -> {
      assertThat(s.grid().lastVisit(H1, DAY0)).contains(byAnother);
      assertThat(s.grid().lastVisit(H2, DAY0)).contains(unassigned);
      assertThat(s.grid().workerOf(H1)).contains(W1);
      assertThat(s.grid().workerOf(H2)).isEmpty();
    });
  }

  // ---------------------------------------------------------------- sessions

  @Test
  final void aWriteSessionSeesItsOwnAssignmentsAndVisits() {
    UnitOfWork store = newStore();
    GridVisit committed = gridVisit(W1, H1, DAY0);
    writing(store, s -> {
      s.grid().assign(H1, W1);
      s.grid().assign(H2, W1);
      s.grid().recordVisit(committed);
    });
    GridVisit later = gridVisit(W2, H1, DAY0.plusDays(7));
    GridVisit earlier = gridVisit(W2, H1, DAY0.minusDays(7));

    writing(store, s -> {
      s.grid().assign(H1, W2);
      s.grid().assign(H3, W1);
      s.grid().recordVisit(later);
      s.grid().recordVisit(earlier);
      assertThat(s.grid().workerOf(H1)).contains(W2);
      assertThat(s.grid().householdsOf(W1)).containsExactly(H2, H3);
      assertThat(s.grid().householdsOf(W2)).containsExactly(H1);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(7))).contains(later);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(6))).contains(committed);
      assertThat(s.grid().lastVisit(H1, DAY0.minusDays(1))).contains(earlier);
    });

    reading(store, s -> {
      assertThat(s.grid().householdsOf(W1)).containsExactly(H2, H3);
      assertThat(s.grid().householdsOf(W2)).containsExactly(H1);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(6))).contains(committed);
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(7))).contains(later);
    });
  }

  @Test
  final void rollsBackEveryAssignmentAndVisitWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    GridVisit committed = gridVisit(W1, H1, DAY0);
    writing(store, s -> {
      s.grid().assign(H1, W1);
      s.grid().recordVisit(committed);
    });

    assertThatThrownBy(() -> writing(store, s -> {
      s.grid().assign(H1, W2);
      s.grid().assign(H2, W2);
      s.grid().recordVisit(gridVisit(W2, H1, DAY0));
      s.grid().recordVisit(gridVisit(W2, H1, DAY0.plusDays(1)));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).contains(W1);
      assertThat(s.grid().workerOf(H2)).isEmpty();
      assertThat(s.grid().householdsOf(W1)).containsExactly(H1);
      assertThat(s.grid().householdsOf(W2)).isEmpty();
      assertThat(s.grid().lastVisit(H1, DAY0.plusDays(30))).contains(committed);
    });
  }

  @Test
  final void aReadSessionRefusesToAssignOrRecordAVisitAndStoresNothing() {
    UnitOfWork store = newStore();
    List<Consumer<StoreSession>> writes = List.of(
        s -> s.grid().assign(H1, W1),
        s -> s.grid().recordVisit(gridVisit(W1, H1, DAY0)));

    for (Consumer<StoreSession> write : writes) {
      assertThatThrownBy(() -> reading(store, write)).isInstanceOf(IllegalStateException.class);
    }

    reading(store, s -> {
      assertThat(s.grid().workerOf(H1)).isEmpty();
      assertThat(s.grid().householdsOf(W1)).isEmpty();
      assertThat(s.grid().lastVisit(H1, DAY0)).isEmpty();
    });
  }

  // ---------------------------------------------------------------- against a model

  @Property(tries = 100)
  final void behavesLikeAMapOfAssignmentsAndALogOfVisitsInsideAndAfterEachUnit(
      @ForAll("gridUnits") List<GridUnit> units) {
    UnitOfWork store = newStore();
    Map<String, String> workers = new HashMap<>();
    List<GridVisit> visits = new ArrayList<>();

    for (GridUnit unit : units) {
      Map<String, String> unitWorkers = new HashMap<>(workers);
      List<GridVisit> unitVisits = new ArrayList<>(visits);
      RuntimeException f = failureOf(() -> writing(store, s -> {
        for (GridOp op : unit.ops()) {
          String h = HOUSEHOLDS.get(op.household());
          String w = gridWorkerId(op.worker());
          if (op.visit()) {
            GridVisit v = new GridVisit(w, h, DAY0.plusDays(op.day()), "visit " + unitVisits.size());
            s.grid().recordVisit(v);
            unitVisits.add(v);
          } else {
            s.grid().assign(h, w);
            unitWorkers.put(h, w);
          }
          checkAgainstModel(s.grid(), unitWorkers, unitVisits);
        }
        if (unit.rollBack()) {
          throw new Work.Boom();
        }
      }));
      if (unit.rollBack()) {
        assertThat(f).isInstanceOf(Work.Boom.class);
      } else {
        assertThat(f).isNull();
        workers.putAll(unitWorkers);
        visits.clear();
        visits.addAll(unitVisits);
      }
      reading(store, s -> checkAgainstModel(s.grid(), workers, visits));
    }
  }

  /**
   * Checks every household's worker and last visits, and every worker's households, against the
   * model: a map of assignments and the visits in the order they were recorded.
   */
  private static void checkAgainstModel(GridRepository grid, Map<String, String> workers, List<GridVisit> visits) {
    for (String h : HOUSEHOLDS) {
      assertThat(grid.workerOf(h)).as("worker of %s", h).isEqualTo(Optional.ofNullable(workers.get(h)));
      for (int day = -1; day <= MAX_DAY + 1; day++) {
        LocalDate onOrBefore = DAY0.plusDays(day);
        Optional<GridVisit> expected = visits.stream()
            .filter(v -> v.householdId().equals(h) && !v.visitedOn().isAfter(onOrBefore))
            .reduce((a, b) -> b.visitedOn().isBefore(a.visitedOn()) ? a : b);
        assertThat(grid.lastVisit(h, onOrBefore)).as("last visit of %s on or before %s", h, onOrBefore)
            .isEqualTo(expected);
      }
    }
    for (int n = 0; n <= MAX_WORKER; n++) {
      String w = gridWorkerId(n);
      assertThat(grid.householdsOf(w)).as("households of %s", w)
          .isEqualTo(workers.entrySet().stream().filter(e -> e.getValue().equals(w)).map(Map.Entry::getKey)
              .sorted().collect(Collectors.toList()));
    }
  }

  /** One write of the grid property: assignments and visits in one unit, committed or rolled back. */
  record GridUnit(List<GridOp> ops, boolean rollBack) {}

  /** An assignment of a household to a worker, or a visit of the worker to the household on a day. */
  record GridOp(boolean visit, int household, int worker, int day) {}

  @Provide
  Arbitrary<List<GridUnit>> gridUnits() {
    Arbitrary<GridOp> op = Combinators.combine(
            Arbitraries.frequency(Tuple.of(4, false), Tuple.of(5, true)),
            Arbitraries.integers().between(0, HOUSEHOLDS.size() - 1),
            Arbitraries.integers().between(0, MAX_WORKER),
            Arbitraries.integers().between(0, MAX_DAY))
        .as(GridOp::new);
    return Combinators.combine(op.list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)))
        .as(GridUnit::new)
        .list().ofMaxSize(25);
  }
}
