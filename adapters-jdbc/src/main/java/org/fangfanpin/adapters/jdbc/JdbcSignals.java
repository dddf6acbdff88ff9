package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;
import java.util.List;
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

  @Override
  public Optional<StoredSignal> find(Channel channel, String sourceRef) {
    session.checkOpen();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sourceRef, "sourceRef");
    return session.one(WHAT, "SELECT doc FROM ffp_signal WHERE channel = ? AND source_ref = ?", s -> {
      s.setString(1, channel.name());
      s.setString(2, sourceRef);
    }, r -> Documents.signal(r.getString(1)));
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
      s.setString(6, doc);
    });
    if (!stored) {
      throw new DuplicateKeyException("该渠道和来源编号的线索已登记 / a signal with this channel and source reference is already stored");
    }
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
        }, r -> Documents.signal(r.getString(1)));
  }

  /** A day of a query bound moved into the range a DATE column holds; nothing lies outside it. */
  private static LocalDate clamp(LocalDate day) {
    LocalDate min = LocalDate.of(1, 1, 1);
    LocalDate max = LocalDate.of(9999, 12, 31);
    return day.isBefore(min) ? min : day.isAfter(max) ? max : day;
  }
}
