package org.fangfanpin.spi.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;

/** The audit trail (审计轨迹): append-only, one chain per county. */
public interface AuditRepository {

  /** The county's last record. */
  Optional<AuditRecord> last(AreaCode county);

  /**
   * Appends a record whose sequence is the county's last sequence plus one (1 for the first);
   * otherwise throws {@link DuplicateKeyException}. Records are never changed or removed.
   */
  void append(AuditRecord record);

  /** The county's chain in order of sequence. Valid only inside the session; must be closed. */
  Stream<AuditRecord> chain(AreaCode county);
}
