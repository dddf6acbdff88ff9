package org.fangfanpin.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.TransientStoreException;
import org.fangfanpin.spi.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a use case's unit of work, retrying it whole when another unit of work changed what it
 * read (a stale version) or the store reported a failure that may pass (a serialization failure,
 * a deadlock, a lost connection): the work is a function of what it reads, so running it again on
 * fresh state is safe. Not API.
 */
public final class Transactions {

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  /** How many times a unit of work runs before the conflict is reported. */
  public static final int MAX_ATTEMPTS = 5;

  /** The pause before the second attempt after a transient failure; it doubles each time. */
  private static final long FIRST_PAUSE_NANOS = 2_000_000L;

  private Transactions() {}

  /** Runs {@code work} in a write session, retrying on a stale version or a transient failure. */
  public static <T> T write(UnitOfWork store, Function<StoreSession, T> work) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return store.write(work);
      } catch (StaleVersionException e) {
        // Another unit of work won: the fresh state is already there, so retry at once.
        last = e;
      } catch (TransientStoreException e) {
        last = e;
        if (attempt < MAX_ATTEMPTS) {
          LOG.debug("unit of work failed transiently (attempt {} of {}), retrying", attempt, MAX_ATTEMPTS, e);
          pause(attempt);
        }
      }
    }
    LOG.warn("unit of work failed after {} attempts: {}", MAX_ATTEMPTS, last.getMessage());
    throw last;
  }

  /**
   * Runs {@code work} over the items {@code perUnit} to a write session, in order, and returns
   * every result in order. Each unit's work returns its own results, so a retried unit counts
   * nothing twice; a unit that fails stores none of its items.
   */
  public static <I, R> List<R> writeInUnits(UnitOfWork store, List<I> items, int perUnit,
      BiFunction<StoreSession, List<I>, List<R>> work) {
    List<R> results = new ArrayList<>(items.size());
    for (int from = 0; from < items.size(); from += perUnit) {
      List<I> unit = items.subList(from, Math.min(items.size(), from + perUnit));
      results.addAll(write(store, s -> work.apply(s, unit)));
    }
    return results;
  }

  /** Exponential backoff with jitter, so racing units of work do not collide again in step. */
  private static void pause(int attempt) {
    long ceiling = FIRST_PAUSE_NANOS << (attempt - 1);
    LockSupport.parkNanos(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
  }
}
