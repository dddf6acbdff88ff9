package org.fangfanpin.spi.model;

import java.util.Objects;

/**
 * Who makes a move (经办人): an id the host assigns, the role acted in and the area the actor
 * answers for (辖区). An actor may act only on households inside its jurisdiction.
 *
 * @param id the host's id of the person or system, not a resident ID number
 * @param role the role acted in
 * @param jurisdiction the area the actor answers for
 */
public record Actor(String id, Role role, AreaCode jurisdiction) {

  /** The longest actor id accepted. */
  public static final int MAX_ID_LENGTH = 64;

  /** Checks that every part is present and the id is short and not blank. */
  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new InvalidValueException(io.vavr.collection.List.of(Problem.of("actor.id", "actor.id.length",
          "经办人编号不能为空且不超过 " + MAX_ID_LENGTH + " 个字符",
          "actor id must not be blank and at most " + MAX_ID_LENGTH + " characters")));
    }
  }

  /** Creates an actor. */
  public static Actor of(String id, Role role, AreaCode jurisdiction) {
    return new Actor(id, role, jurisdiction);
  }

  /** Whether the household's village lies in this actor's jurisdiction. */
  public boolean covers(AreaCode area) {
    return jurisdiction.contains(area);
  }
}
