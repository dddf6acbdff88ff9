package org.fangfanpin.spi.store;

/**
 * Thrown by a repository asked to insert what its key already holds (键重复). Core code checks
 * first, so this means a race or a bug; the unit of work rolls back.
 */
public final class DuplicateKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message names the kind of key, never personal data. */
  public DuplicateKeyException(String message) {
    super(message);
  }
}
