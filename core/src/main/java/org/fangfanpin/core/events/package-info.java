/** Delivery of stored events (事件投递): the outbox dispatcher that hands them to the notifier. */
package org.fangfanpin.core.events;
