package org.fangfanpin.spi.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Member;
import org.fangfanpin.spi.model.MemberRelation;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.policy.DayCount;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * jqwik generators (生成器) for the values of the boundary model, in one place so that the tests of
 * the library, of every adapter and of an integrator's own adapter draw from the same
 * distributions.
 *
 * <p>Every generator produces only <em>valid</em> values: building them never throws. Tests that
 * need invalid input start from a valid value and break one thing. Use the static methods in
 * {@code @Provide} methods, or add {@link FangFanPinDomain} with {@code @Domain} to get them by
 * type.
 */
public final class DomainArbitraries {

  /** The 2-digit codes of the 34 provincial-level divisions (省级行政区划). */
  public static final List<String> PROVINCE_PREFIXES = List.of(
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
      "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
      "71", "81", "82");

  /** The most fen {@link Money#parseYuan} accepts in either direction: 13 digits of yuan and 2 of fen. */
  public static final long MAX_PARSEABLE_FEN = 999_999_999_999_999L;

  /** The largest household generated, in members. */
  public static final int MAX_MEMBERS = 8;

  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST_BIRTH = LocalDate.of(2024, 12, 31);
  private static final Set<FocusFlag> FREE_FLAGS = EnumSet.of(FocusFlag.DIBAO, FocusFlag.TEKUN,
      FocusFlag.DANGEROUS_HOUSE, FocusFlag.ELDERLY, FocusFlag.DISASTER_STRICKEN);

  private DomainArbitraries() {}

  // ---------------------------------------------------------------- area codes

  /** Provinces (省), from the real list of provincial codes. */
  public static Arbitrary<AreaCode> provinces() {
    return Arbitraries.of(PROVINCE_PREFIXES).map(p -> AreaCode.of(p + "0000000000"));
  }

  /** Area codes of the given level, each group below the province a non-zero number. */
  public static Arbitrary<AreaCode> areaCodes(AreaLevel level) {
    return provinces().flatMap(p -> areasWithin(p, level));
  }

  /** Area codes of any level, villages most often. */
  public static Arbitrary<AreaCode> areaCodes() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, areaCodes(AreaLevel.PROVINCE)),
        Tuple.of(1, areaCodes(AreaLevel.CITY)),
        Tuple.of(1, areaCodes(AreaLevel.COUNTY)),
        Tuple.of(1, areaCodes(AreaLevel.TOWNSHIP)),
        Tuple.of(3, areaCodes(AreaLevel.VILLAGE)));
  }

  /** Villages (村): the level every household lives at. */
  public static Arbitrary<AreaCode> villages() {
    return areaCodes(AreaLevel.VILLAGE);
  }

  /**
   * Areas of the given level inside {@code parent} (the parent itself when the levels are equal).
   *
   * @throws IllegalArgumentException when {@code level} is above the parent's level
   */
  public static Arbitrary<AreaCode> areasWithin(AreaCode parent, AreaLevel level) {
    if (level.compareTo(parent.level()) < 0) {
      throw new IllegalArgumentException(level + " is above " + parent.level());
    }
    Arbitrary<String> digits = Arbitraries.just(parent.prefix());
    for (int l = parent.level().ordinal() + 1; l <= level.ordinal(); l++) {
      int width = AreaLevel.values()[l].significantDigits() - AreaLevel.values()[l - 1].significantDigits();
      digits = Combinators.combine(digits, nonZeroGroup(width)).as(String::concat);
    }
    return digits.map(d -> AreaCode.of(d + "0".repeat(12 - d.length())));
  }

  private static Arbitrary<String> nonZeroGroup(int width) {
    int max = width == 2 ? 99 : 999;
    return Arbitraries.integers().between(1, max).map(i -> String.format("%0" + width + "d", i));
  }

  // ---------------------------------------------------------------- resident ID numbers

  /** Birth dates between 1900 and 2024. */
  public static Arbitrary<LocalDate> birthDates() {
    return Arbitraries.longs().between(EARLIEST_BIRTH.toEpochDay(), LATEST_BIRTH.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  /**
   * Valid 18-character resident ID numbers as text: a county code, a birth date, a sequence and
   * the check character computed with {@link ResidentId#checkCharacter}. About one in eleven
   * ends in {@code X}.
   */
  public static Arbitrary<String> residentIdNumbers() {
    return Combinators.combine(areaCodes(AreaLevel.COUNTY), birthDates(), Arbitraries.integers().between(0, 999))
        .as((county, birth, sequence) -> {
          String body = county.prefix()
              + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
              + String.format("%03d", sequence);
          return body + ResidentId.checkCharacter(body);
        });
  }

  /** Valid resident ID numbers (居民身份证号码). */
  public static Arbitrary<ResidentId> residentIds() {
    return residentIdNumbers().map(ResidentId::of);
  }

  // ---------------------------------------------------------------- money

  /** Amounts between {@code min} and {@code max} inclusive, to the fen. */
  public static Arbitrary<Money> amounts(Money min, Money max) {
    return Arbitraries.longs().between(min.fen(), max.fen()).map(Money::ofFen);
  }

  /** Amounts from 0 to 10,000,000 yuan: the range of any household or fund figure. */
  public static Arbitrary<Money> nonNegativeAmounts() {
    return amounts(Money.ZERO, Money.ofYuan(10_000_000));
  }

  /** Every amount, positive or negative, that {@link Money#parseYuan} can read back. */
  public static Arbitrary<Money> parseableAmounts() {
    return amounts(Money.ofFen(-MAX_PARSEABLE_FEN), Money.ofFen(MAX_PARSEABLE_FEN));
  }

  // ---------------------------------------------------------------- households

  /** Valid households in any village, without member details. */
  public static Arbitrary<Household> households() {
    return households(villages());
  }

  /**
   * Valid households in the given villages, without member details.
   *
   * <p>The counts lie within the number of members (1–{@value #MAX_MEMBERS}); incomes range from
   * nothing to 50,000 yuan a person, so that roughly one household in ten is below the 6,000 yuan
   * line; most have no rigid expenditure and every basic need secure; the focus flags agree with
   * the counts ({@code NO_LABOUR} exactly when no member works, {@code DISABILITY} and
   * {@code SERIOUS_ILLNESS} exactly when a member is disabled or ill). The household id is the
   * village code followed by four digits, so ids repeat across a large sample: use
   * {@code .list().uniqueElements(Household::id)} when a test needs them unique.
   */
  public static Arbitrary<Household> households(Arbitrary<AreaCode> villages) {
    Arbitrary<Tuple.Tuple2<AreaCode, String>> placeAndId = villages.flatMap(v -> Arbitraries.integers()
        .between(0, 9999).map(seq -> Tuple.of(v, v.code() + String.format("%04d", seq))));
    return Combinators.combine(placeAndId, Arbitraries.of(HouseholdStatus.class), residentIds(), counts(),
            unmetNeeds(), Arbitraries.subsetOf(FREE_FLAGS))
        .flatAs((place, status, head, counts, needs, flags) -> figures(counts.members()).map(figures ->
            Household.builder()
                .area(place.get1())
                .id(place.get2())
                .status(status)
                .head(head)
                .memberCount(counts.members())
                .workers(counts.workers())
                .seniorStudents(counts.seniorStudents())
                .disabledMembers(counts.disabled())
                .seriouslyIllMembers(counts.seriouslyIll())
                .incomeLast12Months(figures.income())
                .previousYearIncome(figures.previousYearIncome())
                .rigidExpenditure(figures.rigidExpenditure())
                .unmetNeeds(needs)
                .focusFlags(counts.impliedFlags())
                .addAllFocusFlags(flags)
                .build()));
  }

  /**
   * Valid households that also carry member details agreeing with their counts: one head (whose
   * ID number is the household's head), the workers, students, disabled and ill members marked.
   */
  public static Arbitrary<Household> householdsWithMemberDetails() {
    return households().flatMap(h -> {
      int others = h.memberCount() - 1;
      Arbitrary<List<MemberRelation>> relations = Arbitraries.of(MemberRelation.SPOUSE, MemberRelation.CHILD,
          MemberRelation.PARENT, MemberRelation.GRANDCHILD, MemberRelation.OTHER).list().ofSize(others);
      Arbitrary<List<Optional<ResidentId>>> ids = residentIds().optional(0.8).list().ofSize(others);
      return Combinators.combine(relations, ids).as((rels, memberIds) -> h.withMembers(members(h, rels, memberIds)));
    });
  }

  private static List<Member> members(Household h, List<MemberRelation> relations, List<Optional<ResidentId>> ids) {
    int n = h.memberCount();
    List<Member> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      members.add(Member.builder()
          .relation(i == 0 ? MemberRelation.HEAD : relations.get(i - 1))
          .residentId(i == 0 ? Optional.of(h.head()) : ids.get(i - 1))
          .ableToWork(i < h.workers())
          .seniorStudent(i >= n - h.seniorStudents())
          .disabled(i < h.disabledMembers())
          .seriouslyIll(i >= n - h.seriouslyIllMembers())
          .build());
    }
    return members;
  }

  /** The counts of a household, each within the number of members. */
  private record Counts(int members, int workers, int seniorStudents, int disabled, int seriouslyIll) {

    /** The focus flags the counts imply. */
    Set<FocusFlag> impliedFlags() {
      Set<FocusFlag> flags = EnumSet.noneOf(FocusFlag.class);
      if (workers == 0) {
        flags.add(FocusFlag.NO_LABOUR);
      }
      if (disabled > 0) {
        flags.add(FocusFlag.DISABILITY);
      }
      if (seriouslyIll > 0) {
        flags.add(FocusFlag.SERIOUS_ILLNESS);
      }
      return flags;
    }
  }

  /** The money figures of a household. */
  private record Figures(Money income, Money previousYearIncome, Money rigidExpenditure) {}

  private static Arbitrary<Counts> counts() {
    return Arbitraries.integers().between(1, MAX_MEMBERS).flatMap(n -> {
      Arbitrary<Integer> upToN = Arbitraries.integers().between(0, n);
      Arbitrary<Integer> few = Arbitraries.integers().between(0, Math.min(n, 2));
      return Combinators.combine(upToN, few, few, few).as((w, s, d, i) -> new Counts(n, w, s, d, i));
    });
  }

  private static Arbitrary<Figures> figures(int members) {
    Arbitrary<Money> income = Arbitraries.longs().between(0, Money.ofYuan(50_000).times(members).fen())
        .withDistribution(RandomDistribution.uniform()).map(Money::ofFen);
    Arbitrary<Money> rigid = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(Money.ZERO)),
        Tuple.of(4, amounts(Money.ZERO, Money.ofYuan(100_000))));
    return Combinators.combine(income, income, rigid).as(Figures::new);
  }

  private static Arbitrary<Set<BasicNeed>> unmetNeeds() {
    return Arbitraries.frequencyOf(
        Tuple.of(9, Arbitraries.just(Set.of())),
        Tuple.of(1, Arbitraries.subsetOf(BasicNeed.values()).ofMinSize(1)));
  }

  // ---------------------------------------------------------------- policy

  /**
   * Valid policy parameters: the national defaults with any of them changed within the range a
   * province might publish (a poverty standard of 2,300–8,000 yuan, a factor of 1–2, sometimes an
   * explicit monitoring line, other ratios, time limits, caps and exit periods).
   */
  public static Arbitrary<PolicyParameters> policyParameters() {
    Arbitrary<int[]> exit = Arbitraries.integers().between(1, 12).flatMap(min ->
        Arbitraries.integers().between(min, 12).flatMap(max -> Combinators.combine(
            Arbitraries.integers().between(min, max), Arbitraries.integers().between(min, max))
            .as((def, dibao) -> new int[] {min, max, def, dibao})));
    return Builders.withBuilder(PolicyParameters::builder)
        .use(amounts(Money.ofYuan(2_300), Money.ofYuan(8_000))).withProbability(0.7)
        .in(PolicyParameters.Builder::povertyStandard)
        .use(Arbitraries.integers().between(10_000, 20_000)).withProbability(0.7)
        .in(PolicyParameters.Builder::monitoringThresholdFactorBp)
        .use(amounts(Money.ofYuan(3_000), Money.ofYuan(15_000))).withProbability(0.3)
        .in(PolicyParameters.Builder::monitoringLine)
        .use(Arbitraries.integers().between(5_000, 30_000)).withProbability(0.5)
        .in(PolicyParameters.Builder::rigidExpenditureFactorBp)
        .use(Arbitraries.integers().between(1_000, 9_000)).withProbability(0.5)
        .in(PolicyParameters.Builder::sharpIncomeDropShareBp)
        .use(Arbitraries.integers().between(10_000, 30_000)).withProbability(0.5)
        .in(PolicyParameters.Builder::sharpIncomeDropBandBp)
        .use(Arbitraries.integers().between(1, 20)).withProbability(0.3)
        .in(PolicyParameters.Builder::townshipVerificationWorkingDays)
        .use(Combinators.combine(Arbitraries.integers().between(10, 30), Arbitraries.of(DayCount.class))
            .as(Tuple::of)).withProbability(0.3)
        .in((b, limit) -> b.recognitionTimeLimit(limit.get1()).recognitionTimeLimitCount(limit.get2()))
        .use(amounts(Money.ofYuan(10_000), Money.ofYuan(200_000))).withProbability(0.3)
        .in(PolicyParameters.Builder::householdAidCapPerYear)
        .use(amounts(Money.ofYuan(3_000), Money.ofYuan(12_000))).withProbability(0.3)
        .in(PolicyParameters.Builder::dibaoLine)
        .use(exit).withProbability(0.3)
        .in((b, e) -> b.gradualExitMinMonths(e[0]).gradualExitMaxMonths(e[1])
            .gradualExitDefaultMonths(e[2]).dibaoGradualExitMonths(e[3]))
        .build(PolicyParameters.Builder::build);
  }
}
