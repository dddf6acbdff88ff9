package org.fangfanpin.spi.store;

import java.util.function.Function;

/**
 * The unit of work (工作单元): everything done through one session commits together or not at all.
 *
 * <p>A write session sees its own writes; it commits when {@code work} returns and rolls back when
 * it throws. Write sessions of one store are isolated from each other as if they ran one after
 * the other (the in-memory adapter serialises them; a database adapter locks the rows it reads to
 * write). A read session sees one committed state; writing through it throws
 * {@link IllegalStateException}. A session belongs to the thread that runs {@code work}; sessions do
 * not nest.
 */
public interface UnitOfWork {

  /** Runs {@code work} in a write session and commits its writes when it returns. */
  <T> T write(Function<StoreSession, T> work);

  /** Runs {@code work} in a read-only session. */
  <T> T read(Function<StoreSession, T> work);
}
