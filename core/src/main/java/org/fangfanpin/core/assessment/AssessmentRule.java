package org.fangfanpin.core.assessment;

/**
 * A rule of the assessment (监测识别规则). The names are stable codes: reports and integrators key
 * on them.
 */
public enum AssessmentRule {
  /** Income of the last 12 months below the line for all members: I &lt; L × n. */
  INCOME_BELOW_LINE,
  /** Income left after rigid expenditure below the line: I − E &lt; L × n. */
  INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE,
  /** Rigid expenditure above last year's income times the policy factor: E &gt; P × f. */
  RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME,
  /** Income fell by more than the policy share and stays within the band: P &gt; 0, I &lt; P × (1 − s), I &lt; b × L × n. */
  SHARP_INCOME_DROP,
  /** One of the five basic needs is not secure. */
  BASIC_NEED_UNMET
}
