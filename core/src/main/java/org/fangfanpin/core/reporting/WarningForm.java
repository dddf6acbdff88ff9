package org.fangfanpin.core.reporting;

import org.fangfanpin.spi.model.HouseholdStatus;

/**
 * The two warning forms a township fills from the democratic appraisal's results and reports to
 * the county (seed 001, 附件1 and 附件2).
 */
public enum WarningForm {
  /** 返贫预警情况统计表: the cases of lifted households (脱贫户). */
  RETURN_TO_POVERTY("返贫预警情况统计表", "return-to-poverty warnings"),
  /** 致贫预警情况统计表: the cases of every other household. */
  FALL_INTO_POVERTY("致贫预警情况统计表", "fall-into-poverty warnings");

  private final String zh;
  private final String en;

  WarningForm(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The form a case of a household with this status counts in. */
  public static WarningForm of(HouseholdStatus status) {
    return status == HouseholdStatus.LIFTED ? RETURN_TO_POVERTY : FALL_INTO_POVERTY;
  }

  /** The form's Chinese title. */
  public String zh() {
    return zh;
  }

  /** The English name. */
  public String en() {
    return en;
  }
}
