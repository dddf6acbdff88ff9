package org.fangfanpin.core.events;

import org.immutables.value.Value;

/**
 * What one run of the outbox dispatcher did (投递结果): events delivered and marked, events the
 * notifier refused (they stay pending for the next run), and whether pending events remain.
 */
@Value.Immutable
public abstract class AbstractDispatchResult {

  /** Events the notifier accepted, now marked delivered. */
  @Value.Parameter
  public abstract int delivered();

  /** Events the notifier threw on: still pending. */
  @Value.Parameter
  public abstract int failed();

  /** Whether events are still pending after the run: failed ones, or more than the run's limit. */
  @Value.Parameter
  public abstract boolean morePending();
}
