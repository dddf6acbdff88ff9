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
  // Most sessions append to one county's chain: its appends are kept apart from a map of the
  // others, so a session that writes one record makes no map.
  private AreaCode firstCounty;
  private List<AuditRecord> firstStaged;
  private Map<AreaCode, List<AuditRecord>> otherStaged;

  SessionAudit(Session session, AuditTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<AuditRecord> last(AreaCode county) {
    session.checkOpen();
    return Optional.ofNullable(lastOf(Objects.requireNonNull(county, "county")));
  }

  /** The last record of the county's chain as this session sees it, or {@code null}. */
  private AuditRecord lastOf(AreaCode county) {
    List<AuditRecord> mine = staged(county);
    if (mine != null) {
      return mine.get(mine.size() - 1);
    }
    List<AuditRecord> committed = table.chains.get(county);
    return committed == null ? null : committed.get(committed.size() - 1);
  }

  @Override
  public void append(AuditRecord record) {
    session.checkWritable();
    Objects.requireNonNull(record, "record");
    AuditRecord last = lastOf(record.county());
    long expected = last != null ? last.sequence() + 1 : 1L;
    if (record.sequence() != expected) {
      throw new DuplicateKeyException("the audit chain of county " + record.county() + " expects sequence "
          + expected + ", not " + record.sequence());
    }
    AreaCode county = record.county();
    if (firstCounty == null) {
      firstCounty = county;
      // Most sessions append one record: a list of it, replaced by a growing one at the second.
      firstStaged = List.of(record);
    } else if (firstCounty.equals(county)) {
      if (firstStaged.size() == 1) {
        List<AuditRecord> grown = new ArrayList<>(4);
        grown.add(firstStaged.get(0));
        firstStaged = grown;
      }
      firstStaged.add(record);
    } else {
      if (otherStaged == null) {
        otherStaged = new HashMap<>();
      }
      otherStaged.computeIfAbsent(county, c -> new ArrayList<>()).add(record);
    }
  }

  @Override
  public Stream<AuditRecord> chain(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    List<AuditRecord> committed = table.chains.get(county);
    List<AuditRecord> mine = staged(county);
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
    if (firstCounty != null) {
      table.appendAll(firstCounty, firstStaged);
    }
    if (otherStaged != null) {
      otherStaged.forEach(table::appendAll);
    }
  }

  /** The session's appends to the county's chain, or {@code null}. */
  private List<AuditRecord> staged(AreaCode county) {
    if (firstCounty == null) {
      return null;
    }
    if (firstCounty.equals(county)) {
      return firstStaged;
    }
    return otherStaged == null ? null : otherStaged.get(county);
  }
}
