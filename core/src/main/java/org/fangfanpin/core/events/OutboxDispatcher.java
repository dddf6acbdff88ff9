package org.fangfanpin.core.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.Notifier;
import org.fangfanpin.spi.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored events to the notifier, at least once each (发件箱投递). The host calls
 * {@link #dispatch(int)} from its scheduler.
 *
 * <p>Pending events are read in a read session and each is delivered outside any session, so a
 * slow notifier holds no lock; an event is marked delivered only after the notifier returned, up
 * to {@value #MARKS_PER_UNIT} events in one write session (one commit on a database, not one per
 * event). An event the notifier throws on stays pending and is offered again on the next run; an
 * event delivered but not yet marked when the process stops, or whose marking write fails, is
 * offered again too, so receivers de-duplicate on the event's stable id. Runs of one dispatcher do
 * not overlap.
 */
public final class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  /** Delivered events marked per write session. */
  static final int MARKS_PER_UNIT = 256;

  private final UnitOfWork store;
  private final Notifier notifier;
  private final Clock clock;

  /** A dispatcher from the store's outbox to the notifier. */
  public OutboxDispatcher(UnitOfWork store, Notifier notifier, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Offers up to {@code max} pending events, oldest first, to the notifier.
   *
   * @throws IllegalArgumentException when {@code max} is not positive
   */
  public synchronized DispatchResult dispatch(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    List<DomainEvent> pending = store.read(s -> s.outbox().pending(max));
    int delivered = 0;
    int failed = 0;
    List<String> toMark = new ArrayList<>(Math.min(pending.size(), MARKS_PER_UNIT));
    for (DomainEvent event : pending) {
      try {
        notifier.deliver(event);
      } catch (RuntimeException e) {
        failed++;
        // The id and type name the event; the exception's message may hold what the host put in it.
        LOG.warn("event {} ({}) not delivered, left pending for the next run: {}", event.id(), event.type(),
            e.getClass().getName());
        continue;
      }
      toMark.add(event.id());
      if (toMark.size() == MARKS_PER_UNIT) {
        delivered += mark(toMark);
      }
    }
    delivered += mark(toMark);
    boolean more = !store.read(s -> s.outbox().pending(1)).isEmpty();
    return DispatchResult.of(delivered, failed, more);
  }

  /** Marks the delivered events in one write session, empties the list and returns how many. */
  private int mark(List<String> eventIds) {
    if (eventIds.isEmpty()) {
      return 0;
    }
    store.write(s -> {
      for (String id : eventIds) {
        s.outbox().markDelivered(id, clock.instant());
      }
      return null;
    });
    int marked = eventIds.size();
    eventIds.clear();
    return marked;
  }
}
