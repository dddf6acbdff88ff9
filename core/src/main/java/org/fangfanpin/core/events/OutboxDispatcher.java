package org.fangfanpin.core.events;

import java.time.Clock;
import org.fangfanpin.spi.event.Notifier;
import org.fangfanpin.spi.store.UnitOfWork;

/** Hands stored events to the notifier, at least once each (发件箱投递). */
public final class OutboxDispatcher {

  private final UnitOfWork store;
  private final Notifier notifier;
  private final Clock clock;

  /** A dispatcher from the store's outbox to the notifier. */
  public OutboxDispatcher(UnitOfWork store, Notifier notifier, Clock clock) {
    this.store = store;
    this.notifier = notifier;
    this.clock = clock;
  }
}
