package org.fangfanpin.spi.store;

/**
 * Thrown by a store when a unit of work failed for a reason that may pass if the whole unit of
 * work runs again (暂时性存储故障): a serialization failure or deadlock reported by the database,
 * a connection lost before the commit. The store has rolled back whatever the unit of work wrote;
 * nothing of it is stored.
 *
 * <p>The core runs such a unit of work again a bounded number of times, with a growing pause, and
 * then reports this exception to its caller.
 */
public final class TransientStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with the store's own failure as its cause. */
  public TransientStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
