package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.UnitOfWorkContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the UnitOfWork contract of the spi test-jar. */
class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
