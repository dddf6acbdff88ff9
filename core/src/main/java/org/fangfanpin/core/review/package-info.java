/**
 * The tiered review of a case (分级审核认定): village visit, democratic appraisal, public notice,
 * township verification, county decision, the emergency path and the deadlines between them.
 *
 * <p>{@code ReviewRules} and {@code ReviewDeadlines} are pure functions of the case, the command,
 * the policy, the calendar and the day; {@link org.fangfanpin.core.review.ReviewService} runs them
 * in one unit of work and leaves the audit record and the events behind.
 *
 * <p>The appraisal, the notice with its objections and the township verification are shared with
 * risk elimination ({@code core.exit}): {@link org.fangfanpin.core.review.ReviewSteps} runs them on
 * a {@link org.fangfanpin.core.review.ReviewTrack} that says where the steps live on the case and
 * which states they move it through, with the checks of
 * {@link org.fangfanpin.core.review.ReviewChecks} and the policy through a
 * {@link org.fangfanpin.core.review.PolicyLookup}; every move returns a
 * {@link org.fangfanpin.core.review.Transition}. These types serve the capabilities of
 * {@code core}; hosts call the services.
 */
@FangFanPinStyle
package org.fangfanpin.core.review;

import org.fangfanpin.spi.FangFanPinStyle;
