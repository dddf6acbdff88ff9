/**
 * Policy parameters (政策参数), versioned by region and effective date.
 */
@FangFanPinStyle
package org.fangfanpin.spi.policy;

import org.fangfanpin.spi.FangFanPinStyle;
