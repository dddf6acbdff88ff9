package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.Actor;

/**
 * An objection (异议) filed while a public notice runs, and its answer. Every objection must be
 * answered before the notice can close.
 *
 * @param number the objection's number within the notice, from 1
 * @param filedOn the day it was filed
 * @param recordedBy the village actor who recorded it
 * @param text what the objector says
 * @param answer the answer, once given
 */
public record Objection(int number, LocalDate filedOn, Actor recordedBy, String text, Optional<Answer> answer) {

  /** Checks presence. */
  public Objection {
    Objects.requireNonNull(filedOn, "filedOn");
    Objects.requireNonNull(recordedBy, "recordedBy");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(answer, "answer");
  }

  /** Whether it has been answered. */
  public boolean answered() {
    return answer.isPresent();
  }

  /**
   * The answer to an objection (异议答复).
   *
   * @param answeredOn the day of the answer
   * @param by who answered
   * @param text the answer
   */
  public record Answer(LocalDate answeredOn, Actor by, String text) {

    /** Checks presence. */
    public Answer {
      Objects.requireNonNull(answeredOn, "answeredOn");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(text, "text");
    }
  }
}
