package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.SignalRepository;

/**
 * The signals received (线索登记) in table {@code ffp_signal}, keyed by channel and source reference.
 * Receipt order is the instant of receipt, ties broken by the order of storing (its identity
 * column).
 */
final class JdbcSignals implements SignalRepository {

  private static final String WHAT = "ffp_signal";
  private static final List<String> COLUMNS =
      List.of("channel", "source_ref", "village", "received_on", "received_at_nanos", "doc");

  private final JdbcSession session;

  JdbcSignals(JdbcSession session) {
    this.session = session;
  }

  /**
   * {@inheritDoc}
   *
   * <p>In a write session a key not found is claimed, so that a unit of work storing the same
   * signal first (a redelivery racing the delivery) is seen rather than clashed with.
   */
  @Override
  public Optional<StoredSignal> find(Channel channel, String sourceRef) {
    session.checkOpen();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sourceRef, "sourceRef");
    if (sourceRef.length() > Columns.ID) {
      return Optional.empty();
    }
    Optional<StoredSignal> found = read(channel, sourceRef);
    if (found.isEmpty() && session.writable) {
      session.claim("signal", channel.name() + "/" + sourceRef);
      found = read(channel, sourceRef);
    }
    return found;
  }

  private Optional<StoredSignal> read(Channel channel, String sourceRef) {
    return session.one(WHAT, "SELECT doc FROM ffp_signal WHERE channel = ? AND source_ref = ?", s -> {
      s.setString(1, channel.name());
      s.setString(2, sourceRef);
    }, r -> Documents.signal(session.dialect.document(r, 1)));
  }

  @Override
  public void add(StoredSignal signal) {
    session.checkWritable();
    Objects.requireNonNull(signal, "signal");
    String sourceRef = Columns.text("ffp_signal.source_ref", signal.signal().sourceRef(), Columns.ID);
    LocalDate day = Columns.day("ffp_signal.received_on", signal.receivedOn());
    long nanos = Columns.nanos("ffp_signal.received_at", signal.receivedAt());
    String doc = Columns.text("ffp_signal.doc", Documents.signal(signal), Columns.DOCUMENT);
    boolean stored = session.insertIgnoringDuplicates(WHAT, "ffp_signal", COLUMNS, s -> {
      s.setString(1, signal.signal().channel().name());
      s.setString(2, sourceRef);
      s.setString(3, signal.area().code());
      s.setObject(4, day);
      s.setLong(5, nanos);
      session.dialect.bindDocument(s, 6, doc);
    });
    if (!stored) {
      throw new DuplicateKeyException("该渠道和来源编号的线索已登记 / a signal with this channel and source reference is already stored");
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One query, claiming nothing: a caller that stores
   * signals it did not find here learns of a unit of work that stored one first when
   * {@link #addAll} refuses the key.
   */
  @Override
  public Map<String, StoredSignal> findAll(Channel channel, Collection<String> sourceRefs) {
    session.checkOpen();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sourceRefs, "sourceRefs");
    List<String> refs = new ArrayList<>();
    for (String ref : InLists.sorted(sourceRefs, "sourceRef")) {
      // A longer reference cannot have been stored.
      if (ref.length() <= Columns.ID) {
        refs.add(ref);
      }
    }
    Map<String, StoredSignal> found = new HashMap<>();
    if (refs.isEmpty()) {
      return found;
    }
    // A join, not "channel = ? AND source_ref IN the array" (see Dialect.inArray). On PostgreSQL
    // a lateral look-up of each reference: as a plain join, the generic plan made while the table
    // was nearly empty (as when a screening starts raising signals) hashes every stored signal of
    // the channel on each call until the table is analysed again (57 ms a call at 50,000 signals);
    // LIMIT 1 keeps the look-up from being flattened into such a join, so each reference is one
    // probe of the primary key whatever the statistics (one row at most: it is the key).
    String sql = session.dialect.unnestsArrays()
        ? "SELECT x.doc FROM " + session.dialect.arrayTable("u", "source_ref") + " CROSS JOIN LATERAL (SELECT s.doc"
            + " FROM ffp_signal s WHERE s.channel = ? AND s.source_ref = u.source_ref LIMIT 1) x"
        : "SELECT s.doc FROM " + session.dialect.arrayTable("u", "source_ref")
            + " JOIN ffp_signal s ON s.source_ref = u.source_ref WHERE s.channel = ?";
    for (StoredSignal s : session.list(WHAT, sql, st -> {
      st.setArray(1, session.texts(refs));
      st.setString(2, channel.name());
    }, r -> Documents.signal(session.dialect.document(r, 1)))) {
      found.put(s.signal().sourceRef(), s);
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>One batch of plain inserts, on PostgreSQL one {@code COPY} (see
   * {@link JdbcSession#insertRows}): a taken key fails the whole unit of work, on PostgreSQL by
   * aborting its transaction.
   */
  @Override
  public void addAll(Collection<StoredSignal> signals) {
    session.checkWritable();
    Objects.requireNonNull(signals, "signals");
    List<Object[]> rows = new ArrayList<>(signals.size());
    for (StoredSignal signal : signals) {
      Objects.requireNonNull(signal, "signal");
      rows.add(new Object[] {signal.signal().channel().name(),
          Columns.text("ffp_signal.source_ref", signal.signal().sourceRef(), Columns.ID), signal.area().code(),
          Columns.day("ffp_signal.received_on", signal.receivedOn()),
          Columns.nanos("ffp_signal.received_at", signal.receivedAt()),
          Columns.text("ffp_signal.doc", Documents.signal(signal), Columns.DOCUMENT)});
    }
    if (rows.isEmpty()) {
      return;
    }
    session.insertRows(WHAT, "ffp_signal", COLUMNS, rows);
  }

  @Override
  public Stream<StoredSignal> receivedIn(AreaCode area, LocalDate from, LocalDate to) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      return Stream.empty();
    }
    LocalDate first = clamp(from);
    LocalDate last = clamp(to);
    return session.stream(WHAT, "SELECT doc FROM ffp_signal WHERE village BETWEEN ? AND ?"
        + " AND received_on BETWEEN ? AND ? ORDER BY received_at_nanos, seq", s -> {
          s.setString(1, Areas.low(area));
          s.setString(2, Areas.high(area));
          s.setObject(3, first);
          s.setObject(4, last);
        }, r -> Documents.signal(session.dialect.document(r, 1)));
  }

  /** A day of a query bound moved into the range a DATE column holds; nothing lies outside it. */
  private static LocalDate clamp(LocalDate day) {
    LocalDate min = LocalDate.of(1, 1, 1);
    LocalDate max = LocalDate.of(9999, 12, 31);
    return day.isBefore(min) ? min : day.isAfter(max) ? max : day;
  }
}
