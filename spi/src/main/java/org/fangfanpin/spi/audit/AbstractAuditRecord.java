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
 */
@Value.Immutable
public abstract class AbstractAuditRecord {

  /** The county whose chain holds the record. */
  public abstract AreaCode county();

  /** The position in the chain, from 1. */
  public abstract long sequence();

  /** When the move was made. */
  public abstract Instant at();

  /** The actor's id. */
  public abstract String actorId();

  /** The role the actor acted in. */
  public abstract Role actorRole();

  /** The action's stable name (e.g. {@code review.screening_visit}). */
  public abstract String action();

  /** What the move was made on: a case id, or another subject's id. */
  public abstract String subjectId();

  /** The subject's state before the move; empty when the move created it. */
  public abstract Optional<String> beforeState();

  /** The subject's state after the move. */
  public abstract String afterState();

  /** The previous record's hash; the empty string for the first record. */
  public abstract String previousHash();

  /** This record's hash over all the fields above (hex SHA-256). */
  public abstract String hash();
}
