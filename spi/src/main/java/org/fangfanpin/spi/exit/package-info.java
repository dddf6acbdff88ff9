/**
 * Risk elimination (风险消除) and the gradual exit (渐退期) of a monitored household: the steps of
 * the elimination review and the exit period that follows.
 */
@FangFanPinStyle
package org.fangfanpin.spi.exit;

import org.fangfanpin.spi.FangFanPinStyle;
