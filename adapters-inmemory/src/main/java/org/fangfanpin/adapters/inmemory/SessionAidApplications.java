package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;

/**
 * The aid applications as one session sees them: the committed table under the session's inserts
 * and updates. The session keeps the ids it staged by household and fund year, so listing a
 * household's applications costs as many steps as it has applications. An id listed under a key
 * is always checked against the application's current household, village and fund year, since a
 * staged version may have moved it.
 */
final class SessionAidApplications implements AidApplicationRepository {

  private final Session session;
  private final AidApplicationTable table;
  private Map<String, AidApplication> staged;
  private Map<AidApplicationTable.HouseholdYear, Set<String>> stagedIdsByHousehold;

  SessionAidApplications(Session session, AidApplicationTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<AidApplication> find(String applicationId) {
    session.checkOpen();
    return Optional.ofNullable(current(Objects.requireNonNull(applicationId, "applicationId")));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the application's version is not 1
   */
  @Override
  public void insert(AidApplication application) {
    session.checkWritable();
    Objects.requireNonNull(application, "application");
    if (application.version() != 1) {
      throw new IllegalArgumentException("a new aid application is stored with version 1, not "
          + application.version());
    }
    if (current(application.id()) != null) {
      throw new DuplicateKeyException("the aid application id is taken");
    }
    stage(application);
  }

  @Override
  public void update(AidApplication application) {
    session.checkWritable();
    Objects.requireNonNull(application, "application");
    AidApplication stored = current(application.id());
    if (stored == null) {
      throw new StaleVersionException("no aid application is stored under the id");
    }
    if (application.version() != stored.version() + 1) {
      throw new StaleVersionException("the aid application is at version " + stored.version()
          + "; a change to version " + application.version() + " was made from a stale one");
    }
    stage(application);
  }

  @Override
  public List<AidApplication> ofHousehold(String householdId, int fundYear) {
    session.checkOpen();
    AidApplicationTable.HouseholdYear key =
        new AidApplicationTable.HouseholdYear(Objects.requireNonNull(householdId, "householdId"), fundYear);
    TreeMap<String, AidApplication> found = new TreeMap<>();
    collect(table.idsByHousehold.get(key), key, found);
    if (stagedIdsByHousehold != null) {
      collect(stagedIdsByHousehold.get(key), key, found);
    }
    return List.copyOf(found.values());
  }

  @Override
  public Stream<AidApplication> inArea(AreaCode area, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    TreeMap<String, AidApplication> found = new TreeMap<>();
    NavigableMap<AreaCode, Set<String>> villages = table.idsByYearAndVillage.get(fundYear);
    if (villages != null) {
      for (Set<String> ids : Villages.within(villages, area)) {
        for (String id : ids) {
          AidApplication a = current(id);
          if (a.fundYear() == fundYear && area.contains(a.area())) {
            found.put(id, a);
          }
        }
      }
    }
    if (staged != null) {
      for (AidApplication a : staged.values()) {
        if (a.fundYear() == fundYear && area.contains(a.area())) {
          found.put(a.id(), a);
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

  private void collect(Set<String> ids, AidApplicationTable.HouseholdYear key, Map<String, AidApplication> found) {
    if (ids == null) {
      return;
    }
    for (String id : ids) {
      AidApplication a = current(id);
      if (a.fundYear() == key.fundYear() && a.householdId().equals(key.householdId())) {
        found.put(id, a);
      }
    }
  }

  private void stage(AidApplication a) {
    if (staged == null) {
      staged = new HashMap<>();
      stagedIdsByHousehold = new HashMap<>();
    }
    staged.put(a.id(), a);
    stagedIdsByHousehold.computeIfAbsent(AidApplicationTable.HouseholdYear.of(a), k -> new HashSet<>()).add(a.id());
  }

  private AidApplication current(String id) {
    AidApplication a = staged == null ? null : staged.get(id);
    return a != null ? a : table.byId.get(id);
  }
}
