package org.fangfanpin.core.assistance;

import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What an accepted assistance move on a case produces: the case one version later, the register
 * entry to store when the move updated the household's facts, who made it, the audit action and
 * the audit's before and after states. A state starts with the case state's name, followed by
 * what the move changed (e.g. {@code CONFIRMED measure#2=IMPLEMENTED}).
 *
 * @param after the case after the move
 * @param household the household's new register entry, when the move changed it
 * @param actor who made the move
 * @param action the audit action, one of {@link AssistanceActions}
 * @param beforeState the audit's before state
 * @param afterState the audit's after state
 */
record CaseMove(MonitoringCase after, Optional<Household> household, Actor actor, String action, String beforeState,
    String afterState) {

  CaseMove {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(household, "household");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(beforeState, "beforeState");
    Objects.requireNonNull(afterState, "afterState");
  }
}
