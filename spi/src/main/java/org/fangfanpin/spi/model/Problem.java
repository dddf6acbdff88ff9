package org.fangfanpin.spi.model;

import java.util.Objects;

/**
 * One thing wrong with a piece of input (输入问题): the field it concerns, a stable code, and a
 * message in Chinese and in English.
 *
 * <p>Codes never change once released; messages may be reworded. A problem never carries a full
 * resident ID number.
 *
 * @param field the name of the offending field, as the caller knows it (e.g. {@code area_code})
 * @param code the stable, machine-readable code (e.g. {@code area_code.length})
 * @param zh the message in Chinese
 * @param en the message in English
 */
public record Problem(String field, String code, String zh, String en) {

  /** Checks that every part is present and not blank. */
  public Problem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** Creates a problem. */
  public static Problem of(String field, String code, String zh, String en) {
    return new Problem(field, code, zh, en);
  }

  /** The same problem reported under another field name, e.g. when a value is nested. */
  public Problem inField(String otherField) {
    return new Problem(otherField, code, zh, en);
  }

  @Override
  public String toString() {
    return field + ": " + code + " (" + en + " / " + zh + ")";
  }
}
