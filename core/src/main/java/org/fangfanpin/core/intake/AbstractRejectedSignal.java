package org.fangfanpin.core.intake;

import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Rejection;
import org.immutables.value.Value;

/** A signal of a batch that intake refused (被驳回的线索), named by its key, with the reason. */
@Value.Immutable
public abstract class AbstractRejectedSignal {

  /** The channel of the signal. */
  @Value.Parameter
  public abstract Channel channel();

  /** The channel's reference of the signal. */
  @Value.Parameter
  public abstract String sourceRef();

  /** Why it was refused. */
  @Value.Parameter
  public abstract Rejection rejection();
}
