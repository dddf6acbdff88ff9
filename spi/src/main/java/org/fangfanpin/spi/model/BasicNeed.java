package org.fangfanpin.spi.model;

/**
 * One of the basic needs that must hold for every household (两不愁三保障 and 饮水安全).
 */
public enum BasicNeed {
  /** 不愁吃、不愁穿. */
  FOOD_AND_CLOTHING("吃穿不愁", "food and clothing"),
  /** 义务教育有保障. */
  COMPULSORY_EDUCATION("义务教育有保障", "compulsory education"),
  /** 基本医疗有保障. */
  BASIC_MEDICAL_CARE("基本医疗有保障", "basic medical care"),
  /** 住房安全有保障. */
  SAFE_HOUSING("住房安全有保障", "safe housing"),
  /** 饮水安全有保障. */
  SAFE_DRINKING_WATER("饮水安全有保障", "safe drinking water");

  private final String zh;
  private final String en;

  BasicNeed(String zh, String en) {
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
