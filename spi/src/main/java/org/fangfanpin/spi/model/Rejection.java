package org.fangfanpin.spi.model;

import java.util.Objects;

/**
 * A refused command (驳回): a stable code, a message in Chinese and English, and the rule or field
 * it concerns. A rejected command changes nothing.
 *
 * <p>Codes never change once released (e.g. {@code review.role_not_allowed}); messages may.
 *
 * @param code the stable, machine-readable code
 * @param zh the message in Chinese
 * @param en the message in English
 */
public record Rejection(String code, String zh, String en) {

  /** Checks that every part is present. */
  public Rejection {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(zh, "zh");
    Objects.requireNonNull(en, "en");
  }

  /** Creates a rejection. */
  public static Rejection of(String code, String zh, String en) {
    return new Rejection(code, zh, en);
  }

  @Override
  public String toString() {
    return code + " (" + en + " / " + zh + ")";
  }
}
