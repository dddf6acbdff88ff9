/**
 * The monitoring case (监测对象案件) and the steps of its tiered review (village → township →
 * county): screening visit, democratic appraisal, public notice with objections, township
 * verification, county decision, and the emergency path (遇困即扶).
 */
@FangFanPinStyle
package org.fangfanpin.spi.review;

import org.fangfanpin.spi.FangFanPinStyle;
