package org.fangfanpin.spi.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An 18-character resident ID number (居民身份证号码, GB 11643-1999): 6 digits of region, 8 of
 * birth date, 3 of sequence and an ISO 7064 MOD 11-2 check character ({@code X} stands for 10).
 *
 * <p>It is personal data: {@link #toString()} and every message show only the first 6 and the last
 * 4 characters. The full number is available through {@link #unmasked()} for storage adapters and
 * for nothing else.
 */
public final class ResidentId {

  private static final int LENGTH = 18;
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final int EARLIEST_BIRTH_YEAR = 1850;

  private final String value;

  private ResidentId(String value) {
    this.value = value;
  }

  /**
   * Reads and checks an ID number. A lower-case {@code x} is accepted and stored upper-case. No
   * problem ever repeats the number.
   *
   * @param field the field name reported in a problem
   * @param text the ID number
   */
  public static Validation<Seq<Problem>, ResidentId> parse(String field, String text) {
    if (text == null || text.isBlank()) {
      return invalid(field, "resident_id.missing", "身份证号码不能为空", "the resident ID number is missing");
    }
    String s = text.strip().toUpperCase(java.util.Locale.ROOT);
    boolean shape = s.length() == LENGTH;
    for (int i = 0; shape && i < LENGTH - 1; i++) {
      shape = Character.isDigit(s.charAt(i)) && s.charAt(i) < 128;
    }
    if (!shape || !(Character.isDigit(s.charAt(LENGTH - 1)) || s.charAt(LENGTH - 1) == 'X')) {
      return invalid(field, "resident_id.format", "身份证号码应为 18 位：17 位数字加 1 位数字或 X",
          "the resident ID number must be 17 digits followed by a digit or X");
    }
    List<Problem> problems = List.empty();
    if (s.startsWith("00")) {
      problems = problems.append(Problem.of(field, "resident_id.region", "身份证号码的地区码不正确",
          "the region part of the resident ID number is not valid"));
    }
    if (!validBirthDate(s)) {
      problems = problems.append(Problem.of(field, "resident_id.birth_date", "身份证号码中的出生日期不正确",
          "the birth date in the resident ID number is not a valid date"));
    }
    if (checkCharacter(s) != s.charAt(LENGTH - 1)) {
      problems = problems.append(Problem.of(field, "resident_id.check_digit", "身份证号码校验码不正确",
          "the check character of the resident ID number is wrong"));
    }
    return problems.isEmpty() ? Validation.valid(new ResidentId(s)) : Validation.invalid(problems);
  }

  /** Reads a number known to be valid; throws {@link InvalidValueException} otherwise. */
  public static ResidentId of(String text) {
    return parse("resident_id", text).toEither().getOrElseThrow(InvalidValueException::new);
  }

  /**
   * The ISO 7064 MOD 11-2 check character for the first 17 digits of {@code digits17}.
   *
   * @param digits17 a string whose first 17 characters are digits
   */
  public static char checkCharacter(CharSequence digits17) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += (digits17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS[sum % 11];
  }

  /** The birth date the number encodes. */
  public LocalDate birthDate() {
    return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
        Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
  }

  /** The 6-digit region code of registration. */
  public String region() {
    return value.substring(0, 6);
  }

  /** The masked form: first 6 and last 4 characters, the 8 between as {@code *}. */
  public String masked() {
    return mask(value);
  }

  /**
   * The full number. Only storage adapters and the household's own documents may use it; never
   * log it, print it or put it in a message.
   */
  public String unmasked() {
    return value;
  }

  /**
   * Masks any text as an ID number is masked: first 6 and last 4 characters kept, the rest as
   * {@code *}; text of 10 characters or fewer is masked entirely.
   */
  public static String mask(String text) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    if (n <= 10) {
      return "*".repeat(n);
    }
    return text.substring(0, 6) + "*".repeat(n - 10) + text.substring(n - 4);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResidentId r && r.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The masked form; the full number never appears in a string built from this value. */
  @Override
  public String toString() {
    return masked();
  }

  private static boolean validBirthDate(String s) {
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(s.substring(6, 10)),
          Integer.parseInt(s.substring(10, 12)), Integer.parseInt(s.substring(12, 14)));
      return d.getYear() >= EARLIEST_BIRTH_YEAR;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static Validation<Seq<Problem>, ResidentId> invalid(String field, String code, String zh, String en) {
    return Validation.invalid(List.of(Problem.of(field, code, zh, en)));
  }
}
