package org.fangfanpin.spi.model;

/**
 * The level of a statistical division (行政区划层级) named by an {@link AreaCode}.
 */
public enum AreaLevel {
  /** 省 — the first 2 digits are significant. */
  PROVINCE(2),
  /** 市 — the first 4 digits are significant. */
  CITY(4),
  /** 县 — the first 6 digits are significant. */
  COUNTY(6),
  /** 乡镇 — the first 9 digits are significant. */
  TOWNSHIP(9),
  /** 村 — all 12 digits are significant. */
  VILLAGE(12);

  private final int significantDigits;

  AreaLevel(int significantDigits) {
    this.significantDigits = significantDigits;
  }

  /** How many leading digits of the 12-digit code name an area of this level. */
  public int significantDigits() {
    return significantDigits;
  }
}
