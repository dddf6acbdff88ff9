package org.fangfanpin.examples.register;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Problem;

/**
 * One data row of a household register (户登记表的一行), read: either a household ready to be
 * assessed, or the row's problems, every one of them, so that a village can fix the row in one go.
 */
public sealed interface RegisterRow permits RegisterRow.Accepted, RegisterRow.Rejected {

  /** The row's position among the data rows, the first data row being 1. */
  int row();

  /**
   * A row that makes a valid household.
   *
   * @param row the row's position, from 1
   * @param household the household it describes
   */
  record Accepted(int row, Household household) implements RegisterRow {

    /** Checks that the household is present. */
    public Accepted {
      Objects.requireNonNull(household, "household");
    }
  }

  /**
   * A row that does not make a household.
   *
   * @param row the row's position, from 1
   * @param householdId the row's household id when it is a well-formed id
   * @param problems every problem found, never empty; none holds a full resident ID number
   */
  record Rejected(int row, Optional<String> householdId, List<Problem> problems) implements RegisterRow {

    /** Copies the problems and checks there is at least one. */
    public Rejected {
      Objects.requireNonNull(householdId, "householdId");
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected row has at least one problem");
      }
    }
  }
}
