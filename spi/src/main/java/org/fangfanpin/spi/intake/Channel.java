package org.fangfanpin.spi.intake;

/** The five intake channels (五个渠道) through which a risk reaches the county (seed 000). */
public enum Channel {
  /** The household applies itself (农户申报). */
  SELF_DECLARATION("农户申报", "self-declaration"),
  /** Village and township visits, weekly grid visits (村镇排查/网格排查). */
  GRID_SCREENING("村镇排查", "grid screening"),
  /** News media and the 12317 supervision hotline (新闻媒体及12317). */
  MEDIA_HOTLINE("媒体及12317", "media and 12317 hotline"),
  /** Industry departments comparing their data with the register (行业部门比对). */
  INDUSTRY_DEPARTMENT("行业部门", "industry department"),
  /** Automatic screening on the data platform (数据平台监测). */
  DATA_PLATFORM("数据平台", "data platform");

  private final String zh;
  private final String en;

  Channel(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The Chinese name used in forms. */
  public String zh() {
    return zh;
  }

  /** The English name. */
  public String en() {
    return en;
  }
}
