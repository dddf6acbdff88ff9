/** Reports (统计报表): the monthly report with its zero report and the warning forms of seed 001. */
package org.fangfanpin.core.reporting;
