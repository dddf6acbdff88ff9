package org.fangfanpin.spi.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;

/** The monitoring cases (监测案件). A household has at most one open case. */
public interface CaseRepository {

  /** The case with the id. */
  Optional<MonitoringCase> find(String caseId);

  /**
   * The stored cases among the ids, by id (批量查询): an id not stored has no entry, an id given
   * twice one. In a write session it locks them as {@link #find} does. The default calls
   * {@link #find} for each id; a database adapter should override it to read them in one query, as
   * a bulk call does for the cases of a unit of work.
   */
  default Map<String, MonitoringCase> findAll(Collection<String> caseIds) {
    Map<String, MonitoringCase> found = new HashMap<>();
    for (String id : caseIds) {
      if (!found.containsKey(id)) {
        find(id).ifPresent(c -> found.put(id, c));
      }
    }
    return found;
  }

  /** The household's open case. */
  Optional<MonitoringCase> openOf(String householdId);

  /**
   * The open cases of the households, by household id (households with none are absent), as
   * {@link #openOf} finds them one by one, locks included: a batch's look-up in one step. The
   * default calls {@link #openOf} for each; a database adapter should override it.
   */
  default Map<String, MonitoringCase> openOfAll(Collection<String> householdIds) {
    Map<String, MonitoringCase> found = new HashMap<>();
    for (String id : householdIds) {
      if (!found.containsKey(id)) {
        openOf(id).ifPresent(c -> found.put(id, c));
      }
    }
    return found;
  }

  /**
   * Stores a new case of version 1 ({@link IllegalArgumentException} for another version). Throws
   * {@link DuplicateKeyException} when the id is taken or the household already has an open case.
   */
  void insert(MonitoringCase monitoringCase);

  /**
   * Stores new cases of version 1, in order, as {@link #insert} would one by one. Throws
   * {@link DuplicateKeyException} when an id is taken or a household would have two open cases,
   * also among the new ones; the unit of work must then end without committing, since an adapter
   * may have stored some of them or aborted its transaction. The default calls {@link #insert};
   * a database adapter should override it to write in one batch.
   */
  default void insertAll(Collection<MonitoringCase> monitoringCases) {
    monitoringCases.forEach(this::insert);
  }

  /**
   * Replaces the stored case with the same id by {@code monitoringCase}, whose version must be the
   * stored version plus one; otherwise throws {@link StaleVersionException} (also for an unknown
   * id). Throws {@link DuplicateKeyException} if reopening it would give the household two open
   * cases.
   */
  void update(MonitoringCase monitoringCase);

  /**
   * Replaces stored cases, in order, as {@link #update} would one by one: each must be one version
   * after the stored case or after the entry before it with the same id, so a case changed twice in
   * a unit of work comes twice. Throws {@link StaleVersionException} or {@link DuplicateKeyException}
   * where {@link #update} would; the unit of work must then end without committing, since an
   * adapter may have stored some of them or aborted its transaction. The default calls
   * {@link #update}; a database adapter should override it to write in one batch.
   */
  default void updateAll(Collection<MonitoringCase> monitoringCases) {
    monitoringCases.forEach(this::update);
  }

  /**
   * Every case of the household, ordered by id. {@code village} is the household's village in the
   * register; the default scans that village's cases, so an adapter that can look cases up by
   * household should override it (it then also finds cases opened under an earlier village).
   */
  default List<MonitoringCase> ofHousehold(String householdId, AreaCode village) {
    try (Stream<MonitoringCase> cases = inArea(village)) {
      return cases.filter(c -> c.householdId().equals(householdId)).toList();
    }
  }

  /**
   * Every case of each household, by household id, each list ordered by id (households without a
   * case map to an empty list), as {@link #ofHousehold} finds them with the household's village.
   * The default calls {@link #ofHousehold} for each; a database adapter should override it with
   * one query.
   */
  default Map<String, List<MonitoringCase>> ofHouseholds(Collection<Household> households) {
    Map<String, List<MonitoringCase>> found = new HashMap<>();
    for (Household h : households) {
      if (!found.containsKey(h.id())) {
        found.put(h.id(), ofHousehold(h.id(), h.area()));
      }
    }
    return found;
  }

  /**
   * Every case of a household in {@code area}, ordered by id. Valid only inside the session; must
   * be closed.
   */
  Stream<MonitoringCase> inArea(AreaCode area);
}
