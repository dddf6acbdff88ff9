package org.fangfanpin.core.intake;

import java.util.List;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.immutables.value.Value;

/**
 * The outcome of one delivery of department records (行业部门比对结果): the signals raised by the
 * records that crossed a threshold, with their intake results; the records below every
 * threshold; the records that could not be judged. Each record lands in exactly one list.
 */
@Value.Immutable
public abstract class AbstractDepartmentComparison {

  /** Signals raised, in the order of the records. */
  public abstract List<RaisedSignal> raised();

  /** Records that crossed no threshold. */
  public abstract List<DepartmentRecord> belowThreshold();

  /** Records with a missing or invalid amount, detail or id. */
  public abstract List<InvalidRecord> invalid();
}
