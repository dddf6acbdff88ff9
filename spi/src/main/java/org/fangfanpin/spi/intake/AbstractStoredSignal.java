package org.fangfanpin.spi.intake;

import java.time.Instant;
import java.time.LocalDate;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * A signal as intake stored it (已登记线索): the signal, the case it went to, what happened, and
 * when. Stored once per (channel, source reference).
 *
 * <p>Besides the builder, {@code StoredSignal.of(…)} takes every value in the order above: intake
 * stores one per signal and needs no builder for it.
 */
@Value.Immutable
public abstract class AbstractStoredSignal {

  /** The signal as first delivered. */
  @Value.Parameter
  public abstract RiskSignal signal();

  /** The household's village, for queries by area. */
  @Value.Parameter
  public abstract AreaCode area();

  /** The case it opened or joined. */
  @Value.Parameter
  public abstract String caseId();

  /** Whether it opened or joined the case. */
  @Value.Parameter
  public abstract SignalOutcome outcome();

  /** When intake received it. */
  @Value.Parameter
  public abstract Instant receivedAt();

  /** The day intake received it, in the host's zone: the day deadlines count from. */
  @Value.Parameter
  public abstract LocalDate receivedOn();
}
