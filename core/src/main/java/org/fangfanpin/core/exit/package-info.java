/**
 * Risk elimination (风险消除) and the gradual exit (渐退期) of a monitored household.
 *
 * <p>The elimination review runs the same tiered steps as recognition ({@code core.review}'s
 * {@code ReviewSteps} on the elimination's own track): the village proposes after a home visit,
 * holds a democratic appraisal and posts a 5-day notice with objections answered, the township
 * verifies, the county decides. The proposal and the county's decision are refused while an
 * {@link org.fangfanpin.core.exit.EliminationBlocker} stands. An eliminated household enters the
 * gradual exit; a new risk during it resumes monitoring ({@link org.fangfanpin.core.exit.ExitRules}),
 * and at its end the case closes (销号). {@code EliminationRules} holds the pure rules;
 * {@link org.fangfanpin.core.exit.ExitService} runs them in one unit of work each.
 */
@FangFanPinStyle
package org.fangfanpin.core.exit;

import org.fangfanpin.spi.FangFanPinStyle;
