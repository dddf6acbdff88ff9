package org.fangfanpin.core.intake;

import org.fangfanpin.spi.intake.SignalOutcome;
import org.immutables.value.Value;

/**
 * What intake did with one accepted signal (受理结果): the case it opened or joined, and whether it
 * was a re-delivery of a signal already stored, in which case nothing new was stored and the
 * first delivery's case and outcome are returned.
 */
@Value.Immutable
public abstract class AbstractIntakeResult {

  /** The case the signal opened or joined. */
  @Value.Parameter
  public abstract String caseId();

  /** Whether the signal opened the case or joined it. */
  @Value.Parameter
  public abstract SignalOutcome outcome();

  /** Whether the signal had been delivered before (重复推送): nothing was stored this time. */
  @Value.Parameter
  public abstract boolean duplicate();
}
