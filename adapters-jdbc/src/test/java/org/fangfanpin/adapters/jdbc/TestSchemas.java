package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A ring of migrated test databases (测试库轮换): each call hands out the next one, emptied of
 * every row but the schema version. Making a schema costs tens of milliseconds; emptying a few
 * small tables costs one round trip.
 */
final class TestSchemas {

  /** How many stores a test may hold at once. */
  static final int RING = 6;

  private static final String[] TABLES = {"ffp_household", "ffp_signal", "ffp_case", "ffp_audit_head", "ffp_audit",
      "ffp_outbox", "ffp_transfer", "ffp_fund_lock", "ffp_account_balance", "ffp_aid_application",
      "ffp_grid_assignment", "ffp_grid_visit", "ffp_id_block"};

  private final Supplier<DataSource> maker;
  private final List<DataSource> made = new ArrayList<>();
  private int next;

  TestSchemas(Supplier<DataSource> maker) {
    this.maker = maker;
  }

  /** The next database of the ring, empty. */
  synchronized DataSource next() {
    int slot = next++ % RING;
    if (slot == made.size()) {
      made.add(maker.get());
      return made.get(slot);
    }
    DataSource ds = made.get(slot);
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      StringBuilder sql = new StringBuilder();
      for (String table : TABLES) {
        sql.append("DELETE FROM ").append(table).append(";");
      }
      s.execute(sql.toString());
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ds;
  }
}
