package org.fangfanpin.adapters.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} through the pgjdbc driver (批量复制): the fastest way to
 * insert many rows. Only {@link Dialect#POSTGRESQL} loads this class, so an H2-only host needs no
 * PostgreSQL driver.
 */
final class PgCopy {

  private PgCopy() {}

  /** Whether the connection is, or wraps, a pgjdbc connection. */
  static boolean available(Connection connection) {
    try {
      return connection.isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Runs the COPY statement with the rows of {@code data} (COPY's text format); the rows copied. */
  static long copyIn(Connection connection, String sql, Reader data) throws SQLException {
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data);
    } catch (IOException e) {
      throw new SQLException("COPY 数据读取失败 / reading the rows for COPY failed", "58030", e);
    }
  }

  /** Appends a value to a row of COPY's text format, its backslashes and control characters escaped. */
  static void appendText(StringBuilder row, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> row.append("\\\\");
        case '\n' -> row.append("\\n");
        case '\r' -> row.append("\\r");
        case '\t' -> row.append("\\t");
        default -> row.append(c);
      }
    }
  }
}
