package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.IdSourceContract;
import org.fangfanpin.spi.store.IdSource;

/** The id source contract on a fresh in-memory H2 database. */
class H2IdSourceContractTest extends IdSourceContract {

  @Override
  protected IdSource newIdSource() {
    return H2Databases.newStore().ids();
  }
}
