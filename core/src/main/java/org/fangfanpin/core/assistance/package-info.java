/**
 * Assistance (帮扶): the one plan per household (一户一策) of measures planned, implemented and
 * verified; the responsible cadres of each monitored household; the grid workers who visit their
 * households weekly; and the monthly follow-ups that update a household's facts and re-run its
 * assessment.
 *
 * <p>{@code AssistanceRules} are pure functions of the case, the command, the policy and the day;
 * {@link org.fangfanpin.core.assistance.AssistanceService} runs them in one unit of work and leaves
 * the audit record behind.
 */
@FangFanPinStyle
package org.fangfanpin.core.assistance;

import org.fangfanpin.spi.FangFanPinStyle;
