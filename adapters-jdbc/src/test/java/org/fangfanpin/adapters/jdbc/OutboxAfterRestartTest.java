package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.fangfanpin.core.events.DispatchResult;
import org.fangfanpin.core.events.OutboxDispatcher;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.RiskType;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox across a restart (重启后的发件箱): events stored by moves whose process then went away
 * (its store and pool dropped, a new pool opened on the same database) are delivered by core's
 * dispatcher afterwards, in the order they were stored, once the notifier accepts them; a notifier
 * that throws leaves every event pending. On an H2 file database and on PostgreSQL.
 */
class OutboxAfterRestartTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

  @Test
  void eventsLeftUndeliveredOnH2AreDeliveredAfterRestart(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("ffp") + ";LOCK_TIMEOUT=10000";
    JdbcConnectionPool first = JdbcConnectionPool.create(url, "sa", "");
    JdbcStore.migrate(first);

    undeliveredEventsSurviveAndAreDeliveredOnce(first, () -> JdbcConnectionPool.create(url, "sa", ""),
        JdbcConnectionPool::dispose);
  }

  @Test
  void eventsLeftUndeliveredOnPostgresAreDeliveredAfterRestart() {
    HikariDataSource first = EmbeddedPostgresServer.newDatabase(4);
    String url = first.getJdbcUrl();

    undeliveredEventsSurviveAndAreDeliveredOnce(first, () -> {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url);
      config.setMaximumPoolSize(4);
      return new HikariDataSource(config);
    }, HikariDataSource::close);
  }

  private static <D extends DataSource> void undeliveredEventsSurviveAndAreDeliveredOnce(D first,
      Supplier<D> restart, java.util.function.Consumer<D> dropPool) {
    JdbcCounty before = new JdbcCounty(JdbcStore.open(first), TODAY);
    for (String h : List.of("H1", "H2", "H3")) {
      before.household(h, JdbcCounty.VILLAGE_A1);
      assertThat(before.ffp.intake().receive(signal(h)).isRight()).isTrue();
    }
    List<DomainEvent> stored = before.store.read(s -> s.outbox().pending(100));
    assertThat(stored).as("the moves stored their events").hasSizeGreaterThanOrEqualTo(3);
    dropPool.accept(first);

    D second = restart.get();
    try {
      JdbcStore store = JdbcStore.open(second);
      List<DomainEvent> refusedOnce = new ArrayList<>();
      OutboxDispatcher failing = new OutboxDispatcher(store, e -> {
        refusedOnce.add(e);
        throw new IllegalStateException("the bus is down");
      }, before.clock);

      DispatchResult down = failing.dispatch(100);

      assertThat(down.delivered()).isZero();
      assertThat(down.failed()).isEqualTo(stored.size());
      assertThat(refusedOnce).containsExactlyElementsOf(stored);
      List<DomainEvent> stillPending = store.read(s -> s.outbox().pending(100));
      assertThat(stillPending).as("a throwing notifier loses nothing").containsExactlyElementsOf(stored);

      List<DomainEvent> delivered = new ArrayList<>();
      OutboxDispatcher working = new OutboxDispatcher(store, delivered::add, before.clock);
      DispatchResult up = working.dispatch(100);
      DispatchResult again = working.dispatch(100);

      assertThat(up.delivered()).isEqualTo(stored.size());
      assertThat(up.morePending()).isFalse();
      assertThat(delivered).as("every event once, in the order stored").containsExactlyElementsOf(stored);
      assertThat(again.delivered()).isZero();
      List<DomainEvent> left = store.read(s -> s.outbox().pending(100));
      assertThat(left).isEmpty();
      java.util.Optional<DomainEvent> oldest = store.read(s -> s.outbox().find(stored.get(0).id()));
      assertThat(oldest).as("a delivered event is kept").contains(stored.get(0));
    } finally {
      dropPool.accept(second);
    }
  }

  private static RiskSignal signal(String householdId) {
    return RiskSignal.builder().channel(Channel.SELF_DECLARATION).sourceRef("sd-" + householdId)
        .householdId(householdId).observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS))
        .reportedBy(JdbcCounty.VILLAGE_GROUP_A1).build();
  }
}
