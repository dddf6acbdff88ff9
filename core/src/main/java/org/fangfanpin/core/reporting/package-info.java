/**
 * Reports (统计报表): the monthly report with its zero report (零报告) and the rows of the two warning
 * forms of seed 001, built from the stored cases and signals as they stood at the month's end.
 */
@FangFanPinStyle
package org.fangfanpin.core.reporting;

import org.fangfanpin.spi.FangFanPinStyle;
