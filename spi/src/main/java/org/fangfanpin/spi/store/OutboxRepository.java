package org.fangfanpin.spi.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.spi.event.DomainEvent;

/**
 * The outbox (发件箱): events stored with the move that raised them, waiting to be delivered.
 */
public interface OutboxRepository {

  /**
   * Stores the event unless one with the same id is stored (delivered or not); returns whether
   * it was stored.
   */
  boolean add(DomainEvent event);

  /**
   * Stores the events, in order, each unless one with the same id is stored, as {@link #add} would
   * one by one. The default calls {@link #add}; a database adapter should override it to write in
   * one batch.
   */
  default void addAll(Collection<DomainEvent> events) {
    events.forEach(this::add);
  }

  /** The event with the id. */
  Optional<DomainEvent> find(String eventId);

  /** Up to {@code limit} events not yet delivered, in the order they were stored. */
  List<DomainEvent> pending(int limit);

  /** Marks the event delivered; does nothing when it already is. */
  void markDelivered(String eventId, Instant at);
}
