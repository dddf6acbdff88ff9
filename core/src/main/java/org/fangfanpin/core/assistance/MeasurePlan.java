package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.assistance.MeasureType;

/**
 * A measure to add to a household's plan (帮扶措施计划): its type, the responsible department
 * (责任部门), the responsible cadre (帮扶责任人, one of the case's cadres), the day it is planned
 * and, for a measure that runs for a fixed term (a loan, a public-welfare job, education aid to
 * the end of a school stage), the day it ends.
 *
 * @param type the type
 * @param department the responsible department, at most 100 characters
 * @param cadreId the responsible cadre's actor id
 * @param plannedOn the day the measure enters the plan; not after today
 * @param endsOn the day a fixed-term measure ends, after {@code plannedOn}
 */
public record MeasurePlan(MeasureType type, String department, String cadreId, LocalDate plannedOn,
    Optional<LocalDate> endsOn) {

  /** Checks presence. */
  public MeasurePlan {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(department, "department");
    Objects.requireNonNull(cadreId, "cadreId");
    Objects.requireNonNull(plannedOn, "plannedOn");
    Objects.requireNonNull(endsOn, "endsOn");
  }

  /** A measure without an end date. */
  public static MeasurePlan of(MeasureType type, String department, String cadreId, LocalDate plannedOn) {
    return new MeasurePlan(type, department, cadreId, plannedOn, Optional.empty());
  }
}
