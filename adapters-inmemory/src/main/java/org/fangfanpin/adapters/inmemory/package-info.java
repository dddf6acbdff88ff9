/**
 * The in-memory adapters (内存适配器): a thread-safe {@link org.fangfanpin.adapters.inmemory.InMemoryStore}
 * behind the storage ports and a counting {@link org.fangfanpin.adapters.inmemory.InMemoryIdSource}.
 * The embedded default for examples, tests and simulations; nothing survives the process.
 *
 * <p>Only the two adapters are public; the tables and sessions behind them are package-private.
 */
package org.fangfanpin.adapters.inmemory;
