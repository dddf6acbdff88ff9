package org.fangfanpin.spi.audit;

import java.time.Instant;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Role;
import org.immutables.value.Value;

/**
 * One record of the audit trail (审计记录): who did what to which subject, the state before and
 * after, and the hash of the previous record of the same county's chain. Records are only ever
 * appended; {@code sequence} counts from 1 per county without gaps.
 *
 * <p>Besides the builder, {@code AuditRecord.of(…)} takes every value in the order above: the audit
 * chain makes one record per move and needs no builder for it.
 */
@Value.Immutable
public abstract class AbstractAuditRecord {

  /** The county whose chain holds the record. */
  @Value.Parameter
  public abstract AreaCode county();

  /** The position in the chain, from 1. */
  @Value.Parameter
  public abstract long sequence();

  /** When the move was made. */
  @Value.Parameter
  public abstract Instant at();

  /** The actor's id. */
  @Value.Parameter
  public abstract String actorId();

  /** The role the actor acted in. */
  @Value.Parameter
  public abstract Role actorRole();

  /** The action's stable name (e.g. {@code review.screening_visit}). */
  @Value.Parameter
  public abstract String action();

  /** What the move was made on: a case id, or another subject's id. */
  @Value.Parameter
  public abstract String subjectId();

  /** The subject's state before the move; empty when the move created it. */
  @Value.Parameter
  public abstract Optional<String> beforeState();

  /** The subject's state after the move. */
  @Value.Parameter
  public abstract String afterState();

  /** The previous record's hash; the empty string for the first record. */
  @Value.Parameter
  public abstract String previousHash();

  /** This record's hash over all the fields above (hex SHA-256). */
  @Value.Parameter
  public abstract String hash();
}
