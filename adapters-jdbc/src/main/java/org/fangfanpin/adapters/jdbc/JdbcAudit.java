package org.fangfanpin.adapters.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;

/**
 * The audit trail (审计轨迹) in tables {@code ffp_audit} and {@code ffp_audit_head}. A write session
 * locks a county's head row the first time it asks for the county's last record or appends to
 * its chain, and keeps the lock to its end: appenders to one county take their turns instead of
 * both computing the same next sequence and failing, while appenders to other counties and every
 * other write run on beside them.
 */
final class JdbcAudit implements AuditRepository {

  private static final String WHAT = "ffp_audit";

  private final JdbcSession session;
  /** The last sequence of each county whose head this session locked. */
  private final Map<AreaCode, Long> heads = new HashMap<>();
  /** The counties whose head this session has not yet written since it appended to them. */
  private Set<AreaCode> appended;
  /** The record this session appended last to each county's chain. */
  private final Map<AreaCode, AuditRecord> lastAppended = new HashMap<>();
  /** Rows (county, sequence, document) appended and not yet inserted, in order of appending. */
  private List<Object[]> unwritten;

  JdbcAudit(JdbcSession session) {
    this.session = session;
  }

  @Override
  public Optional<AuditRecord> last(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    if (!session.writable) {
      return session.one(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? ORDER BY sequence DESC LIMIT 1",
          s -> s.setString(1, county.code()), r -> Documents.auditRecord(session.dialect.document(r, 1)));
    }
    AuditRecord appended = lastAppended.get(county);
    if (appended != null) {
      return Optional.of(appended);
    }
    long last = lockedHead(county);
    if (last == 0) {
      return Optional.empty();
    }
    return session.one(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? AND sequence = ?", s -> {
      s.setString(1, county.code());
      s.setLong(2, last);
    }, r -> Documents.auditRecord(session.dialect.document(r, 1)));
  }

  @Override
  public void append(AuditRecord record) {
    session.checkWritable();
    Objects.requireNonNull(record, "record");
    AreaCode county = record.county();
    long expected = lockedHead(county) + 1;
    if (record.sequence() != expected) {
      throw new DuplicateKeyException("县 " + county + " 的审计链下一序号应为 " + expected + " / the audit chain of county "
          + county + " expects sequence " + expected + ", not " + record.sequence());
    }
    String doc = Columns.text("ffp_audit.doc", Documents.auditRecord(record), Columns.DOCUMENT);
    heads.put(county, expected);
    lastAppended.put(county, record);
    if (appended == null) {
      appended = new HashSet<>();
      unwritten = new ArrayList<>();
      session.beforeCommit(this::writeHeads);
    }
    appended.add(county);
    unwritten.add(new Object[] {county.code(), expected, doc});
  }

  /**
   * Inserts the records this session appended and has not written yet, in one batch: the chain's
   * head stays locked by the session meanwhile, so no other unit takes their sequences.
   */
  private void writeRecords() {
    if (unwritten != null && !unwritten.isEmpty()) {
      List<Object[]> rows = unwritten;
      unwritten = new ArrayList<>();
      String sql = "INSERT INTO ffp_audit (county, sequence, doc) VALUES (?, ?, ?)";
      JdbcSession.ItemBinder<Object[]> bind = (s, row) -> {
        s.setString(1, (String) row[0]);
        s.setLong(2, (Long) row[1]);
        session.dialect.bindDocument(s, 3, (String) row[2]);
      };
      if (rows.size() == 1) {
        // Most units of work append one record: a plain statement costs less than a batch of one.
        session.update(WHAT, sql, s -> bind.bind(s, rows.get(0)));
      } else {
        // One COPY on PostgreSQL: an intake or payment unit appends hundreds.
        session.insertRows(WHAT, "ffp_audit", List.of("county", "sequence", "doc"), rows);
      }
    }
  }

  /**
   * Writes the heads of the chains this session appended to, once per county at the end of the
   * unit of work rather than once per record: the head row stays locked by the session meanwhile,
   * and the session's own reads of it come from {@link #heads}.
   */
  private void writeHeads() {
    writeRecords();
    unwritten = null;
    Set<AreaCode> counties = appended;
    appended = null;
    for (AreaCode county : counties) {
      long last = heads.get(county);
      session.update("ffp_audit_head", "UPDATE ffp_audit_head SET last_sequence = ? WHERE county = ?", s -> {
        s.setLong(1, last);
        s.setString(2, county.code());
      });
    }
  }

  @Override
  public Stream<AuditRecord> chain(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    writeRecords();
    return session.stream(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? ORDER BY sequence",
        s -> s.setString(1, county.code()), r -> Documents.auditRecord(session.dialect.document(r, 1)));
  }

  /** The county's last sequence (0 for none), its head row locked until the session ends. */
  private long lockedHead(AreaCode county) {
    Long known = heads.get(county);
    if (known != null) {
      return known;
    }
    String sql = "SELECT last_sequence FROM ffp_audit_head WHERE county = ? FOR UPDATE";
    Optional<Long> head = session.one("ffp_audit_head", sql, s -> s.setString(1, county.code()), r -> r.getLong(1));
    if (head.isEmpty()) {
      // The county's first record: make its head row; of two units doing so, one inserts and
      // the other waits for it, then both lock the same row.
      session.insertIgnoringDuplicates("ffp_audit_head", "ffp_audit_head", List.of("county", "last_sequence"), s -> {
        s.setString(1, county.code());
        s.setLong(2, 0);
      });
      head = session.one("ffp_audit_head", sql, s -> s.setString(1, county.code()), r -> r.getLong(1));
    }
    long last = head.orElseThrow(() -> new IllegalStateException("审计链头缺失 / the audit head row is missing"));
    heads.put(county, last);
    return last;
  }
}
