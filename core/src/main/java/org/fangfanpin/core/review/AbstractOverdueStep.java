package org.fangfanpin.core.review;

import java.time.LocalDate;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * A step of the tiered review that is past its deadline (超期环节): which case, which deadline,
 * when it was due and by how many calendar days it is late on the day asked.
 */
@Value.Immutable
public abstract class AbstractOverdueStep {

  /** The case. */
  @Value.Parameter
  public abstract String caseId();

  /** The household of the case. */
  @Value.Parameter
  public abstract String householdId();

  /** The household's village. */
  @Value.Parameter
  public abstract AreaCode village();

  /** The deadline missed. */
  @Value.Parameter
  public abstract DeadlineKind kind();

  /** The last day the step was due on. */
  @Value.Parameter
  public abstract LocalDate dueOn();

  /** Calendar days from the due day to the day asked, at least 1. */
  @Value.Parameter
  public abstract long daysLate();

  @Value.Check
  final void check() {
    if (daysLate() < 1) {
      throw new IllegalStateException("an overdue step is at least one day late");
    }
  }
}
