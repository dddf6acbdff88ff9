package org.fangfanpin.core.review;

import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.fangfanpin.core.fund.FundService;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves cases through the tiered review (分级审核认定): village visit, democratic appraisal, public
 * notice with objections, township verification, county decision, and emergency aid first on the
 * way; lists overdue steps, raises deadline warnings and prints the village's notice list.
 *
 * <p>Each move runs in one unit of work: it loads the case, applies the rule, and when the rule
 * accepts stores the case one version later, appends one audit record to the county's chain
 * (subject the case id, before and after the state names, action one of {@link ReviewActions})
 * and stores the move's events in the outbox. A refused move returns the {@link Rejection} and
 * writes nothing. Thread-safe.
 */
public final class ReviewService {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

  private static final Comparator<OverdueStep> BY_DUE_DAY = Comparator.comparing(OverdueStep::dueOn)
      .thenComparing(OverdueStep::caseId)
      .thenComparing(OverdueStep::kind);

  private final CoreContext ctx;
  private final PolicyLookup policy;

  /** A service over the wired ports. */
  public ReviewService(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
    this.policy = ctx::policy;
  }

  /**
   * Records the village working group's home visit (入户核实): a real risk, with the household's
   * authorisation of the data check, goes on to the appraisal; a risk not real dismisses the case.
   */
  public Either<Rejection, MonitoringCase> recordScreeningVisit(String caseId, ScreeningVisit visit) {
    return move(caseId, ruleOf(new ReviewEntry.Visit(Objects.requireNonNull(caseId, "caseId"), visit)));
  }

  /** Records the democratic appraisal (民主评议): agreed goes on to the notice, refused dismisses. */
  public Either<Rejection, MonitoringCase> recordAppraisal(String caseId, Appraisal appraisal) {
    return move(caseId, ruleOf(new ReviewEntry.Appraise(Objects.requireNonNull(caseId, "caseId"), appraisal)));
  }

  /** Posts the public notice (公示) from {@code startsOn} for the policy's number of days. */
  public Either<Rejection, MonitoringCase> startNotice(String caseId, Actor by, LocalDate startsOn) {
    return move(caseId, ruleOf(new ReviewEntry.StartNotice(Objects.requireNonNull(caseId, "caseId"), by, startsOn)));
  }

  /** Records an objection (异议) filed while the notice runs. */
  public Either<Rejection, MonitoringCase> fileObjection(String caseId, Actor by, LocalDate filedOn, String text) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(filedOn, "filedOn");
    Objects.requireNonNull(text, "text");
    return move(caseId, (c, today) -> ReviewRules.fileObjection(c, by, filedOn, text, today));
  }

  /** Answers the objection with the number (异议答复). */
  public Either<Rejection, MonitoringCase> answerObjection(String caseId, int number, Actor by, LocalDate on,
      String text) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(text, "text");
    return move(caseId, (c, today) -> ReviewRules.answerObjection(c, number, by, on, text, today));
  }

  /**
   * Closes the notice after its last day, once every objection is answered, and sends the result
   * to the township; {@code on} is the day it arrives there.
   */
  public Either<Rejection, MonitoringCase> closeNotice(String caseId, Actor by, LocalDate on) {
    return move(caseId, ruleOf(new ReviewEntry.CloseNotice(Objects.requireNonNull(caseId, "caseId"), by, on)));
  }

  /** Records the township verification (乡镇审核): upheld goes on to the county, else dismisses. */
  public Either<Rejection, MonitoringCase> verify(String caseId, TownshipVerification verification) {
    return move(caseId, ruleOf(new ReviewEntry.Verify(Objects.requireNonNull(caseId, "caseId"), verification)));
  }

  /** Records the county decision (县级审定): confirm with category and risk types, or dismiss. */
  public Either<Rejection, MonitoringCase> decide(String caseId, CountyDecision decision) {
    return move(caseId, ruleOf(new ReviewEntry.Decide(Objects.requireNonNull(caseId, "caseId"), decision)));
  }

  /**
   * Enters many review steps at once (批量录入), {@value CaseMoves#MOVES_PER_UNIT} to a unit of work:
   * each entry is decided exactly as its one-by-one call decides it, by its own actor and on what
   * the entries before it stored. A refused entry changes nothing and the others go through. One
   * result per entry, in order. A database store then commits once for many steps.
   */
  public List<Either<Rejection, MonitoringCase>> enterAll(List<? extends ReviewEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    List<CaseMoves.Move> moves = new ArrayList<>(entries.size());
    for (ReviewEntry entry : entries) {
      Objects.requireNonNull(entry, "entry");
      BiFunction<MonitoringCase, LocalDate, Either<Rejection, Transition>> rule = ruleOf(entry);
      moves.add(new CaseMoves.Move(entry.caseId(), (s, c, today) -> rule.apply(c, today), (s, c) -> { }));
    }
    return CaseMoves.runAll(ctx, moves, LOG, "review move");
  }

  private BiFunction<MonitoringCase, LocalDate, Either<Rejection, Transition>> ruleOf(ReviewEntry entry) {
    if (entry instanceof ReviewEntry.Visit e) {
      return (c, today) -> ReviewRules.recordScreeningVisit(c, e.visit(), today);
    }
    if (entry instanceof ReviewEntry.Appraise e) {
      return (c, today) -> ReviewRules.recordAppraisal(c, e.appraisal(), today);
    }
    if (entry instanceof ReviewEntry.StartNotice e) {
      return (c, today) -> ReviewRules.startNotice(c, e.by(), e.startsOn(), today, policy);
    }
    if (entry instanceof ReviewEntry.CloseNotice e) {
      return (c, today) -> ReviewRules.closeNotice(c, e.by(), e.on(), today);
    }
    if (entry instanceof ReviewEntry.Verify e) {
      return (c, today) -> ReviewRules.verify(c, e.verification(), today);
    }
    ReviewEntry.Decide e = (ReviewEntry.Decide) entry;
    return (c, today) -> ReviewRules.decide(c, e.decision(), today);
  }

  /** Records the township head's approval of emergency aid first (遇困即扶); recognition continues. */
  public Either<Rejection, MonitoringCase> approveEmergency(String caseId, EmergencyApproval approval) {
    Objects.requireNonNull(approval, "approval");
    // The aid approved first is paid like any approved application, marked as emergency, in the
    // same unit of work as the approval.
    return move(caseId, (c, today) -> ReviewRules.approveEmergency(c, approval, today),
        (s, c) -> s.aidApplications().insert(FundService.emergencyApplication(ctx.ids().next("aid"), c, approval)));
  }

  /** The case with the id. */
  public Optional<MonitoringCase> find(String caseId) {
    Objects.requireNonNull(caseId, "caseId");
    return ctx.store().read(s -> s.cases().find(caseId));
  }

  /**
   * The steps of cases in the area that are overdue on the day (超期环节): the township
   * verification, the recognition limit and the notice's closing, ordered by due day, then case
   * id, then kind.
   */
  public List<OverdueStep> overdue(AreaCode area, LocalDate on) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(on, "on");
    return ctx.store().read(s -> {
      try (Stream<MonitoringCase> cases = s.cases().inArea(area)) {
        return cases.flatMap(c -> ReviewDeadlines.overdue(c, on, policy, ctx.calendar()).stream())
            .sorted(BY_DUE_DAY)
            .toList();
      }
    });
  }

  /**
   * Stores a {@link EventType#DEADLINE_NEAR} event for every step of a case in the area that falls
   * due within the policy's {@code deadlineWarningDays} of the day (临期提醒), and returns how many
   * it stored. Each warning's id is {@code deadline-<caseId>-<kind>-<dueDate>}, so running this
   * again stores nothing new. Warnings are not moves and leave no audit record.
   */
  public int raiseDeadlineWarnings(AreaCode area, LocalDate on) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(on, "on");
    Instant at = ctx.now();
    return Transactions.write(ctx.store(), s -> {
      List<MonitoringCase> cases;
      try (Stream<MonitoringCase> inArea = s.cases().inArea(area)) {
        cases = inArea.filter(c -> c.state().inRecognition()).toList();
      }
      int stored = 0;
      for (MonitoringCase c : cases) {
        int warningDays = ctx.policy(c.area(), on).deadlineWarningDays();
        for (ReviewDeadlines.Deadline d : ReviewDeadlines.near(c, on, warningDays, policy, ctx.calendar())) {
          if (s.outbox().add(warning(c, d, at))) {
            stored++;
          }
        }
      }
      return stored;
    });
  }

  /**
   * The village's published recognition list on the day (公示名单): one entry for each case whose
   * public notice runs that day, ordered by household id. An entry shows the household id, the
   * village, the member count, the risk types and the notice's dates, and nothing else.
   *
   * @throws IllegalArgumentException when {@code village} is not a village: notices are posted in
   *     the village only
   */
  public List<NoticeListEntry> noticeList(AreaCode village, LocalDate on) {
    Objects.requireNonNull(village, "village");
    Objects.requireNonNull(on, "on");
    if (village.level() != AreaLevel.VILLAGE) {
      throw new IllegalArgumentException("notices are posted per village; " + village + " is a " + village.level());
    }
    return ctx.store().read(s -> {
      List<MonitoringCase> running;
      try (Stream<MonitoringCase> cases = s.cases().inArea(village)) {
        running = cases.filter(c -> c.notice().map(n -> runsOn(n, on)).orElse(false)).toList();
      }
      List<NoticeListEntry> entries = new ArrayList<>(running.size());
      for (MonitoringCase c : running) {
        PublicNotice n = c.notice().orElseThrow();
        OptionalInt members = s.households().find(c.householdId())
            .map(h -> OptionalInt.of(h.memberCount()))
            .orElse(OptionalInt.empty());
        entries.add(NoticeListEntry.of(c.householdId(), c.area(), members, c.riskTypes(), n.startsOn(),
            n.lastDay()));
      }
      entries.sort(Comparator.comparing(NoticeListEntry::householdId));
      return entries;
    });
  }

  private Either<Rejection, MonitoringCase> move(String caseId,
      BiFunction<MonitoringCase, LocalDate, Either<Rejection, Transition>> rule) {
    return move(caseId, rule, (s, c) -> { });
  }

  private Either<Rejection, MonitoringCase> move(String caseId,
      BiFunction<MonitoringCase, LocalDate, Either<Rejection, Transition>> rule,
      BiConsumer<StoreSession, MonitoringCase> alsoWrite) {
    return CaseMoves.run(ctx, caseId, (s, c, today) -> rule.apply(c, today), alsoWrite, LOG, "review move");
  }

  private static boolean runsOn(PublicNotice n, LocalDate on) {
    return !on.isBefore(n.startsOn()) && !on.isAfter(n.lastDay());
  }

  private static DomainEvent warning(MonitoringCase c, ReviewDeadlines.Deadline d, Instant at) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("kind", d.kind().name());
    attributes.put("dueOn", d.dueOn().toString());
    return DomainEvent.builder()
        .id("deadline-" + c.id() + "-" + d.kind().code() + "-" + d.dueOn())
        .type(EventType.DEADLINE_NEAR)
        .caseId(c.id())
        .householdId(c.householdId())
        .area(c.area())
        .occurredAt(at)
        .attributes(attributes)
        .build();
  }
}
