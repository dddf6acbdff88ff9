package org.fangfanpin.spi.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * A 12-digit statistical division code (统计用区划代码): province 2, city 2, county 2, township 3
 * and village 3 digits. Trailing groups of zeros mark a higher level: {@code 611022000000} is a
 * county, {@code 611022100000} a township of it, {@code 611022100201} a village of that township.
 *
 * <p>A scalar value kept as a small hand-written class rather than an Immutables type, because it
 * is a single validated string on the hot path of every screening.
 */
public final class AreaCode implements Comparable<AreaCode> {

  private static final int LENGTH = 12;
  private static final int[] GROUP_ENDS = {2, 4, 6, 9, 12};

  private final String code;
  private final AreaLevel level;

  private AreaCode(String code, AreaLevel level) {
    this.code = code;
    this.level = level;
  }

  /**
   * Reads a 12-digit code and checks its shape.
   *
   * @param field the field name reported in a problem
   * @param text the code
   */
  public static Validation<Seq<Problem>, AreaCode> parse(String field, String text) {
    if (text == null || text.isBlank()) {
      return invalid(field, "area_code.missing", "区划代码不能为空", "the area code is missing");
    }
    String s = text.strip();
    if (s.length() != LENGTH || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return invalid(field, "area_code.format", "区划代码应为 12 位数字", "the area code must be 12 digits");
    }
    if (s.startsWith("00")) {
      return invalid(field, "area_code.province", "区划代码的省级代码不能为 00",
          "the province part of the area code cannot be 00");
    }
    // Once a group is all zeros, every later group must be zeros too: 110000001000 names nothing.
    AreaLevel level = AreaLevel.VILLAGE;
    boolean zeroSeen = false;
    int start = 0;
    for (int g = 0; g < GROUP_ENDS.length; g++) {
      boolean zero = isZeros(s, start, GROUP_ENDS[g]);
      if (zero && !zeroSeen) {
        zeroSeen = true;
        level = AreaLevel.values()[g - 1];
      } else if (!zero && zeroSeen) {
        return invalid(field, "area_code.gap", "区划代码的上级部分为 0 而下级部分不为 0",
            "the area code has a zero group before a non-zero one");
      }
      start = GROUP_ENDS[g];
    }
    return Validation.valid(new AreaCode(s, level));
  }

  /** Reads a code known to be valid; throws {@link InvalidValueException} otherwise. */
  public static AreaCode of(String code) {
    return parse("area_code", code).toEither().getOrElseThrow(InvalidValueException::new);
  }

  /** The 12 digits. */
  public String code() {
    return code;
  }

  /** The level this code names. */
  public AreaLevel level() {
    return level;
  }

  /** The leading digits that matter at this code's level, e.g. {@code 611022} for a county. */
  public String prefix() {
    return code.substring(0, level.significantDigits());
  }

  /** The area of the given higher (or same) level that holds this one; empty if {@code l} is lower. */
  public Option<AreaCode> ancestor(AreaLevel l) {
    if (l.compareTo(level) > 0) {
      return Option.none();
    }
    if (l == level) {
      return Option.some(this);
    }
    String head = code.substring(0, l.significantDigits());
    return Option.some(new AreaCode(head + "0".repeat(LENGTH - head.length()), l));
  }

  /** The area directly above this one; empty for a province. */
  public Option<AreaCode> parent() {
    return level == AreaLevel.PROVINCE ? Option.none() : ancestor(AreaLevel.values()[level.ordinal() - 1]);
  }

  /** Every area above this one, nearest first. */
  public List<AreaCode> ancestors() {
    return parent().map(p -> p.ancestors().prepend(p)).getOrElse(List.empty());
  }

  /** Whether {@code other} is this area or lies inside it. */
  public boolean contains(AreaCode other) {
    // Compares the prefix in place: intake asks this of every signal, and prefix() copies.
    return other.level.compareTo(level) >= 0 && other.code.regionMatches(0, code, 0, level.significantDigits());
  }

  @Override
  public int compareTo(AreaCode o) {
    return code.compareTo(o.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AreaCode a && a.code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }

  private static boolean isZeros(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }

  private static Validation<Seq<Problem>, AreaCode> invalid(String field, String code, String zh, String en) {
    return Validation.invalid(List.of(Problem.of(field, code, zh, en)));
  }
}
