package org.fangfanpin.core.intake;

import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.core.assessment.RuleFinding;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
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
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;
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

  /** Each state's name as an audit record's state before, made once: a third of all signals join a case. */
  private static final Map<CaseState, Optional<String>> STATE_NAMES = new EnumMap<>(CaseState.class);

  static {
    for (CaseState state : CaseState.values()) {
      STATE_NAMES.put(state, Optional.of(state.name()));
    }
  }

  private final CoreContext ctx;
  private volatile Day lastDay;

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

  /**
   * Stores every household, a few thousand per unit of work, in the order given (a household
   * given twice keeps its last facts); returns how many were stored. From the second unit on,
   * while one unit of work is written on a thread of this call's own, the caller's thread reads
   * the next few thousand from {@code households}: reading a register file and writing to a
   * database then overlap instead of taking turns. At most one unit is written at a time, so the
   * units commit in order. Should
   * the reading or a unit fail, the call waits for the unit being written, then throws; the units
   * before stay stored, as they would one after the other.
   */
  public int registerAll(Iterable<Household> households) {
    Objects.requireNonNull(households, "households");
    // Made with the second full unit: the first unit, and a register of fewer households, are
    // stored on this thread.
    ExecutorService writer = null;
    Future<Integer> writing = null;
    try {
      int count = 0;
      List<Household> chunk = new ArrayList<>(REGISTER_BATCH_SIZE);
      for (Household h : households) {
        chunk.add(Objects.requireNonNull(h, "household"));
        if (chunk.size() == REGISTER_BATCH_SIZE && count == 0 && writer == null) {
          // The first unit on the caller's thread: a call made inside an open session of the
          // store then fails here as any nested unit does, instead of a writer thread waiting
          // for the caller's session while the caller waits for the writer.
          count = store(chunk);
          chunk = new ArrayList<>(REGISTER_BATCH_SIZE);
        } else if (chunk.size() == REGISTER_BATCH_SIZE) {
          count += stored(writing);
          List<Household> full = chunk;
          if (writer == null) {
            writer = Executors.newSingleThreadExecutor(r -> {
              Thread t = new Thread(r, "ffp-register-writer");
              t.setDaemon(true);
              return t;
            });
          }
          writing = writer.submit(() -> store(full));
          chunk = new ArrayList<>(REGISTER_BATCH_SIZE);
        }
      }
      count += stored(writing);
      writing = null;
      return chunk.isEmpty() ? count : count + store(chunk);
    } finally {
      // Not interrupted: a unit being written ends as it would have without the failure.
      if (writer != null) {
        writer.shutdown();
      }
      if (writing != null) {
        try {
          writing.get();
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
          // The failure that got here is the one the caller sees.
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }
  }

  /** The count of the unit being written once it is stored (0 for none); its failure, unwrapped. */
  private static int stored(Future<Integer> writing) {
    return writing == null ? 0 : awaited(writing);
  }

  /** The task's result once it is done; its failure, unwrapped. */
  private static <T> T awaited(Future<T> writing) {
    try {
      return writing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("登记导入被中断 / the register import was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Stores the households in one unit of work; returns how many it held. */
  private int store(List<Household> chunk) {
    Transactions.write(ctx.store(), s -> {
      s.households().putAll(chunk);
      return null;
    });
    return chunk.size();
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
      return acceptOne(s, signal, now, dayOf(now));
    });
  }

  /**
   * The day of {@code now}, the same object for every instant of one day: each accepted signal
   * keeps it twice (stored signal, the case's reference) and the store keeps every signal.
   */
  private LocalDate dayOf(Instant now) {
    Day last = lastDay;
    if (last != null && last.at.equals(now)) {
      return last.day;
    }
    LocalDate day = ctx.dayOf(now);
    if (last != null && last.day.equals(day)) {
      day = last.day;
    }
    // A racing thread may replace it with its own: both are right, only sharing is lost.
    lastDay = new Day(now, day);
    return day;
  }

  /** An instant and its day, remembered by {@link #dayOf}. */
  private static final class Day {
    final Instant at;
    final LocalDate day;

    Day(Instant at, LocalDate day) {
      this.at = at;
      this.day = day;
    }
  }

  /**
   * Receives a batch of signals, in order, several hundred per unit of work. Signals for the same
   * household, from whichever channel, land on one case; a signal repeated within the batch is a
   * duplicate like any re-delivery.
   */
  public IntakeSummary receiveAll(List<RiskSignal> signals) {
    Objects.requireNonNull(signals, "signals");
    return summary(signals, receiveInBatches(signals));
  }

  /** The counts and rejections of the signals' results, one result per signal in order. */
  private static IntakeSummary summary(List<RiskSignal> signals, List<Either<Rejection, IntakeResult>> results) {
    int opened = 0;
    int joined = 0;
    int duplicates = 0;
    List<RejectedSignal> rejections = new ArrayList<>();
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
   *
   * <p>The register is read in one read session, so every household is assessed, and checked for
   * an open case, as one committed state of the store holds it. The signals are received in units
   * of work while the reading goes on (on a second connection of a database store): each is
   * admitted like any other signal against the household as it is when its unit runs. A household
   * changed by another unit of work after the read began is thus screened on its facts as read (the
   * screening reports what the data showed), and a case opened for it meanwhile is joined rather
   * than duplicated.
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
    Raising raising = new Raising();
    try {
      Candidates found = ctx.store().read(s -> {
        Candidates c = new Candidates(raising);
        try (Stream<Household> households = s.households().inArea(area)) {
          HouseholdAssessor.screen(households, ctx.policies(), asOf).forEach(a -> {
            c.assessed++;
            if (a.candidate()) {
              c.pending.add(a);
              if (c.pending.size() == BATCH_SIZE) {
                c.sort(s, platform);
              }
            }
          });
        }
        c.sort(s, platform);
        return c;
      });
      raising.finish();
      IntakeSummary received = summary(raising.signals, raising.results());
      return Either.right(ScreeningSummary.builder().area(area).asOf(asOf).assessed(found.assessed)
          .candidates(found.alreadyMonitored + raising.signals.size()).alreadyMonitored(found.alreadyMonitored)
          .signalsRaised(received.opened() + received.joined()).duplicates(received.duplicates())
          .rejections(received.rejections()).build());
    } catch (UnitFailed e) {
      // The failure of the unit that stopped the reading, as receiving the units after the read would throw it.
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e.getCause();
    } finally {
      raising.close();
    }
  }

  /**
   * A screening's signals, received {@link #BATCH_SIZE} to a unit of work on a thread of the
   * screening's own while the caller's thread goes on reading and assessing the register: on a
   * database the two then work at once, on two connections, instead of taking turns. The units are
   * the ones {@link #receiveAll} would make of the whole list, received in the same order, one at
   * a time; each decides on the household as it is when the unit runs, as it would after the read
   * (the read session's snapshot decides only which households are candidates and which are
   * monitored already, as before). A store whose read session holds off writers (the in-memory
   * one) receives them after the read. Should a unit fail, no later unit runs and the reading
   * stops; the units before stay stored, as they would one after the other.
   */
  private final class Raising implements AutoCloseable {
    final List<RiskSignal> signals = new ArrayList<>();
    private final List<Future<List<Either<Rejection, IntakeResult>>>> units = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    private ExecutorService writer;
    private int submitted;

    /** Raises the signal; hands every full unit to the writer. */
    void add(RiskSignal signal) {
      Throwable failed = failure.get();
      if (failed != null) {
        // The reading stops at the first failed unit; finish() throws its failure.
        throw new UnitFailed(failed);
      }
      signals.add(signal);
      if (signals.size() - submitted == BATCH_SIZE) {
        submit();
      }
    }

    /** Hands the signals not yet handed over to the writer, as the last unit. */
    void finish() {
      if (signals.size() > submitted) {
        submit();
      }
    }

    private void submit() {
      // A copy: the reading goes on adding to the list while the writer receives the unit.
      List<RiskSignal> unit = List.copyOf(signals.subList(submitted, signals.size()));
      submitted = signals.size();
      if (writer == null) {
        writer = Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "ffp-screen-writer");
          t.setDaemon(true);
          return t;
        });
      }
      units.add(writer.submit(() -> {
        if (failure.get() != null) {
          return List.of();
        }
        try {
          return receiveInBatches(unit);
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
          throw e;
        }
      }));
    }

    /** Every signal's result, in order, once every unit is received; a failed unit's failure. */
    List<Either<Rejection, IntakeResult>> results() {
      List<Either<Rejection, IntakeResult>> all = new ArrayList<>(signals.size());
      for (Future<List<Either<Rejection, IntakeResult>>> unit : units) {
        all.addAll(awaited(unit));
      }
      return all;
    }

    /** Waits for the unit being received, without starting another. */
    @Override
    public void close() {
      if (writer == null) {
        return;
      }
      failure.compareAndSet(null, new IllegalStateException("screening ended"));
      writer.shutdown();
      boolean interrupted = false;
      for (Future<?> unit : units) {
        try {
          unit.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | RuntimeException e) {
          // The failure that ended the screening is the one the caller sees.
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the reading of a screening when a unit of its signals failed; the unit's failure is thrown instead. */
  private static final class UnitFailed extends RuntimeException {
    UnitFailed(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  // ---------------------------------------------------------------- the unit of work

  /** Receives the signals in order, {@link #BATCH_SIZE} per unit of work; one result per signal. */
  private List<Either<Rejection, IntakeResult>> receiveInBatches(List<RiskSignal> signals) {
    return Transactions.writeInUnits(ctx.store(), signals, BATCH_SIZE, (s, unit) -> {
      Instant now = ctx.now();
      LocalDate today = dayOf(now);
      for (RiskSignal signal : unit) {
        Objects.requireNonNull(signal, "signal");
      }
      return acceptAll(s, unit, now, today);
    });
  }

  /**
   * Applies the rules to the unit's signals in order inside the session and stores what the
   * admitted ones leave; one result per signal, as receiving them one at a time would give. A unit
   * of many signals asks each repository once for the whole unit (the households, the stored
   * signals, the open and the earlier cases) and writes once (cases, signals, events), so a
   * database adapter makes a few queries and batches per unit instead of some ten statements per
   * signal; a single signal is looked up directly, without the unit's maps.
   */
  private List<Either<Rejection, IntakeResult>> acceptAll(StoreSession s, List<RiskSignal> unit, Instant now,
      LocalDate today) {
    if (unit.size() == 1) {
      return List.of(acceptOne(s, unit.get(0), now, today));
    }
    UnitReads reads = new ManySignals(s, unit, today);
    UnitWrites writes = new UnitWrites(unit.size());
    List<Either<Rejection, IntakeResult>> done = new ArrayList<>(unit.size());
    for (RiskSignal signal : unit) {
      done.add(accept(s, reads, writes, signal, now, today));
    }
    // New cases before the changes made to them later in the unit; each case's changes in order.
    s.cases().insertAll(writes.inserted);
    for (MonitoringCase c : writes.updated) {
      s.cases().update(c);
    }
    addSignals(s, writes.signals);
    s.outbox().addAll(writes.events);
    return done;
  }

  /**
   * One signal in its own unit of work: the rules and the writes of {@link #acceptAll} for a unit
   * of one, in the same order, with the reads and writes going straight to the session (intake
   * receives most signals this way, and the unit's lists and maps cost more than the signal).
   */
  private Either<Rejection, IntakeResult> acceptOne(StoreSession s, RiskSignal signal, Instant now, LocalDate today) {
    OneSignal one = new OneSignal(s);
    Either<Rejection, IntakeResult> result = accept(s, one, one, signal, now, today);
    if (one.kept != null) {
      if (one.inserted) {
        s.cases().insert(one.after);
      } else {
        s.cases().update(one.after);
      }
      addSignals(s, List.of(one.kept));
      s.outbox().add(one.first);
      if (one.second != null) {
        s.outbox().add(one.second);
      }
    }
    return result;
  }

  /** Stores the unit's signals, a key stored meanwhile by another unit being a stale read. */
  private static void addSignals(StoreSession s, List<StoredSignal> signals) {
    try {
      if (signals.size() == 1) {
        s.signals().add(signals.get(0));
      } else {
        s.signals().addAll(signals);
      }
    } catch (DuplicateKeyException e) {
      // Every key was looked up in this unit and not found: another unit stored one since. Run
      // again, the unit then answers it as a re-delivery or a conflict.
      throw new StaleVersionException("另一工作单元先登记了同一线索 / another unit of work stored one of these signals"
          + " first");
    }
  }

  /**
   * Applies the rules to one signal of a unit: appends its audit record to the session and hands
   * the case, the stored signal and the events to {@code writes}; returns the signal's result.
   */
  private Either<Rejection, IntakeResult> accept(StoreSession s, UnitReads reads, Writes writes, RiskSignal signal,
      Instant now, LocalDate today) {
    // The household before the signal's key: a write session locks it, so a redelivery racing
    // the delivery sees what the delivery stored.
    Optional<Household> registered = reads.household(signal.householdId());
    StoredSignal earlier = reads.stored(signal);
    if (earlier != null) {
      return IntakeRules.redelivered(earlier, signal);
    }
    Either<Rejection, Household> admitted = IntakeRules.admit(signal, registered, today);
    if (admitted.isLeft()) {
      return Either.left(admitted.getLeft());
    }
    Household household = admitted.get();
    MonitoringCase before = reads.open(household.id());
    MonitoringCase after;
    SignalOutcome outcome;
    DomainEvent first;
    DomainEvent second = null;
    if (before != null && before.state() == CaseState.GRADUAL_EXIT) {
      after = IntakeRules.resume(before, signal, today);
      outcome = SignalOutcome.JOINED_CASE;
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_MONITORING_RESUMED,
          after.id(), stateName(before.state()), after.state().name());
      first = Recorder.eventOf(record, 0, EventType.SIGNAL_JOINED, after, attributes(signal));
      second = Recorder.eventOf(record, 1, EventType.MONITORING_RESUMED, after, resumed(after));
    } else if (before != null) {
      after = IntakeRules.join(before, signal, today);
      outcome = SignalOutcome.JOINED_CASE;
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_SIGNAL_JOINED,
          after.id(), stateName(before.state()), after.state().name());
      first = Recorder.eventOf(record, 0, EventType.SIGNAL_JOINED, after,
          "channel", signal.channel().name(), "sourceRef", signal.sourceRef());
    } else {
      after = IntakeRules.open(reads.nextCaseId(), signal, household, today,
          latestClosedCase(reads.casesOf(household)));
      outcome = SignalOutcome.OPENED_CASE;
      AuditRecord record = Recorder.audit(s, after.area(), now, signal.reportedBy(), ACTION_CASE_OPENED,
          after.id(), Optional.empty(), after.state().name());
      if (after.previousCaseId().isEmpty()) {
        first = Recorder.eventOf(record, 0, EventType.CASE_OPENED, after,
            "channel", signal.channel().name(), "sourceRef", signal.sourceRef());
      } else {
        first = Recorder.eventOf(record, 0, EventType.CASE_OPENED, after, opened(signal, after));
      }
    }
    StoredSignal kept = StoredSignal.of(signal, household.area(), after.id(), outcome, now, today);
    reads.stored(kept, after);
    writes.write(before == null, after, kept, first, second);
    return Either.right(IntakeResult.of(after.id(), outcome, false));
  }

  /** Where {@link #accept} leaves what an admitted signal stores, for its unit to write. */
  private interface Writes {

    /** The case opened ({@code opened}) or changed, the stored signal and one or two events. */
    void write(boolean opened, MonitoringCase after, StoredSignal kept, DomainEvent first, DomainEvent second);
  }

  /** A unit's writes, collected to be written per repository in one step. */
  private static final class UnitWrites implements Writes {
    final List<MonitoringCase> inserted = new ArrayList<>();
    final List<MonitoringCase> updated = new ArrayList<>();
    final List<StoredSignal> signals;
    final List<DomainEvent> events;

    UnitWrites(int size) {
      signals = new ArrayList<>(size);
      events = new ArrayList<>(size);
    }

    @Override
    public void write(boolean opened, MonitoringCase after, StoredSignal kept, DomainEvent first,
        DomainEvent second) {
      (opened ? inserted : updated).add(after);
      signals.add(kept);
      events.add(first);
      if (second != null) {
        events.add(second);
      }
    }
  }

  /** What intake reads for a unit's signals, and what the unit stored for the signals after them. */
  private interface UnitReads {

    /** The registered household, or empty. */
    Optional<Household> household(String householdId);

    /** The signal stored under the signal's key, by an earlier unit or earlier in this one; else null. */
    StoredSignal stored(RiskSignal signal);

    /** The household's open case, as this unit left it; else null. */
    MonitoringCase open(String householdId);

    /** Every case of the household, for the case it reopens. */
    List<MonitoringCase> casesOf(Household household);

    /** An id for a case the unit opens. */
    String nextCaseId();

    /** The signal the unit stores and its case as it now is. */
    void stored(StoredSignal kept, MonitoringCase after);
  }

  /** One signal: each read straight from the session; keeps what the signal stores. */
  private final class OneSignal implements UnitReads, Writes {

    private final StoreSession s;
    boolean inserted;
    MonitoringCase after;
    StoredSignal kept;
    DomainEvent first;
    DomainEvent second;

    OneSignal(StoreSession s) {
      this.s = s;
    }

    @Override
    public Optional<Household> household(String householdId) {
      return s.households().find(householdId);
    }

    @Override
    public StoredSignal stored(RiskSignal signal) {
      return s.signals().find(signal.channel(), signal.sourceRef()).orElse(null);
    }

    @Override
    public MonitoringCase open(String householdId) {
      return s.cases().openOf(householdId).orElse(null);
    }

    @Override
    public List<MonitoringCase> casesOf(Household household) {
      return s.cases().ofHousehold(household.id(), household.area());
    }

    @Override
    public String nextCaseId() {
      return ctx.ids().next(CASE_NAMESPACE);
    }

    @Override
    public void stored(StoredSignal kept, MonitoringCase after) {
      // Nothing comes after the one signal.
    }

    @Override
    public void write(boolean opened, MonitoringCase after, StoredSignal kept, DomainEvent first,
        DomainEvent second) {
      this.inserted = opened;
      this.after = after;
      this.kept = kept;
      this.first = first;
      this.second = second;
    }
  }

  /** Many signals: every read of the unit in one step per repository, kept in maps. */
  private final class ManySignals implements UnitReads {

    private final Map<String, Household> households;
    private final Map<Channel, Map<String, StoredSignal>> stored = new EnumMap<>(Channel.class);
    private final Map<String, MonitoringCase> open;
    private final Iterator<String> caseIds;
    private final Map<String, List<MonitoringCase>> earlierCases;

    ManySignals(StoreSession s, List<RiskSignal> unit, LocalDate today) {
      Set<String> householdIds = new HashSet<>();
      Map<Channel, Set<String>> refs = new EnumMap<>(Channel.class);
      for (RiskSignal signal : unit) {
        householdIds.add(signal.householdId());
        refs.computeIfAbsent(signal.channel(), c -> new HashSet<>()).add(signal.sourceRef());
      }
      // The households first, as for one signal.
      households = s.households().findAll(householdIds);
      refs.forEach((channel, r) -> stored.put(channel, new HashMap<>(s.signals().findAll(channel, r))));
      open = new HashMap<>(s.cases().openOfAll(households.keySet()));

      // How many cases the unit opens, so that it takes their ids in one step: the same checks,
      // in the same order, as the pass that stores them.
      Map<Channel, Set<String>> admittedRefs = new EnumMap<>(Channel.class);
      Set<String> monitored = new HashSet<>(open.keySet());
      List<Household> opening = new ArrayList<>();
      for (RiskSignal signal : unit) {
        Set<String> admittedOfChannel = admittedRefs.computeIfAbsent(signal.channel(), c -> new HashSet<>());
        if (stored.get(signal.channel()).containsKey(signal.sourceRef())
            || !admittedOfChannel.add(signal.sourceRef())) {
          continue;
        }
        Either<Rejection, Household> admitted =
            IntakeRules.admit(signal, Optional.ofNullable(households.get(signal.householdId())), today);
        if (admitted.isLeft()) {
          admittedOfChannel.remove(signal.sourceRef());
        } else if (monitored.add(admitted.get().id())) {
          opening.add(admitted.get());
        }
      }
      caseIds = opening.isEmpty() ? Collections.emptyIterator()
          : ctx.ids().next(CASE_NAMESPACE, opening.size()).iterator();
      earlierCases = opening.isEmpty() ? Map.of() : s.cases().ofHouseholds(opening);
    }

    @Override
    public Optional<Household> household(String householdId) {
      return Optional.ofNullable(households.get(householdId));
    }

    @Override
    public StoredSignal stored(RiskSignal signal) {
      return stored.get(signal.channel()).get(signal.sourceRef());
    }

    @Override
    public MonitoringCase open(String householdId) {
      return open.get(householdId);
    }

    @Override
    public List<MonitoringCase> casesOf(Household household) {
      return earlierCases.getOrDefault(household.id(), List.of());
    }

    @Override
    public String nextCaseId() {
      // A case id the count above did not foresee is taken on its own rather than failing.
      return caseIds.hasNext() ? caseIds.next() : ctx.ids().next(CASE_NAMESPACE);
    }

    @Override
    public void stored(StoredSignal kept, MonitoringCase after) {
      stored.get(kept.signal().channel()).put(kept.signal().sourceRef(), kept);
      open.put(after.householdId(), after);
    }
  }

  private static Optional<String> stateName(CaseState state) {
    return STATE_NAMES.get(state);
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

  /** The most recently closed (已销号) of a household's cases, if any. */
  private static Optional<MonitoringCase> latestClosedCase(List<MonitoringCase> cases) {
    // A plain loop: intake asks this for every case it opens, mostly of households never monitored.
    MonitoringCase latest = null;
    for (MonitoringCase c : cases) {
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
    /** Where the signals raised go. */
    final Raising signals;
    /** Candidates not yet checked for an open case: checked a unit's worth at a time, in one look-up. */
    final List<Assessment> pending = new ArrayList<>(BATCH_SIZE);
    int assessed;
    int alreadyMonitored;

    Candidates(Raising signals) {
      this.signals = signals;
    }

    /** Counts the pending candidates with an open case as monitored and raises a signal for the others. */
    void sort(StoreSession s, Actor platform) {
      if (pending.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>(pending.size());
      for (Assessment a : pending) {
        ids.add(a.householdId());
      }
      Map<String, MonitoringCase> open = s.cases().openOfAll(ids);
      for (Assessment a : pending) {
        // A household in its gradual exit is screened like one without a case: a new risk found
        // there resumes monitoring (the signal joins and relapses the case).
        MonitoringCase c = open.get(a.householdId());
        if (c != null && c.state() != CaseState.GRADUAL_EXIT) {
          alreadyMonitored++;
        } else {
          signals.add(screeningSignal(a, platform));
        }
      }
      pending.clear();
    }
  }
}
