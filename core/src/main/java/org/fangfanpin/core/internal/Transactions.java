package org.fangfanpin.core.internal;

import java.util.function.Function;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;

/**
 * Runs a use case's unit of work, retrying it whole when another unit of work changed what it
 * read (a stale version): the work is a function of what it reads, so running it again on fresh
 * state is safe. Not API.
 */
public final class Transactions {

  /** How many times a unit of work runs before the conflict is reported. */
  public static final int MAX_ATTEMPTS = 5;

  private Transactions() {}

  /** Runs {@code work} in a write session, retrying on a stale version. */
  public static <T> T write(UnitOfWork store, Function<StoreSession, T> work) {
    StaleVersionException last = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return store.write(work);
      } catch (StaleVersionException e) {
        last = e;
      }
    }
    throw last;
  }
}
