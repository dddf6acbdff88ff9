package org.fangfanpin.spi.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
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
import org.fangfanpin.spi.model.AreaCode;
import org.junit.jupiter.api.Test;

class DomainEventTest {

  private static DomainEvent.Builder base() {
    return DomainEvent.builder()
        .id("611022000000-7-0")
        .type(EventType.CASE_OPENED)
        .caseId("case-000000000001")
        .householdId("H00000001")
        .area(AreaCode.of("611022100201"))
        .occurredAt(Instant.parse("2025-03-31T01:00:00Z"));
  }

  /** Puts with keys from a small alphabet, so that keys repeat, up to past the scanning limit. */
  @Provide
  Arbitrary<List<Tuple2<String, String>>> puts() {
    Arbitrary<String> keys = Arbitraries.strings().withChars("abcdefghijklmnopqrst").ofLength(1);
    Arbitrary<String> values = Arbitraries.strings().alpha().ofMaxLength(3);
    return keys.flatMap(k -> values.map(v -> Tuple.of(k, v))).list().ofMaxSize(30);
  }

  @Property
  void keepsAttributesAsALinkedHashMapWould(@ForAll("puts") List<Tuple2<String, String>> puts) {
    Map<String, String> expected = new LinkedHashMap<>();
    DomainEvent.Builder b = base();
    for (Tuple2<String, String> p : puts) {
      expected.put(p.get1(), p.get2());
      b.putAttributes(p.get1(), p.get2());
    }
    Map<String, String> actual = b.build().attributes();

    assertThat(actual).isEqualTo(expected);
    assertThat(expected).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    assertThat(actual.toString()).isEqualTo(expected.toString());
    assertThat(new ArrayList<>(actual.keySet())).containsExactlyElementsOf(expected.keySet());
    for (String k : expected.keySet()) {
      assertThat(actual.get(k)).isEqualTo(expected.get(k));
      assertThat(actual.containsKey(k)).isTrue();
    }
    assertThat(actual.get("absent")).isNull();
  }

  @Property
  void equalsAnEventBuiltFromAnotherMapOfTheSameEntries(@ForAll("puts") List<Tuple2<String, String>> puts) {
    Map<String, String> expected = new LinkedHashMap<>();
    puts.forEach(p -> expected.put(p.get1(), p.get2()));
    DomainEvent fromPuts = base().putAllAttributes(expected).build();
    DomainEvent fromMap = base().build().withAttributes(new LinkedHashMap<>(expected));

    assertThat(fromPuts).isEqualTo(fromMap);
    assertThat(fromPuts.hashCode()).isEqualTo(fromMap.hashCode());
    assertThat(DomainEvent.builder().from(fromPuts).build()).isEqualTo(fromPuts);
  }

  @Test
  void twoAttributesBehaveAsALinkedHashMapOfThem() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("sourceRef", "src-1");
    expected.put("channel", "GRID_SCREENING");
    Map<String, String> actual =
        base().putAttributes("sourceRef", "src-1").putAttributes("channel", "GRID_SCREENING").build().attributes();

    assertThat(actual).isEqualTo(expected).hasSize(2);
    assertThat(expected).isEqualTo(actual);
    assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
    assertThat(actual.toString()).isEqualTo(expected.toString());
    assertThat(new ArrayList<>(actual.entrySet())).containsExactlyElementsOf(expected.entrySet());
    assertThat(actual.containsValue("src-1")).isTrue();
    assertThat(actual.containsKey(null)).isFalse();
    assertThat(actual.get("absent")).isNull();
    java.util.Iterator<Map.Entry<String, String>> it = actual.entrySet().iterator();
    it.next();
    it.next();
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    assertThatThrownBy(() -> actual.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    // A copy of the same event keeps the map it was given.
    DomainEvent e = base().putAttributes("sourceRef", "src-1").putAttributes("channel", "GRID_SCREENING").build();
    assertThat(e.withAttributes(e.attributes()).attributes()).isSameAs(e.attributes());
    assertThat(base().build().withAttributes(e.attributes()).attributes()).isSameAs(e.attributes());
  }

  @Property
  void anEventOfTwoAttributesIsTheOneTheBuilderMakes(@ForAll("puts") List<Tuple2<String, String>> puts) {
    net.jqwik.api.Assume.that(puts.size() >= 2);
    Tuple2<String, String> first = puts.get(0);
    Tuple2<String, String> second = puts.get(1);
    DomainEvent built = base().putAttributes(first.get1(), first.get2()).putAttributes(second.get1(), second.get2())
        .build();
    DomainEvent made = DomainEvent.of(built.id(), built.type(), built.caseId(), built.householdId(), built.area(),
        built.occurredAt(), first.get1(), first.get2(), second.get1(), second.get2());

    assertThat(made).isEqualTo(built);
    assertThat(made.hashCode()).isEqualTo(built.hashCode());
    assertThat(made.toString()).isEqualTo(built.toString());
    assertThat(new ArrayList<>(made.attributes().entrySet()))
        .containsExactlyElementsOf(new ArrayList<>(built.attributes().entrySet()));
  }

  @Test
  void anEventOfTwoAttributesRefusesNulls() {
    DomainEvent e = base().build();
    assertThatThrownBy(() -> DomainEvent.of(e.id(), e.type(), e.caseId(), e.householdId(), e.area(), e.occurredAt(),
        "channel", null, "sourceRef", "src-1")).isInstanceOf(NullPointerException.class).hasMessageContaining("channel");
    assertThatThrownBy(() -> DomainEvent.of(e.id(), e.type(), e.caseId(), e.householdId(), e.area(), e.occurredAt(),
        "channel", "GRID_SCREENING", null, "src-1")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DomainEvent.of(null, e.type(), e.caseId(), e.householdId(), e.area(), e.occurredAt(),
        "channel", "GRID_SCREENING", "sourceRef", "src-1")).isInstanceOf(NullPointerException.class)
        .hasMessage("id");
  }

  @Test
  void attributesCannotBeChanged() {
    DomainEvent e = base().putAttributes("channel", "GRID_SCREENING").putAttributes("sourceRef", "src-1").build();

    assertThatThrownBy(() -> e.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.attributes().remove("channel")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.attributes().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.attributes().entrySet().iterator().next().setValue("y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.attributes()).containsExactly(Map.entry("channel", "GRID_SCREENING"), Map.entry("sourceRef", "src-1"));
  }

  @Test
  void aBuilderUsedAfterBuildingLeavesTheBuiltEventAsItWas() {
    DomainEvent.Builder b = base().putAttributes("channel", "GRID_SCREENING").putAttributes("sourceRef", "src-1");
    DomainEvent first = b.build();
    DomainEvent second = b.putAttributes("channel", "MEDIA_HOTLINE").putAttributes("extra", "1").build();

    assertThat(first.attributes()).containsExactly(Map.entry("channel", "GRID_SCREENING"), Map.entry("sourceRef", "src-1"));
    assertThat(second.attributes()).containsExactly(Map.entry("channel", "MEDIA_HOTLINE"),
        Map.entry("sourceRef", "src-1"), Map.entry("extra", "1"));
  }

  @Test
  void refusesNullsAndMissingValues() {
    assertThatThrownBy(() -> base().putAttributes(null, "v")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> base().putAttributes("k", null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("k");
    assertThatThrownBy(() -> DomainEvent.builder().id("x").build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("type").hasMessageContaining("occurredAt");
  }

  @Test
  void copiesReturnTheSameEventWhenNothingChanges() {
    DomainEvent e = base().putAttributes("a", "1").putAttributes("b", "2").build();

    assertThat(e.withId(e.id())).isSameAs(e);
    assertThat(e.withAttributes(e.attributes())).isSameAs(e);
    assertThat(e.withType(EventType.SIGNAL_JOINED).type()).isEqualTo(EventType.SIGNAL_JOINED);
    assertThat(e.withType(EventType.SIGNAL_JOINED).attributes()).isEqualTo(e.attributes());
    assertThat(e.toString()).isEqualTo("DomainEvent{id=611022000000-7-0, type=CASE_OPENED, caseId=case-000000000001,"
        + " householdId=H00000001, area=" + e.area() + ", occurredAt=2025-03-31T01:00:00Z, attributes={a=1, b=2}}");
  }
}
