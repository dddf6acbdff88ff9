package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.CaseRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the CaseRepository contract of the spi test-jar. */
class InMemoryCaseRepositoryContractTest extends CaseRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
