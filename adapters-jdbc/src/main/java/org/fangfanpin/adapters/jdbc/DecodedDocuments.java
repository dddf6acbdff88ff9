package org.fangfanpin.adapters.jdbc;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The decoded values of documents most recently written or read, one per id (已解码文档): a case
 * read back after its unit of work wrote it is not parsed again. Reading a document is a pure
 * function of its text and every value round-trips ({@code DocumentsRoundTripTest}), so the value
 * kept with a text is the one decoding the text would give, whichever unit of work stored it and
 * whether or not that unit committed; it is used only for a text equal to the one kept.
 *
 * <p>A document's id is read from its opening, {@code {"v":1,"id":"…"}} as the codecs write it;
 * a text that opens otherwise is decoded and not kept. One entry per id, so the earlier versions
 * of a case make no room for nothing. Bounded by the characters of the texts kept, the least
 * recently used going first; a text longer than a tenth of the bound is not kept. The comparison
 * of the text read back with the one kept costs far less than parsing it. The values are immutable
 * and shared between threads. Thread-safe.
 */
final class DecodedDocuments<T> {

  private static final String OPENING = "{\"v\":1,\"id\":\"";

  private record Entry<T>(String text, T value) {}

  private final long maxChars;
  private final Function<String, T> decoder;
  private final Map<String, Entry<T>> byId = new LinkedHashMap<>(1024, 0.75f, true);
  private long chars;

  DecodedDocuments(long maxChars, Function<String, T> decoder) {
    this.maxChars = maxChars;
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  /** The value of the text: the one kept with an equal text, or decoded (and then kept). */
  T decode(String text) {
    String id = idOf(text);
    if (id != null) {
      synchronized (this) {
        Entry<T> kept = byId.get(id);
        if (kept != null && kept.text.equals(text)) {
          return kept.value;
        }
      }
    }
    // Decoded outside the lock, so that other threads look up meanwhile.
    T value = decoder.apply(text);
    keep(id, text, value);
    return value;
  }

  /** Notes that the text is the document of the value, which decoding it gives back. */
  void keep(String text, T value) {
    keep(idOf(text), text, value);
  }

  private void keep(String id, String text, T value) {
    if (id == null || text.length() > maxChars / 10) {
      return;
    }
    synchronized (this) {
      Entry<T> before = byId.put(id, new Entry<>(text, value));
      chars += text.length() - (before == null ? 0 : before.text.length());
      Iterator<Entry<T>> eldest = byId.values().iterator();
      while (chars > maxChars) {
        chars -= eldest.next().text.length();
        eldest.remove();
      }
    }
  }

  /** The id the document opens with, or null when it opens otherwise or the id holds an escape. */
  static String idOf(String text) {
    if (!text.startsWith(OPENING)) {
      return null;
    }
    int from = OPENING.length();
    for (int i = from; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        return text.substring(from, i);
      }
      if (ch == '\\') {
        return null;
      }
    }
    return null;
  }

  /** The number of ids kept (for tests). */
  synchronized int size() {
    return byId.size();
  }
}
