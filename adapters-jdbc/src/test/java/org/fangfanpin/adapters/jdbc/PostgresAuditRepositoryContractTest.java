package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.AuditRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** The contract on a fresh database of the embedded PostgreSQL server. */
class PostgresAuditRepositoryContractTest extends AuditRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return EmbeddedPostgresServer.newStore();
  }
}
