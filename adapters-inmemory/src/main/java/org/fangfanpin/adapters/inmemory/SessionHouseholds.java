package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.store.HouseholdRepository;

/** The household register as one session sees it: the committed table under the session's puts. */
final class SessionHouseholds implements HouseholdRepository {

  private final Session session;
  private final HouseholdTable table;
  private Map<String, Household> staged;

  SessionHouseholds(Session session, HouseholdTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public void put(Household household) {
    session.checkWritable();
    Objects.requireNonNull(household, "household");
    if (staged == null) {
      staged = new HashMap<>();
    }
    staged.put(household.id(), household);
  }

  @Override
  public Optional<Household> find(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    return Optional.ofNullable(current(householdId));
  }

  @Override
  public Stream<Household> inArea(AreaCode area) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    TreeMap<String, Household> found = new TreeMap<>();
    for (Set<String> ids : Villages.within(table.idsByVillage, area)) {
      for (String id : ids) {
        Household h = current(id);
        if (area.contains(h.area())) {
          found.put(id, h);
        }
      }
    }
    if (staged != null) {
      for (Household h : staged.values()) {
        if (area.contains(h.area())) {
          found.put(h.id(), h);
        }
      }
    }
    return new ArrayList<>(found.values()).stream();
  }

  void commit() {
    if (staged != null) {
      staged.values().forEach(table::put);
    }
  }

  private Household current(String id) {
    Household h = staged == null ? null : staged.get(id);
    return h != null ? h : table.find(id);
  }
}
