package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.OutboxRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresOutboxRepositoryContractTest extends OutboxRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
