package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.fangfanpin.spi.model.AreaCode;

/**
 * Looks up, in a map keyed by village (村), the entries of every village an area contains. The
 * villages of an area share its significant digits, so they form one range of the sorted keys;
 * every key in that range is still checked with {@link AreaCode#contains}.
 */
final class Villages {

  private Villages() {}

  /** The values of the villages that {@code area} contains, in order of village code. */
  static <V> List<V> within(NavigableMap<AreaCode, V> byVillage, AreaCode area) {
    List<V> found = new ArrayList<>();
    if (byVillage.isEmpty()) {
      return found;
    }
    String prefix = area.prefix();
    AreaCode last = AreaCode.of(prefix + "9".repeat(12 - prefix.length()));
    for (Map.Entry<AreaCode, V> e : byVillage.subMap(area, true, last, true).entrySet()) {
      if (area.contains(e.getKey())) {
        found.add(e.getValue());
      }
    }
    return found;
  }
}
