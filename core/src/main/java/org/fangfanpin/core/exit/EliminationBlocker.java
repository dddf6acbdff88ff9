package org.fangfanpin.core.exit;

/**
 * What stands in the way of a risk elimination (不得标注风险消除的情形). The proposal and the
 * county's decision are refused while any stands; the rejection's code is the first blocker's,
 * in this order, and its message lists them all. Codes never change once released.
 */
public enum EliminationBlocker {
  /** Fewer than the policy's months since the county confirmed the case (national: 6). */
  TOO_SOON("exit.too_soon"),
  /**
   * The follow-ups do not show income above the line in each of the policy's last months before
   * the month of the move (national: 6); a month without a follow-up is not shown.
   */
  INCOME_NOT_STABLE("exit.income_not_stable"),
  /** A basic need of the household (两不愁三保障, 饮水安全) is not secure. */
  BASIC_NEED_UNMET("exit.basic_need_unmet"),
  /** No measure of the plan has been implemented. */
  NO_MEASURE_IMPLEMENTED("exit.no_measure_implemented"),
  /** A measure that has not ended is not implemented (invariant 4; 004). */
  MEASURE_NOT_IMPLEMENTED("exit.measure_not_implemented"),
  /**
   * No member is able to work and the household lives on the safety net (低保 or 特困): it stays
   * monitored (无劳动能力的兜底户暂不标注风险消除).
   */
  SAFETY_NET_WITHOUT_LABOUR("exit.safety_net_without_labour");

  private final String code;

  EliminationBlocker(String code) {
    this.code = code;
  }

  /** The stable rejection code, e.g. {@code exit.too_soon}. */
  public String code() {
    return code;
  }
}
