package org.fangfanpin.core.review;

import java.util.Locale;

/** Which deadline of the tiered review (审核时限) a step is due against. Names are stable. */
public enum DeadlineKind {
  /**
   * The township verifies within the policy's working days (001: 7) of the appraisal result
   * reaching it, that is of the notice's closing (乡镇审核时限).
   */
  TOWNSHIP_VERIFICATION("乡镇审核时限", "township verification deadline"),
  /**
   * The county decides within the policy's limit from the first risk clue (national: 15 calendar
   * days; some provinces 20 working days) (认定时限).
   */
  RECOGNITION_LIMIT("认定时限", "recognition time limit"),
  /** The notice closes on the day after its last day (公示结束). */
  NOTICE_CLOSE("公示结束时限", "notice closing");

  private final String zh;
  private final String en;

  DeadlineKind(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The lower-case code used in event ids, e.g. {@code township_verification}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
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
