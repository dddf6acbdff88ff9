package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;

/** The committed audit trail (审计轨迹): one list per county, in order of sequence. */
final class AuditTable {

  final Map<AreaCode, List<AuditRecord>> chains = new HashMap<>();

  void appendAll(AreaCode county, List<AuditRecord> records) {
    chains.computeIfAbsent(county, c -> new ArrayList<>()).addAll(records);
  }
}
