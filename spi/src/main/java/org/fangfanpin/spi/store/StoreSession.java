package org.fangfanpin.spi.store;

/**
 * One open unit of work (会话): the repositories, all seeing the same state. Valid only inside the
 * function passed to {@link UnitOfWork}.
 */
public interface StoreSession {

  /** The household register. */
  HouseholdRepository households();

  /** The signals received. */
  SignalRepository signals();

  /** The monitoring cases. */
  CaseRepository cases();

  /** The audit trail. */
  AuditRepository audit();

  /** The outbox of events not yet delivered. */
  OutboxRepository outbox();

  /**
   * The fund ledger. A store that does not keep the fund throws
   * {@link UnsupportedOperationException}; the fund's use cases then cannot run on it.
   */
  default LedgerRepository ledger() {
    throw new UnsupportedOperationException("this store does not keep the fund ledger / 该存储未实现资金台账");
  }

  /** Aid applications; unsupported like {@link #ledger()} when the store does not keep the fund. */
  default AidApplicationRepository aidApplications() {
    throw new UnsupportedOperationException("this store does not keep aid applications / 该存储未实现救助申请");
  }

  /** Grid assignments and visits; unsupported when the store does not keep them. */
  default GridRepository grid() {
    throw new UnsupportedOperationException("this store does not keep the grid / 该存储未实现网格数据");
  }
}
