package org.fangfanpin.spi.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fangfanpin.spi.model.AreaCode;

/**
 * A domain event (领域事件), immutable: the value of {@link AbstractDomainEvent} with a builder and
 * {@code with*} copies, the same members the project's Immutables style generates.
 *
 * <p>Written by hand rather than generated for one reason: every accepted move stores its events,
 * and the generated builder copies the attributes into two linked hash maps (one kept per event).
 * Here the builder collects them into one small array that the event keeps
 * ({@link EventAttributes}; two attributes, intake's case, in one object of four fields), so an
 * event with two attributes keeps about 40 bytes of them instead of about 190, and its builder
 * leaves a few dozen bytes of garbage instead of several hundred.
 * Attribute order, equality, hash code and string form are unchanged.
 */
public final class DomainEvent extends AbstractDomainEvent {

  private final String id;
  private final EventType type;
  private final String caseId;
  private final String householdId;
  private final AreaCode area;
  private final Instant occurredAt;
  private final Map<String, String> attributes;

  private DomainEvent(String id, EventType type, String caseId, String householdId, AreaCode area,
      Instant occurredAt, Map<String, String> attributes) {
    this.id = id;
    this.type = type;
    this.caseId = caseId;
    this.householdId = householdId;
    this.area = area;
    this.occurredAt = occurredAt;
    this.attributes = attributes;
  }

  /** The stable id. */
  @Override
  public String id() {
    return id;
  }

  /** What happened. */
  @Override
  public EventType type() {
    return type;
  }

  /** The case concerned. */
  @Override
  public String caseId() {
    return caseId;
  }

  /** The household concerned. */
  @Override
  public String householdId() {
    return householdId;
  }

  /** The household's village. */
  @Override
  public AreaCode area() {
    return area;
  }

  /** When it happened. */
  @Override
  public Instant occurredAt() {
    return occurredAt;
  }

  /** Details by name, in the order first put; unmodifiable. */
  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  /** A copy with the id replaced, or this event when it is equal. */
  public final DomainEvent withId(String value) {
    String newValue = Objects.requireNonNull(value, "id");
    if (this.id.equals(newValue)) {
      return this;
    }
    return new DomainEvent(newValue, type, caseId, householdId, area, occurredAt, attributes);
  }

  /** A copy with the type replaced, or this event when it is the same. */
  public final DomainEvent withType(EventType value) {
    EventType newValue = Objects.requireNonNull(value, "type");
    if (this.type == newValue) {
      return this;
    }
    return new DomainEvent(id, newValue, caseId, householdId, area, occurredAt, attributes);
  }

  /** A copy with the case id replaced, or this event when it is equal. */
  public final DomainEvent withCaseId(String value) {
    String newValue = Objects.requireNonNull(value, "caseId");
    if (this.caseId.equals(newValue)) {
      return this;
    }
    return new DomainEvent(id, type, newValue, householdId, area, occurredAt, attributes);
  }

  /** A copy with the household id replaced, or this event when it is equal. */
  public final DomainEvent withHouseholdId(String value) {
    String newValue = Objects.requireNonNull(value, "householdId");
    if (this.householdId.equals(newValue)) {
      return this;
    }
    return new DomainEvent(id, type, caseId, newValue, area, occurredAt, attributes);
  }

  /** A copy with the area replaced, or this event when it is the same object. */
  public final DomainEvent withArea(AreaCode value) {
    if (this.area == value) {
      return this;
    }
    AreaCode newValue = Objects.requireNonNull(value, "area");
    return new DomainEvent(id, type, caseId, householdId, newValue, occurredAt, attributes);
  }

  /** A copy with the instant replaced, or this event when it is the same object. */
  public final DomainEvent withOccurredAt(Instant value) {
    if (this.occurredAt == value) {
      return this;
    }
    Instant newValue = Objects.requireNonNull(value, "occurredAt");
    return new DomainEvent(id, type, caseId, householdId, area, newValue, attributes);
  }

  /**
   * A copy with the attributes replaced by those of {@code entries} (no {@code null} keys or
   * values), or this event when it is the same map.
   */
  public final DomainEvent withAttributes(Map<String, ? extends String> entries) {
    if (this.attributes == entries) {
      return this;
    }
    return new DomainEvent(id, type, caseId, householdId, area, occurredAt, EventAttributes.copyOf(entries));
  }

  /** Equal to a {@code DomainEvent} with equal values, attributes compared as maps. */
  @Override
  public boolean equals(Object another) {
    if (this == another) {
      return true;
    }
    return another instanceof DomainEvent && equalsByValue((DomainEvent) another);
  }

  private boolean equalsByValue(DomainEvent another) {
    return id.equals(another.id)
        && type.equals(another.type)
        && caseId.equals(another.caseId)
        && householdId.equals(another.householdId)
        && area.equals(another.area)
        && occurredAt.equals(another.occurredAt)
        && attributes.equals(another.attributes);
  }

  /** A hash code over every value, the same as the generated one. */
  @Override
  public int hashCode() {
    int h = 5381;
    h += (h << 5) + id.hashCode();
    h += (h << 5) + type.hashCode();
    h += (h << 5) + caseId.hashCode();
    h += (h << 5) + householdId.hashCode();
    h += (h << 5) + area.hashCode();
    h += (h << 5) + occurredAt.hashCode();
    h += (h << 5) + attributes.hashCode();
    return h;
  }

  /** The values in the generated form, {@code DomainEvent{id=…, …, attributes={k=v, …}}}. */
  @Override
  public String toString() {
    return "DomainEvent{"
        + "id=" + id
        + ", type=" + type
        + ", caseId=" + caseId
        + ", householdId=" + householdId
        + ", area=" + area
        + ", occurredAt=" + occurredAt
        + ", attributes=" + attributes
        + "}";
  }

  /** The event itself when it is a {@code DomainEvent}, otherwise an immutable copy of its values. */
  public static DomainEvent copyOf(AbstractDomainEvent instance) {
    if (instance instanceof DomainEvent) {
      return (DomainEvent) instance;
    }
    return DomainEvent.builder().from(instance).build();
  }

  /**
   * The event with these values and two attributes, in this order, as the builder would make it
   * with two {@code putAttributes} calls; without a builder, since every move of intake stores one.
   *
   * @throws NullPointerException when a value, key or attribute value is {@code null}
   */
  public static DomainEvent of(String id, EventType type, String caseId, String householdId, AreaCode area,
      Instant occurredAt, String key1, String value1, String key2, String value2) {
    Objects.requireNonNull(key1, "attributes key");
    Objects.requireNonNull(value1, value1 == null ? "attributes value for key: " + key1 : null);
    Objects.requireNonNull(key2, "attributes key");
    Objects.requireNonNull(value2, value2 == null ? "attributes value for key: " + key2 : null);
    if (key1.equals(key2)) {
      // The builder keeps one entry, with the later value.
      return builder().id(id).type(type).caseId(caseId).householdId(householdId).area(area).occurredAt(occurredAt)
          .putAttributes(key2, value2).build();
    }
    return new DomainEvent(Objects.requireNonNull(id, "id"), Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(caseId, "caseId"), Objects.requireNonNull(householdId, "householdId"),
        Objects.requireNonNull(area, "area"), Objects.requireNonNull(occurredAt, "occurredAt"),
        EventAttributes.two(key1, value1, key2, value2));
  }

  /** A builder: id, type, case id, household id, area and instant are required; attributes are optional. */
  public static DomainEvent.Builder builder() {
    return new DomainEvent.Builder();
  }

  /**
   * Builds {@link DomainEvent}s. Not thread-safe; use it at once rather than keep it. It may build
   * several events: a change after {@link #build()} does not reach the events already built.
   */
  public static final class Builder {
    private static final long INIT_BIT_ID = 0x1L;
    private static final long INIT_BIT_TYPE = 0x2L;
    private static final long INIT_BIT_CASE_ID = 0x4L;
    private static final long INIT_BIT_HOUSEHOLD_ID = 0x8L;
    private static final long INIT_BIT_AREA = 0x10L;
    private static final long INIT_BIT_OCCURRED_AT = 0x20L;
    private long initBits = 0x3fL;

    private String id;
    private EventType type;
    private String caseId;
    private String householdId;
    private AreaCode area;
    private Instant occurredAt;
    private final EventAttributes.Collector attributes = new EventAttributes.Collector();

    private Builder() {}

    /** Takes every value of {@code instance}; its attributes are added to those already put. */
    public final Builder from(AbstractDomainEvent instance) {
      Objects.requireNonNull(instance, "instance");
      id(instance.id());
      type(instance.type());
      caseId(instance.caseId());
      householdId(instance.householdId());
      area(instance.area());
      occurredAt(instance.occurredAt());
      putAllAttributes(instance.attributes());
      return this;
    }

    /** Sets the id. */
    public final Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      initBits &= ~INIT_BIT_ID;
      return this;
    }

    /** Sets the type. */
    public final Builder type(EventType type) {
      this.type = Objects.requireNonNull(type, "type");
      initBits &= ~INIT_BIT_TYPE;
      return this;
    }

    /** Sets the case id. */
    public final Builder caseId(String caseId) {
      this.caseId = Objects.requireNonNull(caseId, "caseId");
      initBits &= ~INIT_BIT_CASE_ID;
      return this;
    }

    /** Sets the household id. */
    public final Builder householdId(String householdId) {
      this.householdId = Objects.requireNonNull(householdId, "householdId");
      initBits &= ~INIT_BIT_HOUSEHOLD_ID;
      return this;
    }

    /** Sets the area. */
    public final Builder area(AreaCode area) {
      this.area = Objects.requireNonNull(area, "area");
      initBits &= ~INIT_BIT_AREA;
      return this;
    }

    /** Sets the instant. */
    public final Builder occurredAt(Instant occurredAt) {
      this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
      initBits &= ~INIT_BIT_OCCURRED_AT;
      return this;
    }

    /** Puts one attribute; a key put before keeps its place and takes the new value. */
    public final Builder putAttributes(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    /** Puts one attribute from an entry. */
    public final Builder putAttributes(Map.Entry<String, ? extends String> entry) {
      attributes.put(entry.getKey(), entry.getValue());
      return this;
    }

    /** Replaces the attributes put so far by those of {@code entries}. */
    public final Builder attributes(Map<String, ? extends String> entries) {
      attributes.clear();
      return putAllAttributes(entries);
    }

    /** Puts every attribute of {@code entries}. */
    public final Builder putAllAttributes(Map<String, ? extends String> entries) {
      attributes.putAll(entries);
      return this;
    }

    /**
     * The event.
     *
     * @throws IllegalStateException when a required value was not set
     */
    public DomainEvent build() {
      if (initBits != 0) {
        throw new IllegalStateException(formatRequiredAttributesMessage());
      }
      return new DomainEvent(id, type, caseId, householdId, area, occurredAt, attributes.build());
    }

    private String formatRequiredAttributesMessage() {
      List<String> missing = new ArrayList<>();
      if ((initBits & INIT_BIT_ID) != 0) {
        missing.add("id");
      }
      if ((initBits & INIT_BIT_TYPE) != 0) {
        missing.add("type");
      }
      if ((initBits & INIT_BIT_CASE_ID) != 0) {
        missing.add("caseId");
      }
      if ((initBits & INIT_BIT_HOUSEHOLD_ID) != 0) {
        missing.add("householdId");
      }
      if ((initBits & INIT_BIT_AREA) != 0) {
        missing.add("area");
      }
      if ((initBits & INIT_BIT_OCCURRED_AT) != 0) {
        missing.add("occurredAt");
      }
      return "Cannot build DomainEvent, some of required attributes are not set " + missing;
    }
  }
}
