package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.GridRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresGridRepositoryContractTest extends GridRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
