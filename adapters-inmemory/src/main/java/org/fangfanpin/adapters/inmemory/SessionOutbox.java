package org.fangfanpin.adapters.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.store.OutboxRepository;

/**
 * The outbox as one session sees it: the committed events, then the session's additions; the
 * session's deliveries hide events from {@link #pending(int)}.
 */
final class SessionOutbox implements OutboxRepository {

  private final Session session;
  private final OutboxTable table;
  private Staged<String, DomainEvent> stagedAdds;
  private Map<String, Instant> stagedDeliveries;

  SessionOutbox(Session session, OutboxTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public boolean add(DomainEvent event) {
    session.checkWritable();
    Objects.requireNonNull(event, "event");
    if (known(event.id())) {
      return false;
    }
    if (stagedAdds == null) {
      stagedAdds = new Staged<>();
    }
    stagedAdds.put(event.id(), event);
    return true;
  }

  @Override
  public Optional<DomainEvent> find(String eventId) {
    session.checkOpen();
    Objects.requireNonNull(eventId, "eventId");
    DomainEvent e = stagedAdds == null ? null : stagedAdds.get(eventId);
    return Optional.ofNullable(e != null ? e : table.find(eventId));
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
      throw new IllegalArgumentException("the limit must not be negative");
    }
    List<DomainEvent> found = new ArrayList<>(Math.min(limit, 256));
    collectPending(table.pending.values(), found, limit);
    if (stagedAdds != null) {
      collectPending(stagedAdds.values(), found, limit);
    }
    return List.copyOf(found);
  }

  @Override
  public void markDelivered(String eventId, Instant at) {
    session.checkWritable();
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(at, "at");
    boolean undelivered = table.pending.containsKey(eventId)
        || (stagedAdds != null && stagedAdds.containsKey(eventId));
    if (!undelivered || (stagedDeliveries != null && stagedDeliveries.containsKey(eventId))) {
      return;
    }
    if (stagedDeliveries == null) {
      stagedDeliveries = new LinkedHashMap<>();
    }
    stagedDeliveries.put(eventId, at);
  }

  void commit() {
    if (stagedAdds != null) {
      stagedAdds.forEachValue(table.adder);
    }
    if (stagedDeliveries != null) {
      stagedDeliveries.forEach(table::markDelivered);
    }
  }

  private boolean known(String eventId) {
    return table.contains(eventId) || (stagedAdds != null && stagedAdds.containsKey(eventId));
  }

  private void collectPending(Iterable<DomainEvent> events, List<DomainEvent> found, int limit) {
    for (DomainEvent e : events) {
      if (found.size() >= limit) {
        return;
      }
      if (stagedDeliveries == null || !stagedDeliveries.containsKey(e.id())) {
        found.add(e);
      }
    }
  }
}
