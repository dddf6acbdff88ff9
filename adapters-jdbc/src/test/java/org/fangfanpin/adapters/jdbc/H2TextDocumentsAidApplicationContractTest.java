package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.contract.AidApplicationRepositoryContract;
import org.fangfanpin.spi.store.UnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The contract on an H2 database whose doc columns still hold text (migrated to 2.1, without
 * {@code fangfanpin-h2/V2_2}): the store binds H2's documents as UTF-8 bytes, which H2 converts,
 * and its search inside the documents ({@code idsInArea}) must find the same applications.
 */
class H2TextDocumentsAidApplicationContractTest extends AidApplicationRepositoryContract {

  @Override
  protected UnitOfWork newStore() {
    JdbcConnectionPool ds = H2Databases.newDataSource();
    Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(ds)
        .locations("classpath:db/migration/fangfanpin", "classpath:db/migration/fangfanpin-h2")
        .table("ffp_schema_history").target("2.1").load().migrate();
    return JdbcStore.open(ds);
  }
}
