package org.fangfanpin.spi.model;

/**
 * The cause of a household's risk (风险类型).
 */
public enum RiskType {
  /** 因病. */
  ILLNESS("因病", "illness"),
  /** 因学. */
  EDUCATION("因学", "schooling costs"),
  /** 因残. */
  DISABILITY("因残", "disability"),
  /** 因灾. */
  DISASTER("因灾", "disaster"),
  /** 因意外事故. */
  ACCIDENT("因意外事故", "accident"),
  /** 因产业项目失败. */
  FAILED_INDUSTRY_PROJECT("因产业项目失败", "failed industry project"),
  /** 因务工就业不稳. */
  UNSTABLE_EMPLOYMENT("因务工就业不稳", "unstable employment"),
  /** 缺劳动力. */
  LACK_OF_LABOUR("缺劳动力", "lack of labour"),
  /** 住房安全. */
  HOUSING_SAFETY("住房安全", "housing safety"),
  /** 饮水安全. */
  DRINKING_WATER_SAFETY("饮水安全", "drinking water safety"),
  /** 其他. */
  OTHER("其他", "other");

  private final String zh;
  private final String en;

  RiskType(String zh, String en) {
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
