package org.fangfanpin.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.review.ReviewFixtures.COUNTY;
import static org.fangfanpin.core.review.ReviewFixtures.OPENED;
import static org.fangfanpin.core.review.ReviewFixtures.POLICIES;
import static org.fangfanpin.core.review.ReviewFixtures.TOWNSHIP_A;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.time.api.constraints.DateRange;
import org.fangfanpin.core.testing.ChinaCalendar;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * What holds for every sequence of moves by every actor: a case moves only along the edges of
 * the review, one version per accepted move, each move by a role and jurisdiction that allow it,
 * and nobody approves what they proposed (invariant 3 of DOMAIN.md). Deadlines fall where the
 * calendar says.
 */
class ReviewRulesProperties {

  static final WorkingCalendar CHINA_2025 = ChinaCalendar.y2025();
  static final LocalDate TODAY = OPENED.plusDays(40);

  /** Every actor a move may come from, the same people in two roles included. */
  static final List<Actor> ACTORS = List.of(
      ReviewFixtures.VILLAGE_GROUP, ReviewFixtures.VILLAGE_GROUP_OTHER, ReviewFixtures.VILLAGE_GROUP_A2,
      ReviewFixtures.GRID_WORKER, ReviewFixtures.TOWNSHIP_OFFICER, ReviewFixtures.TOWNSHIP_OFFICER_B,
      ReviewFixtures.TOWNSHIP_HEAD, ReviewFixtures.COUNTY_OFFICER,
      Actor.of("vwg-a1", Role.TOWNSHIP_OFFICER, TOWNSHIP_A),
      Actor.of("twp-a", Role.COUNTY_OFFICE, COUNTY),
      Actor.of("head-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A),
      Actor.of("vwg-a1-2", Role.COUNTY_OFFICE, COUNTY));

  /** The moves of the review. */
  enum Kind { VISIT, APPRAISAL, START_NOTICE, OBJECTION, ANSWER, CLOSE_NOTICE, VERIFY, DECIDE, EMERGENCY }

  /** The edges each move may take: from the state before to the state after. */
  static final Map<Kind, Set<List<CaseState>>> EDGES = Map.of(
      Kind.VISIT, Set.of(edge(CaseState.AWAITING_VISIT, CaseState.AWAITING_APPRAISAL),
          edge(CaseState.AWAITING_VISIT, CaseState.DISMISSED)),
      Kind.APPRAISAL, Set.of(edge(CaseState.AWAITING_APPRAISAL, CaseState.AWAITING_NOTICE),
          edge(CaseState.AWAITING_APPRAISAL, CaseState.DISMISSED)),
      Kind.START_NOTICE, Set.of(edge(CaseState.AWAITING_NOTICE, CaseState.IN_NOTICE)),
      Kind.OBJECTION, Set.of(edge(CaseState.IN_NOTICE, CaseState.IN_NOTICE)),
      Kind.ANSWER, Set.of(edge(CaseState.IN_NOTICE, CaseState.IN_NOTICE)),
      Kind.CLOSE_NOTICE, Set.of(edge(CaseState.IN_NOTICE, CaseState.AWAITING_TOWNSHIP)),
      Kind.VERIFY, Set.of(edge(CaseState.AWAITING_TOWNSHIP, CaseState.AWAITING_COUNTY),
          edge(CaseState.AWAITING_TOWNSHIP, CaseState.DISMISSED)),
      Kind.DECIDE, Set.of(edge(CaseState.AWAITING_COUNTY, CaseState.CONFIRMED),
          edge(CaseState.AWAITING_COUNTY, CaseState.DISMISSED)),
      Kind.EMERGENCY, Set.of());

  static final Map<Kind, Set<Role>> ROLES = Map.of(
      Kind.VISIT, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.APPRAISAL, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.START_NOTICE, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.OBJECTION, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.ANSWER, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.CLOSE_NOTICE, EnumSet.of(Role.VILLAGE_WORKING_GROUP),
      Kind.VERIFY, EnumSet.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD),
      Kind.DECIDE, EnumSet.of(Role.COUNTY_OFFICE),
      Kind.EMERGENCY, EnumSet.of(Role.TOWNSHIP_HEAD));

  static final Set<String> CODES = Set.of("review.wrong_state", "review.consent_missing", "review.appraisal_votes",
      "review.date_out_of_order", "review.objection_outside_notice", "review.objection_not_found",
      "review.objection_already_answered", "review.notice_still_running", "review.objections_unanswered",
      "review.category_mismatch", "review.emergency_already_approved", "actor.role_not_allowed",
      "actor.outside_jurisdiction", "actor.same_as_proposer", "input.invalid");

  /**
   * One command: which move, who makes it, how many days after the latest step, and the choices
   * the move needs. A command "on track" makes the move the case's state waits for, by one of the
   * actors whose role may make it (right or wrong jurisdiction, proposer or not): that is how
   * random sequences get deep into the review.
   *
   * @param onTrack whether to make the move the state waits for
   * @param kind the move, when not on track
   * @param actor who makes it, when not on track
   * @param pick picks the actor and the notice move when on track, and the objection answered
   * @param daysAfter days after the case's latest date (negative: before it)
   * @param yes the yes/no of the move (risk real, agreed, upheld, confirmed)
   * @param consent the household's consent, for a visit
   * @param category the category, for a confirmation
   */
  record Command(boolean onTrack, Kind kind, Actor actor, int pick, int daysAfter, boolean yes, boolean consent,
      MonitoringCategory category) {

    /** The objection an answer is for: 1 to 3. */
    int number() {
      return pick / 7 % 3 + 1;
    }
  }

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Boolean> mostly = Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false));
    Arbitrary<Integer> days = Arbitraries.frequency(Tuple.of(1, -1), Tuple.of(4, 0), Tuple.of(4, 1), Tuple.of(3, 6));
    Arbitrary<Command> command = Combinators.combine(mostly, Arbitraries.of(Kind.class), Arbitraries.of(ACTORS),
            Arbitraries.integers().between(0, 1_000), days, mostly, mostly, Arbitraries.of(MonitoringCategory.class))
        .as(Command::new);
    return command.list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 2_000)
  void movesOnlyAlongTheEdgesOfTheReviewAndNobodyApprovesWhatTheyProposed(
      @ForAll("commands") List<Command> commands, @ForAll HouseholdStatus status) {
    MonitoringCase c = ReviewFixtures.opened("case-p", status);
    for (Command command : commands) {
      Command cmd = resolved(c, command);
      Either<Rejection, Transition> result = apply(c, cmd);
      if (result.isLeft()) {
        assertThat(CODES).contains(result.getLeft().code());
        continue;
      }
      Transition t = result.get();
      MonitoringCase after = t.after();
      assertThat(after.version()).isEqualTo(c.version() + 1);
      assertThat(after.id()).isEqualTo(c.id());
      assertThat(after.householdId()).isEqualTo(c.householdId());
      assertThat(after.signals()).isEqualTo(c.signals());
      assertThat(after.openedOn()).isEqualTo(c.openedOn());
      assertThat(ROLES.get(cmd.kind())).contains(cmd.actor().role());
      assertThat(cmd.actor().covers(after.area())).isTrue();
      assertThat(t.actor()).isEqualTo(cmd.actor());
      if (cmd.kind() == Kind.EMERGENCY) {
        assertThat(after.state()).isEqualTo(c.state());
        assertThat(c.state().inRecognition()).isTrue();
        assertThat(c.emergency()).isEmpty();
      } else {
        assertThat(EDGES.get(cmd.kind())).contains(edge(c.state(), after.state()));
      }
      if (cmd.kind() == Kind.VERIFY) {
        assertThat(proposers(c)).doesNotContain(cmd.actor().id());
      }
      if (cmd.kind() == Kind.DECIDE) {
        assertThat(proposers(c)).doesNotContain(cmd.actor().id());
        assertThat(c.verification().get().by().id()).isNotEqualTo(cmd.actor().id());
      }
      c = after;
    }
    Statistics.label("final state").collect(c.state())
        .coverage(coverage -> {
          coverage.check(CaseState.CONFIRMED).percentage(p -> p > 5);
          coverage.check(CaseState.DISMISSED).percentage(p -> p > 5);
        });
  }

  @Property
  void aNoticeRunsExactlyItsNumberOfDays(@ForAll @IntRange(min = 1, max = 60) int days,
      @ForAll @IntRange(min = 0, max = 30) int startsAfterAppraisal) {
    PolicyParameters policy = PolicyParameters.builder().recognitionNoticeDays(days).build();
    LocalDate startsOn = ReviewFixtures.APPRAISED.plusDays(startsAfterAppraisal);

    MonitoringCase c = ReviewFixtures.accepted(ReviewRules.startNotice(ReviewFixtures.awaitingNotice(),
        ReviewFixtures.VILLAGE_GROUP, startsOn, startsOn, (area, day) -> policy));
    long running = ChronoUnit.DAYS.between(c.notice().get().startsOn(), c.notice().get().lastDay()) + 1;
    assertThat(running).isEqualTo(days);
  }

  @Property
  void theTownshipDeadlineIsAWorkingDayExactlyItsWorkingDaysAway(
      @ForAll @DateRange(min = "2025-01-01", max = "2025-12-01") LocalDate arrived,
      @ForAll @IntRange(min = 1, max = 20) int workingDays) {
    PolicyParameters policy = PolicyParameters.builder().townshipVerificationWorkingDays(workingDays).build();

    LocalDate due = ReviewDeadlines.townshipDue(arrived, policy, CHINA_2025);
    assertThat(CHINA_2025.isWorkingDay(due)).isTrue();
    assertThat(arrived.plusDays(1).datesUntil(due.plusDays(1)).filter(CHINA_2025::isWorkingDay).count())
        .isEqualTo(workingDays);
  }

  @Property
  void aStepIsOverdueExactlyOnTheDaysAfterItsDueDay(
      @ForAll @DateRange(min = "2025-01-01", max = "2025-11-01") LocalDate opened,
      @ForAll @IntRange(min = 0, max = 60) int daysLater) {
    MonitoringCase c = ReviewFixtures.opened().withOpenedOn(opened);
    LocalDate on = opened.plusDays(daysLater);

    List<OverdueStep> late = ReviewDeadlines.overdue(c, on, POLICIES, CHINA_2025);
    assertThat(late.isEmpty()).isEqualTo(daysLater <= 15);
    late.forEach(s -> assertThat(s.daysLate()).isEqualTo(daysLater - 15L));
  }

  @Property
  void aTextIsRefusedExactlyWhenItHoldsElevenDigitsInARow(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 12) Integer> runs) {
    StringBuilder text = new StringBuilder("说明");
    for (int run : runs) {
      text.append("1".repeat(run)).append('元');
    }
    boolean longRun = runs.stream().anyMatch(r -> r >= ReviewRules.PERSONAL_NUMBER_DIGITS);

    assertThat(ReviewRules.holdsPersonalNumber(text.toString())).isEqualTo(longRun);
  }

  // ---- the harness: turns a command into the rule's call on the case as it stands

  /** The command as made on the case: on track, the awaited move by an actor allowed to make it. */
  static Command resolved(MonitoringCase c, Command cmd) {
    if (!cmd.onTrack()) {
      return cmd;
    }
    Kind kind = awaited(c.state(), cmd.pick()).orElse(cmd.kind());
    return new Command(false, kind, allowedActor(kind, cmd.pick()), cmd.pick(), cmd.daysAfter(), cmd.yes(),
        cmd.consent(), cmd.category());
  }

  static Either<Rejection, Transition> apply(MonitoringCase c, Command cmd) {
    LocalDate on = latest(c).plusDays(cmd.daysAfter());
    Actor by = cmd.actor();
    switch (cmd.kind()) {
      case VISIT:
        return ReviewRules.recordScreeningVisit(c, new ScreeningVisit(on, by, cmd.yes(), cmd.consent(), "核实"),
            TODAY);
      case APPRAISAL:
        return ReviewRules.recordAppraisal(c, cmd.yes()
            ? new Appraisal(on, by, 20, 15, 3, true, "通过")
            : new Appraisal(on, by, 20, 3, 15, false, "未通过"), TODAY);
      case START_NOTICE:
        return ReviewRules.startNotice(c, by, on, TODAY, POLICIES);
      case OBJECTION:
        return ReviewRules.fileObjection(c, by, on, "异议", TODAY);
      case ANSWER:
        return ReviewRules.answerObjection(c, cmd.number(), by, on, "答复", TODAY);
      case CLOSE_NOTICE:
        LocalDate closeOn = c.notice().map(n -> n.lastDay().plusDays(cmd.daysAfter())).orElse(on);
        return ReviewRules.closeNotice(c, by, closeOn.isBefore(on) ? on : closeOn, TODAY);
      case VERIFY:
        return ReviewRules.verify(c, new TownshipVerification(on, by, cmd.yes(), "核实"), TODAY);
      case DECIDE:
        return ReviewRules.decide(c, cmd.yes()
            ? new CountyDecision(on, by, true, Optional.of(cmd.category()), Set.of(RiskType.ILLNESS), "")
            : new CountyDecision(on, by, false, Optional.empty(), Set.of(), "不纳入"), TODAY);
      default:
        return ReviewRules.approveEmergency(c, new EmergencyApproval(on, by, Money.ofYuan(2_000), "基本生活无着"),
            TODAY);
    }
  }

  /** The move a case in the state waits for; in notice, an objection, an answer or the closing. */
  static Optional<Kind> awaited(CaseState state, int pick) {
    switch (state) {
      case AWAITING_VISIT:
        return Optional.of(Kind.VISIT);
      case AWAITING_APPRAISAL:
        return Optional.of(Kind.APPRAISAL);
      case AWAITING_NOTICE:
        return Optional.of(Kind.START_NOTICE);
      case IN_NOTICE:
        return Optional.of(List.of(Kind.OBJECTION, Kind.ANSWER, Kind.CLOSE_NOTICE, Kind.CLOSE_NOTICE).get(pick % 4));
      case AWAITING_TOWNSHIP:
        return Optional.of(Kind.VERIFY);
      case AWAITING_COUNTY:
        return Optional.of(Kind.DECIDE);
      default:
        return Optional.empty();
    }
  }

  /** One of the actors whose role may make the move. */
  static Actor allowedActor(Kind kind, int pick) {
    List<Actor> allowed = ACTORS.stream().filter(a -> ROLES.get(kind).contains(a.role())).toList();
    return allowed.get(pick % allowed.size());
  }

  /** The latest day any step of the case happened on. */
  static LocalDate latest(MonitoringCase c) {
    LocalDate latest = c.openedOn();
    List<Optional<LocalDate>> days = List.of(
        c.screeningVisit().map(ScreeningVisit::visitedOn),
        c.appraisal().map(Appraisal::heldOn),
        c.notice().map(n -> n.startsOn()),
        c.notice().flatMap(n -> n.objections().stream().map(Objection::filedOn).max(LocalDate::compareTo)),
        c.notice().flatMap(n -> n.objections().stream().flatMap(o -> o.answer().stream())
            .map(Objection.Answer::answeredOn).max(LocalDate::compareTo)),
        c.notice().flatMap(n -> n.closedOn()),
        c.verification().map(TownshipVerification::verifiedOn));
    for (Optional<LocalDate> d : days) {
      if (d.isPresent() && d.get().isAfter(latest)) {
        latest = d.get();
      }
    }
    return latest;
  }

  /** The ids of everyone who acted on a step before the township. */
  static Set<String> proposers(MonitoringCase c) {
    Set<String> ids = new HashSet<>();
    c.screeningVisit().ifPresent(v -> ids.add(v.by().id()));
    c.appraisal().ifPresent(a -> ids.add(a.by().id()));
    c.notice().ifPresent(n -> {
      ids.add(n.postedBy().id());
      n.closedBy().ifPresent(a -> ids.add(a.id()));
      n.objections().forEach(o -> {
        ids.add(o.recordedBy().id());
        o.answer().ifPresent(a -> ids.add(a.by().id()));
      });
    });
    c.emergency().ifPresent(e -> ids.add(e.by().id()));
    return ids;
  }

  private static List<CaseState> edge(CaseState from, CaseState to) {
    return List.of(from, to);
  }
}
