package org.fangfanpin.core.intake;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.core.assessment.RuleFinding;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.StoreSession;

/**
 * Receives risk signals (线索受理) from the five channels (五个渠道) and keeps the household
 * register they are checked against.
 *
 * <p>A signal is checked in this order: a key (channel, source reference) already stored returns
 * the first result with the same payload, or {@code intake.conflict} with another (invariant 2);
 * otherwise the reporter's role must be allowed on the channel ({@code actor.role_not_allowed}),
 * the household registered ({@code household.not_found}) and inside the reporter's jurisdiction
 * ({@code actor.outside_jurisdiction}), and the risk not observed after today
 * ({@code intake.observed_in_future}). An admitted signal joins the household's open case or opens
 * one (invariant 1), leaving one audit record and its events, in one unit of work with the stored
 * signal. A rejection changes nothing.
 *
 * <p>A new risk after an elimination reopens monitoring (返贫风险再现, {@code ExitRules}): a signal
 * for a case in its gradual exit (渐退期) joins it and confirms it again
 * ({@code intake.monitoring_resumed}, events SIGNAL_JOINED and MONITORING_RESUMED); a signal for a
 * household whose cases are all closed or dismissed opens a new case that follows the latest closed
 * one ({@code previousCaseId}, {@code earlyElimination}). A signal that names no risk type counts
 * as 其他 (other) for these rules.
 */
public final class IntakeService {

  /**
   * Signals received per unit of work in a batch: enough to share the unit of work's cost, few
   * enough to keep other writers waiting only briefly.
   */
  static final int BATCH_SIZE = 512;

  /** Households stored per unit of work by {@link #registerAll}. */
  static final int REGISTER_BATCH_SIZE = 4096;

  static final String CASE_NAMESPACE = "case";
  static final String ACTION_CASE_OPENED = "intake.case_opened";
  static final String ACTION_SIGNAL_JOINED = "intake.signal_joined";
  static final String ACTION_MONITORING_RESUMED = "intake.monitoring_resumed";

  /** Orders closed cases by the day they closed, then the day they opened, then id. */
  private static final Comparator<MonitoringCase> LATEST_CLOSED =
      Comparator.comparing((MonitoringCase c) -> c.closedOn().orElse(LocalDate.MIN))
          .thenComparing(MonitoringCase::openedOn)
          .thenComparing(MonitoringCase::id);

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public IntakeService(CoreContext ctx) {
    this.ctx = Objects.requireNonNull(ctx, "ctx");
  }

  // ---------------------------------------------------------------- the register

  /** Stores the household's facts in the register (农户档案), replacing those of the same id. */
  public void register(Household household) {
    Objects.requireNonNull(household, "household");
    Transactions.write(ctx.store(), s -> {
      s.households().put(household);
      return null;
    });
  }

  /** Stores every household, a few thousand per unit of work; returns how many were stored. */
  public int registerAll(Iterable<Household> households) {
    Objects.requireNonNull(households, "households");
    int count = 0;
    List<Household> chunk = new ArrayList<>(REGISTER_BATCH_SIZE);
    for (Household h : households) {
      chunk.add(Objects.requireNonNull(h, "household"));
      if (chunk.size() == REGISTER_BATCH_SIZE) {
        count += store(chunk);
      }
    }
    return chunk.isEmpty() ? count : count + store(chunk);
  }

  /** Stores the households in one unit of work, empties the list and returns how many it held. */
  private int store(List<Household> chunk) {
    Transactions.write(ctx.store(), s -> {
      s.households().putAll(chunk);
      return null;
    });
    int n = chunk.size();
    chunk.clear();
    return n;
  }

  // ---------------------------------------------------------------- signals

  /**
   * Receives one signal: the case it opened or joined, the first result again for a re-delivery,
   * or the rejection.
   */
  public Either<Rejection, IntakeResult> receive(RiskSignal signal) {
    Objects.requireNonNull(signal, "signal");
    return Transactions.write(ctx.store(), s -> {
      Instant now = ctx.now();
      return accept(s, signal, now, ctx.dayOf(now));
    });
  }

  /**
   * Receives a batch of signals, in order, several hundred per unit of work. Signals for the same
   * household, from whichever channel, land on one case; a signal repeated within the batch is a
   * duplicate like any re-delivery.
   */
  public IntakeSummary receiveAll(List<RiskSignal> signals) {
    Objects.requireNonNull(signals, "signals");
    int opened = 0;
    int joined = 0;
    int duplicates = 0;
    List<RejectedSignal> rejections = new ArrayList<>();
    List<Either<Rejection, IntakeResult>> results = receiveInBatches(signals);
    for (int i = 0; i < results.size(); i++) {
      Either<Rejection, IntakeResult> r = results.get(i);
      if (r.isLeft()) {
        RiskSignal s = signals.get(i);
        rejections.add(RejectedSignal.of(s.channel(), s.sourceRef(), r.getLeft()));
      } else if (r.get().duplicate()) {
        duplicates++;
      } else if (r.get().outcome() == SignalOutcome.OPENED_CASE) {
        opened++;
      } else {
        joined++;
      }
    }
    return IntakeSummary.builder().opened(opened).joined(joined).duplicates(duplicates).rejections(rejections)
        .build();
  }

  // ---------------------------------------------------------------- industry departments

  /**
   * Compares a delivery of industry-department records (行业部门数据比对): each record that crosses a
   * threshold of the policy in force today for its household's village becomes a signal of channel
   * {@link Channel#INDUSTRY_DEPARTMENT} reported by {@code officer} and is received; the others are
   * listed as below threshold or invalid. The thresholds are today's because the comparison is the
   * county's monthly check under its current rules, whatever the age of the records. Refused when
   * the officer is not a department officer.
   */
  public Either<Rejection, DepartmentComparison> compareDepartmentRecords(List<DepartmentRecord> records,
      Actor officer) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(officer, "officer");
    if (!IntakeRules.mayReport(officer.role(), Channel.INDUSTRY_DEPARTMENT)) {
      return Either.left(IntakeRejections.channelNotAllowed(officer, Channel.INDUSTRY_DEPARTMENT));
    }
    Map<String, AreaCode> villages = villagesOf(records);
    LocalDate today = ctx.today();
    DepartmentComparison.Builder out = DepartmentComparison.builder();
    List<RiskSignal> raised = new ArrayList<>();
    for (DepartmentRecord record : records) {
      // An unregistered household has no village: its policy is the officer's area's, and intake
      // will refuse the signal should one be raised.
      AreaCode area = villages.getOrDefault(record.householdId(), officer.jurisdiction());
      Validation<Seq<Problem>, Optional<RiskSignal>> v =
          DepartmentRules.evaluate(record, ctx.policy(area, today), officer);
      if (v.isInvalid()) {
        out.addInvalid(InvalidRecord.of(record, v.getError().toJavaList()));
      } else if (v.get().isEmpty()) {
        out.addBelowThreshold(record);
      } else {
        raised.add(v.get().get());
      }
    }
    List<Either<Rejection, IntakeResult>> results = receiveInBatches(raised);
    for (int i = 0; i < raised.size(); i++) {
      out.addRaised(RaisedSignal.of(raised.get(i), results.get(i)));
    }
    return Either.right(out.build());
  }

  // ---------------------------------------------------------------- data platform

  /**
   * Screens every registered household of {@code area} (数据平台监测) with the assessment and the
   * policy in force for its village on {@code asOf}, and raises a signal of channel
   * {@link Channel#DATA_PLATFORM} for each candidate without an open case, with source reference
   * {@code screen:<asOf>:<household id>}: running the same screening again raises nothing new.
   * Refused when the actor is not the data platform, the area lies outside its jurisdiction, or
   * {@code asOf} is after today.
   */
  public Either<Rejection, ScreeningSummary> screen(AreaCode area, LocalDate asOf, Actor platform) {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(platform, "platform");
    if (platform.role() != Role.DATA_PLATFORM) {
      return Either.left(IntakeRejections.channelNotAllowed(platform, Channel.DATA_PLATFORM));
    }
    if (!platform.covers(area)) {
      return Either.left(Rejections.outsideJurisdiction(platform));
    }
    LocalDate today = ctx.today();
    if (asOf.isAfter(today)) {
      return Either.left(IntakeRejections.observedInFuture(asOf, today));
    }
    Candidates found = ctx.store().read(s -> {
      Candidates c = new Candidates();
      try (Stream<Household> households = s.households().inArea(area)) {
        HouseholdAssessor.screen(households, ctx.policies(), asOf).forEach(a -> {
          c.assessed++;
          if (a.candidate()) {
            // A household in its gradual exit is screened like one without a case: a new risk
            // found there resumes monitoring (the signal joins and relapses the case).
            if (s.cases().openOf(a.householdId()).filter(open -> open.state() != CaseState.GRADUAL_EXIT).isPresent()) {
              c.alreadyMonitored++;
            } else {
              c.signals.add(screeningSignal(a, platform));
            }
          }
        });
      }
      return c;
    });
    IntakeSummary received = receiveAll(found.signals);
    return Either.right(ScreeningSummary.builder().area(area).asOf(asOf).assessed(found.assessed)
        .candidates(found.alreadyMonitored + found.signals.size()).alreadyMonitored(found.alreadyMonitored)
        .signalsRaised(received.opened() + received.joined()).duplicates(received.duplicates())
        .rejections(received.rejections()).build());
  }

  // ---------------------------------------------------------------- the unit of work

  /** Receives the signals in order, {@link #BATCH_SIZE} per unit of work; one result per signal. */
  private List<Either<Rejection, IntakeResult>> receiveInBatches(List<RiskSignal> signals) {
    return Transactions.writeInUnits(ctx.store(), signals, BATCH_SIZE, (s, unit) -> {
      Instant now = ctx.now();
      LocalDate today = ctx.dayOf(now);
      List<Either<Rejection, IntakeResult>> done = new ArrayList<>(unit.size());
      for (RiskSignal signal : unit) {
        done.add(accept(s, Objects.requireNonNull(signal, "signal"), now, today));
      }
      return done;
    });
  }

  /** Applies the rules to one signal inside the session and stores what an admitted one leaves. */
  private Either<Rejection, IntakeResult> accept(StoreSession s, RiskSignal signal, Instant now, LocalDate today) {
    Optional<StoredSignal> stored = s.signals().find(signal.channel(), signal.sourceRef());
    if (stored.isPresent()) {
      return IntakeRules.redelivered(stored.get(), signal);
    }
    Either<Rejection, Household> admitted =
        IntakeRules.admit(signal, s.households().find(signal.householdId()), today);
    if (admitted.isLeft()) {
      return Either.left(admitted.getLeft());
    }
    Household household = admitted.get();
    Optional<MonitoringCase> open = s.cases().openOf(household.id());
    MonitoringCase after;
    SignalOutcome outcome;
    if (open.isPresent() && open.get().state() == CaseState.GRADUAL_EXIT) {
      MonitoringCase before = open.get();
      after = IntakeRules.resume(before, signal, today);
      outcome = SignalOutcome.JOINED_CASE;
      s.cases().update(after);
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_MONITORING_RESUMED,
          after.id(), Optional.of(before.state().name()), after.state().name());
      Recorder.event(s, record, 0, EventType.SIGNAL_JOINED, after, attributes(signal));
      Recorder.event(s, record, 1, EventType.MONITORING_RESUMED, after, resumed(after));
    } else if (open.isPresent()) {
      MonitoringCase before = open.get();
      after = IntakeRules.join(before, signal, today);
      outcome = SignalOutcome.JOINED_CASE;
      s.cases().update(after);
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_SIGNAL_JOINED,
          after.id(), Optional.of(before.state().name()), after.state().name());
      Recorder.event(s, record, 0, EventType.SIGNAL_JOINED, after,
          "channel", signal.channel().name(), "sourceRef", signal.sourceRef());
    } else {
      after = IntakeRules.open(ctx.ids().next(CASE_NAMESPACE), signal, household, today,
          latestClosedCase(s, household));
      outcome = SignalOutcome.OPENED_CASE;
      s.cases().insert(after);
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_CASE_OPENED,
          after.id(), Optional.empty(), after.state().name());
      if (after.previousCaseId().isEmpty()) {
        Recorder.event(s, record, 0, EventType.CASE_OPENED, after,
            "channel", signal.channel().name(), "sourceRef", signal.sourceRef());
      } else {
        Recorder.event(s, record, 0, EventType.CASE_OPENED, after, opened(signal, after));
      }
    }
    s.signals().add(StoredSignal.builder()
        .signal(signal)
        .area(household.area())
        .caseId(after.id())
        .outcome(outcome)
        .receivedAt(now)
        .receivedOn(today)
        .build());
    return Either.right(IntakeResult.of(after.id(), outcome, false));
  }

  /** The event's details: the channel and its reference, never personal data. */
  private static Map<String, String> attributes(RiskSignal signal) {
    Map<String, String> a = new LinkedHashMap<>(4);
    a.put("channel", signal.channel().name());
    a.put("sourceRef", signal.sourceRef());
    return a;
  }

  /**
   * The CASE_OPENED event's details: the channel and its reference, and for a case that follows a
   * closed one, that case's id and whether the elimination was premature.
   */
  private static Map<String, String> opened(RiskSignal signal, MonitoringCase opened) {
    Map<String, String> a = attributes(signal);
    opened.previousCaseId().ifPresent(previous -> {
      a.put("previousCaseId", previous);
      a.put("earlyElimination", Boolean.toString(opened.earlyElimination()));
    });
    return a;
  }

  /** The MONITORING_RESUMED event's details: whether the elimination was premature, and the relapses so far. */
  private static Map<String, String> resumed(MonitoringCase resumed) {
    Map<String, String> a = new LinkedHashMap<>(4);
    a.put("earlyElimination", Boolean.toString(resumed.earlyElimination()));
    a.put("relapses", Integer.toString(resumed.relapses()));
    return a;
  }

  /** The household's most recently closed case (已销号), if any, as this session sees it. */
  private static Optional<MonitoringCase> latestClosedCase(StoreSession s, Household household) {
    // A plain loop: intake asks this for every case it opens, mostly of households never monitored.
    MonitoringCase latest = null;
    for (MonitoringCase c : s.cases().ofHousehold(household.id(), household.area())) {
      if (c.state() == CaseState.CLOSED && (latest == null || LATEST_CLOSED.compare(c, latest) > 0)) {
        latest = c;
      }
    }
    return Optional.ofNullable(latest);
  }

  /** The villages of the records' households, as the register knows them. */
  private Map<String, AreaCode> villagesOf(List<DepartmentRecord> records) {
    return ctx.store().read(s -> {
      Map<String, AreaCode> found = new HashMap<>();
      for (DepartmentRecord r : records) {
        if (!found.containsKey(r.householdId())) {
          s.households().find(r.householdId()).ifPresent(h -> found.put(h.id(), h.area()));
        }
      }
      return found;
    });
  }

  /** The data platform's signal for a candidate: its risks, one piece of evidence per finding. */
  private static RiskSignal screeningSignal(Assessment a, Actor platform) {
    RiskSignal.Builder b = RiskSignal.builder()
        .channel(Channel.DATA_PLATFORM)
        .sourceRef("screen:" + a.asOf() + ":" + a.householdId())
        .householdId(a.householdId())
        .observedOn(a.asOf())
        .riskTypes(a.riskTypes())
        .reportedBy(platform);
    for (RuleFinding f : a.findings()) {
      // Income after rigid expenditure may be negative; evidence amounts never are.
      Optional<Money> amount = f.actual().isNegative() || f.actual().fen() == 0
          ? Optional.empty() : Optional.of(f.actual());
      b.addEvidence(Evidence.of("数据平台监测：" + f.zh() + " / data platform screening: " + f.en(), amount));
    }
    return b.build();
  }

  /** What a screening's read found: households assessed, candidates already monitored, signals to raise. */
  private static final class Candidates {
    final List<RiskSignal> signals = new ArrayList<>();
    int assessed;
    int alreadyMonitored;
  }
}
