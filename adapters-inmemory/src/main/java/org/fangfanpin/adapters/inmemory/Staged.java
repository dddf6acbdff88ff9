package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The writes a session stages in one repository, in the order first staged: a few entries in one
 * small array of alternating keys and values, searched in turn (most sessions stage one, sized for
 * it), a linked hash map beyond that. Keys are never {@code null}; values may be.
 */
final class Staged<K, V> {

  private static final int SMALL = 8;

  private Object[] pairs = new Object[2];
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
    return i < 0 ? null : (V) pairs[2 * i + 1];
  }

  @SuppressWarnings("unchecked")
  void put(K key, V value) {
    if (large != null) {
      large.put(key, value);
      return;
    }
    int i = indexOf(key);
    if (i >= 0) {
      pairs[2 * i + 1] = value;
      return;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>(SMALL * 4);
      for (int k = 0; k < size; k++) {
        large.put((K) pairs[2 * k], (V) pairs[2 * k + 1]);
      }
      pairs = null;
      large.put(key, value);
      return;
    }
    if (2 * size == pairs.length) {
      pairs = java.util.Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[2 * size] = key;
    pairs[2 * size + 1] = value;
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
      out.add((V) pairs[2 * i + 1]);
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
      action.accept((K) pairs[2 * i], (V) pairs[2 * i + 1]);
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
      action.accept((V) pairs[2 * i + 1]);
    }
  }

  private int indexOf(Object key) {
    for (int i = 0; i < size; i++) {
      if (pairs[2 * i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
