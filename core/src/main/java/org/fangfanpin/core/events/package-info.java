/** Delivery of stored events (事件投递): the outbox dispatcher that hands them to the notifier. */
@FangFanPinStyle
package org.fangfanpin.core.events;

import org.fangfanpin.spi.FangFanPinStyle;
