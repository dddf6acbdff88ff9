/** Domain events (领域事件) that leave the library through the outbox and the {@link org.fangfanpin.spi.event.Notifier}. */
@FangFanPinStyle
package org.fangfanpin.spi.event;

import org.fangfanpin.spi.FangFanPinStyle;
