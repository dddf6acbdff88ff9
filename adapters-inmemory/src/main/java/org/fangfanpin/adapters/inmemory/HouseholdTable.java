package org.fangfanpin.adapters.inmemory;

import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;

/**
 * The committed household register (农户档案): households by id (in the slots it shares with the
 * {@link CaseTable}), and their ids by village.
 */
final class HouseholdTable {

  private final Map<String, HouseholdSlot> slots;
  final NavigableMap<AreaCode, Set<String>> idsByVillage = new TreeMap<>();

  HouseholdTable(Map<String, HouseholdSlot> slots) {
    this.slots = slots;
  }

  /** The stored household, or {@code null}. */
  Household find(String householdId) {
    HouseholdSlot slot = slots.get(householdId);
    return slot == null ? null : slot.household;
  }

  void put(Household household) {
    HouseholdSlot slot = slots.computeIfAbsent(household.id(), id -> new HouseholdSlot());
    Household old = slot.household;
    slot.household = household;
    if (old != null && !old.area().equals(household.area())) {
      Set<String> ids = idsByVillage.get(old.area());
      ids.remove(old.id());
      if (ids.isEmpty()) {
        idsByVillage.remove(old.area());
      }
    }
    idsByVillage.computeIfAbsent(household.area(), v -> new HashSet<>()).add(household.id());
  }
}
