package org.fangfanpin.core.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.exit.ExitFixtures.HOUSEHOLD_ID;
import static org.fangfanpin.core.exit.ExitFixtures.VERIFIED;
import static org.fangfanpin.core.exit.ExitFixtures.VILLAGE_A1;

import io.vavr.control.Either;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.time.api.constraints.DateRange;
import org.fangfanpin.core.review.PolicyLookup;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What holds for every plan, household and policy: no risk is eliminated while a measure that has
 * not ended is not implemented (invariant 4 of DOMAIN.md), only with income shown above the line
 * in each month of the window, and every gradual exit lasts between the policy's shortest and
 * longest number of months.
 */
class EliminationRulesProperties {

  /** The decision days the plans are tried on: after the verification, far past the six months. */
  static final LocalDate FIRST_DAY = VERIFIED;

  /**
   * A measure of a random plan: its type, its status and when it ends relative to the day of the
   * move (none: it runs on).
   *
   * @param type the type
   * @param status planned, implemented or verified
   * @param endsAfter days from the move's day to the measure's end, when it has one
   */
  record PlannedMeasure(MeasureType type, MeasureStatus status, Optional<Integer> endsAfter) {

    Measure at(int number, LocalDate day) {
      return ExitFixtures.measure(number, type, status, endsAfter.map(d -> day.plusDays(d)));
    }
  }

  @Provide
  Arbitrary<List<PlannedMeasure>> plans() {
    Arbitrary<Optional<Integer>> ends = Arbitraries.integers().between(-400, 400).optional(0.6);
    return Combinators.combine(Arbitraries.of(MeasureType.class), Arbitraries.of(MeasureStatus.class), ends)
        .as(PlannedMeasure::new)
        .list().ofMinSize(0).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Set<FocusFlag>> flags() {
    return Arbitraries.of(FocusFlag.DIBAO, FocusFlag.TEKUN, FocusFlag.ELDERLY).set().ofMaxSize(2);
  }

  @Property(tries = 2_000)
  void neverEliminatesWhileAMeasureThatHasNotEndedIsNotImplemented(@ForAll("plans") List<PlannedMeasure> plan,
      @ForAll @IntRange(min = 0, max = 120) int daysAfterVerification, @ForAll @IntRange(min = 0, max = 3) int workers,
      @ForAll("flags") Set<FocusFlag> flags) {
    LocalDate day = FIRST_DAY.plusDays(daysAfterVerification);
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      measures.add(plan.get(i).at(i + 1, day));
    }
    Household h = ExitFixtures.household(HOUSEHOLD_ID, VILLAGE_A1, workers, Money.ofYuan(40_000), Set.of(), flags);
    List<FollowUp> everyMonth = ExitFixtures.followUps(YearMonth.of(2025, 1), YearMonth.of(2026, 2), true);
    MonitoringCase confirmed = ExitFixtures.confirmed().withMeasures(measures).withFollowUps(everyMonth);
    MonitoringCase awaitingCounty = ExitFixtures.awaitingCounty().withMeasures(measures).withFollowUps(everyMonth);
    PolicyLookup policy = ExitFixtures.POLICIES;

    Either<Rejection, Transition> proposed = EliminationRules.propose(confirmed,
        new EliminationProposal(day, ExitFixtures.VILLAGE_GROUP, "核实"), h, day, policy);
    Either<Rejection, Transition> decided = EliminationRules.decide(awaitingCounty,
        new EliminationDecision(day, ExitFixtures.COUNTY_OFFICER, true, ""), h, day, policy);

    boolean unimplementedRunning = measures.stream().anyMatch(m -> !m.endedOn(day) && !m.status().isImplemented());
    for (Either<Rejection, Transition> result : List.of(proposed, decided)) {
      if (unimplementedRunning) {
        assertThat(result.isLeft()).as("an unimplemented measure runs on %s: %s", day, measures).isTrue();
        assertThat(result.getLeft().en()).contains(EliminationBlocker.MEASURE_NOT_IMPLEMENTED.code());
      }
      if (result.isRight()) {
        assertThat(measures).filteredOn(m -> !m.endedOn(day)).allMatch(m -> m.status().isImplemented());
        assertThat(measures).anyMatch(m -> m.status().isImplemented());
      }
    }
    assertThat(proposed.isRight()).isEqualTo(decided.isRight());
    Statistics.label("decision").collect(decided.isRight() ? "eliminated" : decided.getLeft().code())
        .coverage(coverage -> {
          coverage.check("eliminated").percentage(p -> p > 5);
          coverage.check("exit.measure_not_implemented").percentage(p -> p > 5);
        });
  }

  @Property(tries = 1_000)
  void needsIncomeShownAboveTheLineInEachMonthOfTheWindow(
      @ForAll @IntRange(min = 0, max = 8) int months,
      @ForAll @IntRange(min = 0, max = 40) int daysAfterVerification,
      @ForAll("followUpsAround") List<FollowUp> followUps) {
    LocalDate day = FIRST_DAY.plusDays(daysAfterVerification);
    PolicyParameters p = PolicyParameters.builder().eliminationStableIncomeMonths(months).build();
    MonitoringCase c = ExitFixtures.confirmed().withFollowUps(followUps);

    Either<Rejection, Transition> result = EliminationRules.propose(c,
        new EliminationProposal(day, ExitFixtures.VILLAGE_GROUP, "核实"), ExitFixtures.household(), day,
        (area, d) -> p);

    boolean shown = true;
    for (int back = 1; back <= months; back++) {
      YearMonth month = YearMonth.from(day).minusMonths(back);
      Optional<FollowUp> latest = followUps.stream().filter(f -> f.month().equals(month))
          .reduce((a, b) -> b.recordedOn().isBefore(a.recordedOn()) ? a : b);
      shown &= latest.map(FollowUp::incomeAboveLine).orElse(false);
    }
    assertThat(result.isRight()).as("income shown: %s, got %s", shown, result).isEqualTo(shown);
    if (!shown) {
      assertThat(result.getLeft().code()).isEqualTo(EliminationBlocker.INCOME_NOT_STABLE.code());
    }
    Statistics.label("shown").collect(shown);
  }

  @Provide
  Arbitrary<List<FollowUp>> followUpsAround() {
    Arbitrary<FollowUp> one = Combinators.combine(
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 40),
            Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)))
        .as((monthsBack, recordedAfter, above) -> {
          YearMonth month = YearMonth.of(2025, 10).minusMonths(monthsBack);
          return ExitFixtures.followUp(month, month.atEndOfMonth().plusDays(recordedAfter), above);
        });
    return Combinators.combine(one.list().ofMaxSize(14), Arbitraries.of(true, false))
        .as((some, full) -> {
          List<FollowUp> all = new ArrayList<>(some);
          if (full) {
            all.addAll(ExitFixtures.followUps(YearMonth.of(2025, 1), YearMonth.of(2025, 10), true));
          }
          all.sort(Comparator.comparing(FollowUp::month));
          return all;
        });
  }

  /**
   * A policy whose exit months are consistent, as the policy's own checks demand: shortest 1–12,
   * longest up to 24, the default and the 低保 months between them.
   */
  @Provide
  Arbitrary<PolicyParameters> policies() {
    return Arbitraries.integers().between(1, 12).flatMap(min -> Arbitraries.integers().between(min, 24)
        .flatMap(max -> Combinators.combine(
                Arbitraries.integers().between(min, max),
                Arbitraries.integers().between(min, max),
                Arbitraries.longs().between(1, 3_000_000),
                Arbitraries.integers().between(PolicyParameters.ONE, 3 * PolicyParameters.ONE))
            .as((dflt, dibao, lineFen, factor) -> PolicyParameters.builder()
                .gradualExitMinMonths(min)
                .gradualExitMaxMonths(max)
                .gradualExitDefaultMonths(dflt)
                .dibaoGradualExitMonths(dibao)
                .dibaoLine(Money.ofFen(lineFen))
                .dibaoExitIncomeFactorBp(factor)
                .build())));
  }

  @Property(tries = 2_000)
  void everyExitPeriodLiesWithinTheShortestAndLongestMonths(@ForAll("policies") PolicyParameters p,
      @ForAll @LongRange(min = 0, max = 50_000_000) long incomeFen, @ForAll @IntRange(min = 1, max = 9) int members,
      @ForAll("flags") Set<FocusFlag> flags,
      @ForAll @DateRange(min = "2021-01-01", max = "2035-12-31") LocalDate decidedOn) {
    Household h = Household.builder().from(ExitFixtures.household()).memberCount(members).workers(0)
        .incomeLast12Months(Money.ofFen(incomeFen)).focusFlags(EnumSet.copyOf(withDibaoOrNot(flags)))
        .build();

    GradualExit e = EliminationRules.gradualExit(h, decidedOn, p);

    assertThat(e.months()).isBetween(p.gradualExitMinMonths(), p.gradualExitMaxMonths());
    assertThat(e.startsOn()).isEqualTo(decidedOn.plusDays(1));
    assertThat(e.endsOn()).isEqualTo(e.startsOn().plusMonths(e.months()).minusDays(1));
    assertThat(e.endsOn()).isAfterOrEqualTo(e.startsOn().plusMonths(p.gradualExitMinMonths()).minusDays(1))
        .isBeforeOrEqualTo(e.startsOn().plusMonths(p.gradualExitMaxMonths()).minusDays(1));
    BigInteger perCapita = BigInteger.valueOf(incomeFen).divide(BigInteger.valueOf(members));
    boolean nearTheDibaoLine = perCapita.multiply(BigInteger.valueOf(PolicyParameters.ONE))
        .compareTo(BigInteger.valueOf(p.dibaoLine().fen()).multiply(BigInteger.valueOf(p.dibaoExitIncomeFactorBp())))
        <= 0;
    boolean dibaoRule = h.has(FocusFlag.DIBAO) && nearTheDibaoLine;
    assertThat(e.dibaoRule()).isEqualTo(dibaoRule);
    assertThat(e.months()).isEqualTo(dibaoRule ? p.dibaoGradualExitMonths() : p.gradualExitDefaultMonths());
    Statistics.label("dibao rule").collect(dibaoRule);
  }

  @Property
  void underTheNationalDefaultsEveryExitLastsSixToTwelveMonthsAndTwelveUnderTheDibaoRule(
      @ForAll @LongRange(min = 0, max = 20_000_000) long incomeFen, @ForAll @IntRange(min = 1, max = 9) int members,
      @ForAll("flags") Set<FocusFlag> flags,
      @ForAll @DateRange(min = "2021-01-01", max = "2035-12-31") LocalDate decidedOn) {
    Household h = Household.builder().from(ExitFixtures.household()).memberCount(members).workers(0)
        .incomeLast12Months(Money.ofFen(incomeFen)).focusFlags(EnumSet.copyOf(withDibaoOrNot(flags)))
        .build();

    GradualExit e = EliminationRules.gradualExit(h, decidedOn, ExitFixtures.POLICY);

    assertThat(e.months()).isBetween(6, 12);
    assertThat(e.months()).isEqualTo(e.dibaoRule() ? 12 : 6);
    assertThat(e.dibaoRule()).isEqualTo(h.has(FocusFlag.DIBAO) && incomeFen / members <= 900_000);
  }

  /** The flags, never empty (EnumSet.copyOf needs one), with or without 低保. */
  private static Set<FocusFlag> withDibaoOrNot(Set<FocusFlag> flags) {
    Set<FocusFlag> all = EnumSet.of(FocusFlag.DISASTER_STRICKEN);
    all.addAll(flags);
    return all;
  }
}
