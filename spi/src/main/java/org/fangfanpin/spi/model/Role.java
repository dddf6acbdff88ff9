package org.fangfanpin.spi.model;

/**
 * The role an {@link Actor} acts in (角色). The role decides which moves the actor may make; its
 * jurisdiction decides for which households.
 */
public enum Role {
  /** A member of the household, declaring its own risk (农户). */
  HOUSEHOLD("农户", "household"),
  /** The grid worker who visits households weekly (网格员). */
  GRID_WORKER("网格员", "grid worker"),
  /** The village working group: village committee and resident work team (村工作组). */
  VILLAGE_WORKING_GROUP("村工作组", "village working group"),
  /** A township officer who verifies cases (乡镇干部). */
  TOWNSHIP_OFFICER("乡镇干部", "township officer"),
  /** The township head, who may approve emergency aid first (乡镇长). */
  TOWNSHIP_HEAD("乡镇主要负责人", "township head"),
  /** The county office for rural revitalisation, which decides cases (县级乡村振兴部门). */
  COUNTY_OFFICE("县级乡村振兴部门", "county office"),
  /** An officer of an industry department comparing its data (行业部门). */
  DEPARTMENT_OFFICER("行业部门", "industry department officer"),
  /** An operator of the media and 12317 hotline channel (12317监督平台). */
  HOTLINE_OPERATOR("12317平台", "hotline operator"),
  /** The data platform's automatic screening, a system actor (数据平台). */
  DATA_PLATFORM("数据平台", "data platform");

  private final String zh;
  private final String en;

  Role(String zh, String en) {
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
