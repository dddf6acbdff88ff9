package org.fangfanpin.adapters.inmemory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.fangfanpin.spi.store.IdSource;

/**
 * Ids counted in memory (内存编号来源): one counter per namespace, so a fresh source always issues
 * the same ids in the same order, e.g. {@code case-000000000001}, {@code case-000000000002}.
 * Thread-safe.
 *
 * <p>The counters live as long as the source: ids are unique per namespace for its life, not
 * across restarts, so pair it only with a store that does not outlive it either, such as
 * {@link InMemoryStore}.
 */
public final class InMemoryIdSource implements IdSource {

  /** The longest namespace accepted: the namespace, a dash and 12 digits stay within 64 characters. */
  public static final int MAX_NAMESPACE_LENGTH = 51;

  private static final int DIGITS = 12;

  private final ConcurrentMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /** Creates a source whose every namespace starts at 1. */
  public InMemoryIdSource() {
    // Counters are created on first use.
  }

  /**
   * The next id of the namespace: the namespace, a dash and the count padded to 12 digits.
   *
   * @throws IllegalArgumentException when the namespace is blank, longer than
   *     {@value #MAX_NAMESPACE_LENGTH} characters or holds whitespace or control characters
   */
  @Override
  public String next(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    AtomicLong counter = counters.get(namespace);
    if (counter == null) {
      counter = counters.computeIfAbsent(checked(namespace), n -> new AtomicLong());
    }
    return format(namespace, counter.incrementAndGet());
  }

  private static String checked(String namespace) {
    if (namespace.isEmpty() || namespace.length() > MAX_NAMESPACE_LENGTH
        || namespace.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("a namespace is 1 to " + MAX_NAMESPACE_LENGTH
          + " characters without whitespace or control characters");
    }
    return namespace;
  }

  private static String format(String namespace, long count) {
    int n = namespace.length();
    int width = Math.max(DIGITS, stringSize(count));
    // The id's bytes written in place: intake takes an id for every case it opens, and a builder
    // and the count's own string cost more than the id. Namespaces beyond ASCII take the long way.
    byte[] id = new byte[n + 1 + width];
    for (int i = 0; i < n; i++) {
      char c = namespace.charAt(i);
      if (c >= 0x80) {
        return formatSlowly(namespace, count);
      }
      id[i] = (byte) c;
    }
    id[n] = '-';
    long rest = count;
    for (int i = id.length - 1; i > n; i--) {
      id[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /** The number of decimal digits of a count (counts start at 1). */
  private static int stringSize(long count) {
    int digits = 1;
    for (long p = 10; digits < 19 && count >= p; p *= 10) {
      digits++;
    }
    return digits;
  }

  private static String formatSlowly(String namespace, long count) {
    String digits = Long.toString(count);
    StringBuilder id = new StringBuilder(namespace.length() + 1 + Math.max(DIGITS, digits.length()));
    id.append(namespace).append('-');
    for (int i = digits.length(); i < DIGITS; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}
