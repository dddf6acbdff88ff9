package org.fangfanpin.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class StagedTest {

  /** Puts with keys from a small alphabet, so that keys repeat, past the size kept in the array. */
  @Provide
  Arbitrary<List<Tuple2<String, Integer>>> puts() {
    Arbitrary<String> keys = Arbitraries.strings().withChars("abcdefghijklmnop").ofLength(1);
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 9).injectNull(0.1);
    return keys.flatMap(k -> values.map(v -> Tuple.of(k, v))).list().ofMaxSize(24);
  }

  @Property
  void keepsEntriesAsALinkedHashMapWould(@ForAll("puts") List<Tuple2<String, Integer>> puts) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    Staged<String, Integer> staged = new Staged<>();
    for (Tuple2<String, Integer> p : puts) {
      expected.put(p.get1(), p.get2());
      staged.put(p.get1(), p.get2());

      for (String k : expected.keySet()) {
        assertThat(staged.containsKey(k)).isTrue();
        assertThat(staged.get(k)).isEqualTo(expected.get(k));
      }
      assertThat(staged.containsKey("absent")).isFalse();
      assertThat(staged.get("absent")).isNull();
      assertThat(new ArrayList<>(staged.values())).containsExactlyElementsOf(expected.values());
    }
    List<Integer> values = new ArrayList<>();
    staged.forEachValue(values::add);
    assertThat(values).containsExactlyElementsOf(expected.values());
    Map<String, Integer> entries = new LinkedHashMap<>();
    staged.forEach(entries::put);
    assertThat(new ArrayList<>(entries.keySet())).containsExactlyElementsOf(expected.keySet());
    assertThat(entries).isEqualTo(expected);
  }
}
