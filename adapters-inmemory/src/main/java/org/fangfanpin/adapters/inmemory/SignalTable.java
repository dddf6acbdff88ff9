package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;

/**
 * The committed signals (线索登记): by (channel, source reference), and by village in the order they
 * were stored. Each carries the number of its storing, which breaks ties of receipt time.
 */
final class SignalTable {

  /** The key of a signal. */
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

  final Map<Key, StoredSignal> byKey = new HashMap<>();
  final NavigableMap<AreaCode, List<Entry>> byVillage = new TreeMap<>();
  private long stored;

  /** The number the next stored signal gets. */
  long nextNumber() {
    return stored + 1;
  }

  void add(StoredSignal signal) {
    stored++;
    byKey.put(Key.of(signal), signal);
    byVillage.computeIfAbsent(signal.area(), v -> new ArrayList<>()).add(new Entry(stored, signal));
  }
}
