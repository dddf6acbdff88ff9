package org.fangfanpin.spi.model;

import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * Thrown when a value is built from input that breaks its structural rules (无效值). This is a
 * programming error of the caller: untrusted input should go through the value's
 * {@code validate}/{@code parse} method, which returns every problem as a value instead.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private final transient Seq<Problem> problems;

  /** Creates the exception for a non-empty list of problems. */
  public InvalidValueException(Seq<Problem> problems) {
    super(describe(problems));
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** Every problem found, in the order found. */
  public Seq<Problem> problems() {
    return problems;
  }

  private static String describe(Seq<Problem> problems) {
    return problems.map(Problem::toString).mkString("; ");
  }
}
