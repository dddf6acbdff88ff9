package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.OutboxRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of an in-memory H2 database. */
class H2OutboxRepositoryContractTest extends OutboxRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return H2Databases.newStore();
  }
}
