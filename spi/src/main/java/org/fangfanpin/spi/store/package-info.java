/**
 * The storage ports (存储端口): a unit of work and the repositories it opens. Adapters implement
 * them (in memory, JDBC, a host's own); the contract tests in the spi test-jar hold every adapter
 * to the same behaviour.
 */
package org.fangfanpin.spi.store;
