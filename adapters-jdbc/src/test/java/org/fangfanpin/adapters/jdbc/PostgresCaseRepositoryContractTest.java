package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.CaseRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresCaseRepositoryContractTest extends CaseRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
