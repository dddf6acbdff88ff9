/**
 * Risk signals from the five intake channels (五个渠道) and the records industry departments
 * deliver for comparison.
 */
@FangFanPinStyle
package org.fangfanpin.spi.intake;

import org.fangfanpin.spi.FangFanPinStyle;
