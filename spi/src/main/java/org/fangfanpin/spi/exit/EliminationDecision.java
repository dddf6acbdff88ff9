package org.fangfanpin.spi.exit;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * The county's decision on an elimination, after spot checks against department data (县级审定并
 * 备案).
 *
 * @param decidedOn the day
 * @param by the county officer
 * @param eliminated whether the risk is declared eliminated
 * @param note the spot check's result or the reason for refusing
 */
public record EliminationDecision(LocalDate decidedOn, Actor by, boolean eliminated, String note) {

  /** Checks presence. */
  public EliminationDecision {
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
  }
}
