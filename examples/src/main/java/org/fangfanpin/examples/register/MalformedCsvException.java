package org.fangfanpin.examples.register;

import java.io.IOException;

/**
 * The characters are not RFC 4180 CSV (CSV 格式错误): a quoted field is never closed, or text
 * follows its closing quote. The message names the line, never the text of a field.
 */
final class MalformedCsvException extends IOException {

  private final long line;
  private final String zh;

  MalformedCsvException(long line, String zh, String en) {
    super(en);
    this.line = line;
    this.zh = zh;
  }

  /** The line, from 1, where the faulty field starts or the fault was met. */
  long line() {
    return line;
  }

  /** The reason in Chinese; {@link #getMessage()} gives it in English. */
  String zh() {
    return zh;
  }
}
