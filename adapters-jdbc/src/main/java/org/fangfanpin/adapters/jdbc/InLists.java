package org.fangfanpin.adapters.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** Helpers for a unit of work's statements over many keys (批量查询) and many columns. */
final class InLists {

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

  /** {@code n} parameter marks separated by commas. */
  static String marks(int n) {
    StringBuilder marks = new StringBuilder(3 * n);
    for (int i = 0; i < n; i++) {
      marks.append(i == 0 ? "?" : ", ?");
    }
    return marks.toString();
  }
}
