package org.fangfanpin.spi.fund;

/**
 * The kinds of account of a county's fund in a fund year (资金账户类别). Sources record where money
 * came from; the pool holds what can be paid; aid paid has one sub-account per household.
 */
public enum AccountKind {
  /** Fiscal appropriation, a source (财政投入). */
  APPROPRIATION("财政投入", "fiscal appropriation", true),
  /** Social donations, a source (社会捐助). */
  DONATION("社会捐助", "donations", true),
  /** The fund pool (资金池): what is left to pay from. */
  POOL("资金池", "fund pool", false),
  /** Aid paid to one household (救助支出, 分户明细). */
  AID_PAID("救助支出", "aid paid", false);

  private final String zh;
  private final String en;
  private final boolean source;

  AccountKind(String zh, String en, boolean source) {
    this.zh = zh;
    this.en = en;
    this.source = source;
  }

  /** Whether money enters the fund from outside through this account. */
  public boolean isSource() {
    return source;
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
