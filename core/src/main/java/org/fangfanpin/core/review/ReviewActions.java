package org.fangfanpin.core.review;

/**
 * The stable action names (审核动作) that the tiered review writes into the audit trail. Hosts
 * filter and report on them; a name never changes once released.
 */
public final class ReviewActions {

  /** The village working group's home visit (入户核实). */
  public static final String SCREENING_VISIT = "review.screening_visit";
  /** The democratic appraisal (民主评议). */
  public static final String APPRAISAL = "review.appraisal";
  /** The public notice is posted (公示开始). */
  public static final String NOTICE_START = "review.notice_start";
  /** An objection to the notice is recorded (异议登记). */
  public static final String OBJECTION_FILED = "review.objection_filed";
  /** An objection is answered (异议答复). */
  public static final String OBJECTION_ANSWERED = "review.objection_answered";
  /** The notice closes and the result goes to the township (公示结束). */
  public static final String NOTICE_CLOSE = "review.notice_close";
  /** The township verification (乡镇审核). */
  public static final String TOWNSHIP_VERIFICATION = "review.township_verification";
  /** The county decision (县级审定). */
  public static final String COUNTY_DECISION = "review.county_decision";
  /** The township head approves emergency aid first (遇困即扶). */
  public static final String EMERGENCY_APPROVAL = "review.emergency_approval";

  private ReviewActions() {}
}
