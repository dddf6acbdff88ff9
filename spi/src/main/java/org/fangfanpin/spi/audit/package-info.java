/** The append-only audit trail (审计留痕), hash-chained per county. */
@FangFanPinStyle
package org.fangfanpin.spi.audit;

import org.fangfanpin.spi.FangFanPinStyle;
