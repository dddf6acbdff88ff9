package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.detailedHousehold;
import static org.fangfanpin.spi.contract.StoreFixtures.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The register's bulk path on PostgreSQL (批量登记), where households not registered yet go in
 * through COPY and the others are upserted: what it stores reads back exactly as on H2 and in
 * memory, also for ids whose documents hold what COPY's text format escapes or reads as null
 * (backslashes, an id of just {@code \N}).
 */
class PostgresRegisterCopyTest {

  @Test
  void putAllStoresNewAndRegisteredHouseholdsAsEveryOtherStoreDoes() {
    Household registered = detailedHousehold("H-already", VILLAGE);
    // None of them registered yet: one COPY on PostgreSQL.
    List<Household> fresh = new ArrayList<>();
    for (String id : List.of("H\\back\\slash", "\\N", "H\"quote\"", "户\\N\\\\t", "H-plain")) {
      fresh.add(household(id, VILLAGE));
    }
    fresh.add(detailedHousehold("H-detailed", VILLAGE));
    // One id twice in the batch: the last entry wins.
    fresh.add(household("H-plain", NEIGHBOUR_VILLAGE).withIncomeLast12Months(Money.ofYuan(1)));
    for (int i = 0; i < 300; i++) {
      fresh.add(household(VILLAGE, 1_000 + i));
    }
    // Some registered already: the COPY stores nothing, the upsert all of them.
    List<Household> mixed = new ArrayList<>();
    mixed.add(registered.withIncomeLast12Months(Money.ofYuan(9_100)).withArea(NEIGHBOUR_VILLAGE));
    mixed.add(household("\\N", NEIGHBOUR_VILLAGE));
    mixed.add(household(VILLAGE, 2_000));
    List<String> ids = new ArrayList<>();
    fresh.forEach(h -> ids.add(h.id()));
    mixed.forEach(h -> ids.add(h.id()));

    Map<String, Household> onPostgres = storeAndRead(EmbeddedPostgresServer.newStore(), registered, fresh, mixed, ids);
    Map<String, Household> onH2 = storeAndRead(H2Databases.newStore(), registered, fresh, mixed, ids);
    Map<String, Household> inMemory = storeAndRead(new InMemoryStore(), registered, fresh, mixed, ids);

    assertThat(onPostgres).hasSize(new java.util.HashSet<>(ids).size());
    assertThat(onPostgres.get("H\\back\\slash")).isEqualTo(household("H\\back\\slash", VILLAGE));
    assertThat(onPostgres.get("H-plain").area()).isEqualTo(NEIGHBOUR_VILLAGE);
    assertThat(onPostgres.get("\\N").area()).isEqualTo(NEIGHBOUR_VILLAGE);
    assertThat(onPostgres.get("H-already").incomeLast12Months()).isEqualTo(Money.ofYuan(9_100));
    assertThat(onPostgres).isEqualTo(inMemory).isEqualTo(onH2);
  }

  @Test
  void copyRunsOnAPooledPostgresConnectionAndCopiesTextAsIs() throws Exception {
    try (com.zaxxer.hikari.HikariDataSource pool = EmbeddedPostgresServer.newDatabase(2);
        java.sql.Connection c = pool.getConnection()) {
      assertThat(PgCopy.available(c)).isTrue();
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("CREATE TEMP TABLE copied (a VARCHAR(50), b VARCHAR(50))");
      }
      StringBuilder rows = new StringBuilder();
      PgCopy.appendText(rows, "back\\slash \\N");
      rows.append('\t');
      PgCopy.appendText(rows, "tab\there\nline\r");
      rows.append('\n');
      assertThat(PgCopy.copyIn(c, "COPY copied (a, b) FROM STDIN", new java.io.StringReader(rows.toString())))
          .isEqualTo(1);
      try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet r = st.executeQuery("SELECT a, b FROM copied")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("back\\slash \\N");
        assertThat(r.getString(2)).isEqualTo("tab\there\nline\r");
      }
    }
    try (java.sql.Connection h2 = java.sql.DriverManager.getConnection("jdbc:h2:mem:")) {
      assertThat(PgCopy.available(h2)).isFalse();
    }
  }

  private static Map<String, Household> storeAndRead(UnitOfWork store, Household registered, List<Household> fresh,
      List<Household> mixed, List<String> ids) {
    store.write(s -> {
      s.households().put(registered);
      return null;
    });
    for (List<Household> batch : List.of(fresh, mixed)) {
      store.write(s -> {
        s.households().putAll(batch);
        return null;
      });
    }
    return store.read(s -> s.households().findAll(ids));
  }
}
