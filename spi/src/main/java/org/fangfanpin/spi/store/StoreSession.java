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
}
