package org.fangfanpin.core.review;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.fangfanpin.core.internal.Checks;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * The checks every move of a tiered review shares (审核通用校验), each answering the rejection or
 * none when it passes, and the building of the move's {@link Transition}. Pure functions; used by
 * the rules of recognition and of risk elimination, not by hosts.
 *
 * <p>A text is refused when blank where required, longer than {@value #MAX_TEXT_LENGTH}
 * characters, or holding a run of {@value #PERSONAL_NUMBER_DIGITS} digits or more: an ID number,
 * phone or bank account has no place in a record whose text travels in events.
 */
public final class ReviewChecks {

  /** The longest free text a step accepts, in characters. */
  public static final int MAX_TEXT_LENGTH = 500;
  /** A run of this many digits is taken for a resident ID number, a phone or a bank account. */
  public static final int PERSONAL_NUMBER_DIGITS = Checks.PERSONAL_NUMBER_DIGITS;

  private ReviewChecks() {}

  /** The rejection when there is one, else the move the supplier builds. */
  public static Either<Rejection, Transition> unlessRefused(Option<Rejection> refusal, Supplier<Transition> move) {
    return Checks.unlessRefused(refusal, move);
  }

  /** Runs the checks in order and answers the first rejection. */
  @SafeVarargs
  public static Option<Rejection> firstFailing(Supplier<Option<Rejection>>... checks) {
    return Checks.firstFailing(checks);
  }

  /** {@code review.wrong_state} unless the case is in the state. */
  public static Option<Rejection> inState(MonitoringCase c, CaseState needed) {
    return c.state() == needed ? Option.none() : Option.some(ReviewRejections.wrongState(c.state(), needed));
  }

  /** {@code actor.role_not_allowed} unless the actor acts in one of the roles. */
  public static Option<Rejection> role(Actor by, String actionZh, String actionEn, Role... allowed) {
    return Checks.role(by, actionZh, actionEn, allowed);
  }

  /** {@code actor.outside_jurisdiction} unless the case's village lies in the actor's area. */
  public static Option<Rejection> inJurisdiction(MonitoringCase c, Actor by) {
    return inJurisdiction(c.area(), by);
  }

  /** {@code actor.outside_jurisdiction} unless the area lies in the actor's area. */
  public static Option<Rejection> inJurisdiction(AreaCode area, Actor by) {
    return Checks.inJurisdiction(area, by);
  }

  /**
   * {@code actor.same_as_proposer} when the actor acted on an earlier step of the track: the one
   * who proposes a step does not approve it.
   */
  public static Option<Rejection> notAnEarlierActor(ReviewTrack track, MonitoringCase c, Actor by,
      boolean verificationIncluded) {
    return ReviewSteps.earlierActorIds(track, c, verificationIncluded).contains(by.id())
        ? Option.some(Rejections.sameActor(by)) : Option.none();
  }

  /** {@code review.date_out_of_order} when the day lies after today. */
  public static Option<Rejection> notAfterToday(String field, LocalDate day, LocalDate today) {
    return day.isAfter(today) ? Option.some(ReviewRejections.dateAfterToday(field, day, today)) : Option.none();
  }

  /** {@code review.date_out_of_order} when the day lies before the previous step's. */
  public static Option<Rejection> notBefore(String field, LocalDate day, String previousZh, String previousEn,
      LocalDate previous) {
    return day.isBefore(previous)
        ? Option.some(ReviewRejections.dateBeforePrevious(field, day, previousZh, previousEn, previous))
        : Option.none();
  }

  /** {@code input.invalid} listing every problem, or none. */
  public static Option<Rejection> texts(Seq<Problem> problems) {
    return Checks.invalid(problems);
  }

  /** The problems of a text that must not be blank. */
  public static Seq<Problem> required(String field, String text) {
    return Checks.text(field, text, MAX_TEXT_LENGTH, true);
  }

  /** The problems of a text that may be blank. */
  public static Seq<Problem> optional(String field, String text) {
    return Checks.text(field, text, MAX_TEXT_LENGTH, false);
  }

  /** Whether the text holds a run of {@value #PERSONAL_NUMBER_DIGITS} digits or more. */
  public static boolean holdsPersonalNumber(String text) {
    return Checks.holdsPersonalNumber(text);
  }

  /** The move: the case with its step, in the new state, one version after {@code before}. */
  public static Transition moved(MonitoringCase before, MonitoringCase withStep, CaseState state, Actor by,
      String action, List<Transition.Raised> events) {
    return new Transition(withStep.withState(state).withVersion(before.version() + 1), by, action,
        events.toJavaList());
  }

  /** Event attributes from names and values, in order. */
  public static Map<String, String> attributes(String... namesAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }
}
