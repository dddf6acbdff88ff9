package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.GridRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the GridRepository contract of the spi test-jar. */
class InMemoryGridRepositoryContractTest extends GridRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
