/**
 * The tiered review of a case (分级审核认定): village visit, democratic appraisal, public notice,
 * township verification, county decision, the emergency path and the deadlines between them.
 *
 * <p>{@code ReviewRules} and {@code ReviewDeadlines} are pure functions of the case, the command,
 * the policy, the calendar and the day; {@link org.fangfanpin.core.review.ReviewService} runs them
 * in one unit of work and leaves the audit record and the events behind.
 */
@FangFanPinStyle
package org.fangfanpin.core.review;

import org.fangfanpin.spi.FangFanPinStyle;
