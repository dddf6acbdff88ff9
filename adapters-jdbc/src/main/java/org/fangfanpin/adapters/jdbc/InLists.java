package org.fangfanpin.adapters.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Keys looked up together (批量查询) with {@code IN (?, ?, …)}: a batch's keys in one statement
 * per chunk of {@value #CHUNK}, a size both databases take and that keeps a statement's parameters
 * few.
 */
final class InLists {

  /** Keys bound to one statement. */
  static final int CHUNK = 500;

  private InLists() {}

  /**
   * The keys without repeats, in ascending order: units of work that lock rows by such lists then
   * take the locks in one order, and do not deadlock on each other.
   */
  static List<String> sorted(Collection<String> keys, String what) {
    TreeSet<String> distinct = new TreeSet<>();
    for (String key : keys) {
      distinct.add(Objects.requireNonNull(key, what));
    }
    return new ArrayList<>(distinct);
  }

  /** The list cut into consecutive chunks of at most {@value #CHUNK}. */
  static <T> List<List<T>> chunks(List<T> items) {
    if (items.size() <= CHUNK) {
      return items.isEmpty() ? List.of() : Collections.singletonList(items);
    }
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += CHUNK) {
      chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** {@code n} parameter marks separated by commas. */
  static String marks(int n) {
    StringBuilder marks = new StringBuilder(3 * n);
    for (int i = 0; i < n; i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    return marks.toString();
  }

  /** Binds the keys from parameter {@code first} on. */
  static JdbcSession.Binder binding(int first, List<String> keys) {
    return s -> {
      for (int i = 0; i < keys.size(); i++) {
        s.setString(first + i, keys.get(i));
      }
    };
  }
}
