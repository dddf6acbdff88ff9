package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.UnitOfWorkContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresUnitOfWorkContractTest extends UnitOfWorkContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
