package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.intake.ScreeningSummary;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Role;
import org.junit.jupiter.api.Test;

/**
 * Data-platform screening (数据平台监测) of a whole county on PostgreSQL, the bulk path: the register
 * is read through a cursor in pages of {@value JdbcSession#FETCH_SIZE} rows while the same session
 * looks up each candidate's open case, and the result is the in-memory store's, also when the
 * screening runs again.
 */
class PostgresScreeningTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  private static final Actor PLATFORM = Actor.of("platform", Role.DATA_PLATFORM, JdbcCounty.COUNTY);

  @Test
  void screeningACountyLargerThanOneFetchFindsWhatTheInMemoryStoreFinds() {
    List<ScreeningSummary> onPostgres = screenTwice(new JdbcCounty(EmbeddedPostgresServer.newStore(), TODAY));
    List<ScreeningSummary> inMemory = screenTwice(new JdbcCounty(new InMemoryStore(), TODAY));

    assertThat(onPostgres.get(0).assessed()).isEqualTo(1_300);
    assertThat(onPostgres.get(0).candidates()).isEqualTo(130);
    assertThat(onPostgres.get(0).signalsRaised()).isEqualTo(130);
    assertThat(onPostgres.get(1).signalsRaised()).as("the second run raises nothing new").isZero();
    assertThat(onPostgres).isEqualTo(inMemory);
  }

  private static List<ScreeningSummary> screenTwice(JdbcCounty county) {
    List<Household> register = new ArrayList<>();
    for (int i = 0; i < 1_300; i++) {
      // Every tenth household lives far below the monitoring line.
      Money income = i % 10 == 0 ? Money.ofYuan(8_000) : Money.ofYuan(40_000);
      register.add(county.lifted(String.format("H%05d", i), i % 2 == 0 ? JdbcCounty.VILLAGE_A1 : JdbcCounty.VILLAGE_A2,
          income));
    }
    county.ffp.intake().registerAll(register);
    return List.of(county.ffp.intake().screen(JdbcCounty.COUNTY, TODAY, PLATFORM).get(),
        county.ffp.intake().screen(JdbcCounty.COUNTY, TODAY, PLATFORM).get());
  }
}
