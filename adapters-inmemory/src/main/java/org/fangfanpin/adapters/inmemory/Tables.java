package org.fangfanpin.adapters.inmemory;

/** The committed state of an {@link InMemoryStore}: one table per repository, guarded by its lock. */
final class Tables {

  final HouseholdTable households = new HouseholdTable();
  final SignalTable signals = new SignalTable();
  final CaseTable cases = new CaseTable();
  final AuditTable audit = new AuditTable();
  final OutboxTable outbox = new OutboxTable();
  final LedgerTable ledger = new LedgerTable();
  final AidApplicationTable aidApplications = new AidApplicationTable();
  final GridTable grid = new GridTable();
}
