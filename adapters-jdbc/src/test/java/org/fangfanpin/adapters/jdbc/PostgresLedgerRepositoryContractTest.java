package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.LedgerRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresLedgerRepositoryContractTest extends LedgerRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
