/**
 * The tiered review of a case (分级审核认定): village visit, democratic appraisal, public notice,
 * township verification, county decision, the emergency path and the deadlines between them.
 */
package org.fangfanpin.core.review;
