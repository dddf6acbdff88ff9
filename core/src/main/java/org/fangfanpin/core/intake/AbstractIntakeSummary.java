package org.fangfanpin.core.intake;

import java.util.List;
import org.immutables.value.Value;

/**
 * The outcome of a batch of signals (批量受理汇总): how many opened a case, joined one, were
 * re-deliveries, and every refused signal with its reason.
 */
@Value.Immutable
public abstract class AbstractIntakeSummary {

  /** Signals that opened a new case. */
  public abstract int opened();

  /** Signals that joined the household's open case. */
  public abstract int joined();

  /** Signals delivered before with the same payload: nothing stored. */
  public abstract int duplicates();

  /** The refused signals, in the order given. */
  public abstract List<RejectedSignal> rejections();

  /** How many signals were refused. */
  public final int rejected() {
    return rejections().size();
  }

  /** How many signals the batch held. */
  public final int total() {
    return opened() + joined() + duplicates() + rejected();
  }
}
