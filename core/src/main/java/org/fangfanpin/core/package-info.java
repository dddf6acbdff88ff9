/**
 * The core of fangfanpin (防返贫): pure policy rules and the use cases that run them.
 *
 * <p>One package per capability. Rules are pure functions over immutable values; nothing in this
 * module reads the clock, generates random ids or touches a store except through the ports of
 * {@code org.fangfanpin.spi}.
 */
package org.fangfanpin.core;
