package org.fangfanpin.core.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.fangfanpin.core.audit.AuditChain;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.StoreSession;

/**
 * Leaves behind what every accepted move must: one audit record on the county's chain and the
 * move's events in the outbox, in the move's own unit of work. Not API.
 */
public final class Recorder {

  private Recorder() {}

  // Counties by area, so the record of every move does not build its county anew; bounded by
  // the number of areas a host has.
  private static final ConcurrentMap<AreaCode, AreaCode> COUNTIES = new ConcurrentHashMap<>();

  /** The county an area lies in. */
  public static AreaCode countyOf(AreaCode area) {
    return COUNTIES.computeIfAbsent(area, a -> a.ancestor(AreaLevel.COUNTY).getOrElseThrow(
        () -> new IllegalArgumentException("area " + a + " lies above county level")));
  }

  /** Appends the move's audit record to its county's chain and returns it. */
  public static AuditRecord audit(StoreSession s, AreaCode area, Instant at, Actor actor, String action,
      String subjectId, Optional<String> before, String after) {
    AreaCode county = countyOf(area);
    AuditRecord record = AuditChain.next(s.audit().last(county), county, at, actor, action, subjectId, before, after);
    s.audit().append(record);
    return record;
  }

  /**
   * Stores an event raised by the move that {@code cause} records; its id is derived from the
   * record's place in the chain and the event's index within the move, so it never changes.
   */
  public static DomainEvent event(StoreSession s, AuditRecord cause, int index, EventType type, MonitoringCase c,
      Map<String, String> attributes) {
    DomainEvent e = eventOf(cause, index, type, c, attributes);
    s.outbox().add(e);
    return e;
  }

  /**
   * The event {@link #event(StoreSession, AuditRecord, int, EventType, MonitoringCase, Map)} would
   * store, for a caller that stores a unit's events in one step.
   */
  public static DomainEvent eventOf(AuditRecord cause, int index, EventType type, MonitoringCase c,
      Map<String, String> attributes) {
    return builder(cause, index, type, c)
        .attributes(attributes)
        .build();
  }

  /**
   * {@link #event(StoreSession, AuditRecord, int, EventType, MonitoringCase, Map)} with two
   * attributes, in this order, without a map to hold them first (intake raises one per signal).
   */
  public static DomainEvent event(StoreSession s, AuditRecord cause, int index, EventType type, MonitoringCase c,
      String key1, String value1, String key2, String value2) {
    DomainEvent e = eventOf(cause, index, type, c, key1, value1, key2, value2);
    s.outbox().add(e);
    return e;
  }

  /** The event the two-attribute {@code event} would store, for a caller that stores a unit's events in one step. */
  public static DomainEvent eventOf(AuditRecord cause, int index, EventType type, MonitoringCase c,
      String key1, String value1, String key2, String value2) {
    return DomainEvent.of(eventId(cause, index), type, c.id(), c.householdId(), c.area(), cause.at(),
        key1, value1, key2, value2);
  }

  private static String eventId(AuditRecord cause, int index) {
    return cause.county().code() + "-" + cause.sequence() + "-" + index;
  }

  private static DomainEvent.Builder builder(AuditRecord cause, int index, EventType type, MonitoringCase c) {
    return DomainEvent.builder()
        .id(eventId(cause, index))
        .type(type)
        .caseId(c.id())
        .householdId(c.householdId())
        .area(c.area())
        .occurredAt(cause.at());
  }
}
