package org.fangfanpin.spi.model;

/**
 * A member's relation to the head of household (与户主关系).
 */
public enum MemberRelation {
  /** 户主. */
  HEAD("户主", "head of household"),
  /** 配偶. */
  SPOUSE("配偶", "spouse"),
  /** 子女. */
  CHILD("子女", "child"),
  /** 父母. */
  PARENT("父母", "parent"),
  /** 孙辈. */
  GRANDCHILD("孙子女", "grandchild"),
  /** 其他. */
  OTHER("其他", "other");

  private final String zh;
  private final String en;

  MemberRelation(String zh, String en) {
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
