package org.fangfanpin.core.exit;

/**
 * The stable action names (风险消除动作) that risk elimination and the gradual exit write into the
 * audit trail. A name never changes once released.
 */
public final class ExitActions {

  /** The village proposes elimination after a home visit (入户核实后提出风险消除). */
  public static final String PROPOSAL = "exit.proposal";
  /** The elimination's democratic appraisal (民主评议). */
  public static final String APPRAISAL = "exit.appraisal";
  /** The elimination notice is posted (公示开始). */
  public static final String NOTICE_START = "exit.notice_start";
  /** An objection to the elimination notice is recorded (异议登记). */
  public static final String OBJECTION_FILED = "exit.objection_filed";
  /** An objection to the elimination notice is answered (异议答复). */
  public static final String OBJECTION_ANSWERED = "exit.objection_answered";
  /** The elimination notice closes; the result goes to the township (公示结束). */
  public static final String NOTICE_CLOSE = "exit.notice_close";
  /** The township verifies the elimination (乡镇审核). */
  public static final String TOWNSHIP_VERIFICATION = "exit.township_verification";
  /** The county decides the elimination (县级审定). */
  public static final String COUNTY_DECISION = "exit.county_decision";
  /** The gradual exit ended without a new risk: the case closes (销号). */
  public static final String CLOSE = "exit.close";

  private ExitActions() {}
}
