package org.fangfanpin.spi.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;

class PolicyBookTest {

  private static final AreaCode VILLAGE = AreaCode.of("611022100201");
  private static final AreaCode PROVINCE = AreaCode.of("610000000000");
  private static final LocalDate FIRST = PolicyBook.NATIONAL_DEFAULT_FROM;

  /** A village, the entries of a book around it, and a date to resolve on. */
  record Scenario(AreaCode village, List<PolicyEntry> entries, LocalDate date) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    return DomainArbitraries.villages().flatMap(village -> {
      List<Optional<AreaCode>> regions = regionsAround(village);
      Arbitrary<List<Tuple.Tuple2<Integer, Integer>>> versions = Combinators.combine(
              Arbitraries.integers().between(0, regions.size() - 1), Arbitraries.integers().between(0, 6))
          .as(Tuple::of).list().ofMinSize(1).ofMaxSize(12).uniqueElements();
      Arbitrary<LocalDate> dates = Arbitraries.integers().between(-200, 6 * 200).map(FIRST::plusDays);
      return Combinators.combine(versions, dates).as((vs, date) -> {
        List<PolicyEntry> entries = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
          entries.add(entry(regions.get(vs.get(i).get1()), FIRST.plusDays(200L * vs.get(i).get2()), i));
        }
        return new Scenario(village, entries, date);
      });
    });
  }

  @Property(tries = 500)
  void resolvesToTheLatestVersionOfTheMostSpecificRegionInForce(@ForAll("scenarios") Scenario s) {
    PolicyBook book = PolicyBook.of(s.entries()).get();

    assertThat(book.resolve(s.village(), s.date()).toJavaOptional()).isEqualTo(expected(s));
  }

  @Property(tries = 300)
  void resolvesNothingBeforeTheFirstVersion(@ForAll("scenarios") Scenario s) {
    PolicyBook book = PolicyBook.of(s.entries()).get();
    LocalDate first = s.entries().stream().map(PolicyEntry::effectiveFrom).min(Comparator.naturalOrder()).get();

    assertThat(book.resolve(s.village(), first.minusDays(1))).isEmpty();
  }

  @Test
  void resolvesTheNationalDefaultsFromTwentyTwentyOneOn() {
    PolicyBook book = PolicyBook.nationalDefaults();

    assertThat(book.resolve(VILLAGE, FIRST)).isEqualTo(Option.some(PolicyParameters.builder().build()));
    assertThat(book.resolve(VILLAGE, FIRST.minusDays(1))).isEmpty();
  }

  @Test
  void prefersTheProvinceToTheNationFromTheProvincesDateOn() {
    PolicyEntry province = entry(Optional.of(PROVINCE), LocalDate.of(2023, 1, 1), 1);
    PolicyBook book = PolicyBook.nationalDefaults().with(province);

    assertThat(book.resolve(VILLAGE, LocalDate.of(2022, 12, 31)).get()).isEqualTo(PolicyParameters.builder().build());
    assertThat(book.resolve(VILLAGE, LocalDate.of(2023, 1, 1)).get()).isEqualTo(province.parameters());
    assertThat(book.resolve(AreaCode.of("110101001001"), LocalDate.of(2024, 1, 1)).get())
        .isEqualTo(PolicyParameters.builder().build());
  }

  @Test
  void keepsAnOlderVersionOfAMoreSpecificRegionOverANewerNationalOne() {
    PolicyEntry county = entry(Optional.of(AreaCode.of("611022000000")), LocalDate.of(2022, 1, 1), 1);
    PolicyEntry national = entry(Optional.empty(), LocalDate.of(2024, 1, 1), 2);
    PolicyBook book = PolicyBook.of(List.of(national, county)).get();

    assertThat(book.resolve(VILLAGE, LocalDate.of(2024, 6, 1)).get()).isEqualTo(county.parameters());
  }

  @Test
  void rejectsTwoVersionsForTheSameRegionAndDate() {
    Validation<Seq<Problem>, PolicyBook> book = PolicyBook.of(List.of(
        entry(Optional.of(PROVINCE), FIRST, 1), entry(Optional.of(PROVINCE), FIRST, 2),
        entry(Optional.empty(), FIRST, 3), entry(Optional.empty(), FIRST, 4),
        entry(Optional.of(PROVINCE), FIRST.plusDays(1), 5)));

    assertThat(book.getError()).extracting(Problem::code)
        .containsExactly("policy.duplicate_version", "policy.duplicate_version");
  }

  @Test
  void replacesTheVersionOfTheSameRegionAndDate() {
    PolicyEntry replacement = entry(Optional.empty(), FIRST, 7);
    PolicyBook book = PolicyBook.nationalDefaults().with(replacement);

    assertThat(book.entries()).containsExactly(replacement);
    assertThat(book.resolve(VILLAGE, FIRST).get()).isEqualTo(replacement.parameters());
  }

  /** Walks from the village up to the nation and takes the latest version of the first region that has one. */
  private static Optional<PolicyParameters> expected(Scenario s) {
    List<Optional<AreaCode>> fromVillageUp = new ArrayList<>();
    s.village().ancestors().prepend(s.village()).forEach(a -> fromVillageUp.add(Optional.of(a)));
    fromVillageUp.add(Optional.empty());
    for (Optional<AreaCode> region : fromVillageUp) {
      Optional<PolicyEntry> latest = s.entries().stream()
          .filter(e -> e.region().equals(region) && !e.effectiveFrom().isAfter(s.date()))
          .max(Comparator.comparing(PolicyEntry::effectiveFrom));
      if (latest.isPresent()) {
        return latest.map(PolicyEntry::parameters);
      }
    }
    return Optional.empty();
  }

  /** The nation, every area holding the village, and three areas that do not hold it. */
  private static List<Optional<AreaCode>> regionsAround(AreaCode village) {
    List<Optional<AreaCode>> regions = new ArrayList<>();
    regions.add(Optional.empty());
    village.ancestors().prepend(village).forEach(a -> regions.add(Optional.of(a)));
    String code = village.code();
    int villageGroup = Integer.parseInt(code.substring(9));
    regions.add(Optional.of(AreaCode.of(code.substring(0, 9) + String.format("%03d", villageGroup % 999 + 1))));
    int countyGroup = Integer.parseInt(code.substring(4, 6));
    regions.add(Optional.of(AreaCode.of(code.substring(0, 4) + String.format("%02d", countyGroup % 99 + 1) + "000000")));
    regions.add(Optional.of(AreaCode.of(code.startsWith("82") ? "810000000000" : "820000000000")));
    return regions;
  }

  /** An entry whose parameters are told apart by their poverty standard. */
  private static PolicyEntry entry(Optional<AreaCode> region, LocalDate from, int tag) {
    return PolicyEntry.builder()
        .region(region)
        .effectiveFrom(from)
        .parameters(PolicyParameters.builder().povertyStandard(Money.ofYuan(1_000 + tag)).build())
        .build();
  }
}
