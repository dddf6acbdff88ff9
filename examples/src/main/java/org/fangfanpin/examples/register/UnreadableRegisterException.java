package org.fangfanpin.examples.register;

import java.util.Objects;

/**
 * The register file cannot be read as a whole (登记表无法读取): it cannot be opened, is not UTF-8,
 * is not well-formed CSV, or its header lacks a column. Unlike a rejected row, nothing after this
 * point can be trusted, so reading stops.
 *
 * <p>The messages name the file, the line and the columns, never the content of a cell.
 */
public final class UnreadableRegisterException extends RuntimeException {

  private final String zh;
  private final String en;

  UnreadableRegisterException(String zh, String en, Throwable cause) {
    super(en + " / " + zh, cause);
    this.zh = Objects.requireNonNull(zh, "zh");
    this.en = Objects.requireNonNull(en, "en");
  }

  UnreadableRegisterException(String zh, String en) {
    this(zh, en, null);
  }

  /** The message in Chinese. */
  public String zh() {
    return zh;
  }

  /** The message in English. */
  public String en() {
    return en;
  }
}
