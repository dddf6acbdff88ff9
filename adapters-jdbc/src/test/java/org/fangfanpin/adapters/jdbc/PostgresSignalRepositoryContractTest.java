package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.SignalRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresSignalRepositoryContractTest extends SignalRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
