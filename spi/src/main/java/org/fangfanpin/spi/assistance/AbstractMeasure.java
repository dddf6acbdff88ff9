package org.fangfanpin.spi.assistance;

import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.spi.model.Actor;
import org.immutables.value.Value;

/**
 * An assistance measure (帮扶措施) of a household's plan. Some continue after elimination until
 * their end date: a loan to its contract's end, a job to its agreement's end, education aid to the
 * end of the school stage.
 */
@Value.Immutable
public abstract class AbstractMeasure {

  /** The measure's id within the case, from 1. */
  public abstract int number();

  /** The type. */
  public abstract MeasureType type();

  /** The responsible department (责任部门). */
  public abstract String department();

  /** The responsible cadre's actor id (责任人). */
  public abstract String cadreId();

  /** The planned day. */
  public abstract LocalDate plannedOn();

  /** The day it ends, when it runs for a fixed term. */
  public abstract Optional<LocalDate> endsOn();

  /** The status. */
  public abstract MeasureStatus status();

  /** Who planned it. */
  public abstract Actor plannedBy();

  /** When it was implemented. */
  public abstract Optional<LocalDate> implementedOn();

  /** Who recorded the implementation. */
  public abstract Optional<Actor> implementedBy();

  /** The evidence of implementation (落实佐证). */
  public abstract Optional<String> evidence();

  /** When it was verified. */
  public abstract Optional<LocalDate> verifiedOn();

  /** Who verified it: never who implemented it. */
  public abstract Optional<Actor> verifiedBy();

  /** Whether the measure has ended on the day. */
  public final boolean endedOn(LocalDate day) {
    return endsOn().map(e -> e.isBefore(day)).orElse(false);
  }
}
