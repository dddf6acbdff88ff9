package org.fangfanpin.spi.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;

/** The household register (农户档案): the latest facts of every household. */
public interface HouseholdRepository {

  /** Stores the household, replacing the entry with the same id. */
  void put(Household household);

  /**
   * Stores every household, as {@link #put} would one by one (a later entry with the same id wins).
   * The default calls {@link #put}; a database adapter should override it to write in batches,
   * the register import's bulk path.
   */
  default void putAll(Collection<Household> households) {
    households.forEach(this::put);
  }

  /** The household with the id. */
  Optional<Household> find(String householdId);

  /**
   * The registered households among the ids, by id (批量查询): an id not registered has no entry,
   * an id given twice one. In a write session it locks them as {@link #find} does. The default
   * calls {@link #find} for each id; a database adapter should override it to read them in one
   * query, as intake and the fund's batch payment do for a unit of work's households.
   */
  default Map<String, Household> findAll(Collection<String> householdIds) {
    Map<String, Household> found = new HashMap<>();
    for (String id : householdIds) {
      if (!found.containsKey(id)) {
        find(id).ifPresent(h -> found.put(id, h));
      }
    }
    return found;
  }

  /**
   * Every household whose village lies in {@code area}, ordered by id. The stream is valid only
   * inside the session and must be closed; adapters may read it lazily.
   */
  Stream<Household> inArea(AreaCode area);
}
