package org.fangfanpin.spi.review;

/**
 * Where a case stands in the tiered review (案件状态). A case is open in every state but
 * {@link #DISMISSED} and {@link #CLOSED}.
 */
public enum CaseState {
  /** Opened by a signal; the village working group has not visited yet (待入户核实). */
  AWAITING_VISIT("待入户核实", "awaiting the village visit"),
  /** The risk is real; the village has not held its democratic appraisal (待民主评议). */
  AWAITING_APPRAISAL("待民主评议", "awaiting the democratic appraisal"),
  /** The appraisal agreed; the public notice has not started (待公示). */
  AWAITING_NOTICE("待公示", "awaiting the public notice"),
  /** The public notice runs; objections may be filed (公示中). */
  IN_NOTICE("公示中", "public notice running"),
  /** The result has reached the township; verification is due (待乡镇审核). */
  AWAITING_TOWNSHIP("待乡镇审核", "awaiting township verification"),
  /** Verified by the township; the county decides (待县级审定). */
  AWAITING_COUNTY("待县级审定", "awaiting the county decision"),
  /** Confirmed by the county: the household is monitored and assisted (已确认监测对象). */
  CONFIRMED("已确认", "confirmed"),
  /** The village proposed elimination after a home visit; its appraisal is due (风险消除待评议). */
  ELIMINATION_PROPOSED("风险消除待评议", "elimination proposed"),
  /** The elimination appraisal agreed; the notice has not started (风险消除待公示). */
  ELIMINATION_AWAITING_NOTICE("风险消除待公示", "elimination awaiting the notice"),
  /** The elimination notice runs (风险消除公示中). */
  ELIMINATION_IN_NOTICE("风险消除公示中", "elimination notice running"),
  /** The elimination awaits the township's verification (风险消除待乡镇审核). */
  ELIMINATION_AWAITING_TOWNSHIP("风险消除待乡镇审核", "elimination awaiting township verification"),
  /** The elimination awaits the county's decision (风险消除待县级审定). */
  ELIMINATION_AWAITING_COUNTY("风险消除待县级审定", "elimination awaiting the county decision"),
  /** Risk eliminated; support continues through the gradual exit period (渐退期). */
  GRADUAL_EXIT("渐退期", "gradual exit"),
  /** The risk was found not real or not confirmed (已排除). */
  DISMISSED("已排除", "dismissed"),
  /** Monitoring ended (已销号). */
  CLOSED("已销号", "closed");

  private final String zh;
  private final String en;

  CaseState(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** Whether the case is still open: the household's signals land here. */
  public boolean isOpen() {
    return this != DISMISSED && this != CLOSED;
  }

  /** Whether the case is in the elimination review. */
  public boolean inElimination() {
    return ordinal() > CONFIRMED.ordinal() && ordinal() < GRADUAL_EXIT.ordinal();
  }

  /** Whether the case is still in recognition: not yet decided by the county. */
  public boolean inRecognition() {
    return ordinal() < CONFIRMED.ordinal();
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
