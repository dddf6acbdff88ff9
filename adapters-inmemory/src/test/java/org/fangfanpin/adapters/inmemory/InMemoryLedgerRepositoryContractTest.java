package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.LedgerRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the LedgerRepository contract of the spi test-jar. */
class InMemoryLedgerRepositoryContractTest extends LedgerRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
