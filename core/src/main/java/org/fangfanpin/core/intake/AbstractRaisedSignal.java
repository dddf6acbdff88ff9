package org.fangfanpin.core.intake;

import io.vavr.control.Either;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Rejection;
import org.immutables.value.Value;

/** A signal a comparison or a screening raised, with what intake did with it (已生成线索). */
@Value.Immutable
public abstract class AbstractRaisedSignal {

  /** The signal raised. */
  @Value.Parameter
  public abstract RiskSignal signal();

  /** The intake result, or why intake refused it (e.g. the household is not registered). */
  @Value.Parameter
  public abstract Either<Rejection, IntakeResult> result();
}
