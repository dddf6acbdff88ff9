package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;

/** The audit trail as one session sees it: each committed chain followed by the session's appends. */
final class SessionAudit implements AuditRepository {

  private final Session session;
  private final AuditTable table;
  private Map<AreaCode, List<AuditRecord>> staged;

  SessionAudit(Session session, AuditTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<AuditRecord> last(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    List<AuditRecord> mine = staged == null ? null : staged.get(county);
    if (mine != null) {
      return Optional.of(mine.get(mine.size() - 1));
    }
    List<AuditRecord> committed = table.chains.get(county);
    return committed == null ? Optional.empty() : Optional.of(committed.get(committed.size() - 1));
  }

  @Override
  public void append(AuditRecord record) {
    session.checkWritable();
    Objects.requireNonNull(record, "record");
    long expected = last(record.county()).map(r -> r.sequence() + 1).orElse(1L);
    if (record.sequence() != expected) {
      throw new DuplicateKeyException("the audit chain of county " + record.county() + " expects sequence "
          + expected + ", not " + record.sequence());
    }
    if (staged == null) {
      staged = new HashMap<>();
    }
    staged.computeIfAbsent(record.county(), c -> new ArrayList<>()).add(record);
  }

  @Override
  public Stream<AuditRecord> chain(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    List<AuditRecord> committed = table.chains.get(county);
    List<AuditRecord> mine = staged == null ? null : staged.get(county);
    List<AuditRecord> chain = new ArrayList<>((committed == null ? 0 : committed.size())
        + (mine == null ? 0 : mine.size()));
    if (committed != null) {
      chain.addAll(committed);
    }
    if (mine != null) {
      chain.addAll(mine);
    }
    return chain.stream();
  }

  void commit() {
    if (staged != null) {
      staged.forEach(table::appendAll);
    }
  }
}
