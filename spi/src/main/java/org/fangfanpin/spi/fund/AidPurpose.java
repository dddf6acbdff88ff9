package org.fangfanpin.spi.fund;

/**
 * The purpose of aid (救助事由), each under its own cap of seed 000 besides the general cap.
 */
public enum AidPurpose {
  /** General aid: illness, disaster, accident… up to the household cap per year (一般救助). */
  GENERAL("一般救助", "general aid"),
  /** A college student, per academic year, after other education aid (大学生就学救助). */
  COLLEGE_STUDENT("大学生就学", "college student"),
  /** Epidemic or other hardship, per person per year (疫情或其他困难). */
  HARDSHIP("疫情或其他困难", "epidemic or other hardship");

  private final String zh;
  private final String en;

  AidPurpose(String zh, String en) {
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
