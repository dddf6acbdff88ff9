package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.contract.IdSourceContract;
import org.fangfanpin.spi.store.IdSource;

/** {@link InMemoryIdSource} held to the id source contract of the spi test-jar. */
class InMemoryIdSourceContractTest extends IdSourceContract {

  @Override
  protected IdSource newIdSource() {
    return new InMemoryIdSource();
  }
}
