package org.fangfanpin.adapters.jdbc;

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

  JdbcAudit(JdbcSession session) {
    this.session = session;
  }

  @Override
  public Optional<AuditRecord> last(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    if (!session.writable) {
      return session.one(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? ORDER BY sequence DESC LIMIT 1",
          s -> s.setString(1, county.code()), r -> Documents.auditRecord(r.getString(1)));
    }
    long last = lockedHead(county);
    if (last == 0) {
      return Optional.empty();
    }
    return session.one(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? AND sequence = ?", s -> {
      s.setString(1, county.code());
      s.setLong(2, last);
    }, r -> Documents.auditRecord(r.getString(1)));
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
    session.update(WHAT, "INSERT INTO ffp_audit (county, sequence, doc) VALUES (?, ?, ?)", s -> {
      s.setString(1, county.code());
      s.setLong(2, expected);
      s.setString(3, doc);
    });
    session.update("ffp_audit_head", "UPDATE ffp_audit_head SET last_sequence = ? WHERE county = ?", s -> {
      s.setLong(1, expected);
      s.setString(2, county.code());
    });
    heads.put(county, expected);
  }

  @Override
  public Stream<AuditRecord> chain(AreaCode county) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    return session.stream(WHAT, "SELECT doc FROM ffp_audit WHERE county = ? ORDER BY sequence",
        s -> s.setString(1, county.code()), r -> Documents.auditRecord(r.getString(1)));
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
