package org.fangfanpin.adapters.inmemory;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fangfanpin.spi.event.DomainEvent;

/**
 * The committed outbox (发件箱): the events not yet delivered in the order they were stored, and
 * the delivered ones with the instant each was marked. An event is in exactly one of the two.
 */
final class OutboxTable {

  /** A delivered event and when it was marked so. */
  record Delivered(DomainEvent event, Instant at) {}

  final LinkedHashMap<String, DomainEvent> pending;
  final Map<String, Delivered> delivered = new HashMap<>();

  /** {@link #add}, made once: a session commits through it, and most sessions hold one event. */
  final java.util.function.Consumer<DomainEvent> adder = this::add;

  OutboxTable(int initialCapacity) {
    pending = new LinkedHashMap<>(initialCapacity);
  }

  boolean contains(String eventId) {
    return pending.containsKey(eventId) || delivered.containsKey(eventId);
  }

  DomainEvent find(String eventId) {
    DomainEvent e = pending.get(eventId);
    if (e != null) {
      return e;
    }
    Delivered d = delivered.get(eventId);
    return d == null ? null : d.event();
  }

  void add(DomainEvent event) {
    pending.put(event.id(), event);
  }

  void markDelivered(String eventId, Instant at) {
    DomainEvent e = pending.remove(eventId);
    if (e != null) {
      delivered.put(eventId, new Delivered(e, at));
    }
  }
}
