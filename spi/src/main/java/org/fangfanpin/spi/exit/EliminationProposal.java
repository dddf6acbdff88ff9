package org.fangfanpin.spi.exit;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * The village's proposal to eliminate the risk, after a home visit (入户核实后提出风险消除).
 *
 * @param visitedOn the day of the home visit
 * @param by the village actor
 * @param finding what the visit found
 */
public record EliminationProposal(LocalDate visitedOn, Actor by, String finding) {

  /** Checks presence. */
  public EliminationProposal {
    Objects.requireNonNull(visitedOn, "visitedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(finding, "finding");
  }
}
