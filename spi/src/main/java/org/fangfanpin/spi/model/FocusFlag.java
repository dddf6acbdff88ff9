package org.fangfanpin.spi.model;

/**
 * A focus group a household belongs to (重点关注对象, seed 001).
 */
public enum FocusFlag {
  /** 低保户 — on the minimum living guarantee. */
  DIBAO("低保户", "minimum living guarantee (dibao)"),
  /** 特困/五保户 — extreme-poverty support. */
  TEKUN("特困供养/五保户", "extreme-poverty support (tekun)"),
  /** 危房户 — lives in a dangerous house. */
  DANGEROUS_HOUSE("危房户", "dangerous house"),
  /** 大病户 — a member with a serious illness. */
  SERIOUS_ILLNESS("大病户", "serious illness"),
  /** 残疾户 — a disabled member. */
  DISABILITY("残疾户", "disability"),
  /** 无劳力户 — no member able to work. */
  NO_LABOUR("无劳动力户", "no labour"),
  /** 老年户 — elderly members only. */
  ELDERLY("老年户", "elderly"),
  /** 受灾户 — struck by a disaster. */
  DISASTER_STRICKEN("受灾户", "disaster-stricken");

  private final String zh;
  private final String en;

  FocusFlag(String zh, String en) {
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
