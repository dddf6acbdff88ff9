/**
 * The service-provider interface of fangfanpin (防返贫): the immutable model that crosses the
 * boundary between the library and its host, and the ports the host implements or picks from our
 * adapters.
 *
 * <p>An integrator writing their own adapter needs this module alone, plus its test-jar of
 * contract tests.
 */
package org.fangfanpin.spi;
