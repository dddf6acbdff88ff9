package org.fangfanpin.adapters.inmemory;

import java.util.HashMap;
import java.util.Map;

/** The committed state of an {@link InMemoryStore}: one table per repository, guarded by its lock. */
final class Tables {

  /** Shared by the register and the cases: see {@link HouseholdSlot}. */
  private final Map<String, HouseholdSlot> slots = new HashMap<>();

  final HouseholdTable households = new HouseholdTable(slots);
  final SignalTable signals = new SignalTable();
  final CaseTable cases = new CaseTable(slots);
  final AuditTable audit = new AuditTable();
  final OutboxTable outbox = new OutboxTable();
  final LedgerTable ledger = new LedgerTable();
  final AidApplicationTable aidApplications = new AidApplicationTable();
  final GridTable grid = new GridTable();
}
