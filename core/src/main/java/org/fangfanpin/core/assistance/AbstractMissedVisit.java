package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * A monitored household whose grid worker's visit is overdue (未按期走访): no visit within the
 * policy's {@code gridVisitIntervalDays} before the day asked, or none at all.
 */
@Value.Immutable
public abstract class AbstractMissedVisit {

  /** The household's monitoring case. */
  @Value.Parameter
  public abstract String caseId();

  /** The household's register id. */
  @Value.Parameter
  public abstract String householdId();

  /** The household's village. */
  @Value.Parameter
  public abstract AreaCode village();

  /** The grid worker the household is assigned to; empty when it has none. */
  @Value.Parameter
  public abstract Optional<String> gridWorkerId();

  /** The day of its last visit on or before the day asked; empty when never visited. */
  @Value.Parameter
  public abstract Optional<LocalDate> lastVisit();
}
