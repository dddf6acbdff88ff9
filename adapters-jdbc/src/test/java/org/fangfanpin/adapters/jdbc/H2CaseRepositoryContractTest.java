package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.CaseRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of an in-memory H2 database. */
class H2CaseRepositoryContractTest extends CaseRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return H2Databases.newStore();
  }
}
