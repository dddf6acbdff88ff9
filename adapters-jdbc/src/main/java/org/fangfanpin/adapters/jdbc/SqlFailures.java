package org.fangfanpin.adapters.jdbc;

import java.sql.SQLException;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.TransientStoreException;

/**
 * Turns what the database reported (数据库异常) into what the ports promise: a taken unique key is a
 * {@link DuplicateKeyException}, a serialization failure, deadlock, lock timeout or lost
 * connection a {@link TransientStoreException} (the unit of work rolls back and core may run it
 * again), a value the database cannot hold an {@link IllegalArgumentException}; anything else is
 * an infrastructure fault ({@link IllegalStateException}). Messages name the table or column and
 * the SQLState, never a value, so no resident ID number can leak into them.
 */
final class SqlFailures {

  private SqlFailures() {}

  /** What the failure of a statement on {@code what} (a table or a step) means for the caller. */
  static RuntimeException translate(SQLException e, String what) {
    String state = stateOf(e);
    if ("23505".equals(state)) {
      return new DuplicateKeyException("键已被占用 / a unique key of " + what + " is taken");
    }
    if (isTransient(state)) {
      return new TransientStoreException("暂时性数据库故障 / transient database failure in " + what
          + " (SQLState " + state + ")", e);
    }
    if (state != null && state.startsWith("22")) {
      return new IllegalArgumentException("数据库无法保存该值 / the database cannot hold a value for " + what
          + " (SQLState " + state + ")", e);
    }
    return new IllegalStateException("数据库故障 / database failure in " + what + " (SQLState " + state + ")", e);
  }

  /** Whether the state says the whole unit of work may pass when run again. */
  static boolean isTransient(String state) {
    if (state == null) {
      return false;
    }
    return state.equals("40001") // serialization failure; H2 reports deadlocks with it too
        || state.equals("40P01") // PostgreSQL deadlock
        || state.equals("HYT00") // H2 lock timeout
        || state.equals("55P03") // PostgreSQL lock not available
        || state.startsWith("08") // connection exceptions
        || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"); // server shutting down
  }

  /** The SQLState of the failure or of the first cause in its chain that has one. */
  static String stateOf(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if (s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    Throwable cause = e.getCause();
    while (cause != null) {
      if (cause instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
      cause = cause.getCause();
    }
    return null;
  }
}
