package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.IdSourceContract;
import org.fangfanpin.spi.store.IdSource;

/** The id source contract on one database of the embedded PostgreSQL server (a new source over the same counters: ids stay unique across sources, as across restarts). */
class PostgresIdSourceContractTest extends IdSourceContract {

  @Override
  protected IdSource newIdSource() {
    return EmbeddedPostgresServer.sharedStore().ids();
  }
}
