package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * The committed monitoring cases (监测案件): by id, case ids by village, and per household (in the
 * slots it shares with the {@link HouseholdTable}) the open case and the ids of all its cases.
 *
 * <p>A county keeps hundreds of thousands of cases, nearly every household with one, so the
 * indexes hold as few objects per case as they can: a village's ids in one growing list (a case
 * almost never moves village), a household's ids in a small immutable list replaced on change.
 */
final class CaseTable {

  final Map<String, MonitoringCase> byId;
  final NavigableMap<AreaCode, List<String>> idsByVillage = new TreeMap<>();
  private final Map<String, HouseholdSlot> slots;

  /** {@link #put}, made once: a session commits through it, and most sessions hold one case. */
  final java.util.function.Consumer<MonitoringCase> putter = this::put;

  CaseTable(Map<String, HouseholdSlot> slots, int initialCapacity) {
    this.slots = slots;
    this.byId = new HashMap<>(initialCapacity);
  }

  /** The household's committed open case, or {@code null}. */
  MonitoringCase openOf(String householdId) {
    HouseholdSlot slot = slots.get(householdId);
    return slot == null ? null : slot.openCase;
  }

  /** The ids of the household's committed cases; empty when it has none. */
  List<String> idsOf(String householdId) {
    HouseholdSlot slot = slots.get(householdId);
    return slot == null ? List.of() : slot.caseIds();
  }

  /**
   * Stores the case, replacing the one with its id, and touches an index only where the case moved
   * in it. A household's open case is cleared only if it is still the old version's, so the staged
   * cases of a session may be applied in any order.
   */
  void put(MonitoringCase c) {
    MonitoringCase old = byId.put(c.id(), c);
    if (old == null) {
      idsByVillage.computeIfAbsent(c.area(), v -> new ArrayList<>()).add(c.id());
      HouseholdSlot slot = slotOf(c.householdId());
      slot.addCase(c.id());
      if (c.isOpen()) {
        slot.openCase = c;
      }
      return;
    }
    if (!old.area().equals(c.area())) {
      List<String> ids = idsByVillage.get(old.area());
      ids.remove(old.id());
      if (ids.isEmpty()) {
        idsByVillage.remove(old.area());
      }
      idsByVillage.computeIfAbsent(c.area(), v -> new ArrayList<>()).add(c.id());
    }
    boolean sameHousehold = old.householdId().equals(c.householdId());
    if (!sameHousehold) {
      slots.get(old.householdId()).removeCase(old.id());
      slotOf(c.householdId()).addCase(c.id());
    }
    HouseholdSlot oldSlot = slots.get(old.householdId());
    if (old.isOpen() && c.isOpen() && sameHousehold) {
      // Still the household's open case: the slot holds the new version.
      if (oldSlot.openCase != null && oldSlot.openCase.id().equals(c.id())) {
        oldSlot.openCase = c;
      }
      return;
    }
    if (old.isOpen() && oldSlot.openCase != null && oldSlot.openCase.id().equals(old.id())) {
      oldSlot.openCase = null;
    }
    if (c.isOpen()) {
      slotOf(c.householdId()).openCase = c;
    }
  }

  private HouseholdSlot slotOf(String householdId) {
    return slots.computeIfAbsent(householdId, id -> new HouseholdSlot());
  }
}
