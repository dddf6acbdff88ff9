package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The writes a session stages in one repository, in the order first staged: a few entries in two
 * small arrays searched in turn (most sessions stage one or two), a linked hash map beyond that.
 * Keys are never {@code null}; values may be.
 */
final class Staged<K, V> {

  private static final int SMALL = 8;

  private Object[] keys = new Object[2];
  private Object[] values = new Object[2];
  private int size;
  private LinkedHashMap<K, V> large;

  boolean containsKey(Object key) {
    if (large != null) {
      return large.containsKey(key);
    }
    return indexOf(key) >= 0;
  }

  @SuppressWarnings("unchecked")
  V get(Object key) {
    if (large != null) {
      return large.get(key);
    }
    int i = indexOf(key);
    return i < 0 ? null : (V) values[i];
  }

  @SuppressWarnings("unchecked")
  void put(K key, V value) {
    if (large != null) {
      large.put(key, value);
      return;
    }
    int i = indexOf(key);
    if (i >= 0) {
      values[i] = value;
      return;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>(SMALL * 4);
      for (int k = 0; k < size; k++) {
        large.put((K) keys[k], (V) values[k]);
      }
      keys = null;
      values = null;
      large.put(key, value);
      return;
    }
    if (size == keys.length) {
      keys = java.util.Arrays.copyOf(keys, size * 2);
      values = java.util.Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  /** The values in the order their keys were first staged. */
  @SuppressWarnings("unchecked")
  Collection<V> values() {
    if (large != null) {
      return large.values();
    }
    List<V> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add((V) values[i]);
    }
    return Collections.unmodifiableList(out);
  }

  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<? super K, ? super V> action) {
    if (large != null) {
      large.forEach(action);
      return;
    }
    for (int i = 0; i < size; i++) {
      action.accept((K) keys[i], (V) values[i]);
    }
  }

  /** Applies every staged value in order; cheaper than {@link #values()} for a commit. */
  @SuppressWarnings("unchecked")
  void forEachValue(java.util.function.Consumer<? super V> action) {
    if (large != null) {
      large.values().forEach(action);
      return;
    }
    for (int i = 0; i < size; i++) {
      action.accept((V) values[i]);
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
