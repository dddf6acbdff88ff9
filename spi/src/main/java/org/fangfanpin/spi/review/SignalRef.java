package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.RiskType;

/**
 * A source of the case (线索来源): which channel reported what and when. Every signal that opened
 * or joined the case is kept.
 *
 * @param channel the channel
 * @param sourceRef the channel's reference
 * @param observedOn when the risk was observed
 * @param receivedOn when intake received it
 * @param riskTypes the causes it named
 */
public record SignalRef(Channel channel, String sourceRef, LocalDate observedOn, LocalDate receivedOn,
    Set<RiskType> riskTypes) {

  /** Checks presence and copies the set. */
  public SignalRef {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sourceRef, "sourceRef");
    Objects.requireNonNull(observedOn, "observedOn");
    Objects.requireNonNull(receivedOn, "receivedOn");
    riskTypes = Set.copyOf(riskTypes);
  }
}
