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
    List<AuditRecord> chain = chains.computeIfAbsent(county, c -> new ArrayList<>());
    if (records.size() == 1) {
      chain.add(records.get(0));
    } else {
      chain.addAll(records);
    }
  }
}
