package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What the committed tables keep under one household id (户): the register entry, the household's
 * open case and the ids of all its cases. Intake reads all three for every signal, so one look-up
 * in one map finds them, where three maps would cost three cache misses on a county's register.
 * A slot may exist without a register entry: the case repository does not require one.
 */
final class HouseholdSlot {

  /** The register entry, or {@code null} when none was stored. */
  Household household;

  /** The committed open case, or {@code null}. */
  MonitoringCase openCase;

  // The ids of the household's cases, in the order stored: nothing, the one id (nearly every
  // household has one case, and a list around it would be one more object kept per household), or
  // an immutable list replaced on change.
  private Object caseIds;

  /** The ids of the household's cases, in the order stored; immutable. */
  @SuppressWarnings("unchecked")
  List<String> caseIds() {
    if (caseIds == null) {
      return List.of();
    }
    return caseIds instanceof String ? List.of((String) caseIds) : (List<String>) caseIds;
  }

  void addCase(String caseId) {
    if (caseIds == null) {
      caseIds = caseId;
      return;
    }
    List<String> before = caseIds();
    List<String> more = new ArrayList<>(before.size() + 1);
    more.addAll(before);
    more.add(caseId);
    caseIds = List.copyOf(more);
  }

  void removeCase(String caseId) {
    List<String> fewer = new ArrayList<>(caseIds());
    fewer.remove(caseId);
    caseIds = fewer.isEmpty() ? null : fewer.size() == 1 ? fewer.get(0) : List.copyOf(fewer);
  }
}
