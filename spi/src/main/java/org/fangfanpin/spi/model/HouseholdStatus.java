package org.fangfanpin.spi.model;

/**
 * The household's standing in the poverty register (户类型).
 */
public enum HouseholdStatus {
  /** 脱贫户 — lifted out of poverty and still watched. */
  LIFTED("脱贫户", "lifted household"),
  /** 一般农户 — an ordinary rural household, never registered as poor. */
  ORDINARY("一般农户", "ordinary household");

  private final String zh;
  private final String en;

  HouseholdStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The Chinese name used in forms and messages. */
  public String zh() {
    return zh;
  }

  /** The English name used in messages. */
  public String en() {
    return en;
  }
}
