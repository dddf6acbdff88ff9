package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.SignalRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the SignalRepository contract of the spi test-jar. */
class InMemorySignalRepositoryContractTest extends SignalRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
