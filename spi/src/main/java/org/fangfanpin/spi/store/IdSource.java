package org.fangfanpin.spi.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Where new ids come from (编号来源): a database sequence, the host's numbering service. Ids must
 * be unique per namespace for the life of the store, even across restarts.
 */
@FunctionalInterface
public interface IdSource {

  /** A new id in the namespace (e.g. {@code case}); at most 64 characters. */
  String next(String namespace);

  /**
   * {@code count} new ids in the namespace, in the order {@link #next} would have issued them: a
   * batch's ids in one step. The default calls {@link #next} {@code count} times; a source that
   * pays a round trip per block of ids should override it to take one block large enough.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  default List<String> next(String namespace, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("编号数量不能为负 / the count of ids must not be negative");
    }
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(next(namespace));
    }
    return ids;
  }
}
