package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;

/**
 * The county's decision (县级审定): confirm the household as monitored, with its category and risk
 * types, or dismiss it with a reason sent back to the village.
 *
 * @param decidedOn the day
 * @param by the county officer
 * @param confirmed whether the household is confirmed
 * @param category the category, present exactly when confirmed
 * @param riskTypes the risk types, not empty exactly when confirmed
 * @param reason the reason, for a dismissal or as a note
 */
public record CountyDecision(LocalDate decidedOn, Actor by, boolean confirmed, Optional<MonitoringCategory> category,
    Set<RiskType> riskTypes, String reason) {

  /** Checks presence and copies the set. */
  public CountyDecision {
    Objects.requireNonNull(decidedOn, "decidedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(category, "category");
    riskTypes = Set.copyOf(riskTypes);
    Objects.requireNonNull(reason, "reason");
  }
}
