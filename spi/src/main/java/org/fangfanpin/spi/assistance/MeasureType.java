package org.fangfanpin.spi.assistance;

/** The types of assistance measure (帮扶措施类型). */
public enum MeasureType {
  /** 产业帮扶. */
  INDUSTRY("产业帮扶", "industry"),
  /** 就业帮扶. */
  EMPLOYMENT("就业帮扶", "employment"),
  /** 公益性岗位. */
  PUBLIC_WELFARE_JOB("公益性岗位", "public-welfare job"),
  /** 教育帮扶. */
  EDUCATION("教育帮扶", "education"),
  /** 医疗保障. */
  MEDICAL("医疗保障", "medical"),
  /** 住房安全保障. */
  HOUSING("住房保障", "housing"),
  /** 小额信贷. */
  MICRO_CREDIT("小额信贷", "micro-credit"),
  /** 防贫保险. */
  PREVENTION_INSURANCE("防贫保险", "prevention insurance"),
  /** 联农带农新型经营主体. */
  NEW_BUSINESS_ENTITY("新型经营主体带动", "linkage to a new business entity"),
  /** 低保. */
  DIBAO("低保", "dibao"),
  /** 特困供养. */
  TEKUN("特困供养", "tekun support"),
  /** 临时救助. */
  EMERGENCY_RELIEF("临时救助", "emergency relief"),
  /** 社会帮扶/捐赠. */
  SOCIAL_DONATION("社会帮扶", "social donation"),
  /** 扶志扶智. */
  MOTIVATION("扶志扶智", "motivation");

  private final String zh;
  private final String en;

  MeasureType(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** Whether the measure is part of the social safety net (兜底保障). */
  public boolean isSafetyNet() {
    return this == DIBAO || this == TEKUN;
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
