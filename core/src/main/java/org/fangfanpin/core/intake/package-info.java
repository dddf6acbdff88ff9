/**
 * Risk intake from the five channels (风险线索受理): idempotent receipt of signals, the industry
 * departments' bulk comparison, and the data platform's screening of a whole area.
 */
@FangFanPinStyle
package org.fangfanpin.core.intake;

import org.fangfanpin.spi.FangFanPinStyle;
