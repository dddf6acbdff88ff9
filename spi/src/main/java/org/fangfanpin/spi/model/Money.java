package org.fangfanpin.spi.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * An exact amount of renminbi (金额), held as whole fen (分) in a {@code long}.
 *
 * <p>Yuan appear only at the edges: {@link #parseYuan} reads a decimal string with at most two
 * decimals, {@link #toYuanString} writes one. Arithmetic is exact and fails loudly on overflow; no
 * {@code double} is used anywhere. Amounts may be negative (a difference such as income minus
 * expenditure); inputs that must not be negative are checked where they are read.
 */
public final class Money implements Comparable<Money> {

  /** Zero fen. */
  public static final Money ZERO = new Money(0);

  private static final long FEN_PER_YUAN = 100;
  /** Amounts beyond this many yuan are rejected at the edge: no household figure comes near. */
  private static final int MAX_YUAN_DIGITS = 13;

  private final long fen;

  private Money(long fen) {
    this.fen = fen;
  }

  /** An amount of whole fen. */
  public static Money ofFen(long fen) {
    return fen == 0 ? ZERO : new Money(fen);
  }

  /** An amount of whole yuan. */
  public static Money ofYuan(long yuan) {
    return ofFen(Math.multiplyExact(yuan, FEN_PER_YUAN));
  }

  /**
   * Reads a yuan amount such as {@code 6000}, {@code 6999.9} or {@code 6999.99}, with an optional
   * leading minus sign. Grouping separators, exponents and more than two decimals are rejected.
   *
   * @param field the field name reported in a problem
   * @param text the text to read
   */
  public static Validation<Seq<Problem>, Money> parseYuan(String field, String text) {
    if (text == null || text.isBlank()) {
      return invalid(field, "money.missing", "金额不能为空", "the amount is missing");
    }
    String s = text.strip();
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    int dot = s.indexOf('.');
    String whole = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "" : s.substring(dot + 1);
    if (whole.isEmpty() || !allDigits(whole) || !allDigits(frac) || (dot >= 0 && frac.isEmpty())) {
      return invalid(field, "money.format", "金额格式不正确，应为元，如 6000 或 6000.50",
          "the amount is not a yuan figure such as 6000 or 6000.50");
    }
    if (frac.length() > 2) {
      return invalid(field, "money.precision", "金额最多保留两位小数（分）",
          "the amount has more than two decimals (fen)");
    }
    String trimmed = stripLeadingZeros(whole);
    if (trimmed.length() > MAX_YUAN_DIGITS) {
      return invalid(field, "money.range", "金额超出允许范围", "the amount is out of range");
    }
    long yuan = trimmed.isEmpty() ? 0 : Long.parseLong(trimmed);
    long fen = yuan * FEN_PER_YUAN + (frac.isEmpty() ? 0 : Long.parseLong((frac + "0").substring(0, 2)));
    return Validation.valid(ofFen(negative ? -fen : fen));
  }

  /** The amount in fen. */
  public long fen() {
    return fen;
  }

  /** This amount plus another. */
  public Money plus(Money other) {
    return ofFen(Math.addExact(fen, other.fen));
  }

  /** This amount minus another. */
  public Money minus(Money other) {
    return ofFen(Math.subtractExact(fen, other.fen));
  }

  /** This amount multiplied by a whole number, such as a count of members. */
  public Money times(long factor) {
    return ofFen(Math.multiplyExact(fen, factor));
  }

  /** Whether this amount is below zero. */
  public boolean isNegative() {
    return fen < 0;
  }

  /** Whether this amount is strictly less than another. */
  public boolean isLessThan(Money other) {
    return fen < other.fen;
  }

  /** Whether this amount is strictly greater than another. */
  public boolean isGreaterThan(Money other) {
    return fen > other.fen;
  }

  /** The yuan figure with exactly two decimals, e.g. {@code 6999.99} or {@code -0.05}. */
  public String toYuanString() {
    // Divide before taking the absolute value so that Long.MIN_VALUE formats too.
    long whole = Math.abs(fen / FEN_PER_YUAN);
    long cents = Math.abs(fen % FEN_PER_YUAN);
    String body = whole + (cents < 10 ? ".0" : ".") + cents;
    return fen < 0 ? "-" + body : body;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(fen, other.fen);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money m && m.fen == fen;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(fen);
  }

  /** The yuan figure followed by the currency, e.g. {@code 6000.00 CNY}. */
  @Override
  public String toString() {
    return toYuanString() + " CNY";
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static String stripLeadingZeros(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static Validation<Seq<Problem>, Money> invalid(String field, String code, String zh, String en) {
    return Validation.invalid(List.of(Problem.of(field, code, zh, en)));
  }
}
