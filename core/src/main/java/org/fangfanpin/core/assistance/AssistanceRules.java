package org.fangfanpin.core.assistance;

import static org.fangfanpin.core.internal.Checks.firstFailing;
import static org.fangfanpin.core.internal.Checks.invalid;
import static org.fangfanpin.core.internal.Checks.notBlank;
import static org.fangfanpin.core.internal.Checks.role;
import static org.fangfanpin.core.internal.Checks.text;
import static org.fangfanpin.core.internal.Checks.unlessRefused;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.AssessmentRule;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.core.internal.Checks;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * The moves of assistance (帮扶规则) as pure functions: given the case (or the household), the
 * command, what the store knows and the day, the rejection or the move. No clock, no store.
 *
 * <p>A move on a case needs the household monitored: the case open and past recognition, from
 * the county's confirmation through the gradual exit ({@code assistance.wrong_state}). Every move
 * is refused, changing nothing, when the actor's role may not make it, when the household lies
 * outside the actor's jurisdiction, when its date lies after today or before the step it follows
 * ({@code assistance.date_out_of_order}), or when a text is blank where required, longer than
 * allowed, or holds a run of {@value Checks#PERSONAL_NUMBER_DIGITS} digits or more (no ID number, phone
 * or bank account in a case record). The checks run in that order, the move's own among them, and
 * the first that fails is reported.
 */
final class AssistanceRules {

  /** The longest evidence or visit note, in characters. */
  static final int MAX_TEXT_LENGTH = 500;
  /** The longest department name, in characters. */
  static final int MAX_DEPARTMENT_LENGTH = 100;

  private AssistanceRules() {}

  // ---- the plan of a monitored household

  /**
   * Assigns or replaces the household's responsible cadres (帮扶责任人) on {@code on}: as many as the
   * policy of the village on that day allows (002: 1–2), distinct, by a township officer or head.
   * Measures keep the cadre they were planned with.
   */
  static Either<Rejection, CaseMove> assignCadres(MonitoringCase c, java.util.List<String> cadreIds, Actor by,
      LocalDate on, LocalDate today, PolicyLookup policy) {
    return unlessRefused(firstFailing(
        () -> monitored(c),
        () -> role(by, "确定帮扶责任人", "assign responsible cadres", Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("on", on, today),
        () -> notBefore("on", on, "县级确认日期", "county's confirmation", confirmedOn(c)),
        () -> invalid(idProblems(cadreIds)),
        () -> firstDuplicate(cadreIds).map(AssistanceRejections::cadreDuplicate),
        () -> {
          int min = policy.on(c.area(), on).minCadresPerHousehold();
          int max = policy.on(c.area(), on).maxCadresPerHousehold();
          return cadreIds.size() < min || cadreIds.size() > max
              ? Option.some(AssistanceRejections.cadreCount(cadreIds.size(), min, max)) : Option.none();
        },
        () -> Set.copyOf(cadreIds).equals(Set.copyOf(c.cadreIds()))
            ? Option.some(AssistanceRejections.cadresUnchanged(c.cadreIds())) : Option.none()),
        () -> new CaseMove(next(c).withCadreIds(cadreIds), Optional.empty(), by, AssistanceActions.CADRES_ASSIGNED,
            c.state().name() + " cadres=" + String.join(",", c.cadreIds()),
            c.state().name() + " cadres=" + String.join(",", cadreIds)));
  }

  /**
   * Adds a planned measure to the plan (一户一策), numbered after the last one from 1, by the
   * village working group or a township officer; its cadre must be one of the household's.
   */
  static Either<Rejection, CaseMove> planMeasure(MonitoringCase c, MeasurePlan plan, Actor by, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> monitored(c),
        () -> role(by, "制定帮扶措施", "plan a measure", Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("plannedOn", plan.plannedOn(), today),
        () -> notBefore("plannedOn", plan.plannedOn(), "县级确认日期", "county's confirmation", confirmedOn(c)),
        () -> Option.ofOptional(plan.endsOn())
            .filter(end -> !end.isAfter(plan.plannedOn()))
            .map(end -> AssistanceRejections.endsNotAfterPlanned(end, plan.plannedOn())),
        () -> invalid(text("department", plan.department(), MAX_DEPARTMENT_LENGTH, true)
            .appendAll(notBlank("cadreId", plan.cadreId()))),
        () -> c.cadreIds().contains(plan.cadreId())
            ? Option.none() : Option.some(AssistanceRejections.cadreNotResponsible(plan.cadreId(), c.cadreIds()))),
        () -> {
          int number = c.measures().size() + 1;
          Measure m = Measure.builder()
              .number(number)
              .type(plan.type())
              .department(plan.department())
              .cadreId(plan.cadreId())
              .plannedOn(plan.plannedOn())
              .endsOn(plan.endsOn())
              .status(MeasureStatus.PLANNED)
              .plannedBy(by)
              .build();
          java.util.List<Measure> measures = new ArrayList<>(c.measures());
          measures.add(m);
          return new CaseMove(next(c).withMeasures(measures), Optional.empty(), by, AssistanceActions.MEASURE_PLANNED,
              c.state().name() + " measures=" + c.measures().size(),
              c.state().name() + " measure#" + number + "=" + MeasureStatus.PLANNED);
        });
  }

  /**
   * Records that a planned measure was carried out (措施落实) on {@code on}, with its evidence, by
   * the village working group or a township officer: not before it was planned, nor after it
   * ended.
   */
  static Either<Rejection, CaseMove> implementMeasure(MonitoringCase c, int number, Actor by, LocalDate on,
      String evidence, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> monitored(c),
        () -> role(by, "登记措施落实", "record a measure's implementation", Role.VILLAGE_WORKING_GROUP,
            Role.TOWNSHIP_OFFICER),
        () -> inJurisdiction(c, by),
        () -> measure(c, number).isEmpty() ? Option.some(AssistanceRejections.measureNotFound(number)) : Option.none(),
        () -> inStatus(measure(c, number).get(), MeasureStatus.PLANNED),
        () -> notAfterToday("on", on, today),
        () -> notBefore("on", on, "措施计划日期", "measure's planned day", measure(c, number).get().plannedOn()),
        () -> Option.ofOptional(measure(c, number).get().endsOn())
            .filter(on::isAfter)
            .map(end -> AssistanceRejections.dateAfter("on", on, "措施结束日期", "measure's end", end)),
        () -> invalid(text("evidence", evidence, MAX_TEXT_LENGTH, true))),
        () -> {
          Measure done = Measure.builder().from(measure(c, number).get())
              .status(MeasureStatus.IMPLEMENTED)
              .implementedOn(on)
              .implementedBy(by)
              .evidence(evidence)
              .build();
          return measureMove(c, done, MeasureStatus.PLANNED, by, AssistanceActions.MEASURE_IMPLEMENTED);
        });
  }

  /**
   * Verifies an implemented measure (措施核实) on {@code on}, by a township officer or head or the
   * county office who did not record its implementation.
   */
  static Either<Rejection, CaseMove> verifyMeasure(MonitoringCase c, int number, Actor by, LocalDate on,
      LocalDate today) {
    return unlessRefused(firstFailing(
        () -> monitored(c),
        () -> role(by, "核实措施落实", "verify a measure", Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD,
            Role.COUNTY_OFFICE),
        () -> inJurisdiction(c, by),
        () -> measure(c, number).isEmpty() ? Option.some(AssistanceRejections.measureNotFound(number)) : Option.none(),
        () -> inStatus(measure(c, number).get(), MeasureStatus.IMPLEMENTED),
        () -> measure(c, number).get().implementedBy().map(Actor::id).filter(by.id()::equals).isPresent()
            ? Option.some(Rejections.sameActor(by)) : Option.none(),
        () -> notAfterToday("on", on, today),
        () -> notBefore("on", on, "措施落实日期", "measure's implementation",
            measure(c, number).get().implementedOn().orElseThrow())),
        () -> {
          Measure verified = Measure.builder().from(measure(c, number).get())
              .status(MeasureStatus.VERIFIED)
              .verifiedOn(on)
              .verifiedBy(by)
              .build();
          return measureMove(c, verified, MeasureStatus.IMPLEMENTED, by, AssistanceActions.MEASURE_VERIFIED);
        });
  }

  /**
   * Records a monthly follow-up (跟踪回访) by the village working group, a grid worker or a
   * township officer: the household's register entry takes the facts found, the assessment is
   * re-run on it under the policy of the village on the day recorded, and the follow-up keeps
   * the per-capita income found, whether income was above the line (the income rule did not
   * fire) and whether the household is still a candidate. One follow-up per month, in order of
   * month, from the month of confirmation to the month recorded.
   */
  static Either<Rejection, CaseMove> recordFollowUp(MonitoringCase c, Household household, FollowUpFacts f,
      LocalDate today, PolicyLookup policy) {
    Actor by = f.by();
    YearMonth recordedMonth = YearMonth.from(f.recordedOn());
    Option<YearMonth> latest = Option.ofOptional(c.followUps().stream().map(FollowUp::month)
        .max(YearMonth::compareTo));
    return unlessRefused(firstFailing(
        () -> monitored(c),
        () -> role(by, "记录跟踪回访", "record a follow-up", Role.VILLAGE_WORKING_GROUP, Role.GRID_WORKER,
            Role.TOWNSHIP_OFFICER),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("recordedOn", f.recordedOn(), today),
        () -> notBefore("recordedOn", f.recordedOn(), "县级确认日期", "county's confirmation", confirmedOn(c)),
        () -> f.month().isAfter(recordedMonth)
            ? Option.some(AssistanceRejections.dateAfter("month", f.month(), "记录月份", "month recorded",
                recordedMonth))
            : Option.none(),
        () -> f.month().isBefore(YearMonth.from(confirmedOn(c)))
            ? Option.some(AssistanceRejections.dateBefore("month", f.month(), "县级确认月份", "month of confirmation",
                YearMonth.from(confirmedOn(c))))
            : Option.none(),
        () -> latest.filter(f.month()::equals).map(AssistanceRejections::followUpExists),
        () -> latest.filter(f.month()::isBefore)
            .map(last -> AssistanceRejections.dateBefore("month", f.month(), "最近一次回访月份",
                "month of the latest follow-up", last)),
        () -> invalid(notNegative("incomeLast12Months", f.incomeLast12Months())
            .appendAll(notNegative("rigidExpenditure", f.rigidExpenditure())))),
        () -> {
          Household updated = household
              .withIncomeLast12Months(f.incomeLast12Months())
              .withRigidExpenditure(f.rigidExpenditure())
              .withUnmetNeeds(f.unmetNeeds());
          Assessment a = HouseholdAssessor.assess(updated, policy.on(c.area(), f.recordedOn()), f.recordedOn());
          FollowUp followUp = FollowUp.builder()
              .month(f.month())
              .recordedOn(f.recordedOn())
              .by(by)
              .incomeLast12Months(f.incomeLast12Months())
              .rigidExpenditure(f.rigidExpenditure())
              .unmetNeeds(f.unmetNeeds())
              .perCapitaIncome(a.perCapitaIncome())
              .incomeAboveLine(!a.fired(AssessmentRule.INCOME_BELOW_LINE))
              .stillAtRisk(a.candidate())
              .build();
          java.util.List<FollowUp> followUps = new ArrayList<>(c.followUps());
          followUps.add(followUp);
          return new CaseMove(next(c).withFollowUps(followUps), Optional.of(updated), by,
              AssistanceActions.FOLLOW_UP_RECORDED,
              c.state().name() + " followUps=" + c.followUps().size(),
              c.state().name() + " followUp#" + f.month() + " atRisk=" + a.candidate());
        });
  }

  // ---- the grid

  /**
   * Assigns the household to a grid worker (网格分配), replacing an earlier assignment, by a
   * township officer or head: refused when the worker already covers the policy's
   * {@code maxHouseholdsPerGridWorker} households (004: 15) on {@code today}.
   *
   * @param current the grid worker the household is assigned to now
   * @param covered how many households the new worker covers now
   */
  static Either<Rejection, GridMove> assignGrid(Household h, String gridWorkerId, Actor by, Optional<String> current,
      int covered, LocalDate today, PolicyLookup policy) {
    return unlessRefused(firstFailing(
        () -> role(by, "分配网格员", "assign a household to a grid worker", Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD),
        () -> Checks.inJurisdiction(h.area(), by),
        () -> invalid(idProblems("gridWorkerId", gridWorkerId)),
        () -> current.filter(gridWorkerId::equals).isPresent()
            ? Option.some(AssistanceRejections.gridAlreadyAssigned(h.id(), gridWorkerId)) : Option.none(),
        () -> {
          int max = policy.on(h.area(), today).maxHouseholdsPerGridWorker();
          return covered >= max ? Option.some(AssistanceRejections.gridFull(gridWorkerId, covered, max)) : Option.none();
        }),
        () -> new GridMove(h.id(), h.area(), by, AssistanceActions.GRID_ASSIGNED, current.map(w -> "grid=" + w),
            "grid=" + gridWorkerId));
  }

  /**
   * Records a grid worker's visit (网格员走访): only by the grid worker named in it, to a household
   * in their jurisdiction and assigned to them, not after today, with a note, once per day.
   *
   * @param assigned the grid worker the household is assigned to
   * @param lastVisit the household's last visit on or before the visit's day
   */
  static Either<Rejection, GridMove> recordVisit(Household h, GridVisit v, Actor by, Optional<String> assigned,
      Optional<GridVisit> lastVisit, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> role(by, "登记网格走访", "record a grid visit", Role.GRID_WORKER),
        () -> by.id().equals(v.gridWorkerId())
            ? Option.none() : Option.some(AssistanceRejections.visitByOtherWorker(by.id(), v.gridWorkerId())),
        () -> Checks.inJurisdiction(h.area(), by),
        () -> assigned.filter(v.gridWorkerId()::equals).isPresent()
            ? Option.none() : Option.some(AssistanceRejections.householdNotAssigned(h.id(), v.gridWorkerId())),
        () -> notAfterToday("visitedOn", v.visitedOn(), today),
        () -> invalid(text("note", v.note(), MAX_TEXT_LENGTH, true)),
        () -> lastVisit.filter(last -> last.visitedOn().equals(v.visitedOn())).isPresent()
            ? Option.some(AssistanceRejections.visitExists(h.id(), v.visitedOn())) : Option.none()),
        () -> new GridMove(h.id(), h.area(), by, AssistanceActions.GRID_VISIT, Optional.empty(),
            "visited=" + v.visitedOn()));
  }

  // ---- the lists

  /** Whether the case's household is monitored: open and past recognition (已确认至渐退期). */
  static boolean isMonitored(MonitoringCase c) {
    return c.state().isOpen() && !c.state().inRecognition();
  }

  /**
   * Whether the visit of a monitored household is overdue on the day: never visited, or last
   * visited more than {@code intervalDays} days before. A household visited exactly
   * {@code intervalDays} days before is due that day, not yet missed.
   */
  static boolean visitMissed(Optional<LocalDate> lastVisit, LocalDate on, int intervalDays) {
    return lastVisit.map(last -> ChronoUnit.DAYS.between(last, on) > intervalDays).orElse(true);
  }

  // ---- the shared checks: each answers the rejection, or none when the check passes

  private static Option<Rejection> monitored(MonitoringCase c) {
    return isMonitored(c) ? Option.none() : Option.some(AssistanceRejections.wrongState(c.state()));
  }

  private static Option<Rejection> inJurisdiction(MonitoringCase c, Actor by) {
    return Checks.inJurisdiction(c.area(), by);
  }

  private static Option<Rejection> inStatus(Measure m, MeasureStatus needed) {
    return m.status() == needed
        ? Option.none() : Option.some(AssistanceRejections.measureWrongStatus(m.number(), m.status(), needed));
  }

  private static Option<Rejection> notAfterToday(String field, LocalDate day, LocalDate today) {
    return day.isAfter(today) ? Option.some(AssistanceRejections.dateAfterToday(field, day, today)) : Option.none();
  }

  private static Option<Rejection> notBefore(String field, LocalDate day, String earlierZh, String earlierEn,
      LocalDate earlier) {
    return day.isBefore(earlier)
        ? Option.some(AssistanceRejections.dateBefore(field, day, earlierZh, earlierEn, earlier)) : Option.none();
  }

  private static Seq<Problem> idProblems(java.util.List<String> ids) {
    List<Problem> problems = List.empty();
    for (int i = 0; i < ids.size(); i++) {
      problems = problems.appendAll(idProblems("cadreIds[" + i + "]", ids.get(i)));
    }
    return problems;
  }

  /** An actor id: not blank, at most {@link Actor#MAX_ID_LENGTH} characters, no control or surrounding blanks. */
  private static Seq<Problem> idProblems(String field, String id) {
    if (id.isBlank()) {
      return notBlank(field, id);
    }
    if (id.length() > Actor.MAX_ID_LENGTH) {
      return List.of(Problem.of(field, "text.too_long", field + " 不能超过 " + Actor.MAX_ID_LENGTH + " 个字符",
          field + " must not be longer than " + Actor.MAX_ID_LENGTH + " characters"));
    }
    if (id.chars().anyMatch(Character::isISOControl) || !id.equals(id.strip())) {
      return List.of(Problem.of(field, "id.characters", field + " 含有控制字符或首尾空白",
          field + " holds control characters or surrounding blanks"));
    }
    return List.empty();
  }

  private static Seq<Problem> notNegative(String field, Money amount) {
    return amount.isNegative()
        ? List.of(Problem.of(field, "money.negative", field + " 金额不能为负数", field + " cannot be negative"))
        : List.empty();
  }

  private static Option<String> firstDuplicate(java.util.List<String> ids) {
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        return Option.some(id);
      }
    }
    return Option.none();
  }

  // ---- reading and building the case

  private static Option<Measure> measure(MonitoringCase c, int number) {
    return Option.ofOptional(c.measures().stream().filter(m -> m.number() == number).findFirst());
  }

  /** The day the county confirmed the household; a monitored case always has it. */
  private static LocalDate confirmedOn(MonitoringCase c) {
    return c.decision().map(CountyDecision::decidedOn).orElse(c.openedOn());
  }

  private static MonitoringCase next(MonitoringCase c) {
    return c.withVersion(c.version() + 1);
  }

  private static CaseMove measureMove(MonitoringCase c, Measure changed, MeasureStatus before, Actor by,
      String action) {
    java.util.List<Measure> measures = new ArrayList<>(c.measures().size());
    for (Measure m : c.measures()) {
      measures.add(m.number() == changed.number() ? changed : m);
    }
    return new CaseMove(next(c).withMeasures(measures), Optional.empty(), by, action,
        c.state().name() + " measure#" + changed.number() + "=" + before,
        c.state().name() + " measure#" + changed.number() + "=" + changed.status());
  }
}
