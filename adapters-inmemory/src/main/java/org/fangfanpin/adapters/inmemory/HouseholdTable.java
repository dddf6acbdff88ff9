package org.fangfanpin.adapters.inmemory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;

/** The committed household register (农户档案): households by id, and their ids by village. */
final class HouseholdTable {

  final Map<String, Household> byId = new HashMap<>();
  final NavigableMap<AreaCode, Set<String>> idsByVillage = new TreeMap<>();

  void put(Household household) {
    Household old = byId.put(household.id(), household);
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
