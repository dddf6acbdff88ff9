package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.AidApplicationRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresAidApplicationRepositoryContractTest extends AidApplicationRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
