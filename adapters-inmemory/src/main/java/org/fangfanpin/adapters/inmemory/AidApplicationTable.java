package org.fangfanpin.adapters.inmemory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.model.AreaCode;

/**
 * The committed aid applications (救助申请): by id, their ids by household and fund year in order
 * of id, and their ids by fund year and village.
 */
final class AidApplicationTable {

  /** A household's fund year: the key of {@link #idsByHousehold}. */
  record HouseholdYear(String householdId, int fundYear) {

    static HouseholdYear of(AidApplication a) {
      return new HouseholdYear(a.householdId(), a.fundYear());
    }
  }

  final Map<String, AidApplication> byId = new HashMap<>();
  final Map<HouseholdYear, NavigableSet<String>> idsByHousehold = new HashMap<>();
  final Map<Integer, NavigableMap<AreaCode, Set<String>>> idsByYearAndVillage = new HashMap<>();

  /**
   * Stores the application, replacing the one with its id, and moves it in an index only where
   * its household, village or fund year changed.
   */
  void put(AidApplication a) {
    AidApplication old = byId.put(a.id(), a);
    if (old == null || !HouseholdYear.of(old).equals(HouseholdYear.of(a))) {
      if (old != null) {
        removeFrom(idsByHousehold, HouseholdYear.of(old), old.id());
      }
      idsByHousehold.computeIfAbsent(HouseholdYear.of(a), k -> new TreeSet<>()).add(a.id());
    }
    if (old == null || old.fundYear() != a.fundYear() || !old.area().equals(a.area())) {
      if (old != null) {
        NavigableMap<AreaCode, Set<String>> villages = idsByYearAndVillage.get(old.fundYear());
        removeFrom(villages, old.area(), old.id());
        if (villages.isEmpty()) {
          idsByYearAndVillage.remove(old.fundYear());
        }
      }
      idsByYearAndVillage.computeIfAbsent(a.fundYear(), y -> new TreeMap<>())
          .computeIfAbsent(a.area(), v -> new HashSet<>()).add(a.id());
    }
  }

  private static <K> void removeFrom(Map<K, ? extends Set<String>> index, K key, String id) {
    Set<String> ids = index.get(key);
    ids.remove(id);
    if (ids.isEmpty()) {
      index.remove(key);
    }
  }
}
