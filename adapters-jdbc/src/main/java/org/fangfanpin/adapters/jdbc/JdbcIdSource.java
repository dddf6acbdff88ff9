package org.fangfanpin.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;
import org.fangfanpin.spi.store.IdSource;

/**
 * Ids from the database (数据库编号来源): each namespace counts in table {@code ffp_id_block}, which
 * hands out blocks of {@value #BLOCK} numbers in short transactions of their own, on a connection
 * of their own, so an id once issued is never issued again, also after a restart or by another
 * process on the same database (numbers of a block left unused are skipped). An id is the
 * namespace, a dash and the number padded to 12 digits, e.g. {@code case-000000000101}.
 * Thread-safe.
 */
final class JdbcIdSource implements IdSource {

  /** The longest namespace accepted: the namespace, a dash and 12 digits stay within 64 characters. */
  static final int MAX_NAMESPACE_LENGTH = 51;
  static final int BLOCK = 100;
  private static final int DIGITS = 12;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ConcurrentMap<String, Block> blocks = new ConcurrentHashMap<>();

  /** The numbers of a namespace not yet issued from its current block. */
  private static final class Block {
    long next;
    long end;
  }

  JdbcIdSource(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the namespace is blank, longer than
   *     {@value #MAX_NAMESPACE_LENGTH} characters or holds whitespace or control characters
   */
  @Override
  public String next(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    Block block = blocks.get(namespace);
    if (block == null) {
      block = blocks.computeIfAbsent(checked(namespace), n -> new Block());
    }
    long number;
    synchronized (block) {
      if (block.next >= block.end) {
        long end = allocate(namespace);
        block.next = end - BLOCK;
        block.end = end;
      }
      number = block.next++;
    }
    return format(namespace, number);
  }

  /**
   * {@inheritDoc}
   *
   * <p>What the current block does not hold comes from one new block of at least that many
   * numbers, taken in one transaction, instead of one block per {@value #BLOCK} ids.
   */
  @Override
  public List<String> next(String namespace, int count) {
    Objects.requireNonNull(namespace, "namespace");
    if (count < 0) {
      throw new IllegalArgumentException("编号数量不能为负 / the count of ids must not be negative");
    }
    Block block = blocks.computeIfAbsent(checked(namespace), n -> new Block());
    List<String> ids = new ArrayList<>(count);
    synchronized (block) {
      long left = block.end - block.next;
      if (left < count) {
        long size = Math.max(BLOCK, count);
        long end = allocate(namespace, size);
        // The numbers left in the old block come first when the new block starts where it ended
        // (no other process took a block meanwhile); else they are skipped like any block left unused.
        if (end - size != block.end) {
          block.next = end - size;
        }
        block.end = end;
      }
      for (int i = 0; i < count; i++) {
        ids.add(format(namespace, block.next++));
      }
    }
    return ids;
  }

  /** Takes the next block of the namespace; returns the first number after it. */
  private long allocate(String namespace) {
    return allocate(namespace, BLOCK);
  }

  /** Takes the next {@code size} numbers of the namespace; returns the first number after them. */
  private long allocate(String namespace, long size) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        if (advance(connection, namespace, size) == 0) {
          insertFirst(connection, namespace);
          advance(connection, namespace, size);
        }
        long end;
        try (PreparedStatement s = connection.prepareStatement(
            "SELECT next_value FROM ffp_id_block WHERE namespace = ?")) {
          s.setString(1, namespace);
          try (ResultSet r = s.executeQuery()) {
            r.next();
            end = r.getLong(1);
          }
        }
        connection.commit();
        return end;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection);
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw SqlFailures.translate(e, "ffp_id_block");
    }
  }

  private static int advance(Connection connection, String namespace, long size) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        "UPDATE ffp_id_block SET next_value = next_value + ? WHERE namespace = ?")) {
      s.setLong(1, size);
      s.setString(2, namespace);
      return s.executeUpdate();
    }
  }

  private void insertFirst(Connection connection, String namespace) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(
        dialect.insertIgnoringDuplicates("ffp_id_block", List.of("namespace", "next_value")))) {
      s.setString(1, namespace);
      s.setLong(2, 1);
      s.executeUpdate();
    } catch (SQLException e) {
      // Another process made the row first (H2 reports it; PostgreSQL inserts nothing).
      if (!"23505".equals(SqlFailures.stateOf(e))) {
        throw e;
      }
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is lost; the block it was taking is lost with it, which is harmless.
    }
  }

  private static String checked(String namespace) {
    if (namespace.isEmpty() || namespace.length() > MAX_NAMESPACE_LENGTH
        || namespace.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("编号空间为 1 至 " + MAX_NAMESPACE_LENGTH + " 个非空白字符 / a namespace is 1 to "
          + MAX_NAMESPACE_LENGTH + " characters without whitespace or control characters");
    }
    return namespace;
  }

  private static String format(String namespace, long number) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(namespace.length() + 1 + Math.max(DIGITS, digits.length()));
    id.append(namespace).append('-');
    for (int i = digits.length(); i < DIGITS; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}
