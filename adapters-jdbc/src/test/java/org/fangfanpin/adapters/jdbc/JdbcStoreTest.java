package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.fangfanpin.spi.contract.FundFixtures;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.flywaydb.core.Flyway;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.store.IdSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening and migrating the JDBC store (存储的打开与迁移): Flyway brings an empty H2 or PostgreSQL
 * database to the schema and a second run changes nothing; a database without the schema, or
 * with an older one, is refused with a clear message; on H2 the store makes every commit durable
 * ({@code WRITE_DELAY 0}); sessions do not nest; ids stay unique after a restart; a stream left
 * open or half read does not outlive its session; keys claimed by a unit do not outlive it.
 */
class JdbcStoreTest {

  @Test
  void migrateBringsAnEmptyH2DatabaseToTheSchemaAndASecondRunChangesNothing() {
    JdbcConnectionPool ds = H2Databases.newDataSource();

    JdbcStore first = JdbcStore.migrate(ds);
    storeAndFindAHousehold(first);
    JdbcStore second = JdbcStore.migrate(ds);

    assertThat(second.<Optional<Household>>read(s -> s.households().find(household().id()))).contains(household());
  }

  @Test
  void migrateBringsAnEmptyPostgresDatabaseToTheSchemaAndASecondRunChangesNothing() {
    DataSource ds = EmbeddedPostgresServer.newEmptyDatabase();

    JdbcStore first = JdbcStore.migrate(ds);
    storeAndFindAHousehold(first);
    JdbcStore second = JdbcStore.migrate(ds);

    assertThat(second.<Optional<Household>>read(s -> s.households().find(household().id()))).contains(household());
  }

  @Test
  void migrateGivesH2IdentityColumnsALargeCacheAndLeavesPostgresAtOne() throws SQLException {
    JdbcConnectionPool h2 = H2Databases.newDataSource();
    JdbcStore.migrate(h2);
    DataSource postgres = EmbeddedPostgresServer.newEmptyDatabase();
    JdbcStore.migrate(postgres);

    assertThat(strings(h2, "SELECT LOWER(TABLE_NAME) || ' ' || IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
        + " WHERE IS_IDENTITY = 'YES' ORDER BY 1"))
        .containsExactly("ffp_grid_visit 4096", "ffp_outbox 4096", "ffp_signal 4096", "ffp_transfer 4096");
    assertThat(strings(postgres, "SELECT sequencename || ' ' || cache_size FROM pg_sequences ORDER BY 1"))
        .as("PostgreSQL hands out each value on its own")
        .containsExactly("ffp_grid_visit_seq_seq 1", "ffp_outbox_seq_seq 1", "ffp_signal_seq_seq 1",
            "ffp_transfer_seq_seq 1");
    assertThat(strings(h2, "SELECT MAX(version) FROM ffp_schema_version"))
        .as("the H2 file tunes H2 and leaves the schema's version alone").containsExactly("2");
  }

  @Test
  void onH2TheDocumentsOfADatabaseAtVersionTwoAreKeptWhenTheirColumnsBecomeBinary() throws SQLException {
    JdbcConnectionPool ds = H2Databases.newDataSource();
    Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(ds)
        .locations("classpath:db/migration/fangfanpin", "classpath:db/migration/fangfanpin-h2")
        .table("ffp_schema_history").target("2.1").load().migrate();
    assertThat(strings(ds, "SELECT DISTINCT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'DOC'"))
        .as("text before V2_2").containsExactly("CHARACTER VARYING");
    // Stored as text, as the store before V2_2 did (H2 takes the bound UTF-8 bytes as their text).
    Household household = StoreFixtures.detailedHousehold("H-中文-1", StoreFixtures.VILLAGE);
    MonitoringCase monitoringCase = StoreFixtures.detailedCase("case-中文", household.id(), StoreFixtures.VILLAGE);
    StoredSignal signal = StoreFixtures.storedSignal(Channel.SELF_DECLARATION, "申报-😀-1", household.id(),
        StoreFixtures.VILLAGE, "case-中文", StoreFixtures.T0);
    AuditRecord audit = StoreFixtures.firstAuditRecord(StoreFixtures.COUNTY);
    DomainEvent event = DomainEvent.builder().id("事件-1").type(EventType.CASE_OPENED).caseId("case-中文")
        .householdId(household.id()).area(StoreFixtures.VILLAGE).occurredAt(StoreFixtures.T0)
        .putAttributes("备注", "住院 \"费用\" 😀 é").build();
    JdbcStore before = JdbcStore.open(ds);
    before.write(s -> {
      s.households().put(household);
      s.cases().insert(monitoringCase);
      s.signals().add(signal);
      s.audit().append(audit);
      s.outbox().add(event);
      return null;
    });
    List<String> tables = List.of("ffp_household", "ffp_case", "ffp_signal", "ffp_audit", "ffp_outbox");
    List<String> texts = new ArrayList<>();
    for (String table : tables) {
      texts.addAll(strings(ds, "SELECT doc FROM " + table));
    }
    assertThat(String.join("", texts)).contains("中文", "住院", "😀", "房屋已修缮");

    JdbcStore after = JdbcStore.migrate(ds);

    assertThat(strings(ds, "SELECT DISTINCT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'DOC'"))
        .containsExactly("BINARY VARYING");
    List<String> kept = new ArrayList<>();
    for (String table : tables) {
      kept.addAll(strings(ds, "SELECT UTF8TOSTRING(doc) FROM " + table));
    }
    assertThat(kept).as("every document's text, as its UTF-8 bytes").isEqualTo(texts);
    assertThat(after.<Optional<Household>>read(s -> s.households().find(household.id()))).contains(household);
    assertThat(after.<Optional<MonitoringCase>>read(s -> s.cases().find(monitoringCase.id()))).contains(monitoringCase);
    assertThat(after.<Optional<StoredSignal>>read(s -> s.signals().find(Channel.SELF_DECLARATION, "申报-😀-1")))
        .contains(signal);
    assertThat(after.<Optional<AuditRecord>>read(s -> s.audit().last(StoreFixtures.COUNTY))).contains(audit);
    assertThat(after.<Optional<DomainEvent>>read(s -> s.outbox().find("事件-1"))).contains(event);
    assertThat(strings(ds, "SELECT MAX(version) FROM ffp_schema_version")).containsExactly("2");
  }

  @Test
  void migrateTunesPostgresPaymentTablesKeepingTheRulesAndLeavesH2Alone() throws SQLException {
    JdbcConnectionPool h2 = H2Databases.newDataSource();
    JdbcStore.migrate(h2);
    DataSource postgres = EmbeddedPostgresServer.newEmptyDatabase();
    JdbcStore.migrate(postgres);

    assertThat(strings(postgres, "SELECT array_to_string(reloptions, ',') FROM pg_class"
        + " WHERE relname = 'ffp_aid_application'")).containsExactly("fillfactor=70");
    assertThat(strings(postgres, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ffp_transfer_reverses'"))
        .singleElement().asString().contains("UNIQUE").contains("WHERE (reverses IS NOT NULL)");
    assertThat(strings(postgres, "SELECT MAX(version) FROM ffp_schema_version"))
        .as("the PostgreSQL file leaves the schema's version alone").containsExactly("2");
    assertThat(strings(h2, "SELECT LOWER(CONSTRAINT_NAME) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
        + " WHERE CONSTRAINT_TYPE = 'UNIQUE' AND TABLE_NAME = 'FFP_TRANSFER'")).containsExactly("ffp_transfer_reverses");
    // A transfer is still reversed at most once; any number reverse none.
    String insert = "INSERT INTO ffp_transfer (id, county, fund_year, from_key, to_key, amount_fen, reverses, doc)"
        + " VALUES ('%s', '611022000000', 2025, 'a', 'b', 1, %s, '{}')";
    for (DataSource ds : List.of(h2, postgres)) {
      execute(ds, String.format(insert, "t1", "NULL"));
      execute(ds, String.format(insert, "t2", "NULL"));
      execute(ds, String.format(insert, "r1", "'t1'"));
      assertThatThrownBy(() -> execute(ds, String.format(insert, "r2", "'t1'")))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("23505");
            assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("ffp_transfer_reverses");
          });
    }
  }

  private static List<String> strings(DataSource ds, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        rows.add(r.getString(1));
      }
    }
    return rows;
  }

  @Test
  void openRefusesADatabaseWithoutTheSchema() {
    assertThatThrownBy(() -> JdbcStore.open(H2Databases.newDataSource()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no fangfanpin schema").hasMessageContaining("JdbcStore.migrate");
    assertThatThrownBy(() -> JdbcStore.open(EmbeddedPostgresServer.newEmptyDatabase()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no fangfanpin schema");
  }

  @Test
  void openRefusesASchemaOlderThanTheLibraryNeeds() throws SQLException {
    JdbcConnectionPool ds = H2Databases.newDataSource();
    JdbcStore.migrate(ds);
    execute(ds, "DELETE FROM ffp_schema_version");
    execute(ds, "INSERT INTO ffp_schema_version (version) VALUES (0)");

    assertThatThrownBy(() -> JdbcStore.open(ds))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema is at version 0; this library needs 2");
  }

  @Test
  void openRefusesADatabaseMigratedOnlyToVersionOne() throws SQLException {
    JdbcConnectionPool ds = H2Databases.newDataSource();
    execute(ds, "RUNSCRIPT FROM 'classpath:/db/migration/fangfanpin/V1__fangfanpin_schema.sql' CHARSET 'UTF-8'");

    assertThatThrownBy(() -> JdbcStore.open(ds))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema is at version 1; this library needs 2");
    execute(ds, "RUNSCRIPT FROM 'classpath:/db/migration/fangfanpin/V2__claims.sql' CHARSET 'UTF-8'");
    assertThat(JdbcStore.open(ds).<Boolean>read(s -> s.households().find("H1").isEmpty()))
        .as("opened once the host applied the next file").isTrue();
  }

  @Test
  void onH2TheStoreSetsWriteDelayToZeroSoThatEveryCommitIsDurable(@TempDir Path dir) throws SQLException {
    JdbcConnectionPool ds = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("ffp"), "sa", "");
    try {
      execute(ds, "SET WRITE_DELAY 500");
      assertThat(writeDelay(ds)).as("H2's own default").isEqualTo(500);

      JdbcStore.migrate(ds);

      assertThat(writeDelay(ds)).isZero();
    } finally {
      ds.dispose();
    }
    JdbcConnectionPool reopened = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("ffp"), "sa", "");
    try {
      assertThat(writeDelay(reopened)).as("a setting of the database, kept").isZero();
    } finally {
      reopened.dispose();
    }
  }

  @Test
  void sessionsDoNotNestOnOneThread() {
    JdbcStore store = H2Databases.newStore();

    assertThatThrownBy(() -> store.write(s -> store.read(r -> r.households().find("H1"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
    assertThatThrownBy(() -> store.read(s -> store.read(r -> r.households().find("H1"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");
    assertThat(store.<Boolean>read(s -> s.households().find("H1").isEmpty())).as("usable afterwards").isTrue();
  }

  @Test
  void aRepositoryUsedAfterItsSessionEndedThrows() {
    JdbcStore store = H2Databases.newStore();
    var households = store.read(s -> s.households());

    assertThatThrownBy(() -> households.find("H1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void idsStayUniqueWhenTheStoreIsOpenedAgainOnTheSameDatabase() {
    HikariDataSource first = EmbeddedPostgresServer.newDatabase(2);
    IdSource before = JdbcStore.open(first).ids();
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 150; i++) {
      issued.add(before.next("case"));
    }
    first.close();

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(first.getJdbcUrl());
    try (HikariDataSource second = new HikariDataSource(config)) {
      IdSource after = JdbcStore.open(second).ids();
      for (int i = 0; i < 150; i++) {
        assertThat(issued.add(after.next("case"))).as("id %d after the restart is new", i).isTrue();
      }
    }
    assertThat(issued).hasSize(300).allSatisfy(id -> assertThat(id).startsWith("case-").hasSize(17));
  }

  @Test
  void aStreamLeftOpenOrHalfReadIsClosedWithItsSessionOnBothDatabases() {
    for (JdbcStore store : List.of(H2Databases.newStore(), EmbeddedPostgresServer.newStore())) {
      store.write(s -> {
        for (int i = 1; i <= 1_200; i++) {
          s.households().put(StoreFixtures.household(StoreFixtures.VILLAGE, i));
        }
        return null;
      });

      Stream<Household> leftOpen = store.read(s -> {
        Stream<Household> all = s.households().inArea(StoreFixtures.COUNTY);
        assertThat(all.limit(3).count()).isEqualTo(3);
        return s.households().inArea(StoreFixtures.COUNTY);
      });
      long counted = store.read(s -> {
        try (Stream<Household> all = s.households().inArea(StoreFixtures.COUNTY)) {
          return all.count();
        }
      });

      assertThatThrownBy(() -> leftOpen.findFirst()).isInstanceOf(IllegalStateException.class);
      assertThat(counted).as("more rows than one fetch").isEqualTo(1_200);
    }
  }

  @Test
  void keysClaimedByAUnitOfWorkAreReleasedWhenItCommitsOrRollsBack() throws SQLException {
    for (DataSource ds : List.<DataSource>of(H2Databases.newDataSource(), EmbeddedPostgresServer.newEmptyDatabase())) {
      JdbcStore store = JdbcStore.migrate(ds);
      Transfer in = FundFixtures.appropriation("t-1", Money.ofYuan(1_000));

      store.write(s -> {
        assertThat(s.ledger().find("t-1")).isEmpty();
        assertThat(s.signals().find(Channel.GRID_SCREENING, "grid-1")).isEmpty();
        s.ledger().post(in);
        return null;
      });
      assertThatThrownBy(() -> store.write(s -> {
        s.ledger().find("t-2");
        throw new IllegalStateException("rolled back");
      })).hasMessage("rolled back");

      assertThat(count(ds, "SELECT COUNT(*) FROM ffp_claim")).isZero();
      assertThat(store.<Optional<Transfer>>read(s -> s.ledger().find("t-1"))).contains(in);
    }
  }

  private static void storeAndFindAHousehold(JdbcStore store) {
    store.write(s -> {
      s.households().put(household());
      return null;
    });
    assertThat(store.<Optional<Household>>read(s -> s.households().find(household().id()))).contains(household());
  }

  private static Household household() {
    return StoreFixtures.household(StoreFixtures.VILLAGE, 1);
  }

  private static void execute(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static int writeDelay(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return JdbcStore.writeDelay(c);
    }
  }
}
