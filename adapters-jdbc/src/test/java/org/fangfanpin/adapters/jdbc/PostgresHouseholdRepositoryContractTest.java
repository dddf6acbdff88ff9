package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.HouseholdRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresHouseholdRepositoryContractTest extends HouseholdRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
