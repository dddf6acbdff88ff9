package org.fangfanpin.core.intake;

import java.time.LocalDate;
import java.util.List;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * The outcome of the data platform's screening of an area (数据平台筛查汇总): households assessed,
 * candidates found, and what became of the candidates — already monitored (an open case), a new
 * signal accepted, a re-delivery of the same screening's signal, or refused.
 */
@Value.Immutable
public abstract class AbstractScreeningSummary {

  /** The area screened. */
  public abstract AreaCode area();

  /** The date the screening speaks for. */
  public abstract LocalDate asOf();

  /** Registered households of the area assessed. */
  public abstract int assessed();

  /** Households the assessment found to be candidates for monitoring. */
  public abstract int candidates();

  /** Candidates that already had an open case outside its gradual exit: no signal raised. */
  public abstract int alreadyMonitored();

  /**
   * Signals raised and accepted: each opened a case, resumed monitoring of a case in its gradual
   * exit, or joined one opened meanwhile.
   */
  public abstract int signalsRaised();

  /** Signals this screening had already raised (same date, same household, same findings). */
  public abstract int duplicates();

  /** Signals intake refused. */
  public abstract List<RejectedSignal> rejections();
}
