package org.fangfanpin.core.assistance;

import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;

/**
 * What an accepted grid move produces for the audit trail: the household it concerns (the
 * subject), its village, who made it, the action and the states before and after (e.g.
 * {@code grid=w-1} → {@code grid=w-2}, or none → {@code visited=2025-03-03}).
 *
 * @param householdId the household
 * @param village the household's village
 * @param actor who made the move
 * @param action the audit action, one of {@link AssistanceActions}
 * @param beforeState the audit's before state, empty when the move created it
 * @param afterState the audit's after state
 */
record GridMove(String householdId, AreaCode village, Actor actor, String action, Optional<String> beforeState,
    String afterState) {

  GridMove {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(village, "village");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(beforeState, "beforeState");
    Objects.requireNonNull(afterState, "afterState");
  }
}
