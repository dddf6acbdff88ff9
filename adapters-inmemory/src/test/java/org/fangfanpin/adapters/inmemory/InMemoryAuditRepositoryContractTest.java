package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.AuditRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the AuditRepository contract of the spi test-jar. */
class InMemoryAuditRepositoryContractTest extends AuditRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
