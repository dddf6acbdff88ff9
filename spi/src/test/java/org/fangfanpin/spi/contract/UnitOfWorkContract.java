package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.T0;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.auditChain;
import static org.fangfanpin.spi.contract.StoreFixtures.auditRecordAfter;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.event;
import static org.fangfanpin.spi.contract.StoreFixtures.firstAuditRecord;
import static org.fangfanpin.spi.contract.StoreFixtures.household;
import static org.fangfanpin.spi.contract.StoreFixtures.moved;
import static org.fangfanpin.spi.contract.StoreFixtures.openCase;
import static org.fangfanpin.spi.contract.StoreFixtures.storedSignal;
import static org.fangfanpin.spi.contract.Work.failureOf;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UnitOfWork} (工作单元契约): a write session commits everything or nothing,
 * sees its own writes and runs as if alone; a read session sees one committed state and refuses to
 * write. Extend it with a factory for a fresh, empty store; every adapter passes the same tests.
 */
public abstract class UnitOfWorkContract {

  private static final int THREADS = 8;

  /** A fresh, empty store; called once per test, or more where a test needs several. */
  protected abstract UnitOfWork newStore();

  /**
   * How many units each of the eight threads runs in the concurrency tests. Lower it for an
   * adapter whose transactions are slow; keep it high enough that the threads overlap.
   */
  protected int unitsPerThread() {
    return 250;
  }

  // ---------------------------------------------------------------- results and commits

  @Test
  final void writeReturnsWhatTheWorkReturns() {
    UnitOfWork store = newStore();

    assertThat(store.<String>write(s -> "written")).isEqualTo("written");
  }

  @Test
  final void readReturnsWhatTheWorkReturns() {
    UnitOfWork store = newStore();

    assertThat(store.<Boolean>read(s -> s.households().find("nobody").isPresent())).isFalse();
  }

  @Test
  final void commitsEveryWriteOfAUnitTogether() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    StoredSignal signal = storedSignal(Channel.GRID_SCREENING, "grid-1", h.id(), VILLAGE, "case-1", T0);
    MonitoringCase c = openCase("case-1", h);

    writing(store, s -> {
      s.households().put(h);
      s.signals().add(signal);
      s.cases().insert(c);
      s.audit().append(firstAuditRecord(COUNTY));
      s.outbox().add(event("event-1"));
    });

    reading(store, s -> {
      assertThat(s.households().find(h.id())).contains(h);
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).contains(signal);
      assertThat(s.cases().find("case-1")).contains(c);
      assertThat(s.audit().last(COUNTY)).contains(firstAuditRecord(COUNTY));
      assertThat(s.outbox().find("event-1")).contains(event("event-1"));
    });
  }

  // ---------------------------------------------------------------- rollback

  @Test
  final void rollsBackEveryWriteOfAUnitWhenTheWorkThrowsAndRethrowsTheFailure() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    Work.Boom boom = new Work.Boom();

    RuntimeException thrown = failureOf(() -> writing(store, s -> {
      s.households().put(h);
      s.signals().add(storedSignal(Channel.GRID_SCREENING, "grid-1", h.id(), VILLAGE, "case-1", T0));
      s.cases().insert(openCase("case-1", h));
      s.audit().append(firstAuditRecord(COUNTY));
      s.outbox().add(event("event-1"));
      throw boom;
    }));

    assertThat(thrown).isSameAs(boom);
    assertNothingStored(store, h);
  }

  @Test
  final void rollsBackChangesToCommittedStateWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    MonitoringCase c = openCase("case-1", h);
    writing(store, s -> {
      s.households().put(h);
      s.cases().insert(c);
      s.audit().append(firstAuditRecord(COUNTY));
      s.outbox().add(event("event-1"));
    });

    assertThatThrownBy(() -> writing(store, s -> {
      s.households().put(h.withIncomeLast12Months(Money.ZERO));
      s.cases().update(moved(c, CaseState.DISMISSED));
      s.audit().append(auditRecordAfter(firstAuditRecord(COUNTY)));
      s.outbox().markDelivered("event-1", T0);
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.households().find(h.id())).contains(h);
      assertThat(s.cases().find("case-1")).contains(c);
      assertThat(s.cases().openOf(h.id())).contains(c);
      assertThat(drain(s.audit().chain(COUNTY))).containsExactly(firstAuditRecord(COUNTY));
      assertThat(s.outbox().pending(10)).containsExactly(event("event-1"));
    });
  }

  @Test
  final void aDuplicateKeyRollsBackTheWholeUnit() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    writing(store, s -> s.cases().insert(openCase("case-1", h)));

    assertThatThrownBy(() -> writing(store, s -> {
      s.households().put(h);
      s.outbox().add(event("event-2"));
      s.cases().insert(openCase("case-2", h));
    })).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.households().find(h.id())).isEmpty();
      assertThat(s.outbox().find("event-2")).isEmpty();
      assertThat(s.cases().find("case-2")).isEmpty();
    });
  }

  @Test
  final void aStaleVersionRollsBackTheWholeUnitAndARetryFromFreshSucceeds() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    MonitoringCase c = openCase("case-1", h);
    writing(store, s -> s.cases().insert(c));
    MonitoringCase readEarlier = store.read(s -> s.cases().find("case-1").orElseThrow());
    writing(store, s -> s.cases().update(moved(readEarlier, CaseState.AWAITING_APPRAISAL)));

    assertThatThrownBy(() -> writing(store, s -> {
      s.households().put(h);
      s.cases().update(moved(readEarlier, CaseState.DISMISSED));
    })).isInstanceOf(StaleVersionException.class);
    assertThat(store.<Optional<Household>>read(s -> s.households().find(h.id()))).isEmpty();

    writing(store, s -> {
      s.households().put(h);
      s.cases().update(moved(s.cases().find("case-1").orElseThrow(), CaseState.DISMISSED));
    });
    reading(store, s -> {
      assertThat(s.households().find(h.id())).contains(h);
      assertThat(s.cases().find("case-1").map(MonitoringCase::version)).contains(3L);
    });
  }

  // ---------------------------------------------------------------- own writes

  @Test
  final void aWriteSessionSeesItsOwnWritesInEveryRepository() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    StoredSignal signal = storedSignal(Channel.GRID_SCREENING, "grid-1", h.id(), VILLAGE, "case-1", T0);
    MonitoringCase c = openCase("case-1", h);

    writing(store, s -> {
      s.households().put(h);
      s.signals().add(signal);
      s.cases().insert(c);
      s.audit().append(firstAuditRecord(COUNTY));
      s.outbox().add(event("event-1"));

      assertThat(s.households().find(h.id())).contains(h);
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).contains(signal);
      assertThat(s.cases().openOf(h.id())).contains(c);
      assertThat(s.audit().last(COUNTY)).contains(firstAuditRecord(COUNTY));
      assertThat(s.outbox().pending(10)).containsExactly(event("event-1"));
    });
  }

  // ---------------------------------------------------------------- read sessions

  @Test
  final void aReadSessionRefusesEveryWriteAndStoresNothing() {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    MonitoringCase c = openCase("case-1", h);
    writing(store, s -> {
      s.cases().insert(c);
      s.outbox().add(event("event-1"));
    });
    List<Consumer<StoreSession>> writes = List.of(
        s -> s.households().put(h),
        s -> s.signals().add(storedSignal(Channel.GRID_SCREENING, "grid-1", h.id(), VILLAGE, "case-1", T0)),
        s -> s.cases().insert(openCase("case-2", household(VILLAGE, 2))),
        s -> s.cases().update(moved(c, CaseState.DISMISSED)),
        s -> s.audit().append(firstAuditRecord(COUNTY)),
        s -> s.outbox().add(event("event-2")),
        s -> s.outbox().markDelivered("event-1", T0));

    for (Consumer<StoreSession> write : writes) {
      assertThatThrownBy(() -> reading(store, write)).isInstanceOf(IllegalStateException.class);
    }

    reading(store, s -> {
      assertThat(s.households().find(h.id())).isEmpty();
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).isEmpty();
      assertThat(s.cases().find("case-2")).isEmpty();
      assertThat(s.cases().find("case-1")).contains(c);
      assertThat(s.audit().last(COUNTY)).isEmpty();
      assertThat(s.outbox().find("event-2")).isEmpty();
      assertThat(s.outbox().pending(10)).containsExactly(event("event-1"));
    });
  }

  @Test
  final void aReadSessionNeverSeesTheWritesOfAUnitThatRolledBack() throws InterruptedException {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    CountDownLatch staged = new CountDownLatch(1);
    CountDownLatch readerDone = new CountDownLatch(1);

    List<Boolean> seen = Work.race(2, i -> i == 0
        ? () -> {
          failureOf(() -> writing(store, s -> {
            s.households().put(h);
            staged.countDown();
            awaitQuietly(readerDone, 200);
            throw new Work.Boom();
          }));
          return false;
        }
        : () -> {
          staged.await(Work.RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          boolean present = store.read(s -> s.households().find(h.id()).isPresent());
          readerDone.countDown();
          return present;
        });

    assertThat(seen.get(1)).as("the reader saw an uncommitted household").isFalse();
  }

  @Test
  final void aReadSessionSeesOneCommittedStateWhileUnitsCommit() throws InterruptedException {
    UnitOfWork store = newStore();
    Household first = household(VILLAGE, 1);
    Household second = household(VILLAGE, 2);
    writing(store, s -> {
      s.households().put(first);
      s.households().put(second);
    });
    int writers = 2;
    AtomicInteger writersLeft = new AtomicInteger(writers);

    List<Integer> inconsistentReads = Work.race(THREADS, i -> i < writers
        ? () -> {
          for (int n = 0; n < unitsPerThread(); n++) {
            writing(store, s -> {
              s.households().put(plusOneFen(s.households().find(first.id()).orElseThrow()));
              s.households().put(plusOneFen(s.households().find(second.id()).orElseThrow()));
            });
          }
          writersLeft.decrementAndGet();
          return 0;
        }
        : () -> {
          int inconsistent = 0;
          do {
            inconsistent += store.read(s -> {
              List<Household> both = drain(s.households().inArea(VILLAGE));
              Money a = s.households().find(first.id()).orElseThrow().incomeLast12Months();
              Money b = s.households().find(second.id()).orElseThrow().incomeLast12Months();
              boolean sameInStream = both.get(0).incomeLast12Months().equals(both.get(1).incomeLast12Months());
              return a.equals(b) && sameInStream && both.get(0).incomeLast12Months().equals(a) ? 0 : 1;
            });
          } while (writersLeft.get() > 0);
          return inconsistent;
        });

    assertThat(inconsistentReads).allSatisfy(n -> assertThat(n).isZero());
    Money expected = second.incomeLast12Months().plus(Money.ofFen((long) writers * unitsPerThread()));
    reading(store, s -> assertThat(s.households().find(second.id()).orElseThrow().incomeLast12Months())
        .isEqualTo(expected));
  }

  // ---------------------------------------------------------------- isolation of write sessions

  @Test
  final void eightThreadsIncrementingOneHouseholdLoseNoUpdate() throws InterruptedException {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);
    writing(store, s -> s.households().put(h));

    Work.race(THREADS, i -> () -> {
      for (int n = 0; n < unitsPerThread(); n++) {
        writing(store, s -> s.households().put(plusOneFen(s.households().find(h.id()).orElseThrow())));
      }
      return null;
    });

    Money expected = h.incomeLast12Months().plus(Money.ofFen((long) THREADS * unitsPerThread()));
    assertThat(store.<Money>read(s -> s.households().find(h.id()).orElseThrow().incomeLast12Months()))
        .isEqualTo(expected);
  }

  @Test
  final void eightThreadsMovingOneCaseNeverMeetAStaleVersion() throws InterruptedException {
    UnitOfWork store = newStore();
    MonitoringCase c = openCase("case-1", household(VILLAGE, 1));
    writing(store, s -> s.cases().insert(c));
    int units = Math.max(1, unitsPerThread() / 2);

    Work.race(THREADS, i -> () -> {
      for (int n = 0; n < units; n++) {
        writing(store, s -> {
          MonitoringCase now = s.cases().find("case-1").orElseThrow();
          CaseState next = now.state() == CaseState.AWAITING_VISIT ? CaseState.AWAITING_APPRAISAL
              : CaseState.AWAITING_VISIT;
          s.cases().update(moved(now, next));
        });
      }
      return null;
    });

    assertThat(store.<Long>read(s -> s.cases().find("case-1").orElseThrow().version()))
        .isEqualTo(1L + (long) THREADS * units);
  }

  @Test
  final void eightThreadsAppendingToOneCountyBuildOneUnbrokenChain() throws InterruptedException {
    UnitOfWork store = newStore();
    int units = Math.max(1, unitsPerThread() / 2);

    Work.race(THREADS, i -> () -> {
      for (int n = 0; n < units; n++) {
        writing(store, s -> s.audit().append(s.audit().last(COUNTY)
            .map(StoreFixtures::auditRecordAfter)
            .orElseGet(() -> firstAuditRecord(COUNTY))));
      }
      return null;
    });

    List<AuditRecord> chain = store.read(s -> drain(s.audit().chain(COUNTY)));
    assertThat(chain).isEqualTo(auditChain(COUNTY, THREADS * units));
  }

  @Test
  final void exactlyOneOfEightRacingInsertsOfAnOpenCaseForAHouseholdSucceeds() throws InterruptedException {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);

    List<RuntimeException> failures = Work.race(THREADS, i -> () ->
        failureOf(() -> writing(store, s -> s.cases().insert(openCase("case-" + i, h)))));

    assertThat(failures).filteredOn(f -> f == null).hasSize(1);
    assertThat(failures).filteredOn(f -> f != null)
        .hasSize(THREADS - 1)
        .allSatisfy(f -> assertThat(f).isInstanceOf(DuplicateKeyException.class));
    String winner = "case-" + failures.indexOf(null);
    reading(store, s -> {
      assertThat(s.cases().openOf(h.id()).map(MonitoringCase::id)).contains(winner);
      assertThat(drain(s.cases().inArea(VILLAGE))).extracting(MonitoringCase::id).containsExactly(winner);
    });
  }

  @Test
  final void eightUnitsThatLookBeforeTheyOpenACaseOpenExactlyOne() throws InterruptedException {
    UnitOfWork store = newStore();
    Household h = household(VILLAGE, 1);

    List<RuntimeException> failures = Work.race(THREADS, i -> () -> failureOf(() -> writing(store, s -> {
      if (s.cases().openOf(h.id()).isEmpty()) {
        s.cases().insert(openCase("case-" + i, h));
        s.outbox().add(event("opened-" + i));
      }
    })));

    assertThat(failures).allSatisfy(f -> {
      if (f != null) {
        assertThat(f).isInstanceOf(DuplicateKeyException.class);
      }
    });
    reading(store, s -> {
      List<MonitoringCase> cases = drain(s.cases().inArea(VILLAGE));
      assertThat(cases).hasSize(1);
      assertThat(s.outbox().pending(THREADS)).extracting(e -> e.id())
          .containsExactly("opened-" + cases.get(0).id().substring("case-".length()));
    });
  }

  // ---------------------------------------------------------------- helpers

  private static Household plusOneFen(Household h) {
    return h.withIncomeLast12Months(h.incomeLast12Months().plus(Money.ofFen(1)));
  }

  private static void awaitQuietly(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void assertNothingStored(UnitOfWork store, Household h) {
    reading(store, s -> {
      assertThat(s.households().find(h.id())).isEmpty();
      assertThat(drain(s.households().inArea(COUNTY))).isEmpty();
      assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).isEmpty();
      assertThat(drain(s.signals().receivedIn(COUNTY, StoreFixtures.DAY0.minusDays(1),
          StoreFixtures.DAY0.plusDays(1)))).isEmpty();
      assertThat(s.cases().find("case-1")).isEmpty();
      assertThat(s.cases().openOf(h.id())).isEmpty();
      assertThat(drain(s.cases().inArea(COUNTY))).isEmpty();
      assertThat(s.audit().last(COUNTY)).isEmpty();
      assertThat(drain(s.audit().chain(COUNTY))).isEmpty();
      assertThat(s.outbox().find("event-1")).isEmpty();
      assertThat(s.outbox().pending(10)).isEmpty();
    });
  }
}
