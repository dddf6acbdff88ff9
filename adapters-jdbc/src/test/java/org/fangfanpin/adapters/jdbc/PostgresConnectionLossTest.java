package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.TransientStoreException;
import org.junit.jupiter.api.Test;

/**
 * A connection lost in the middle of a unit of work (连接中断), on PostgreSQL: another connection ends
 * the session's backend with {@code pg_terminate_backend} after the unit's first write. Nothing of
 * the unit is stored, the store reports the loss as transient, and core, running the unit again on
 * a fresh connection, makes the move take effect exactly once.
 */
class PostgresConnectionLossTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

  @Test
  void aUnitWhoseBackendIsKilledAfterItsFirstWriteLeavesNothingAndIsReportedAsTransient() {
    HikariDataSource pool = EmbeddedPostgresServer.newDatabase(4);
    JdbcStore store = JdbcStore.open(pool);

    assertThatThrownBy(() -> store.write(s -> {
      s.households().put(StoreFixtures.household(StoreFixtures.VILLAGE, 1));
      terminate(backendOf(s));
      s.outbox().add(StoreFixtures.event("event-1"));
      s.audit().append(StoreFixtures.firstAuditRecord(StoreFixtures.COUNTY));
      return null;
    })).isInstanceOf(TransientStoreException.class)
        .hasMessageContaining("ffp_");

    store.read(s -> {
      assertThat(s.households().find(StoreFixtures.householdId(StoreFixtures.VILLAGE, 1))).isEmpty();
      assertThat(s.outbox().find("event-1")).isEmpty();
      assertThat(s.audit().last(StoreFixtures.COUNTY)).isEmpty();
      return null;
    });
    assertThat(store.<Boolean>write(s -> {
      s.households().put(StoreFixtures.household(StoreFixtures.VILLAGE, 1));
      return true;
    })).as("the pool hands out a live connection afterwards").isTrue();
  }

  @Test
  void aMoveOfCoreWhoseConnectionIsKilledMidWayIsRetriedAndTakesEffectExactlyOnce() {
    HikariDataSource pool = EmbeddedPostgresServer.newDatabase(4);
    AtomicBoolean fired = new AtomicBoolean();
    AtomicInteger connections = new AtomicInteger();
    DataSource killing = new KillingDataSource(pool, "INSERT INTO ffp_transfer", fired, connections);
    JdbcCounty county = new JdbcCounty(JdbcStore.open(killing), DAY.plusDays(14));
    int before = connections.get();

    var outcome = county.ffp.fund().appropriate("fin-1", JdbcCounty.COUNTY, 2025, Money.ofYuan(50_000), DAY,
        JdbcCounty.COUNTY_OFFICER, "财政拨入");

    assertThat(outcome.isRight()).as("%s", outcome).isTrue();
    assertThat(fired).as("the backend was killed after the transfer was written").isTrue();
    assertThat(connections.get() - before).as("the move ran again on a fresh connection").isGreaterThanOrEqualTo(2);
    List<Transfer> transfers = county.store.read(s -> {
      try (Stream<Transfer> all = s.ledger().transfers(JdbcCounty.COUNTY, 2025)) {
        return all.toList();
      }
    });
    assertThat(transfers).extracting(Transfer::id).containsExactly("fin-1");
    Money poolBalance = county.store.read(s -> s.ledger().balance(AccountRef.pool(JdbcCounty.COUNTY, 2025)));
    assertThat(poolBalance).as("counted once").isEqualTo(Money.ofYuan(50_000));
    List<AuditRecord> audit = county.ffp.audit().records(JdbcCounty.COUNTY);
    assertThat(audit).as("one audit record for the one move").hasSize(1);
    assertThat(county.ffp.audit().verify(JdbcCounty.COUNTY).valid()).isTrue();
  }

  /** The backend process id of the session's connection, read through a query of its own. */
  private static int backendOf(org.fangfanpin.spi.store.StoreSession s) {
    return ((JdbcSession) s).one("pid", "SELECT pg_backend_pid()", x -> { }, r -> r.getInt(1)).orElseThrow();
  }

  /** Ends the backend from the superuser's connection and waits until it is gone. */
  static void terminate(int pid) {
    try (Connection admin = EmbeddedPostgresServer.adminDataSource().getConnection();
        PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)");
        PreparedStatement alive = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      kill.setInt(1, pid);
      kill.execute();
      alive.setInt(1, pid);
      for (int i = 0; i < 500; i++) {
        try (ResultSet r = alive.executeQuery()) {
          r.next();
          if (r.getInt(1) == 0) {
            return;
          }
        }
        Thread.onSpinWait();
      }
      throw new IllegalStateException("backend " + pid + " did not end");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A data source whose connections, the first time a statement starting with the trigger has run,
   * have their backend ended before the statement returns, so the unit of work goes on over a
   * dead connection.
   */
  private static final class KillingDataSource implements DataSource {

    private final DataSource pool;
    private final String trigger;
    private final AtomicBoolean fired;
    private final AtomicInteger connections;

    KillingDataSource(DataSource pool, String trigger, AtomicBoolean fired, AtomicInteger connections) {
      this.pool = pool;
      this.trigger = trigger;
      this.fired = fired;
      this.connections = connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection c = pool.getConnection();
      connections.incrementAndGet();
      int pid;
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
        r.next();
        pid = r.getInt(1);
      }
      return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            Object result = invoke(c, method, args);
            if (method.getName().equals("prepareStatement") && ((String) args[0]).startsWith(trigger)) {
              PreparedStatement statement = (PreparedStatement) result;
              return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                  (p, m, a) -> {
                    Object r = invoke(statement, m, a);
                    if (m.getName().equals("executeUpdate") && fired.compareAndSet(false, true)) {
                      terminate(pid);
                    }
                    return r;
                  });
            }
            return result;
          });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // Not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // Not used.
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
