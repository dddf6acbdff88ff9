package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The writes a session stages in one repository, in the order first staged: the first entry in two
 * fields (most sessions stage one: a signal received in its own unit of work stages one case, one
 * signal and one event), the next few in one small array of alternating keys and values, searched
 * in turn, a linked hash map beyond that. Keys are never {@code null}; values may be.
 */
final class Staged<K, V> {

  private static final int SMALL = 8;

  private Object firstKey;
  private Object firstValue;
  // Entries 1 .. size-1 while small: key of entry i at 2 * (i - 1), its value after it.
  private Object[] more;
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
    return i < 0 ? null : (V) valueAt(i);
  }

  @SuppressWarnings("unchecked")
  void put(K key, V value) {
    if (large != null) {
      large.put(key, value);
      return;
    }
    int i = indexOf(key);
    if (i == 0) {
      firstValue = value;
      return;
    }
    if (i > 0) {
      more[2 * (i - 1) + 1] = value;
      return;
    }
    if (size == 0) {
      firstKey = key;
      firstValue = value;
      size = 1;
      return;
    }
    if (size == SMALL) {
      large = new LinkedHashMap<>(SMALL * 4);
      for (int k = 0; k < size; k++) {
        large.put((K) keyAt(k), (V) valueAt(k));
      }
      firstKey = null;
      firstValue = null;
      more = null;
      large.put(key, value);
      return;
    }
    int at = 2 * (size - 1);
    if (more == null) {
      more = new Object[4];
    } else if (at == more.length) {
      more = Arrays.copyOf(more, more.length * 2);
    }
    more[at] = key;
    more[at + 1] = value;
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
      out.add((V) valueAt(i));
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
      action.accept((K) keyAt(i), (V) valueAt(i));
    }
  }

  /** Applies every staged value in order; cheaper than {@link #values()} for a commit. */
  @SuppressWarnings("unchecked")
  void forEachValue(Consumer<? super V> action) {
    if (large != null) {
      large.values().forEach(action);
      return;
    }
    for (int i = 0; i < size; i++) {
      action.accept((V) valueAt(i));
    }
  }

  private Object keyAt(int i) {
    return i == 0 ? firstKey : more[2 * (i - 1)];
  }

  private Object valueAt(int i) {
    return i == 0 ? firstValue : more[2 * (i - 1) + 1];
  }

  private int indexOf(Object key) {
    if (size == 0) {
      return -1;
    }
    if (firstKey.equals(key)) {
      return 0;
    }
    for (int i = 1; i < size; i++) {
      if (more[2 * (i - 1)].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
