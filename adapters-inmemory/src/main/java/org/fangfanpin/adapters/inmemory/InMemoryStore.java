package org.fangfanpin.adapters.inmemory;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit of work over plain maps in memory (内存存储): the embedded store for examples, tests and
 * simulations. Nothing survives the process.
 *
 * <p>Thread-safe. Write sessions run one at a time under the write lock of one fair
 * {@link ReentrantReadWriteLock}; each stages its writes in small maps of its own, so it sees them
 * at once, and applies them to the committed tables only when its work returns normally. Work that
 * throws leaves the committed state exactly as it was. Read sessions share the read lock and see
 * the committed state; any write through them throws {@link IllegalStateException}.
 *
 * <p>It keeps every repository of {@link StoreSession}, the fund ledger (资金台账), aid applications
 * and the grid included. The ledger keeps a running balance per account, so reading a balance or
 * posting a transfer costs the same however many transfers are stored.
 *
 * <p>Sessions do not nest: opening a session on a thread that already runs one of this store
 * throws {@link IllegalStateException} (a write inside a read would otherwise wait for itself
 * forever). A session and the repositories it hands out may be used only by the thread running the
 * work, and only until the work returns.
 */
public final class InMemoryStore implements UnitOfWork {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryStore.class);

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final Tables tables;

  /** Creates an empty store. */
  public InMemoryStore() {
    this(0, 0);
  }

  /**
   * Creates an empty store whose tables are made up front for about {@code expectedHouseholds}
   * households (and a case each) and {@code expectedSignals} signals (and an audit record and an
   * event each). A hint, not a limit: the tables grow beyond it as they would from empty. It
   * saves rehashing every stored entry each time a county-sized table doubles, e.g. when a host
   * loads a county's register and its signals into a fresh store.
   *
   * @throws IllegalArgumentException when a number is negative
   */
  public InMemoryStore(int expectedHouseholds, int expectedSignals) {
    if (expectedHouseholds < 0 || expectedSignals < 0) {
      throw new IllegalArgumentException("the expected numbers of households and signals must not be negative");
    }
    this.tables = new Tables(expectedHouseholds, expectedSignals);
  }

  @Override
  public <T> T write(Function<StoreSession, T> work) {
    Objects.requireNonNull(work, "work");
    refuseNesting();
    lock.writeLock().lock();
    try {
      Session session = new Session(tables, true);
      T result;
      try {
        result = work.apply(session);
      } catch (Throwable failure) {
        LOG.debug("write session rolled back after {}", failure.getClass().getName());
        throw failure;
      } finally {
        session.close();
      }
      session.commit();
      return result;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public <T> T read(Function<StoreSession, T> work) {
    Objects.requireNonNull(work, "work");
    refuseNesting();
    lock.readLock().lock();
    try {
      Session session = new Session(tables, false);
      try {
        return work.apply(session);
      } finally {
        session.close();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private void refuseNesting() {
    if (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0) {
      throw new IllegalStateException("sessions of an in-memory store do not nest: this thread already runs one");
    }
  }
}
