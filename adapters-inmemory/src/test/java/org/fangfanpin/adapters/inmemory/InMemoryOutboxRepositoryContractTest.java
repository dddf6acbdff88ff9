package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.OutboxRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the OutboxRepository contract of the spi test-jar. */
class InMemoryOutboxRepositoryContractTest extends OutboxRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
