package org.fangfanpin.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What an accepted move produces (状态迁移): the case after it (one version later), who made it,
 * the audit action's name and the events it raises, in order. The rules of every capability that
 * moves a case return it; the use case stores the case, one audit record and the events.
 *
 * @param after the case after the move
 * @param actor who made the move
 * @param action the audit action's stable name, e.g. one of {@link ReviewActions}
 * @param events the events to store, in order
 */
public record Transition(MonitoringCase after, Actor actor, String action, List<Raised> events) {

  /** Checks presence and copies the events. */
  public Transition {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    events = List.copyOf(events);
  }

  /**
   * An event a move raises: its type and attributes in a stable order. Attributes never hold a
   * resident ID number, phone, bank account or health detail.
   *
   * @param type what happened
   * @param attributes details by name
   */
  public record Raised(EventType type, Map<String, String> attributes) {

    /** Checks presence and copies the attributes in order. */
    public Raised {
      Objects.requireNonNull(type, "type");
      attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
  }
}
