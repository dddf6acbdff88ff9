package org.fangfanpin.core.workflow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.core.workflow.Workflow.Move;
import org.fangfanpin.core.workflow.WorkflowWorld.Home;
import org.fangfanpin.core.workflow.WorkflowWorld.MoveCall;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * Stateful properties of intake and the tiered review (受理与认定的性质): random sequences of
 * signals from the five channels (new, redelivered, conflicting, in batches, raised by the data
 * platform's screening) and of review moves by random actors (right and wrong roles, inside and
 * outside the jurisdiction, the same actor at two steps, dates before, on and after the day the
 * move needs, and every wrong actor in turn), over the ten households of a small county, with the
 * clock moving on by random days between commands, from start days around the 2025 public
 * holidays. The moves lean towards the next step of the case that got furthest, so that a fair
 * share of runs reaches a confirmation (measured, and required of at least 40% of the runs).
 *
 * <p>Each command is checked as it runs against a model of what intake and the review must do:
 * a refused command changes nothing (cases, signals, audit, outbox), a redelivery returns the first
 * result, an accepted one leaves exactly one audit record (one per stored signal of a batch) and
 * moves its case one version along an edge of the workflow. After every step:
 * <ul>
 *   <li><b>invariant 1</b>: a household has at most one open case, and every accepted signal sits on
 *       the case that was open when it arrived;
 *   <li><b>invariant 2</b>: a (channel, source reference) is stored once;
 *   <li><b>invariant 3</b>: every state change follows an edge of the workflow, by an actor whose
 *       role and jurisdiction allow the move, and no verifier or decider acted on an earlier step;
 *   <li>exactly one audit record per accepted command, and the audit chain verifies;
 *   <li>every township verification deadline falls on a working day of the calendar.
 * </ul>
 */
class WorkflowProperties {

  /** Start days: ordinary weeks and the eves of the 2025 holidays with their make-up working days. */
  static final List<LocalDate> STARTS = List.of(
      LocalDate.of(2025, 1, 20),
      LocalDate.of(2025, 3, 3),
      LocalDate.of(2025, 3, 27),
      LocalDate.of(2025, 4, 22),
      LocalDate.of(2025, 5, 26),
      LocalDate.of(2025, 9, 19),
      LocalDate.of(2025, 12, 22));

  @Property(tries = 100)
  void theInvariantsHoldAfterEveryStepOfIntakeAndReview(@ForAll("workflows") ActionChain<WorkflowWorld> chain) {
    WorkflowWorld end = chain
        .withInvariant("invariant 1: one open case per household, every signal on its case",
            WorkflowWorld::oneOpenCasePerHouseholdHoldingItsSignals)
        .withInvariant("invariant 2: a signal is stored once", WorkflowWorld::everySignalStoredOnce)
        .withInvariant("invariant 3: moves follow the workflow's edges by allowed actors",
            WorkflowWorld::everyMoveFollowsAnEdgeByAnAllowedActor)
        .withInvariant("one audit record per accepted command; the chain verifies",
            WorkflowWorld::auditChainVerifies)
        .withInvariant("township deadlines fall on working days", WorkflowWorld::deadlinesFallOnWorkingDays)
        .run();

    Statistics.label("reached CONFIRMED").collect(end.reachedConfirmed);
    Statistics.label("reached AWAITING_TOWNSHIP").collect(end.reachedTownship);
    Statistics.label("reached CONFIRMED").coverage(c -> c.check(true).percentage(p -> p >= 40));
    Statistics.label("reached AWAITING_TOWNSHIP").coverage(c -> c.check(true).percentage(p -> p >= 60));
  }

  @Provide
  Arbitrary<ActionChain<WorkflowWorld>> workflows() {
    return Arbitraries.of(STARTS).flatMap(start -> ActionChain.startWith(() -> new WorkflowWorld(start))
        .withAction(5, new NewSignal())
        .withAction(1, new Redelivery())
        .withAction(1, new ConflictingSignal())
        .withAction(1, new Batch())
        .withAction(1, new Screening())
        .withAction(8, new NextStep())
        .withAction(6, new AnyMove())
        .withAction(2, new WrongHands())
        .withAction(1, new DeadlineWarnings())
        .withMaxTransformations(40));
  }

  // ================================================================ choices

  /** Days the clock moves on before a command: mostly none or one, sometimes a week. */
  static final Arbitrary<Integer> ADVANCE = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(4, 1), Tuple.of(2, 2),
      Tuple.of(1, 3), Tuple.of(1, 7));

  /**
   * Which actor: below 55 one whose role and jurisdiction fit, below 80 one whose jurisdiction holds
   * the household whatever the role, else anyone at all.
   */
  static final Arbitrary<Integer> ACTOR_PICK = Arbitraries.integers().between(0, 99);

  /** A day relative to today and to the day the move's previous step sets as its earliest. */
  enum Day {
    TODAY, YESTERDAY, EARLIEST, BEFORE_EARLIEST, TOMORROW;

    LocalDate on(LocalDate today, LocalDate earliest) {
      switch (this) {
        case TODAY:
          return today;
        case YESTERDAY:
          return today.minusDays(1);
        case EARLIEST:
          return earliest;
        case BEFORE_EARLIEST:
          return earliest.minusDays(1);
        default:
          return today.plusDays(1);
      }
    }
  }

  static final Arbitrary<Day> DAY = Arbitraries.frequency(Tuple.of(6, Day.TODAY), Tuple.of(2, Day.YESTERDAY),
      Tuple.of(2, Day.EARLIEST), Tuple.of(1, Day.BEFORE_EARLIEST), Tuple.of(1, Day.TOMORROW));

  /** An actor for a household of the village, by the pick: a fitting one, one of the village's area, or anyone. */
  static Actor actor(int pick, List<Actor> fitting, AreaCode village) {
    if (pick < 55 && !fitting.isEmpty()) {
      return fitting.get(pick % fitting.size());
    }
    if (pick < 80) {
      List<Actor> local = WorkflowWorld.ACTORS.stream().filter(a -> a.covers(village)).toList();
      return local.get(pick % local.size());
    }
    return WorkflowWorld.ACTORS.get(pick % WorkflowWorld.ACTORS.size());
  }

  /** The actors who may report through the channel for a household of the village. */
  static List<Actor> reporters(Channel channel, AreaCode village) {
    return WorkflowWorld.ACTORS.stream().filter(a -> Workflow.mayReport(a.role(), channel) && a.covers(village))
        .toList();
  }

  /** The actors who may make the move on a case of the village. */
  static List<Actor> movers(Move move, AreaCode village) {
    return WorkflowWorld.ACTORS.stream().filter(a -> move.roles.contains(a.role()) && a.covers(village)).toList();
  }

  // ================================================================ intake commands

  /** A signal's choices, resolved against the day it is delivered. */
  record SignalSpec(Channel channel, int ref, int household, int observedDaysAgo, Set<RiskType> risks, int reporter,
      boolean evidence) {

    RiskSignal on(LocalDate today) {
      String householdId = household < WorkflowWorld.HOMES.size() ? WorkflowWorld.HOMES.get(household).id()
          : WorkflowWorld.UNREGISTERED;
      AreaCode village = WorkflowWorld.home(householdId).map(Home::village).orElse(TestCounty.VILLAGE_A1);
      RiskSignal.Builder b = RiskSignal.builder()
          .channel(channel)
          .sourceRef("ref-" + ref)
          .householdId(householdId)
          .observedOn(today.minusDays(observedDaysAgo))
          .riskTypes(risks)
          .reportedBy(actor(reporter, reporters(channel, village), village));
      if (evidence) {
        b.addEvidence(Evidence.of("入户走访发现 / found on a visit", Optional.of(Money.ofYuan(1_200))));
      }
      return b.build();
    }
  }

  static Arbitrary<SignalSpec> signals() {
    return Combinators.combine(
        Arbitraries.of(Channel.values()),
        Arbitraries.integers().between(0, 3),
        Arbitraries.frequency(Tuple.of(20, -1), Tuple.of(1, WorkflowWorld.HOMES.size()))
            .flatMap(i -> i < 0 ? Arbitraries.integers().between(0, WorkflowWorld.HOMES.size() - 1)
                : Arbitraries.just(i)),
        Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(3, 1), Tuple.of(2, 3), Tuple.of(1, -1)),
        Arbitraries.of(RiskType.ILLNESS, RiskType.DISASTER, RiskType.EDUCATION).set().ofMaxSize(2),
        ACTOR_PICK,
        Arbitraries.of(true, false))
        .as(SignalSpec::new);
  }

  /** A new signal through one of the five channels. */
  static final class NewSignal implements Action.Independent<WorkflowWorld> {
    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer() {
      return Combinators.combine(signals(), ADVANCE).as((spec, days) -> Transformer.mutate(
          "+" + days + "d deliver " + spec, w -> {
            w.advance(days);
            w.deliver(spec.on(w.today()), "new");
          }));
    }
  }

  /** An accepted signal delivered again, unchanged (重复推送). */
  static final class Redelivery implements Action.Dependent<WorkflowWorld> {
    @Override
    public boolean precondition(WorkflowWorld w) {
      return !w.accepted.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer(WorkflowWorld w) {
      List<RiskSignal> accepted = w.accepted.values().stream().map(WorkflowWorld.Accepted::signal).toList();
      return Combinators.combine(Arbitraries.of(accepted), ADVANCE).as((s, days) -> Transformer.mutate(
          "+" + days + "d redeliver " + WorkflowWorld.Key.of(s), world -> {
            world.advance(days);
            world.deliver(s, "redelivery");
          }));
    }
  }

  /** An accepted signal's key delivered with another payload: a conflict. */
  static final class ConflictingSignal implements Action.Dependent<WorkflowWorld> {
    @Override
    public boolean precondition(WorkflowWorld w) {
      return !w.accepted.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer(WorkflowWorld w) {
      List<RiskSignal> accepted = w.accepted.values().stream().map(WorkflowWorld.Accepted::signal).toList();
      return Combinators.combine(Arbitraries.of(accepted), Arbitraries.integers().between(0, 3), ADVANCE)
          .as((s, how, days) -> Transformer.mutate(
              "+" + days + "d conflicting #" + how + " " + WorkflowWorld.Key.of(s), world -> {
                world.advance(days);
                world.deliver(altered(s, how), "conflict");
              }));
    }

    private static RiskSignal altered(RiskSignal s, int how) {
      switch (how) {
        case 0:
          return s.withObservedOn(s.observedOn().minusDays(1));
        case 1:
          return s.withRiskTypes(EnumSet.of(RiskType.HOUSING_SAFETY));
        case 2:
          return s.withEvidence(Evidence.of("另一份佐证 / other evidence", Optional.empty()));
        default:
          return s.withReportedBy(WorkflowWorld.ACTORS.stream().filter(a -> !a.equals(s.reportedBy())
              && a.role() == s.reportedBy().role()).findFirst().orElse(TestCounty.COUNTY_OFFICER_OTHER));
      }
    }
  }

  /** A batch of signals, sometimes with one repeated as it is and one repeated with another payload. */
  static final class Batch implements Action.Independent<WorkflowWorld> {
    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer() {
      return Combinators.combine(signals().list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(true, false),
          Arbitraries.of(true, false), ADVANCE).as((specs, repeat, conflict, days) -> Transformer.mutate(
              "+" + days + "d batch of " + specs + (repeat ? " repeating the first" : "")
                  + (conflict ? " and conflicting with it" : ""), w -> {
                w.advance(days);
                List<RiskSignal> batch = new ArrayList<>();
                specs.forEach(spec -> batch.add(spec.on(w.today())));
                if (repeat) {
                  batch.add(batch.get(0));
                }
                if (conflict) {
                  batch.add(batch.get(0).withObservedOn(batch.get(0).observedOn().minusDays(2)));
                }
                w.deliverAll(batch);
              }));
    }
  }

  /** The data platform's screening of an area, by the platform or by someone else. */
  static final class Screening implements Action.Independent<WorkflowWorld> {
    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer() {
      return Combinators.combine(
          Arbitraries.frequency(Tuple.of(4, TestCounty.DATA_PLATFORM), Tuple.of(1, TestCounty.HOTLINE)),
          Arbitraries.of(TestCounty.COUNTY, TestCounty.TOWNSHIP_A, TestCounty.VILLAGE_B1, TestCounty.FOREIGN_VILLAGE),
          Arbitraries.frequency(Tuple.of(4, 0), Tuple.of(2, 1), Tuple.of(1, -1)),
          ADVANCE).as((by, area, daysAgo, days) -> Transformer.mutate(
              "+" + days + "d screen " + area + " as of " + daysAgo + " day(s) ago by " + by.id(), w -> {
                w.advance(days);
                w.screen(area, w.today().minusDays(daysAgo), by);
              }));
    }
  }

  /** The deadline warnings of an area (临期提醒). */
  static final class DeadlineWarnings implements Action.Independent<WorkflowWorld> {
    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer() {
      return Combinators.combine(Arbitraries.of(TestCounty.COUNTY, TestCounty.TOWNSHIP_A, TestCounty.VILLAGE_B1),
          ADVANCE).as((area, days) -> Transformer.mutate("+" + days + "d deadline warnings of " + area, w -> {
            w.advance(days);
            w.raiseDeadlineWarnings(area);
          }));
    }
  }

  // ================================================================ review commands

  /**
   * The next step of the case that got furthest in recognition, by an actor whose role and
   * jurisdiction fit (possibly one who acted before), dated today; now and then its outcome dismisses
   * the case. While its notice runs, an objection is sometimes filed; an open objection is answered;
   * otherwise a notice that still runs is waited out and closed.
   */
  static final class NextStep implements Action.Dependent<WorkflowWorld> {
    @Override
    public boolean precondition(WorkflowWorld w) {
      return w.favourite().isPresent();
    }

    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer(WorkflowWorld w) {
      String caseId = w.favourite().orElseThrow();
      return Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 19),
          ADVANCE).as((actorPick, outcome, days) -> Transformer.mutate(
              "+" + days + "d next step of " + caseId + " (actor #" + actorPick + ", outcome #" + outcome + ")",
              world -> {
                world.advance(days);
                world.review(nextStep(world, caseId, actorPick, outcome));
              }));
    }

    private static MoveCall nextStep(WorkflowWorld w, String caseId, int actorPick, int outcome) {
      WorkflowWorld.CaseModel model = w.cases.get(caseId);
      MonitoringCase c = w.current.caseById(caseId).orElseThrow();
      Move move;
      int variant = outcome == 0 ? 0 : 9;
      int number = 1;
      switch (model.state) {
        case AWAITING_VISIT:
          move = Move.VISIT;
          break;
        case AWAITING_APPRAISAL:
          move = Move.APPRAISAL;
          break;
        case AWAITING_NOTICE:
          move = Move.NOTICE_START;
          break;
        case IN_NOTICE:
          PublicNotice n = c.notice().orElseThrow();
          Optional<Objection> open = n.objections().stream().filter(o -> !o.answered()).findFirst();
          if (open.isPresent()) {
            move = Move.ANSWER;
            number = open.get().number();
            variant = 9;
          } else if (outcome < 6 && !w.today().isAfter(n.lastDay())) {
            move = Move.OBJECTION;
            variant = 9;
          } else {
            move = Move.NOTICE_CLOSE;
            if (!w.today().isAfter(n.lastDay())) {
              w.advance((int) (n.lastDay().toEpochDay() - w.today().toEpochDay()) + 1);
            }
          }
          break;
        case AWAITING_TOWNSHIP:
          move = Move.VERIFY;
          break;
        case AWAITING_COUNTY:
          move = Move.DECIDE;
          break;
        default:
          throw new IllegalStateException("case " + caseId + " is no longer in recognition: " + model.state);
      }
      return call(w, caseId, move, actor(actorPick, movers(move, model.home.village()), model.home.village()),
          Day.TODAY, variant, number);
    }
  }

  /**
   * Any move on any case (the furthest one more often), by any actor, on any day, with any content,
   * or on a case that does not exist.
   */
  static final class AnyMove implements Action.Dependent<WorkflowWorld> {
    @Override
    public boolean precondition(WorkflowWorld w) {
      return !w.cases.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer(WorkflowWorld w) {
      List<String> ids = new ArrayList<>(w.cases.keySet());
      String favourite = w.favourite().orElse(ids.get(0));
      Arbitrary<String> caseId = Arbitraries.frequency(Tuple.of(4, favourite), Tuple.of(5, "any"),
          Tuple.of(1, "case-none")).flatMap(k -> k.equals("any") ? Arbitraries.of(ids) : Arbitraries.just(k));
      Arbitrary<Target> target = caseId.flatMap(id -> moves(w, id).map(m -> new Target(id, m)));
      return Combinators.combine(target, ACTOR_PICK, DAY, Arbitraries.integers().between(0, 9),
          Arbitraries.integers().between(1, 3), ADVANCE)
          .as((t, actorPick, day, variant, number, days) -> Transformer.mutate(
              "+" + days + "d " + t.move() + " on " + t.caseId() + " (actor #" + actorPick + ", " + day + ", variant #"
                  + variant + ", number " + number + ")", world -> {
                world.advance(days);
                AreaCode village = Optional.ofNullable(world.cases.get(t.caseId())).map(c -> c.home.village())
                    .orElse(TestCounty.VILLAGE_A1);
                world.review(call(world, t.caseId(), t.move(), actor(actorPick, movers(t.move(), village), village),
                    day, variant, number));
              }));
    }

    /** A move on a case. */
    private record Target(String caseId, Move move) {}

    /** Mostly a move the case's state allows (if any), else any move. */
    private static Arbitrary<Move> moves(WorkflowWorld w, String caseId) {
      List<Move> allowed = Optional.ofNullable(w.cases.get(caseId)).map(c -> Arrays.stream(Move.values())
          .filter(m -> m.allowedIn(c.state)).toList()).orElse(List.of());
      return allowed.isEmpty() ? Arbitraries.of(Move.values())
          : Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(allowed)), Tuple.of(1, Arbitraries.of(Move.values())));
    }
  }

  /**
   * Wrong hands (越权): every actor whose role may not make a move the case's state allows, or whose
   * jurisdiction does not hold the case's village, tries it with valid content, dated today; each
   * must be refused and change nothing.
   */
  static final class WrongHands implements Action.Dependent<WorkflowWorld> {
    @Override
    public boolean precondition(WorkflowWorld w) {
      return w.favourite().isPresent();
    }

    @Override
    public Arbitrary<Transformer<WorkflowWorld>> transformer(WorkflowWorld w) {
      List<String> inRecognition = w.cases.values().stream().filter(c -> c.state.inRecognition()).map(c -> c.id)
          .toList();
      Arbitrary<String> caseId = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(w.favourite().orElseThrow())),
          Tuple.of(2, Arbitraries.of(inRecognition)));
      return Combinators.combine(caseId, ADVANCE).as((id, days) -> Transformer.mutate(
          "+" + days + "d wrong hands on " + id, world -> {
            world.advance(days);
            WorkflowWorld.CaseModel c = world.cases.get(id);
            for (Move move : Move.values()) {
              if (!move.allowedIn(c.state)) {
                continue;
              }
              for (Actor a : WorkflowWorld.ACTORS) {
                if (!move.roles.contains(a.role()) || !a.covers(c.home.village())) {
                  world.review(call(world, id, move, a, Day.TODAY, 9, 1));
                }
              }
            }
          }));
    }
  }

  /**
   * The call of a move on the case with its content: variant 0 to 3 give the move's unusual outcome
   * or invalid content (a dismissal, missing consent, votes that do not add up, a blank or
   * phone-number text, a category that does not fit), 4 and above the ordinary content.
   */
  static MoveCall call(WorkflowWorld w, String caseId, Move move, Actor by, Day day, int variant, int number) {
    Optional<MonitoringCase> stored = w.current.caseById(caseId);
    LocalDate today = w.today();
    LocalDate opened = stored.map(MonitoringCase::openedOn).orElse(today);
    HouseholdStatus status = stored.map(MonitoringCase::householdStatus).orElse(HouseholdStatus.LIFTED);
    Optional<PublicNotice> notice = stored.flatMap(MonitoringCase::notice);
    String text = variant == 1 ? " " : variant == 2 ? "联系电话13800138000" : "入户核实，情况属实";
    switch (move) {
      case VISIT: {
        LocalDate on = day.on(today, opened);
        ScreeningVisit v = new ScreeningVisit(on, by, variant != 0, variant != 3,
            variant == 2 ? text : "家中主要劳动力因病住院");
        return new MoveCall(move, caseId, by, v.toString(), r -> r.recordScreeningVisit(caseId, v));
      }
      case APPRAISAL: {
        LocalDate on = day.on(today, stored.flatMap(MonitoringCase::screeningVisit).map(ScreeningVisit::visitedOn)
            .orElse(opened));
        Appraisal a = variant == 0 ? new Appraisal(on, by, 30, 5, 20, false, "评议未通过")
            : variant == 1 ? new Appraisal(on, by, 30, 5, 20, true, "评议通过")
            : variant == 2 ? new Appraisal(on, by, 10, 9, 3, true, "评议通过")
            : new Appraisal(on, by, 30, 25, 3, true, "村民代表会议评议通过");
        return new MoveCall(move, caseId, by, a.toString(), r -> r.recordAppraisal(caseId, a));
      }
      case NOTICE_START: {
        LocalDate on = day.on(today, stored.flatMap(MonitoringCase::appraisal).map(Appraisal::heldOn).orElse(opened));
        return new MoveCall(move, caseId, by, "starts " + on, r -> r.startNotice(caseId, by, on));
      }
      case OBJECTION: {
        LocalDate on = day.on(today, notice.map(PublicNotice::startsOn).orElse(opened));
        String objection = variant <= 2 ? text : "有村民反映其家中有车";
        return new MoveCall(move, caseId, by, "filed " + on + ": " + objection,
            r -> r.fileObjection(caseId, by, on, objection));
      }
      case ANSWER: {
        LocalDate filed = notice.flatMap(n -> n.objections().stream().filter(o -> o.number() == number).findFirst())
            .map(Objection::filedOn).orElse(opened);
        LocalDate on = day.on(today, filed);
        String answer = variant <= 2 ? text : "经核实车辆为营运用车";
        return new MoveCall(move, caseId, by, "answer #" + number + " on " + on + ": " + answer,
            r -> r.answerObjection(caseId, number, by, on, answer));
      }
      case NOTICE_CLOSE: {
        LocalDate on = day.on(today, notice.map(n -> n.lastDay().plusDays(1)).orElse(opened));
        return new MoveCall(move, caseId, by, "closes " + on, r -> r.closeNotice(caseId, by, on));
      }
      case VERIFY: {
        LocalDate on = day.on(today, stored.flatMap(MonitoringCase::arrivedAtTownshipOn).orElse(opened));
        TownshipVerification v = new TownshipVerification(on, by, variant != 0, variant == 1 || variant == 2 ? text
            : "乡镇核查组入户核实");
        return new MoveCall(move, caseId, by, v.toString(), r -> r.verify(caseId, v));
      }
      case DECIDE: {
        LocalDate on = day.on(today, stored.flatMap(MonitoringCase::verification)
            .map(TownshipVerification::verifiedOn).orElse(opened));
        MonitoringCategory fits = status == HouseholdStatus.LIFTED ? MonitoringCategory.UNSTABLE_LIFTED
            : MonitoringCategory.MARGINAL;
        MonitoringCategory misfits = status == HouseholdStatus.LIFTED ? MonitoringCategory.MARGINAL
            : MonitoringCategory.UNSTABLE_LIFTED;
        CountyDecision d = variant == 0
            ? new CountyDecision(on, by, false, Optional.empty(), Set.of(), "收入核实后高于监测范围")
            : variant == 1 ? new CountyDecision(on, by, true, Optional.of(misfits), Set.of(RiskType.ILLNESS), "")
            : variant == 2 ? new CountyDecision(on, by, true, Optional.of(fits), Set.of(), "")
            : variant == 3 ? new CountyDecision(on, by, true, Optional.of(MonitoringCategory.SUDDEN_HARDSHIP),
                Set.of(RiskType.DISASTER), "")
            : new CountyDecision(on, by, true, Optional.of(fits), Set.of(RiskType.ILLNESS), "");
        return new MoveCall(move, caseId, by, d.toString(), r -> r.decide(caseId, d));
      }
      default: {
        LocalDate on = day.on(today, opened);
        EmergencyApproval e = new EmergencyApproval(on, by, variant == 0 ? Money.ZERO : Money.ofYuan(3_000),
            "房屋倒塌，基本生活无着");
        return new MoveCall(move, caseId, by, e.toString(), r -> r.approveEmergency(caseId, e));
      }
    }
  }
}
