package org.fangfanpin.adapters.jdbc;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} through the pgjdbc driver (批量复制): the fastest way to
 * insert many rows. The adapter is built against JDBC alone and the driver is the host's, there at
 * run time only (see the module rules), so the driver's documented copy API
 * ({@code PGConnection.getCopyAPI().copyIn(String, Reader)}) is reached through the connection's
 * {@link Connection#unwrap} and reflection; without pgjdbc there is no COPY and the caller upserts.
 */
final class PgCopy {

  private static final String PG_CONNECTION = "org.postgresql.PGConnection";

  private PgCopy() {}

  /** Whether the connection is, or wraps, a pgjdbc connection. */
  static boolean available(Connection connection) {
    try {
      return pgConnection(connection).isPresent();
    } catch (SQLException e) {
      return false;
    }
  }

  /** Runs the COPY statement with the rows of {@code data} (COPY's text format); the rows copied. */
  static long copyIn(Connection connection, String sql, Reader data) throws SQLException {
    return copy(connection, sql, Reader.class, data);
  }

  private static long copy(Connection connection, String sql, Class<?> source, Object data) throws SQLException {
    Object[] pg = pgConnection(connection).orElseThrow(
        () -> new SQLException("不是 PostgreSQL 连接 / not a pgjdbc connection, COPY is unavailable"));
    try {
      Object copyApi = ((Class<?>) pg[0]).getMethod("getCopyAPI").invoke(pg[1]);
      Object copied = copyApi.getClass().getMethod("copyIn", String.class, source).invoke(copyApi, sql, data);
      return (Long) copied;
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      if (e.getCause() instanceof IOException io) {
        throw new SQLException("COPY 数据读取失败 / reading the rows for COPY failed", "58030", io);
      }
      throw new SQLException("COPY 失败 / COPY failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new SQLException("pgjdbc 的 COPY 接口不可用 / the pgjdbc copy API is unavailable", e);
    }
  }

  /** Runs the COPY statement with {@code data}, rows of COPY's text format in UTF-8 (see {@link #rows}); the rows copied. */
  static long copyIn(Connection connection, String sql, byte[] data) throws SQLException {
    return copy(connection, sql, java.io.InputStream.class, new java.io.ByteArrayInputStream(data));
  }

  /** The driver's connection interface and the connection as it, if the connection is pgjdbc's. */
  private static Optional<Object[]> pgConnection(Connection connection) throws SQLException {
    Connection raw = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
    Class<?> api;
    try {
      api = Class.forName(PG_CONNECTION, false, raw.getClass().getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    if (api.isInstance(raw)) {
      return Optional.of(new Object[] {api, raw});
    }
    return connection.isWrapperFor(api) ? Optional.of(new Object[] {api, connection.unwrap(api)}) : Optional.empty();
  }

  /** {@code COPY table (columns) FROM STDIN}: COPY's text format, tab-separated, {@code \N} for null. */
  static String copyStatement(String table, java.util.List<String> columns) {
    return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
  }

  /**
   * The rows in COPY's text format, encoded in UTF-8 (the connection's client encoding, which
   * pgjdbc sets): each value of a row ({@code String}, {@code Long}, {@code Integer},
   * {@code LocalDate} or {@code null}) escaped, separated by tabs, a row a line. Bytes rather than
   * text, so that the driver sends them as they are instead of encoding a reader's characters.
   */
  static byte[] rows(java.util.Collection<? extends Object[]> rows, int columns) {
    Utf8 out = new Utf8(rows.size() * 256);
    for (Object[] row : rows) {
      if (row.length != columns) {
        throw new IllegalArgumentException("行的值个数应为 " + columns + " / a row holds " + columns + " values, not "
            + row.length);
      }
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          out.add((byte) '\t');
        }
        appendValue(out, row[i]);
      }
      out.add((byte) '\n');
    }
    return out.bytes();
  }

  private static void appendValue(Utf8 row, Object value) {
    if (value == null) {
      row.add(NULL);
    } else if (value instanceof String text) {
      // Most values hold nothing to escape: found with the JDK's vectorised search, copied whole.
      if (text.indexOf('\\') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
        row.add(text.getBytes(StandardCharsets.UTF_8));
      } else {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        appendText(escaped, text);
        row.add(escaped.toString().getBytes(StandardCharsets.UTF_8));
      }
    } else if (value instanceof Long || value instanceof Integer) {
      row.add(value.toString().getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof java.time.LocalDate day) {
      // ISO 8601, which COPY reads whatever the session's DateStyle; years past 9999 are refused
      // before (see Columns.day).
      row.add(day.toString().getBytes(StandardCharsets.US_ASCII));
    } else {
      throw new IllegalArgumentException("不支持的列值类型 / unsupported column value type " + value.getClass().getName());
    }
  }

  private static final byte[] NULL = {'\\', 'N'};

  /** A growing byte buffer, unsynchronised (a {@code ByteArrayOutputStream} locks on every write). */
  private static final class Utf8 {
    private byte[] buffer;
    private int length;

    Utf8(int capacity) {
      buffer = new byte[Math.max(capacity, 64)];
    }

    void add(byte b) {
      room(1);
      buffer[length++] = b;
    }

    void add(byte[] bytes) {
      room(bytes.length);
      System.arraycopy(bytes, 0, buffer, length, bytes.length);
      length += bytes.length;
    }

    private void room(int more) {
      if (length + more > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
      }
    }

    byte[] bytes() {
      return length == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, length);
    }
  }

  /** Appends a value to a row of COPY's text format, its backslashes and control characters escaped. */
  static void appendText(StringBuilder row, String value) {
    int first = 0;
    while (first < value.length() && !escaped(value.charAt(first))) {
      first++;
    }
    // Most values need no escape: copied whole, not a character at a time.
    row.append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
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

  private static boolean escaped(char c) {
    return c == '\\' || c == '\n' || c == '\r' || c == '\t';
  }
}
