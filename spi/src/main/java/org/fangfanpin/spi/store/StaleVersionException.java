package org.fangfanpin.spi.store;

/**
 * Thrown when a change was made from a version that is no longer the stored one (版本冲突): another
 * unit of work changed it first. The unit of work rolls back; the caller may retry from fresh.
 */
public final class StaleVersionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StaleVersionException(String message) {
    super(message);
  }
}
