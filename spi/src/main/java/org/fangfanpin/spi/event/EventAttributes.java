package org.fangfanpin.spi.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The attributes of a {@link DomainEvent}: an unmodifiable map that keeps its entries in one array
 * of alternating keys and values, in the order first put. An event has a handful of attributes and
 * the outbox keeps every event, so one array replaces the two linked hash maps (one per builder,
 * one per event) that a general-purpose copy would make; equality, hash code and string form are
 * those of any {@link Map}.
 */
final class EventAttributes extends CompactAttributes {

  /** Beyond this many entries a builder finds keys through a hash map rather than by scanning. */
  private static final int SCAN_LIMIT = 8;

  private final String[] pairs;
  private final int size;

  private EventAttributes(String[] pairs, int size) {
    this.pairs = pairs;
    this.size = size;
  }

  /** An unmodifiable copy of {@code map}, checked for {@code null} keys and values. */
  static Map<String, String> copyOf(Map<String, ? extends String> map) {
    if (map instanceof CompactAttributes || map == Collections.<String, String>emptyMap()) {
      @SuppressWarnings("unchecked")
      Map<String, String> same = (Map<String, String>) map;
      return same;
    }
    Collector c = new Collector();
    c.putAll(map);
    return c.build();
  }

  /** The map of two entries with distinct keys, in this order. */
  static Map<String, String> two(String key1, String value1, String key2, String value2) {
    return new Two(key1, value1, key2, value2);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  String key(int i) {
    return pairs[2 * i];
  }

  @Override
  String value(int i) {
    return pairs[2 * i + 1];
  }

  private static int indexOf(String[] pairs, int size, Object key) {
    for (int i = 0; i < size; i++) {
      if (pairs[2 * i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Collects the entries of a builder: a later value for a key already put replaces the earlier one
   * in its place, as in a {@link LinkedHashMap}.
   */
  static final class Collector {

    private String[] pairs;
    private int size;
    // Whether a built map holds the array: the next change copies it first.
    private boolean shared;
    // Where each key sits, once there are too many keys to scan for.
    private Map<String, Integer> index;

    void put(String key, String value) {
      Objects.requireNonNull(key, "attributes key");
      Objects.requireNonNull(value, value == null ? "attributes value for key: " + key : null);
      if (shared) {
        pairs = pairs.clone();
        shared = false;
      }
      int i = index != null ? index.getOrDefault(key, -1) : pairs == null ? -1 : indexOf(pairs, size, key);
      if (i >= 0) {
        pairs[2 * i + 1] = value;
        return;
      }
      if (pairs == null) {
        pairs = new String[4];
      } else if (2 * size == pairs.length) {
        pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
      }
      pairs[2 * size] = key;
      pairs[2 * size + 1] = value;
      if (index != null) {
        index.put(key, size);
      } else if (size + 1 > SCAN_LIMIT) {
        index = new java.util.HashMap<>();
        for (int k = 0; k <= size; k++) {
          index.put(pairs[2 * k], k);
        }
      }
      size++;
    }

    void putAll(Map<String, ? extends String> map) {
      for (Map.Entry<String, ? extends String> e : map.entrySet()) {
        put(e.getKey(), e.getValue());
      }
    }

    void clear() {
      pairs = null;
      size = 0;
      shared = false;
      index = null;
    }

    /** The unmodifiable map of the entries put so far; the collector may be used on. */
    Map<String, String> build() {
      if (size == 0) {
        return Collections.emptyMap();
      }
      if (size == 1) {
        return Collections.singletonMap(pairs[0], pairs[1]);
      }
      if (size == 2) {
        return new Two(pairs[0], pairs[1], pairs[2], pairs[3]);
      }
      if (2 * size == pairs.length) {
        shared = true;
        return new EventAttributes(pairs, size);
      }
      return new EventAttributes(java.util.Arrays.copyOf(pairs, 2 * size), size);
    }
  }

  /**
   * Two attributes, the most an event of intake has (channel and source reference), held in fields
   * rather than an array: one object kept per event instead of two. A map like any other.
   */
  static final class Two extends CompactAttributes {

    private final String key1;
    private final String value1;
    private final String key2;
    private final String value2;

    Two(String key1, String value1, String key2, String value2) {
      this.key1 = key1;
      this.value1 = value1;
      this.key2 = key2;
      this.value2 = value2;
    }

    @Override
    public int size() {
      return 2;
    }

    @Override
    String key(int i) {
      return i == 0 ? key1 : key2;
    }

    @Override
    String value(int i) {
      return i == 0 ? value1 : value2;
    }
  }
}
