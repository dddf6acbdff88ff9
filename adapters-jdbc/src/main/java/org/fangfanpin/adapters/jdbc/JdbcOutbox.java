package org.fangfanpin.adapters.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.store.OutboxRepository;

/**
 * The outbox (发件箱) in table {@code ffp_outbox}: written in the transaction of the move that raised
 * the events, so they are stored exactly when the move is; an identity column keeps the order of
 * storing, and an event stays pending until it is marked delivered. Events left pending when the
 * process died are still there after a restart.
 */
final class JdbcOutbox implements OutboxRepository {

  private static final String WHAT = "ffp_outbox";

  private static final List<String> COLUMNS = List.of("event_id", "doc");

  private final JdbcSession session;

  JdbcOutbox(JdbcSession session) {
    this.session = session;
  }

  @Override
  public boolean add(DomainEvent event) {
    session.checkWritable();
    Objects.requireNonNull(event, "event");
    String id = Columns.text("ffp_outbox.event_id", event.id(), Columns.ID);
    String doc = Columns.text("ffp_outbox.doc", Documents.event(event), Columns.DOCUMENT);
    return session.insertIgnoringDuplicates(WHAT, "ffp_outbox", List.of("event_id", "doc"), s -> {
      s.setString(1, id);
      session.dialect.bindDocument(s, 2, doc);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>On PostgreSQL one {@code COPY}, or when an id is taken one batch of inserts that skip taken
   * ids (see {@link JdbcSession#insertRowsIgnoringDuplicates}); H2, in the same process, inserts
   * them one by one, since a taken id fails its statement there (see
   * {@link Dialect#insertIgnoringDuplicates}).
   */
  @Override
  public void addAll(Collection<DomainEvent> events) {
    session.checkWritable();
    Objects.requireNonNull(events, "events");
    if (!session.dialect.abortsTransactionOnError()) {
      events.forEach(this::add);
      return;
    }
    List<Object[]> rows = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      Objects.requireNonNull(event, "event");
      rows.add(new Object[] {Columns.text("ffp_outbox.event_id", event.id(), Columns.ID),
          Columns.text("ffp_outbox.doc", Documents.event(event), Columns.DOCUMENT)});
    }
    session.insertRowsIgnoringDuplicates(WHAT, "ffp_outbox", COLUMNS, rows);
  }

  @Override
  public Optional<DomainEvent> find(String eventId) {
    session.checkOpen();
    Objects.requireNonNull(eventId, "eventId");
    return session.one(WHAT, "SELECT doc FROM ffp_outbox WHERE event_id = ?", s -> s.setString(1, eventId),
        r -> Documents.event(session.dialect.document(r, 1)));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code limit} is negative
   */
  @Override
  public List<DomainEvent> pending(int limit) {
    session.checkOpen();
    if (limit < 0) {
      throw new IllegalArgumentException("数量上限不能为负 / the limit must not be negative");
    }
    if (limit == 0) {
      return List.of();
    }
    return List.copyOf(session.list(WHAT, "SELECT doc FROM ffp_outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?",
        s -> s.setInt(1, limit), r -> Documents.event(session.dialect.document(r, 1))));
  }

  @Override
  public void markDelivered(String eventId, Instant at) {
    session.checkWritable();
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(at, "at");
    OffsetDateTime when = Columns.timestamp("ffp_outbox.delivered_at", at);
    session.update(WHAT, "UPDATE ffp_outbox SET delivered_at = ? WHERE event_id = ? AND delivered_at IS NULL", s -> {
      s.setObject(1, when);
      s.setString(2, eventId);
    });
  }
}
