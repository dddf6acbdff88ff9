package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * One entry of a township's bulk entry of assistance (帮扶录入): a cadre assignment, a measure
 * planned, implemented or verified, each on one case and by its own actor, as the one-by-one
 * calls of {@link AssistanceService} take them.
 */
public sealed interface AssistanceEntry {

  /** The case the entry moves. */
  String caseId();

  /**
   * The responsible cadres (帮扶责任人) assigned on the day, as {@link AssistanceService#assignCadres}.
   *
   * @param caseId the case
   * @param cadreIds the cadres' actor ids
   * @param by who assigns them
   * @param on the day of the assignment
   */
  record Cadres(String caseId, List<String> cadreIds, Actor by, LocalDate on) implements AssistanceEntry {

    /** Checks presence and copies the list. */
    public Cadres {
      Objects.requireNonNull(caseId, "caseId");
      cadreIds = List.copyOf(cadreIds);
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(on, "on");
    }
  }

  /**
   * A measure added to the plan, as {@link AssistanceService#planMeasure}.
   *
   * @param caseId the case
   * @param plan the measure
   * @param by who plans it
   */
  record Plan(String caseId, MeasurePlan plan, Actor by) implements AssistanceEntry {

    /** Checks presence. */
    public Plan {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(plan, "plan");
      Objects.requireNonNull(by, "by");
    }
  }

  /**
   * A planned measure carried out with its evidence (落实佐证), as
   * {@link AssistanceService#implementMeasure}.
   *
   * @param caseId the case
   * @param number the measure's number in the plan
   * @param by who records it
   * @param on the day it was carried out
   * @param evidence the evidence
   */
  record Implementation(String caseId, int number, Actor by, LocalDate on, String evidence)
      implements AssistanceEntry {

    /** Checks presence. */
    public Implementation {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(on, "on");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /**
   * An implemented measure verified, as {@link AssistanceService#verifyMeasure}.
   *
   * @param caseId the case
   * @param number the measure's number in the plan
   * @param by who verifies it
   * @param on the day of the verification
   */
  record Verification(String caseId, int number, Actor by, LocalDate on) implements AssistanceEntry {

    /** Checks presence. */
    public Verification {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(on, "on");
    }
  }
}
