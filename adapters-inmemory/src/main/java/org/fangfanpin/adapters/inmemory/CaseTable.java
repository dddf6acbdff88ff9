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
 * The committed monitoring cases (监测案件): by id, the open case of each household, and case ids by
 * village and by household.
 *
 * <p>A county keeps hundreds of thousands of cases, nearly every household with one, so the
 * indexes hold as few objects per case as they can: a village's ids in one growing list (a case
 * almost never moves village), a household's ids in a small immutable list replaced on change.
 */
final class CaseTable {

  final Map<String, MonitoringCase> byId = new HashMap<>();
  final Map<String, String> openByHousehold = new HashMap<>();
  final NavigableMap<AreaCode, List<String>> idsByVillage = new TreeMap<>();
  final Map<String, List<String>> idsByHousehold = new HashMap<>();

  /**
   * Stores the case, replacing the one with its id, and touches an index only where the case moved
   * in it. The open-case index drops the old version only if it still points at it, so the staged
   * cases of a session may be applied in any order.
   */
  void put(MonitoringCase c) {
    MonitoringCase old = byId.put(c.id(), c);
    if (old == null) {
      idsByVillage.computeIfAbsent(c.area(), v -> new ArrayList<>()).add(c.id());
      addToHousehold(c.householdId(), c.id());
      if (c.isOpen()) {
        openByHousehold.put(c.householdId(), c.id());
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
      removeFromHousehold(old.householdId(), old.id());
      addToHousehold(c.householdId(), c.id());
    }
    if (old.isOpen() && !(c.isOpen() && sameHousehold)) {
      openByHousehold.remove(old.householdId(), old.id());
    }
    if (c.isOpen() && !(old.isOpen() && sameHousehold)) {
      openByHousehold.put(c.householdId(), c.id());
    }
  }

  private void addToHousehold(String householdId, String caseId) {
    List<String> ids = idsByHousehold.get(householdId);
    if (ids == null) {
      idsByHousehold.put(householdId, List.of(caseId));
      return;
    }
    List<String> more = new ArrayList<>(ids.size() + 1);
    more.addAll(ids);
    more.add(caseId);
    idsByHousehold.put(householdId, List.copyOf(more));
  }

  private void removeFromHousehold(String householdId, String caseId) {
    List<String> ids = idsByHousehold.get(householdId);
    List<String> fewer = new ArrayList<>(ids);
    fewer.remove(caseId);
    if (fewer.isEmpty()) {
      idsByHousehold.remove(householdId);
    } else {
      idsByHousehold.put(householdId, List.copyOf(fewer));
    }
  }
}
