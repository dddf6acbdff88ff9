package org.fangfanpin.adapters.inmemory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;

/**
 * The committed signals (线索登记): by (channel, source reference), and by village in the order they
 * were stored. Each carries the number of its storing, which breaks ties of receipt time.
 *
 * <p>A county stores millions of signals and keeps them all, so the tables hold no object per
 * signal beyond what a map entry needs: one map per channel keyed by the source reference the
 * signal already holds, and per village two parallel arrays of signals and their numbers.
 */
final class SignalTable {

  /** The key of a staged signal. */
  record Key(Channel channel, String sourceRef) {

    static Key of(StoredSignal s) {
      return new Key(s.signal().channel(), s.signal().sourceRef());
    }
  }

  /** A signal and the number of its storing. */
  record Entry(long number, StoredSignal signal) {

    /** In order of receipt; signals received at the same instant in the order they were stored. */
    static final Comparator<Entry> RECEIPT_ORDER =
        Comparator.comparing((Entry e) -> e.signal().receivedAt()).thenComparingLong(Entry::number);
  }

  /** One village's signals in the order they were stored, with the number of each. */
  static final class Village {

    private StoredSignal[] signals = new StoredSignal[16];
    private long[] numbers = new long[16];
    private int size;

    int size() {
      return size;
    }

    StoredSignal signal(int i) {
      return signals[i];
    }

    long number(int i) {
      return numbers[i];
    }

    private void add(long number, StoredSignal signal) {
      if (size == signals.length) {
        signals = Arrays.copyOf(signals, size * 2);
        numbers = Arrays.copyOf(numbers, size * 2);
      }
      signals[size] = signal;
      numbers[size] = number;
      size++;
    }
  }

  private final Map<Channel, Map<String, StoredSignal>> byChannel = new EnumMap<>(Channel.class);
  final NavigableMap<AreaCode, Village> byVillage = new TreeMap<>();
  private long stored;

  /** {@link #add}, made once: a session commits through it, and most sessions hold one signal. */
  final java.util.function.Consumer<StoredSignal> adder = this::add;

  SignalTable(int initialCapacityPerChannel) {
    for (Channel c : Channel.values()) {
      byChannel.put(c, new HashMap<>(initialCapacityPerChannel));
    }
  }

  /** The number the next stored signal gets. */
  long nextNumber() {
    return stored + 1;
  }

  /** The stored signal with this key, or {@code null}. */
  StoredSignal find(Channel channel, String sourceRef) {
    return byChannel.get(channel).get(sourceRef);
  }

  void add(StoredSignal signal) {
    stored++;
    byChannel.get(signal.signal().channel()).put(signal.signal().sourceRef(), signal);
    byVillage.computeIfAbsent(signal.area(), v -> new Village()).add(stored, signal);
  }
}
