package org.fangfanpin.core.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CADRE_1;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CADRE_2;
import static org.fangfanpin.core.assistance.AssistanceFixtures.CONFIRMED;
import static org.fangfanpin.core.assistance.AssistanceFixtures.COUNTY;
import static org.fangfanpin.core.assistance.AssistanceFixtures.POLICIES;
import static org.fangfanpin.core.assistance.AssistanceFixtures.POLICY;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TODAY;
import static org.fangfanpin.core.assistance.AssistanceFixtures.TOWNSHIP_A;
import static org.fangfanpin.core.assistance.AssistanceFixtures.VILLAGE_A1;
import static org.fangfanpin.core.assistance.AssistanceFixtures.household;
import static org.fangfanpin.core.assistance.AssistanceFixtures.withCadres;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * What holds for every sequence of assistance moves by every actor: a measure's status only moves
 * forward (planned → implemented → verified), nobody verifies a measure they implemented, each
 * accepted move is one version and is made by a role and jurisdiction that allow it, and
 * follow-ups stay one a month in order of month.
 */
class AssistanceRulesProperties {

  /** Every actor a move may come from, the same people in two roles included. */
  static final List<Actor> ACTORS = List.of(
      AssistanceFixtures.VILLAGE_GROUP, Actor.of("vwg-a1-2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1),
      AssistanceFixtures.VILLAGE_GROUP_A2, AssistanceFixtures.GRID_WORKER, AssistanceFixtures.TOWNSHIP_OFFICER,
      AssistanceFixtures.TOWNSHIP_OFFICER_OTHER, AssistanceFixtures.TOWNSHIP_OFFICER_B,
      AssistanceFixtures.TOWNSHIP_HEAD, AssistanceFixtures.COUNTY_OFFICER,
      Actor.of("vwg-a1", Role.TOWNSHIP_OFFICER, TOWNSHIP_A),
      Actor.of("twp-a", Role.TOWNSHIP_HEAD, TOWNSHIP_A),
      Actor.of("twp-a-2", Role.COUNTY_OFFICE, COUNTY));

  /** The moves on a plan. */
  enum Kind { PLAN, IMPLEMENT, VERIFY }

  static final Map<Kind, Set<Role>> ROLES = Map.of(
      Kind.PLAN, EnumSet.of(Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
      Kind.IMPLEMENT, EnumSet.of(Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
      Kind.VERIFY, EnumSet.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD, Role.COUNTY_OFFICE));

  static final Set<String> CODES = Set.of("assistance.date_out_of_order", "assistance.cadre_not_responsible",
      "assistance.measure_not_found", "assistance.measure_wrong_status", "actor.role_not_allowed",
      "actor.outside_jurisdiction", "actor.same_as_proposer", "input.invalid");

  /**
   * One command on the plan. A command "on track" is made by an actor whose role may make the move
   * (right or wrong jurisdiction, implementer or not) on a measure in the status the move needs,
   * when there is one: that is how random sequences get to verifications.
   *
   * @param onTrack whether to pick the actor and the measure as the move needs
   * @param kind the move
   * @param actor who makes it, when not on track
   * @param pick picks the actor and the measure when on track, and the measure's number otherwise
   * @param daysAfter days after the latest accepted move's date (negative: before it)
   * @param cadreId the responsible cadre, for a plan
   * @param endsInDays the days from the planned day to the end, for a plan; none from -5 to 0, and
   *     before the planned day below -5
   */
  record Command(boolean onTrack, Kind kind, Actor actor, int pick, int daysAfter, String cadreId, int endsInDays) {

    Actor actorFor() {
      if (!onTrack) {
        return actor;
      }
      List<Actor> allowed = ACTORS.stream().filter(a -> ROLES.get(kind).contains(a.role())).toList();
      return allowed.get(pick % allowed.size());
    }

    int numberIn(MonitoringCase c) {
      if (onTrack && kind != Kind.PLAN) {
        MeasureStatus needed = kind == Kind.IMPLEMENT ? MeasureStatus.PLANNED : MeasureStatus.IMPLEMENTED;
        List<Measure> waiting = c.measures().stream().filter(m -> m.status() == needed).toList();
        if (!waiting.isEmpty()) {
          return waiting.get(pick % waiting.size()).number();
        }
      }
      return pick % (c.measures().size() + 2);
    }
  }

  @Property(tries = 400)
  void measuresOnlyMoveForwardAndNobodyVerifiesWhatTheyImplemented(
      @ForAll("commands") @Size(min = 3, max = 30) List<Command> commands) {
    MonitoringCase c = withCadres();
    LocalDate latest = CONFIRMED;
    boolean verified = false;
    for (Command cmd : commands) {
      LocalDate day = latest.plusDays(cmd.daysAfter());
      Either<Rejection, CaseMove> result = apply(c, cmd, day);
      if (result.isLeft()) {
        assertThat(CODES).contains(result.getLeft().code());
        continue;
      }
      CaseMove m = result.get();
      MonitoringCase after = m.after();
      assertThat(after.version()).isEqualTo(c.version() + 1);
      assertThat(m.actor()).isEqualTo(cmd.actorFor());
      assertThat(ROLES.get(cmd.kind())).contains(m.actor().role());
      assertThat(m.actor().covers(c.area())).isTrue();
      assertMovedForward(c.measures(), after.measures(), cmd.kind());
      after.measures().forEach(AssistanceRulesProperties::assertConsistent);
      verified |= cmd.kind() == Kind.VERIFY;
      c = after;
      latest = day.isAfter(latest) ? day : latest;
    }
    Statistics.label("a verification accepted").collect(verified)
        .coverage(cov -> cov.check(true).percentage(p -> p > 20));
    Statistics.label("measures planned").collect(Math.min(c.measures().size(), 5));
  }

  @Property(tries = 300)
  void followUpsStayOneAMonthInOrderAndReadTheLineExactly(
      @ForAll("followUps") @Size(max = 20) List<FollowUpFacts> facts) {
    MonitoringCase c = withCadres();
    long line = POLICY.monitoringLine().times(household().memberCount()).fen();
    for (FollowUpFacts f : facts) {
      Either<Rejection, CaseMove> result = AssistanceRules.recordFollowUp(c, household(), f, TODAY, POLICIES);
      if (result.isLeft()) {
        assertThat(result.getLeft().code()).isIn("assistance.follow_up_exists", "assistance.date_out_of_order");
        continue;
      }
      MonitoringCase after = result.get().after();
      FollowUp added = after.followUps().get(after.followUps().size() - 1);
      assertThat(after.followUps()).hasSize(c.followUps().size() + 1);
      assertThat(added.incomeAboveLine()).isEqualTo(f.incomeLast12Months().fen() >= line);
      // Every need secure, expenditure far below last year's income, and a sharp drop only under the line:
      // the household stays at risk exactly when income after rigid expenditure is below the line.
      assertThat(added.stillAtRisk()).isEqualTo(f.incomeLast12Months().minus(f.rigidExpenditure()).fen() < line);
      assertThat(result.get().household().orElseThrow().incomeLast12Months()).isEqualTo(f.incomeLast12Months());
      c = after;
    }
    for (int i = 1; i < c.followUps().size(); i++) {
      assertThat(c.followUps().get(i).month()).isAfter(c.followUps().get(i - 1).month());
    }
    for (FollowUp f : c.followUps()) {
      assertThat(f.month()).isBetween(YearMonth.from(CONFIRMED), YearMonth.from(f.recordedOn()));
    }
  }

  static Either<Rejection, CaseMove> apply(MonitoringCase c, Command cmd, LocalDate day) {
    switch (cmd.kind()) {
      case PLAN:
        Optional<LocalDate> endsOn = cmd.endsInDays() > 0 ? Optional.of(day.plusDays(cmd.endsInDays()))
            : cmd.endsInDays() < -5 ? Optional.of(day.plusDays(cmd.endsInDays() + 5)) : Optional.empty();
        return AssistanceRules.planMeasure(c, new MeasurePlan(MeasureType.EMPLOYMENT, "县人社局", cmd.cadreId(), day,
            endsOn), cmd.actorFor(), TODAY);
      case IMPLEMENT:
        return AssistanceRules.implementMeasure(c, cmd.numberIn(c), cmd.actorFor(), day, "已落实", TODAY);
      default:
        return AssistanceRules.verifyMeasure(c, cmd.numberIn(c), cmd.actorFor(), day, TODAY);
    }
  }

  static void assertMovedForward(List<Measure> before, List<Measure> after, Kind kind) {
    assertThat(after.size()).isEqualTo(kind == Kind.PLAN ? before.size() + 1 : before.size());
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i).number()).isEqualTo(i + 1);
    }
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      Measure b = before.get(i);
      Measure a = after.get(i);
      assertThat(a.status().ordinal()).isGreaterThanOrEqualTo(b.status().ordinal());
      if (!a.equals(b)) {
        changed++;
        assertThat(a.status().ordinal()).isEqualTo(b.status().ordinal() + 1);
        assertThat(Measure.builder().from(a).status(b.status()).implementedOn(b.implementedOn())
            .implementedBy(b.implementedBy()).evidence(b.evidence()).verifiedOn(b.verifiedOn())
            .verifiedBy(b.verifiedBy()).build()).isEqualTo(b);
      }
    }
    assertThat(changed).isEqualTo(kind == Kind.PLAN ? 0 : 1);
  }

  static void assertConsistent(Measure m) {
    assertThat(m.cadreId()).isIn(CADRE_1, CADRE_2);
    assertThat(m.plannedOn()).isBetween(CONFIRMED, TODAY);
    m.endsOn().ifPresent(end -> assertThat(end).isAfter(m.plannedOn()));
    assertThat(m.implementedOn().isPresent()).isEqualTo(m.status().isImplemented());
    assertThat(m.implementedBy().isPresent()).isEqualTo(m.status().isImplemented());
    assertThat(m.evidence().isPresent()).isEqualTo(m.status().isImplemented());
    assertThat(m.verifiedBy().isPresent()).isEqualTo(m.status() == MeasureStatus.VERIFIED);
    m.implementedOn().ifPresent(on -> {
      assertThat(on).isBetween(m.plannedOn(), TODAY);
      m.endsOn().ifPresent(end -> assertThat(on).isBeforeOrEqualTo(end));
      assertThat(m.evidence().orElseThrow()).isNotBlank();
    });
    m.verifiedOn().ifPresent(on -> assertThat(on).isBetween(m.implementedOn().orElseThrow(), TODAY));
    m.verifiedBy().ifPresent(v -> assertThat(v.id()).isNotEqualTo(m.implementedBy().orElseThrow().id()));
  }

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> command = Combinators.combine(
        Arbitraries.of(true, true, true, true, false),
        Arbitraries.of(Kind.class),
        Arbitraries.of(ACTORS),
        Arbitraries.integers().between(0, 1_000),
        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.integers().between(-3, -1)),
            Tuple.of(6, Arbitraries.integers().between(0, 4))),
        Arbitraries.of(CADRE_1, CADRE_2, CADRE_1, CADRE_2, "cadre-9"),
        Arbitraries.integers().between(-8, 400))
        .as(Command::new);
    return command.list();
  }

  @Provide
  Arbitrary<List<FollowUpFacts>> followUps() {
    Arbitrary<FollowUpFacts> fact = Combinators.combine(
        Arbitraries.integers().between(0, 3).map(m -> YearMonth.of(2025, 2 + m)),
        Arbitraries.integers().between(0, 48).map(CONFIRMED::plusDays),
        Arbitraries.of(AssistanceFixtures.VILLAGE_GROUP, AssistanceFixtures.GRID_WORKER),
        Arbitraries.longs().between(0, 5_000_000).map(Money::ofFen),
        Arbitraries.longs().between(0, 1_000_000).map(Money::ofFen))
        .as((month, on, by, income, rigid) -> new FollowUpFacts(month, on, by, income, rigid, Set.of()));
    return fact.list();
  }
}
