package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.AidApplicationRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the AidApplicationRepository contract of the spi test-jar. */
class InMemoryAidApplicationRepositoryContractTest extends AidApplicationRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
