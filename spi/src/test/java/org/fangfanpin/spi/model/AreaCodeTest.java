package org.fangfanpin.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaCodeTest {

  private static final AreaCode VILLAGE = AreaCode.of("611022100201");

  /** An area and one of its descendants (or itself), at any pair of levels. */
  @Provide
  Arbitrary<Tuple2<AreaCode, AreaCode>> areaAndDescendant() {
    return Combinators.combine(Arbitraries.of(AreaLevel.class), Arbitraries.of(AreaLevel.class))
        .as((a, b) -> a.compareTo(b) <= 0 ? Tuple.of(a, b) : Tuple.of(b, a))
        .flatMap(levels -> DomainArbitraries.areaCodes(levels.get1())
            .flatMap(area -> DomainArbitraries.areasWithin(area, levels.get2()).map(d -> Tuple.of(area, d))));
  }

  /** A parent and two of its children of the same level, which may coincide. */
  @Provide
  Arbitrary<Tuple3<AreaCode, AreaCode, AreaCode>> siblings() {
    return Arbitraries.of(AreaLevel.PROVINCE, AreaLevel.CITY, AreaLevel.COUNTY, AreaLevel.TOWNSHIP)
        .flatMap(DomainArbitraries::areaCodes)
        .flatMap(parent -> {
          AreaLevel childLevel = AreaLevel.values()[parent.level().ordinal() + 1];
          Arbitrary<AreaCode> child = DomainArbitraries.areasWithin(parent, childLevel);
          return Combinators.combine(child, child).as((a, b) -> Tuple.of(parent, a, b));
        });
  }

  @Provide
  Arbitrary<AreaCode> anyArea() {
    return DomainArbitraries.areaCodes();
  }

  @ParameterizedTest
  @CsvSource({"610000000000, PROVINCE", "611000000000, CITY", "611022000000, COUNTY", "611022100000, TOWNSHIP",
      "611022100201, VILLAGE", "110101001001, VILLAGE"})
  void detectsTheLevelFromTheTrailingZeros(String code, AreaLevel level) {
    assertThat(AreaCode.of(code).level()).isEqualTo(level);
  }

  @Property
  void readsBackEveryCodeWithTheSameLevel(@ForAll("anyArea") AreaCode area) {
    AreaCode read = AreaCode.parse("area", area.code()).get();

    assertThat(read).isEqualTo(area);
    assertThat(read.level()).isEqualTo(area.level());
    assertThat(area.prefix()).hasSize(area.level().significantDigits());
  }

  @Test
  void knowsItsParentAndAncestorsNearestFirst() {
    assertThat(VILLAGE.parent()).isEqualTo(Option.some(AreaCode.of("611022100000")));
    assertThat(VILLAGE.ancestors()).containsExactly(AreaCode.of("611022100000"), AreaCode.of("611022000000"),
        AreaCode.of("611000000000"), AreaCode.of("610000000000"));
    assertThat(AreaCode.of("610000000000").parent()).isEmpty();
    assertThat(AreaCode.of("610000000000").ancestors()).isEmpty();
  }

  @Test
  void givesItsAncestorAtAHigherOrTheSameLevelOnly() {
    AreaCode county = AreaCode.of("611022000000");

    assertThat(VILLAGE.ancestor(AreaLevel.COUNTY)).isEqualTo(Option.some(county));
    assertThat(county.ancestor(AreaLevel.COUNTY)).isEqualTo(Option.some(county));
    assertThat(county.ancestor(AreaLevel.VILLAGE)).isEmpty();
    assertThat(VILLAGE.ancestor(AreaLevel.COUNTY).get().level()).isEqualTo(AreaLevel.COUNTY);
  }

  @Property
  void containsEveryDescendantAndIsContainedByEveryAncestor(
      @ForAll("areaAndDescendant") Tuple2<AreaCode, AreaCode> pair) {
    AreaCode area = pair.get1();
    AreaCode descendant = pair.get2();

    assertThat(area.contains(descendant)).isTrue();
    assertThat(descendant.ancestor(area.level())).isEqualTo(Option.some(area));
    assertThat(descendant.ancestors().prepend(descendant)).contains(area);
    if (!area.equals(descendant)) {
      assertThat(descendant.contains(area)).isFalse();
    }
  }

  @Property
  void neverContainsASibling(@ForAll("siblings") Tuple3<AreaCode, AreaCode, AreaCode> family) {
    AreaCode one = family.get2();
    AreaCode other = family.get3();
    Assume.that(!one.equals(other));

    assertThat(one.contains(other)).isFalse();
    assertThat(other.contains(one)).isFalse();
    assertThat(family.get1().contains(one) && family.get1().contains(other)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"61102210020", "6110221002011", "61102210020A", "611022 100201", "６11022100201"})
  void rejectsAnythingButTwelveDigits(String code) {
    assertThat(codes(code)).containsExactly("area_code.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"000000000000", "001022100201"})
  void rejectsTheZeroProvince(String code) {
    assertThat(codes(code)).containsExactly("area_code.province");
  }

  @ParameterizedTest
  @ValueSource(strings = {"610022000000", "611000100000", "611022000201", "610000000001"})
  void rejectsAZeroGroupBeforeANonZeroOne(String code) {
    assertThat(codes(code)).containsExactly("area_code.gap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void rejectsAMissingCode(String code) {
    assertThat(codes(code)).containsExactly("area_code.missing");
    assertThat(codes(null)).containsExactly("area_code.missing");
  }

  @Test
  void ignoresSurroundingBlanks() {
    assertThat(AreaCode.of(" 611022100201\n")).isEqualTo(VILLAGE);
  }

  @Test
  void throwsWithEveryProblemWhenTheCodeIsKnownToBeValidButIsNot() {
    assertThatThrownBy(() -> AreaCode.of("6110"))
        .isInstanceOfSatisfying(InvalidValueException.class,
            e -> assertThat(e.problems()).extracting(Problem::code).containsExactly("area_code.format"));
  }

  private static Seq<String> codes(String text) {
    return AreaCode.parse("area", text).getError().map(Problem::code);
  }
}
