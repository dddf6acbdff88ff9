package org.fangfanpin.spi.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.review.MonitoringCase;

/** The monitoring cases (监测案件). A household has at most one open case. */
public interface CaseRepository {

  /** The case with the id. */
  Optional<MonitoringCase> find(String caseId);

  /** The household's open case. */
  Optional<MonitoringCase> openOf(String householdId);

  /**
   * Stores a new case of version 1 ({@link IllegalArgumentException} for another version). Throws
   * {@link DuplicateKeyException} when the id is taken or the household already has an open case.
   */
  void insert(MonitoringCase monitoringCase);

  /**
   * Replaces the stored case with the same id by {@code monitoringCase}, whose version must be the
   * stored version plus one; otherwise throws {@link StaleVersionException} (also for an unknown
   * id). Throws {@link DuplicateKeyException} if reopening it would give the household two open
   * cases.
   */
  void update(MonitoringCase monitoringCase);

  /**
   * Every case of the household, ordered by id. {@code village} is the household's village in the
   * register; the default scans that village's cases, so an adapter that can look cases up by
   * household should override it (it then also finds cases opened under an earlier village).
   */
  default java.util.List<MonitoringCase> ofHousehold(String householdId, AreaCode village) {
    try (Stream<MonitoringCase> cases = inArea(village)) {
      return cases.filter(c -> c.householdId().equals(householdId)).toList();
    }
  }

  /**
   * Every case of a household in {@code area}, ordered by id. Valid only inside the session; must
   * be closed.
   */
  Stream<MonitoringCase> inArea(AreaCode area);
}
