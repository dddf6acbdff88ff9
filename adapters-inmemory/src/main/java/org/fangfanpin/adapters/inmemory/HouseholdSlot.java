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

  /** The ids of the household's cases, in the order stored; an immutable list replaced on change. */
  List<String> caseIds = List.of();

  void addCase(String caseId) {
    if (caseIds.isEmpty()) {
      caseIds = List.of(caseId);
      return;
    }
    List<String> more = new ArrayList<>(caseIds.size() + 1);
    more.addAll(caseIds);
    more.add(caseId);
    caseIds = List.copyOf(more);
  }

  void removeCase(String caseId) {
    List<String> fewer = new ArrayList<>(caseIds);
    fewer.remove(caseId);
    caseIds = List.copyOf(fewer);
  }
}
