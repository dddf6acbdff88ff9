package org.fangfanpin.core.exit;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.core.internal.UnitSession;
import org.fangfanpin.core.review.CaseMoves;
import org.fangfanpin.core.review.PolicyLookup;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk elimination (风险消除) and the gradual exit (渐退期): the village's proposal after a home
 * visit, the democratic appraisal, the 5-day notice with objections, the township verification,
 * the county decision that starts the gradual exit, the closing of the exits that ended, and the
 * elimination register (返贫致贫预警解除登记表).
 *
 * <p>Each move runs in one unit of work: it loads the case (and, for the proposal and the
 * decision, the household's register entry), applies the rule, and when the rule accepts stores
 * the case one version later, appends one audit record to the county's chain (action one of
 * {@link ExitActions}) and stores the move's events in the outbox. A refused move returns the
 * {@link Rejection} and writes nothing. Thread-safe.
 */
public final class ExitService {

  private static final Logger LOG = LoggerFactory.getLogger(ExitService.class);

  private final CoreContext ctx;
  private final PolicyLookup policy;

  /** A service over the wired ports. */
  public ExitService(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.policy = ctx::policy;
  }

  /**
   * The village working group proposes eliminating a confirmed case's risk after its home visit
   * (入户核实后提出风险消除). Refused with the first {@link EliminationBlocker}'s code, every blocker
   * listed, while one stands on the visit's day.
   */
  public Either<Rejection, MonitoringCase> propose(String caseId, EliminationProposal proposal) {
    return move(caseId, ruleOf(new ExitEntry.Propose(Objects.requireNonNull(caseId, "caseId"), proposal)));
  }

  /** Records the elimination's democratic appraisal (民主评议): agreed goes on, refused back to monitoring. */
  public Either<Rejection, MonitoringCase> recordAppraisal(String caseId, Appraisal appraisal) {
    return move(caseId, ruleOf(new ExitEntry.Appraise(Objects.requireNonNull(caseId, "caseId"), appraisal)));
  }

  /** Posts the elimination notice (公示) from {@code startsOn} for the policy's number of days (004: 5). */
  public Either<Rejection, MonitoringCase> startNotice(String caseId, Actor by, LocalDate startsOn) {
    return move(caseId, ruleOf(new ExitEntry.StartNotice(Objects.requireNonNull(caseId, "caseId"), by, startsOn)));
  }

  /** Records an objection (异议) filed while the elimination notice runs. */
  public Either<Rejection, MonitoringCase> fileObjection(String caseId, Actor by, LocalDate filedOn, String text) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(filedOn, "filedOn");
    Objects.requireNonNull(text, "text");
    return move(caseId, (s, c, today) -> EliminationRules.fileObjection(c, by, filedOn, text, today));
  }

  /** Answers the objection with the number (异议答复). */
  public Either<Rejection, MonitoringCase> answerObjection(String caseId, int number, Actor by, LocalDate on,
      String text) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(text, "text");
    return move(caseId, (s, c, today) -> EliminationRules.answerObjection(c, number, by, on, text, today));
  }

  /** Closes the elimination notice after its last day, every objection answered; the result goes to the township. */
  public Either<Rejection, MonitoringCase> closeNotice(String caseId, Actor by, LocalDate on) {
    return move(caseId, ruleOf(new ExitEntry.CloseNotice(Objects.requireNonNull(caseId, "caseId"), by, on)));
  }

  /** Records the township's verification (乡镇审核): upheld goes on to the county, else back to monitoring. */
  public Either<Rejection, MonitoringCase> verify(String caseId, TownshipVerification verification) {
    return move(caseId, ruleOf(new ExitEntry.Verify(Objects.requireNonNull(caseId, "caseId"), verification)));
  }

  /**
   * Records the county's decision (县级审定). Eliminated: the case enters its gradual exit, unless an
   * {@link EliminationBlocker} stands on the decision's day; not eliminated: back to monitoring.
   */
  public Either<Rejection, MonitoringCase> decide(String caseId, EliminationDecision decision) {
    return move(caseId, ruleOf(new ExitEntry.Decide(Objects.requireNonNull(caseId, "caseId"), decision)));
  }

  /**
   * Enters many elimination steps at once (批量录入), {@value CaseMoves#MOVES_PER_UNIT} to a unit of
   * work: each entry is decided exactly as its one-by-one call decides it, by its own actor and on
   * what the entries before it stored. A refused entry changes nothing and the others go through.
   * One result per entry, in order. A database store then commits once for many steps.
   */
  public List<Either<Rejection, MonitoringCase>> enterAll(List<? extends ExitEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    List<CaseMoves.Move> moves = new ArrayList<>(entries.size());
    for (ExitEntry entry : entries) {
      Objects.requireNonNull(entry, "entry");
      moves.add(new CaseMoves.Move(entry.caseId(), ruleOf(entry), (s, c) -> { }));
    }
    // Proposals and decisions read the household: each unit reads its households up front too.
    return CaseMoves.runAll(ctx, moves, true, LOG, "elimination move");
  }

  private CaseMoves.Rule ruleOf(ExitEntry entry) {
    if (entry instanceof ExitEntry.Propose e) {
      return (s, c, today) -> withHousehold(s, c, h -> EliminationRules.propose(c, e.proposal(), h, today, policy));
    }
    if (entry instanceof ExitEntry.Appraise e) {
      return (s, c, today) -> EliminationRules.appraise(c, e.appraisal(), today);
    }
    if (entry instanceof ExitEntry.StartNotice e) {
      return (s, c, today) -> EliminationRules.startNotice(c, e.by(), e.startsOn(), today, policy);
    }
    if (entry instanceof ExitEntry.CloseNotice e) {
      return (s, c, today) -> EliminationRules.closeNotice(c, e.by(), e.on(), today);
    }
    if (entry instanceof ExitEntry.Verify e) {
      return (s, c, today) -> EliminationRules.verify(c, e.verification(), today);
    }
    ExitEntry.Decide e = (ExitEntry.Decide) entry;
    return (s, c, today) -> withHousehold(s, c, h -> EliminationRules.decide(c, e.decision(), h, today, policy));
  }

  /**
   * Closes (销号) every case of the area whose gradual exit ended before {@code on} without a new
   * risk: CLOSED on that day, one audit record and one CASE_CLOSED event each, all in one unit of
   * work. Refused, closing nothing, unless the actor is a county officer whose jurisdiction holds
   * the area, or when the day lies after today.
   *
   * @return the closed cases, ordered by id
   */
  public Either<Rejection, List<MonitoringCase>> closeExits(AreaCode area, LocalDate on, Actor countyOfficer) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(countyOfficer, "countyOfficer");
    Either<Rejection, List<MonitoringCase>> result = Transactions.write(ctx.store(), session -> {
      // The closings are stored in one step at the end (see UnitSession).
      UnitSession s = new UnitSession(session);
      Option<Rejection> refused = EliminationRules.closingRefusal(area, countyOfficer, on, ctx.today());
      if (refused.isDefined()) {
        return Either.<Rejection, List<MonitoringCase>>left(refused.get());
      }
      List<MonitoringCase> ended;
      try (Stream<MonitoringCase> cases = s.cases().inArea(area)) {
        ended = cases.filter(c -> EliminationRules.exitEndedBefore(c, on)).toList();
      }
      s.keepCases(ended);
      List<MonitoringCase> closed = new ArrayList<>(ended.size());
      for (MonitoringCase c : ended) {
        closed.add(CaseMoves.store(ctx, s, c, EliminationRules.close(c, countyOfficer, on)));
      }
      s.flush();
      return Either.<Rejection, List<MonitoringCase>>right(List.copyOf(closed));
    });
    if (result.isLeft()) {
      LOG.debug("closing the gradual exits of {} refused: {}", area, result.getLeft().code());
    } else {
      LOG.info("closed {} case(s) of {} whose gradual exit ended before {}", result.get().size(), area, on);
    }
    return result;
  }

  /**
   * The elimination register (返贫致贫预警解除登记表, seed 001 附件3) of the area: one row for each case
   * whose elimination the county decided between {@code from} and {@code to}, both included,
   * ordered by that day and then by case id.
   *
   * @throws IllegalArgumentException when {@code from} lies after {@code to}
   */
  public List<EliminationRegisterRow> eliminationRegister(AreaCode area, LocalDate from, LocalDate to) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("the period starts on " + from + ", after its end " + to);
    }
    return ctx.store().read(s -> {
      List<MonitoringCase> eliminated;
      try (Stream<MonitoringCase> cases = s.cases().inArea(area)) {
        eliminated = cases.filter(c -> eliminatedOn(c).map(d -> !d.isBefore(from) && !d.isAfter(to)).orElse(false))
            .toList();
      }
      List<EliminationRegisterRow> rows = new ArrayList<>(eliminated.size());
      for (MonitoringCase c : eliminated) {
        rows.add(row(c, s.households().find(c.householdId())));
      }
      rows.sort(Comparator.comparing(EliminationRegisterRow::eliminatedOn).thenComparing(EliminationRegisterRow::caseId));
      return rows;
    });
  }

  /** The case with the id. */
  public Optional<MonitoringCase> find(String caseId) {
    Objects.requireNonNull(caseId, "caseId");
    return ctx.store().read(s -> s.cases().find(caseId));
  }

  // ---- running a move

  private Either<Rejection, MonitoringCase> move(String caseId, CaseMoves.Rule rule) {
    return CaseMoves.run(ctx, caseId, rule, (s, c) -> { }, LOG, "elimination move");
  }

  private static Either<Rejection, Transition> withHousehold(StoreSession s, MonitoringCase c,
      java.util.function.Function<Household, Either<Rejection, Transition>> rule) {
    return s.households().find(c.householdId())
        .map(rule)
        .orElseGet(() -> Either.left(Rejections.householdNotFound(c.householdId())));
  }

  // ---- the register

  private static Optional<LocalDate> eliminatedOn(MonitoringCase c) {
    return c.elimination().flatMap(Elimination::decision)
        .filter(EliminationDecision::eliminated)
        .map(EliminationDecision::decidedOn);
  }

  private EliminationRegisterRow row(MonitoringCase c, Optional<Household> household) {
    Elimination e = c.elimination().orElseThrow();
    LocalDate eliminatedOn = e.decision().orElseThrow().decidedOn();
    PublicNotice notice = e.notice().orElseThrow(() -> new IllegalStateException("case " + c.id()
        + " was eliminated without a notice"));
    YearMonth nextMonth = YearMonth.from(eliminatedOn).plusMonths(1);
    int reportDay = policy.on(c.area(), eliminatedOn).monthlyReportDay();
    return EliminationRegisterRow.builder()
        .township(c.area().ancestor(AreaLevel.TOWNSHIP).getOrElse(c.area()))
        .village(c.area())
        .householdId(c.householdId())
        .caseId(c.id())
        .householdStatus(c.householdStatus())
        .category(c.category())
        .members(household.map(h -> OptionalInt.of(h.memberCount())).orElse(OptionalInt.empty()))
        .riskTypes(c.riskTypes())
        .confirmedOn(EliminationRules.confirmedOn(c))
        .measuresImplemented(c.measures().stream()
            .filter(m -> m.status().isImplemented())
            .sorted(Comparator.comparingInt(Measure::number))
            .map(Measure::type)
            .toList())
        .perCapitaIncome(c.followUps().stream()
            .filter(f -> f.month().isBefore(YearMonth.from(eliminatedOn)))
            .max(Comparator.comparing(FollowUp::month).thenComparing(FollowUp::recordedOn))
            .map(FollowUp::perCapitaIncome))
        .proposedOn(e.proposal().visitedOn())
        .appraisedOn(e.appraisal().orElseThrow().heldOn())
        .noticeStartsOn(notice.startsOn())
        .noticeLastDay(notice.lastDay())
        .objections(notice.objections().size())
        .verifiedOn(e.verification().orElseThrow().verifiedOn())
        .eliminatedOn(eliminatedOn)
        .gradualExit(c.exit())
        .reportDueOn(nextMonth.atDay(reportDay))
        .state(c.state())
        .build();
  }
}
