package org.fangfanpin.spi.event;

import java.time.Instant;
import java.util.Map;
import org.fangfanpin.spi.model.AreaCode;

/**
 * A domain event (领域事件): stored in the unit of work of the move that raised it, then delivered
 * to the {@link Notifier} at least once. Receivers de-duplicate on {@link #id()}, which never
 * changes. Attributes never hold a resident ID number, phone, bank account or health detail.
 *
 * <p>Its immutable value is {@link DomainEvent}, written by hand in the shape Immutables would
 * generate, so that an event keeps its attributes compactly (see there).
 */
public abstract class AbstractDomainEvent {

  /** The stable id. */
  public abstract String id();

  /** What happened. */
  public abstract EventType type();

  /** The case concerned. */
  public abstract String caseId();

  /** The household concerned. */
  public abstract String householdId();

  /** The household's village. */
  public abstract AreaCode area();

  /** When it happened. */
  public abstract Instant occurredAt();

  /** Details by name (e.g. {@code dueOn}, {@code reason}), in a stable order. */
  public abstract Map<String, String> attributes();
}
