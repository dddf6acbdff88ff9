package org.fangfanpin.adapters.jdbc;

import java.time.LocalDate;

/**
 * The sizes of the schema's columns (列宽) and the checks that keep a value the database could not
 * hold from reaching it: the caller gets an {@link IllegalArgumentException} naming the column, in
 * Chinese and English, on H2 and PostgreSQL alike, instead of a raw SQL error (which would also
 * abort a PostgreSQL transaction).
 */
final class Columns {

  /** Id columns: wider than the library's own limit of 64 characters. */
  static final int ID = 255;
  /** Account keys: county, fund year, kind and household id. */
  static final int ACCOUNT_KEY = 400;
  /** JSON documents. */
  static final int DOCUMENT = 1_000_000;

  /** The first and last day both databases store in a DATE column. */
  private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

  private Columns() {}

  /** The text, if it fits the column of {@code max} characters. */
  static String text(String column, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(column + " 超过 " + max + " 个字符 / " + column + " is longer than " + max
          + " characters");
    }
    return value;
  }

  /** The instant as nanoseconds since the epoch, if a BIGINT column holds it (years 1678 to 2261). */
  static long nanos(String column, java.time.Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(column + " 超出可保存的时间范围 / " + column + " is outside the instants it can hold");
    }
  }

  /** The day, if a DATE column holds it. */
  static LocalDate day(String column, LocalDate day) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw new IllegalArgumentException(column + " 超出 0001-01-01 至 9999-12-31 / " + column
          + " is outside 0001-01-01 to 9999-12-31");
    }
    return day;
  }
}
