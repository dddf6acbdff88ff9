package org.fangfanpin.spi.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.model.AreaCode;

/** Aid applications (救助申请). */
public interface AidApplicationRepository {

  /** The application with the id. */
  Optional<AidApplication> find(String applicationId);

  /**
   * Stores a new application; {@link DuplicateKeyException} when the id is taken,
   * {@link IllegalArgumentException} when its version is not 1.
   */
  void insert(AidApplication application);

  /**
   * Replaces the stored application; its version must be the stored one plus one, otherwise
   * {@link StaleVersionException} (also for an unknown id).
   */
  void update(AidApplication application);

  /** The household's applications of a fund year, in order of id. */
  List<AidApplication> ofHousehold(String householdId, int fundYear);

  /**
   * The stored applications among the ids, by id (批量查询): an unknown id has no entry. In a write
   * session it locks as {@link #find} does. The default calls {@link #find} for each id; a
   * database adapter should override it to read them in one query.
   */
  default Map<String, AidApplication> findAll(Collection<String> applicationIds) {
    Map<String, AidApplication> found = new HashMap<>();
    for (String id : applicationIds) {
      if (!found.containsKey(id)) {
        find(id).ifPresent(a -> found.put(id, a));
      }
    }
    return found;
  }

  /**
   * Each household's applications of a fund year, in order of id, as {@link #ofHousehold} lists
   * them: every household id given is a key, one without applications maps to an empty list. The
   * default calls {@link #ofHousehold} for each; a database adapter should override it to read
   * them in one query.
   */
  default Map<String, List<AidApplication>> ofHouseholds(Collection<String> householdIds, int fundYear) {
    Map<String, List<AidApplication>> found = new HashMap<>();
    for (String id : householdIds) {
      if (!found.containsKey(id)) {
        found.put(id, ofHousehold(id, fundYear));
      }
    }
    return found;
  }

  /**
   * Replaces every application as {@link #update} would one after the other (批量更新), so the same
   * id may come again with its next version. Either all are stored or none: when one is refused
   * ({@link StaleVersionException}) nothing of the call is, and the unit of work may go on. The
   * default checks every version first, then calls {@link #update} for each; a database adapter
   * should override it to write them in one batch.
   */
  default void updateAll(List<AidApplication> applications) {
    Map<String, Long> versions = new LinkedHashMap<>();
    for (AidApplication a : applications) {
      Long stored = versions.containsKey(a.id()) ? versions.get(a.id())
          : find(a.id()).map(AidApplication::version).orElse(null);
      if (stored == null) {
        throw new StaleVersionException("no aid application is stored under the id / 没有该编号的救助申请");
      }
      if (a.version() != stored + 1) {
        throw new StaleVersionException("the aid application is at version " + stored + "; a change to version "
            + a.version() + " was made from a stale one / 救助申请版本冲突");
      }
      versions.put(a.id(), a.version());
    }
    applications.forEach(this::update);
  }

  /**
   * The applications whose recorded village lies in {@code area}, for the fund year, in order of id. Valid
   * inside the session; close it.
   */
  Stream<AidApplication> inArea(AreaCode area, int fundYear);

  /**
   * The ids of the applications {@link #inArea} lists that are in {@code state}, in order of id
   * (按状态列出申请编号): what a batch payment needs to find the approved ones. The default
   * filters {@link #inArea}; a database adapter may override it to read the ids without reading
   * every application whole.
   */
  default List<String> idsInArea(AreaCode area, int fundYear, AidApplicationState state) {
    try (Stream<AidApplication> all = inArea(area, fundYear)) {
      return all.filter(a -> a.state() == state).map(AidApplication::id).toList();
    }
  }
}
