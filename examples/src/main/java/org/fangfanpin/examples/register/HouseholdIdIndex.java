package org.fangfanpin.examples.register;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The household ids seen so far and the row where each was first seen (户编号索引), for the
 * duplicate check of a streamed register.
 *
 * <p>It is the one thing that grows with the register, so it holds no object per id: the ids'
 * UTF-8 bytes sit in large byte chunks and an open-addressing table of ints points into them.
 * A million ids take about 45 MB instead of the 130 MB of a {@code HashMap<String, Integer>}, and
 * the garbage collector has nothing to trace or copy in it.
 */
final class HouseholdIdIndex {

  private static final int DEFAULT_CHUNK_BYTES = 1 << 20;
  private static final int INITIAL_SLOTS = 1 << 12;
  /** Ints per slot, side by side so that a probe touches one cache line. */
  private static final int STRIDE = 3;
  private static final int HASH = 0;
  private static final int START = 1;
  private static final int ROW = 2;

  private final int chunkBytes;
  private byte[][] chunks = new byte[8][];
  private int chunkCount;
  private int chunkUsed;

  /** Per slot: the id's hash, where its bytes start (chunk × chunkBytes + offset), its first row (0: empty). */
  private int[] slots = new int[INITIAL_SLOTS * STRIDE];
  private int slotCount = INITIAL_SLOTS;
  private int size;

  HouseholdIdIndex() {
    this(DEFAULT_CHUNK_BYTES);
  }

  /** An index with chunks of the given size; tests use small ones to fill many chunks. */
  HouseholdIdIndex(int chunkBytes) {
    this.chunkBytes = chunkBytes;
  }

  /**
   * Remembers {@code id} as seen at {@code row} unless it was seen before.
   *
   * @param id a household id of at most {@link org.fangfanpin.spi.model.AbstractHousehold#MAX_ID_LENGTH} characters
   * @param row the current row, at least 1
   * @return the row where the id was first seen, or 0 when it is new
   */
  int firstRowOf(String id, int row) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    int hash = mix(id.hashCode());
    int mask = slotCount - 1;
    int at = (hash & mask) * STRIDE;
    while (slots[at + ROW] != 0) {
      if (slots[at + HASH] == hash && sameBytes(slots[at + START], bytes)) {
        return slots[at + ROW];
      }
      at = next(at);
    }
    slots[at + HASH] = hash;
    slots[at + START] = store(bytes);
    slots[at + ROW] = row;
    if (++size * 2 > slotCount) {
      grow();
    }
    return 0;
  }

  /** Stores the length in one byte (ids have at most 64 characters, 192 bytes) and then the bytes. */
  private int store(byte[] bytes) {
    if (bytes.length > 0xFF) {
      throw new IllegalArgumentException("a household id longer than 255 bytes: " + bytes.length);
    }
    int needed = bytes.length + 1;
    if (chunkCount == 0 || chunkUsed + needed > chunkBytes) {
      if (chunkCount == chunks.length) {
        chunks = Arrays.copyOf(chunks, chunkCount * 2);
      }
      chunks[chunkCount++] = new byte[Math.max(chunkBytes, needed)];
      chunkUsed = 0;
    }
    byte[] chunk = chunks[chunkCount - 1];
    chunk[chunkUsed] = (byte) bytes.length;
    System.arraycopy(bytes, 0, chunk, chunkUsed + 1, bytes.length);
    int start = Math.addExact(Math.multiplyExact(chunkCount - 1, chunkBytes), chunkUsed);
    chunkUsed += needed;
    return start;
  }

  private boolean sameBytes(int start, byte[] bytes) {
    byte[] chunk = chunks[start / chunkBytes];
    int offset = start % chunkBytes;
    int length = chunk[offset] & 0xFF;
    return length == bytes.length
        && Arrays.equals(chunk, offset + 1, offset + 1 + length, bytes, 0, length);
  }

  private void grow() {
    int[] old = slots;
    slotCount *= 2;
    slots = new int[slotCount * STRIDE];
    int mask = slotCount - 1;
    for (int from = 0; from < old.length; from += STRIDE) {
      if (old[from + ROW] != 0) {
        int at = (old[from + HASH] & mask) * STRIDE;
        while (slots[at + ROW] != 0) {
          at = next(at);
        }
        System.arraycopy(old, from, slots, at, STRIDE);
      }
    }
  }

  /** The slot after the one at {@code at}, wrapping round. */
  private int next(int at) {
    int next = at + STRIDE;
    return next == slots.length ? 0 : next;
  }

  /** Spreads a string hash so that ids differing only in their last digits fill the table evenly. */
  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
