package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;

/**
 * The monitoring cases as one session sees them: the committed table under the session's inserts
 * and updates, with an overlay of the open-case index (a household mapped to {@code null} has no
 * open case any more).
 */
final class SessionCases implements CaseRepository {

  private final Session session;
  private final CaseTable table;
  private Staged<String, MonitoringCase> staged;
  private Staged<String, String> stagedOpen;

  SessionCases(Session session, CaseTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<MonitoringCase> find(String caseId) {
    session.checkOpen();
    return Optional.ofNullable(current(Objects.requireNonNull(caseId, "caseId")));
  }

  @Override
  public Optional<MonitoringCase> openOf(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    if (stagedOpen != null && stagedOpen.containsKey(householdId)) {
      String id = stagedOpen.get(householdId);
      return id == null ? Optional.empty() : Optional.of(current(id));
    }
    // The committed open case is kept with the household, so no second look-up by id is needed,
    // unless the session changed that case since.
    MonitoringCase committed = table.openOf(householdId);
    if (committed == null) {
      return Optional.empty();
    }
    MonitoringCase mine = staged == null ? null : staged.get(committed.id());
    return Optional.of(mine != null ? mine : committed);
  }

  @Override
  public void insert(MonitoringCase c) {
    session.checkWritable();
    Objects.requireNonNull(c, "monitoringCase");
    if (c.version() != 1) {
      throw new IllegalArgumentException("a new case is stored with version 1, not " + c.version());
    }
    if (current(c.id()) != null) {
      throw new DuplicateKeyException("the case id is taken");
    }
    if (c.isOpen() && openCaseId(c.householdId()) != null) {
      throw new DuplicateKeyException("the household already has an open case");
    }
    stage(null, c);
  }

  @Override
  public void update(MonitoringCase c) {
    session.checkWritable();
    Objects.requireNonNull(c, "monitoringCase");
    MonitoringCase stored = current(c.id());
    if (stored == null) {
      throw new StaleVersionException("no case is stored under the id");
    }
    if (c.version() != stored.version() + 1) {
      throw new StaleVersionException("the case is at version " + stored.version() + "; a change to version "
          + c.version() + " was made from a stale one");
    }
    if (c.isOpen()) {
      String open = openCaseId(c.householdId());
      if (open != null && !open.equals(c.id())) {
        throw new DuplicateKeyException("the household already has another open case");
      }
    }
    stage(stored, c);
  }

  @Override
  public Stream<MonitoringCase> inArea(AreaCode area) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    TreeMap<String, MonitoringCase> found = new TreeMap<>();
    for (List<String> ids : Villages.within(table.idsByVillage, area)) {
      for (String id : ids) {
        MonitoringCase c = current(id);
        if (area.contains(c.area())) {
          found.put(id, c);
        }
      }
    }
    if (staged != null) {
      for (MonitoringCase c : staged.values()) {
        if (area.contains(c.area())) {
          found.put(c.id(), c);
        }
      }
    }
    return new ArrayList<>(found.values()).stream();
  }

  @Override
  public List<MonitoringCase> ofHousehold(String householdId, AreaCode village) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    List<String> committedIds = table.idsOf(householdId);
    if (committedIds.isEmpty() && staged == null) {
      // A household never monitored: nothing to sort (intake asks this for every case it opens).
      return new ArrayList<>(0);
    }
    TreeMap<String, MonitoringCase> found = new TreeMap<>();
    for (String id : committedIds) {
      MonitoringCase c = current(id);
      if (c.householdId().equals(householdId)) {
        found.put(id, c);
      }
    }
    if (staged != null) {
      for (MonitoringCase c : staged.values()) {
        if (c.householdId().equals(householdId)) {
          found.put(c.id(), c);
        } else {
          found.remove(c.id());
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  void commit() {
    if (staged != null) {
      staged.forEachValue(table.putter);
    }
  }

  private void stage(MonitoringCase stored, MonitoringCase c) {
    if (staged == null) {
      staged = new Staged<>();
      stagedOpen = new Staged<>();
    }
    staged.put(c.id(), c);
    if (stored != null && stored.isOpen()) {
      stagedOpen.put(stored.householdId(), null);
    }
    if (c.isOpen()) {
      stagedOpen.put(c.householdId(), c.id());
    }
  }

  private MonitoringCase current(String id) {
    MonitoringCase c = staged == null ? null : staged.get(id);
    return c != null ? c : table.byId.get(id);
  }

  /** The id of the household's open case as this session sees it, or {@code null}. */
  private String openCaseId(String householdId) {
    if (stagedOpen != null && stagedOpen.containsKey(householdId)) {
      return stagedOpen.get(householdId);
    }
    MonitoringCase open = table.openOf(householdId);
    return open == null ? null : open.id();
  }
}
