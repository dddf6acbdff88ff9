/**
 * Household assessment (风险研判): whether a household is a candidate for monitoring, under
 * which category, for which risks, and every rule that fired with its figures.
 */
@FangFanPinStyle
package org.fangfanpin.core.assessment;

import org.fangfanpin.spi.FangFanPinStyle;
