package org.fangfanpin.core.internal;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;

/**
 * The checks every capability's rules share (通用校验), each answering the rejection or none when it
 * passes: role, jurisdiction, and free texts, which are refused when blank where required, too
 * long, or holding a run of {@value #PERSONAL_NUMBER_DIGITS} digits or more — an ID number, phone
 * or bank account has no place in a record whose text travels in events and the audit trail. Not
 * API.
 */
public final class Checks {

  /** A run of this many digits is taken for a resident ID number, a phone or a bank account. */
  public static final int PERSONAL_NUMBER_DIGITS = 11;

  private Checks() {}

  /** The rejection when there is one, else what the supplier builds. */
  public static <T> Either<Rejection, T> unlessRefused(Option<Rejection> refusal, Supplier<T> move) {
    return refusal.isDefined() ? Either.left(refusal.get()) : Either.right(move.get());
  }

  /** Runs the checks in order and answers the first rejection. */
  @SafeVarargs
  public static Option<Rejection> firstFailing(Supplier<Option<Rejection>>... checks) {
    for (Supplier<Option<Rejection>> check : checks) {
      Option<Rejection> failed = check.get();
      if (failed.isDefined()) {
        return failed;
      }
    }
    return Option.none();
  }

  /** {@code actor.role_not_allowed} unless the actor acts in one of the roles. */
  public static Option<Rejection> role(Actor by, String actionZh, String actionEn, Role... allowed) {
    for (Role r : allowed) {
      if (by.role() == r) {
        return Option.none();
      }
    }
    return Option.some(Rejections.roleNotAllowed(by, actionZh, actionEn));
  }

  /** {@code actor.outside_jurisdiction} unless the area lies in the actor's area. */
  public static Option<Rejection> inJurisdiction(AreaCode area, Actor by) {
    return by.covers(area) ? Option.none() : Option.some(Rejections.outsideJurisdiction(by));
  }

  /** {@code input.invalid} listing every problem, or none. */
  public static Option<Rejection> invalid(Seq<Problem> problems) {
    return problems.isEmpty() ? Option.none() : Option.some(Rejections.invalid(problems));
  }

  /** {@code text.blank} when the text is blank. */
  public static Seq<Problem> notBlank(String field, String text) {
    return text.isBlank()
        ? List.of(Problem.of(field, "text.blank", field + " 不能为空", field + " must not be blank"))
        : List.empty();
  }

  /**
   * The problems of a free text: blank where required (then only that), longer than
   * {@code maxLength} characters, holding a personal number.
   */
  public static Seq<Problem> text(String field, String text, int maxLength, boolean required) {
    if (required && text.isBlank()) {
      return notBlank(field, text);
    }
    List<Problem> problems = List.empty();
    if (text.codePointCount(0, text.length()) > maxLength) {
      problems = problems.append(Problem.of(field, "text.too_long",
          field + " 不能超过 " + maxLength + " 个字符",
          field + " must not be longer than " + maxLength + " characters"));
    }
    if (holdsPersonalNumber(text)) {
      problems = problems.append(Problem.of(field, "text.personal_number",
          field + " 不能含有身份证号、电话或银行账号",
          field + " must not hold a resident ID number, phone or bank account"));
    }
    return problems;
  }

  /** Whether the text holds a run of {@value #PERSONAL_NUMBER_DIGITS} digits or more. */
  public static boolean holdsPersonalNumber(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        run++;
        if (run >= PERSONAL_NUMBER_DIGITS) {
          return true;
        }
      } else {
        run = 0;
      }
    }
    return false;
  }
}
