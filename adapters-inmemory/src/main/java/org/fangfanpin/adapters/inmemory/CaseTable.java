package org.fangfanpin.adapters.inmemory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * The committed monitoring cases (监测案件): by id, the open case of each household, and case ids by
 * village.
 */
final class CaseTable {

  final Map<String, MonitoringCase> byId = new HashMap<>();
  final Map<String, String> openByHousehold = new HashMap<>();
  final NavigableMap<AreaCode, Set<String>> idsByVillage = new TreeMap<>();
  final Map<String, Set<String>> idsByHousehold = new HashMap<>();

  /**
   * Stores the case, replacing the one with its id, and touches an index only where the case moved
   * in it. The open-case index drops the old version only if it still points at it, so the staged
   * cases of a session may be applied in any order.
   */
  void put(MonitoringCase c) {
    MonitoringCase old = byId.put(c.id(), c);
    if (old == null) {
      idsByVillage.computeIfAbsent(c.area(), v -> new HashSet<>()).add(c.id());
      idsByHousehold.computeIfAbsent(c.householdId(), h -> new HashSet<>(2)).add(c.id());
      if (c.isOpen()) {
        openByHousehold.put(c.householdId(), c.id());
      }
      return;
    }
    if (!old.area().equals(c.area())) {
      Set<String> ids = idsByVillage.get(old.area());
      ids.remove(old.id());
      if (ids.isEmpty()) {
        idsByVillage.remove(old.area());
      }
      idsByVillage.computeIfAbsent(c.area(), v -> new HashSet<>()).add(c.id());
    }
    boolean sameHousehold = old.householdId().equals(c.householdId());
    if (!sameHousehold) {
      Set<String> ids = idsByHousehold.get(old.householdId());
      ids.remove(old.id());
      if (ids.isEmpty()) {
        idsByHousehold.remove(old.householdId());
      }
      idsByHousehold.computeIfAbsent(c.householdId(), h -> new HashSet<>(2)).add(c.id());
    }
    if (old.isOpen() && !(c.isOpen() && sameHousehold)) {
      openByHousehold.remove(old.householdId(), old.id());
    }
    if (c.isOpen() && !(old.isOpen() && sameHousehold)) {
      openByHousehold.put(c.householdId(), c.id());
    }
  }
}
