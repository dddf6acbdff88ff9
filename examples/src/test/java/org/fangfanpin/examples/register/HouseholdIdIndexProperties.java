package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The packed id index answers as a plain map from id to first row would. */
class HouseholdIdIndexProperties {

  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<String> id = Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
        Arbitraries.strings().withChars("户编号-A9é\uD83D\uDE00").ofMinLength(1).ofMaxLength(64));
    return id.injectDuplicates(0.3).list().ofMaxSize(300);
  }

  @Property
  void givesTheFirstRowOfARepeatedIdAndZeroForANewOne(@ForAll("ids") List<String> ids,
      @ForAll @IntRange(min = 64, max = 512) int chunkBytes) {
    HouseholdIdIndex index = new HouseholdIdIndex(chunkBytes);
    Map<String, Integer> model = new HashMap<>();

    for (int row = 1; row <= ids.size(); row++) {
      String id = ids.get(row - 1);
      Integer expected = model.putIfAbsent(id, row);
      assertThat(index.firstRowOf(id, row)).as(id).isEqualTo(expected == null ? 0 : expected);
    }
  }

  @Example
  void keepsHundredsOfThousandsOfRegisterIdsApart() {
    HouseholdIdIndex index = new HouseholdIdIndex();
    for (int row = 1; row <= 300_000; row++) {
      assertThat(index.firstRowOf("611022100201" + (10_000_000 + row), row)).isZero();
    }
    assertThat(index.firstRowOf("611022100201" + (10_000_000 + 123_456), 300_001)).isEqualTo(123_456);
    assertThat(index.firstRowOf("611022100201" + (10_000_000 + 300_001), 300_002)).isZero();
  }
}
