package org.fangfanpin.spi.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An event's attributes found by position (事件属性): the look-up and iteration that the array of
 * pairs ({@link EventAttributes}) and the two-field form ({@link EventAttributes.Two}) share.
 * Unmodifiable, and a {@link Map} like any other for equality, hash code and string form.
 */
abstract class CompactAttributes extends AbstractMap<String, String> {

  /** The key of the entry at position {@code i}, from 0 below {@link #size()}. */
  abstract String key(int i);

  /** The value of the entry at position {@code i}. */
  abstract String value(int i);

  @Override
  public boolean isEmpty() {
    return size() == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return position(key) >= 0;
  }

  @Override
  public String get(Object key) {
    int i = position(key);
    return i < 0 ? null : value(i);
  }

  private int position(Object key) {
    int size = size();
    for (int i = 0; i < size; i++) {
      if (key(i).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    // Made on each call, not kept: events are stored by the million and rarely read as maps.
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size();
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= size()) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(key(i), value(i));
          }
        };
      }

      @Override
      public int size() {
        return CompactAttributes.this.size();
      }
    };
  }
}
