package org.fangfanpin.spi.fund;

/** Where an aid application stands (救助申请状态), along seed 000's tiers. */
public enum AidApplicationState {
  /** Applied by the household (个人申请). */
  APPLIED("已申请", "applied"),
  /** Studied and passed by the village (村社研究). */
  VILLAGE_STUDIED("村级已研究", "studied by the village"),
  /** Reviewed and passed by the township (镇办审核). */
  TOWNSHIP_REVIEWED("镇级已审核", "reviewed by the township"),
  /** Approved by the county, waiting for a batch (县级审定). */
  COUNTY_APPROVED("县级已审定", "approved by the county"),
  /** Paid in a batch (统一救助). */
  PAID("已发放", "paid"),
  /** Refused at some tier. */
  REFUSED("未通过", "refused"),
  /** Paid, then the payment was reversed. */
  REVERSED("已冲正", "reversed");

  private final String zh;
  private final String en;

  AidApplicationState(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The Chinese name. */
  public String zh() {
    return zh;
  }

  /** The English name. */
  public String en() {
    return en;
  }
}
