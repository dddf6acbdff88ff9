/**
 * Values that describe households and their facts: area codes, resident ID numbers, money, the
 * household register entry and its members.
 *
 * <p>Untrusted input enters through static {@code validate}/{@code parse} methods that return a
 * Vavr {@code Validation} listing every {@link org.fangfanpin.spi.model.Problem}; builders check
 * the same structural rules and throw {@link org.fangfanpin.spi.model.InvalidValueException}.
 */
@FangFanPinStyle
package org.fangfanpin.spi.model;

import org.fangfanpin.spi.FangFanPinStyle;
