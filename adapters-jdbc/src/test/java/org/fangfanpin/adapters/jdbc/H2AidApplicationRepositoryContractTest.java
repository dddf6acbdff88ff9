package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.AidApplicationRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of an in-memory H2 database. */
class H2AidApplicationRepositoryContractTest extends AidApplicationRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return H2Databases.newStore();
  }
}
