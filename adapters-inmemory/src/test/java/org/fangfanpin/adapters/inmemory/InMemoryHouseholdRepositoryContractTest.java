package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.HouseholdRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;

/** {@link InMemoryStore} held to the HouseholdRepository contract of the spi test-jar. */
class InMemoryHouseholdRepositoryContractTest extends HouseholdRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    return new InMemoryStore();
  }
}
