package org.fangfanpin.adapters.inmemory;

import java.util.HashMap;
import java.util.Map;

/** The committed state of an {@link InMemoryStore}: one table per repository, guarded by its lock. */
final class Tables {

  /** Shared by the register and the cases: see {@link HouseholdSlot}. */
  private final Map<String, HouseholdSlot> slots;

  final HouseholdTable households;
  final SignalTable signals;
  final CaseTable cases;
  final AuditTable audit = new AuditTable();
  final OutboxTable outbox;
  final LedgerTable ledger = new LedgerTable();
  final AidApplicationTable aidApplications = new AidApplicationTable();
  final GridTable grid = new GridTable();

  /**
   * Tables whose county-sized maps are made for the expected numbers of households (a case each)
   * and signals (an event each), so they do not grow by rehashing every entry again and again.
   */
  Tables(int expectedHouseholds, int expectedSignals) {
    slots = new HashMap<>(capacity(expectedHouseholds));
    households = new HouseholdTable(slots);
    cases = new CaseTable(slots, capacity(expectedHouseholds));
    // A county's signals come mostly through one or two channels: each channel's map is made for
    // half of them.
    signals = new SignalTable(capacity(expectedSignals / 2));
    outbox = new OutboxTable(capacity(expectedSignals));
  }

  /** The initial capacity of a hash map that holds {@code entries} without growing. */
  static int capacity(int entries) {
    // No smaller than a hash map starts by default, so a store without hints is made as before.
    return (int) Math.max(16, Math.min(1 << 30, entries / 0.75 + 1));
  }
}
