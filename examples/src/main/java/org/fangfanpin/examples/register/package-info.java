/**
 * The household register as CSV (户登记表): a streaming reader that turns each row into a
 * household or into every problem of the row, with the spi's own validators, and a generator of
 * plausible registers of a county for examples, tests and benchmarks.
 */
package org.fangfanpin.examples.register;
