package org.fangfanpin.core.assistance;

/**
 * The stable action names (帮扶动作) that assistance writes into the audit trail. A name never
 * changes once released.
 */
public final class AssistanceActions {

  /** The responsible cadres of a household are assigned or replaced (确定帮扶责任人). */
  public static final String CADRES_ASSIGNED = "assistance.cadres_assigned";
  /** A measure enters the plan (制定帮扶措施). */
  public static final String MEASURE_PLANNED = "assistance.measure_planned";
  /** A measure is implemented, with evidence (措施落实). */
  public static final String MEASURE_IMPLEMENTED = "assistance.measure_implemented";
  /** A measure's implementation is verified by another actor (措施核实). */
  public static final String MEASURE_VERIFIED = "assistance.measure_verified";
  /** A monthly follow-up is recorded and the household reassessed (跟踪回访). */
  public static final String FOLLOW_UP_RECORDED = "assistance.follow_up_recorded";
  /** A household is assigned to a grid worker (网格分配). */
  public static final String GRID_ASSIGNED = "assistance.grid_assigned";
  /** A grid worker's visit is recorded (网格员走访). */
  public static final String GRID_VISIT = "assistance.grid_visit";

  private AssistanceActions() {}
}
