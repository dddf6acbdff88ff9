package org.fangfanpin.core.intake;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.exit.ExitRules;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;

/**
 * The rules of intake (受理规则), pure functions of the signal, what the store holds for it and the
 * day: who may report through which channel, when a signal is admitted, and the case a signal
 * opens, joins, or takes back into monitoring after its risk was eliminated (返贫风险再现).
 */
final class IntakeRules {

  /** The roles that may report through each channel. */
  private static final Map<Channel, Set<Role>> REPORTERS = new EnumMap<>(Map.of(
      Channel.SELF_DECLARATION, EnumSet.of(Role.HOUSEHOLD, Role.VILLAGE_WORKING_GROUP),
      Channel.GRID_SCREENING, EnumSet.of(Role.GRID_WORKER, Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
      Channel.MEDIA_HOTLINE, EnumSet.of(Role.HOTLINE_OPERATOR, Role.COUNTY_OFFICE),
      Channel.INDUSTRY_DEPARTMENT, EnumSet.of(Role.DEPARTMENT_OFFICER),
      Channel.DATA_PLATFORM, EnumSet.of(Role.DATA_PLATFORM)));

  /**
   * {@code Set.of(type)} for each risk type, made once: nearly every signal names one type, and the
   * store keeps each signal's set with its case.
   */
  private static final List<Set<RiskType>> SINGLE_RISKS =
      java.util.Arrays.stream(RiskType.values()).map(Set::of).toList();

  private IntakeRules() {}

  /** Whether an actor of the role may report through the channel. */
  static boolean mayReport(Role role, Channel channel) {
    return REPORTERS.get(channel).contains(role);
  }

  /**
   * A signal whose key is already stored: the first result again when the payload is the same
   * (invariant 2), a conflict otherwise.
   */
  static Either<Rejection, IntakeResult> redelivered(StoredSignal stored, RiskSignal signal) {
    if (stored.signal().samePayload(signal)) {
      return Either.right(IntakeResult.of(stored.caseId(), stored.outcome(), true));
    }
    return Either.left(IntakeRejections.conflict(signal));
  }

  /**
   * Admits a new signal: the reporter's role may report through its channel, the household is
   * registered and inside the reporter's jurisdiction, and the risk was not observed after
   * {@code today}. Returns the household.
   */
  static Either<Rejection, Household> admit(RiskSignal signal, Optional<Household> household, LocalDate today) {
    if (!mayReport(signal.reportedBy().role(), signal.channel())) {
      return Either.left(IntakeRejections.channelNotAllowed(signal.reportedBy(), signal.channel()));
    }
    if (household.isEmpty()) {
      return Either.left(Rejections.householdNotFound(signal.householdId()));
    }
    Household h = household.get();
    if (!signal.reportedBy().covers(h.area())) {
      return Either.left(Rejections.outsideJurisdiction(signal.reportedBy()));
    }
    if (signal.observedOn().isAfter(today)) {
      return Either.left(IntakeRejections.observedInFuture(signal.observedOn(), today));
    }
    return Either.right(h);
  }

  /**
   * The case a signal opens for a household without an open case: awaiting the village visit.
   * When the household's latest closed case is given, the new case follows it (销号后返贫): it
   * names that case as its previous one and is flagged as an early elimination when the signal
   * brings back a risk type the household was eliminated from ({@link ExitRules#followsClosedCase}).
   */
  static MonitoringCase open(String caseId, RiskSignal signal, Household household, LocalDate today,
      Optional<MonitoringCase> latestClosed) {
    // Made from its values rather than a builder: two thirds of all signals open a case, and the
    // builder leaves some 400 bytes of lists and sets behind. The risk types go in as an enum set,
    // so the case keeps them as the builder would.
    Set<RiskType> risks = EnumSet.noneOf(RiskType.class);
    risks.addAll(signal.riskTypes());
    MonitoringCase opened = MonitoringCase.of(caseId, household.id(), household.area(), household.status(),
        CaseState.AWAITING_VISIT, 1, today, List.of(ref(signal, today)), risks);
    if (latestClosed.isEmpty()) {
      return opened;
    }
    MonitoringCase closed = latestClosed.get();
    return opened.withPreviousCaseId(closed.id())
        .withEarlyElimination(ExitRules.followsClosedCase(closed, relapseRisks(signal)));
  }

  /**
   * The case in its gradual exit (渐退期) that a new signal takes back into monitoring: confirmed
   * again by {@link ExitRules#relapse} with the signal's risk types on the day of receipt, one
   * version later, with the signal kept as one more source.
   */
  static MonitoringCase resume(MonitoringCase inGradualExit, RiskSignal signal, LocalDate today) {
    return MonitoringCase.builder()
        .from(ExitRules.relapse(inGradualExit, relapseRisks(signal), today))
        .addSignals(ref(signal, today))
        .build();
  }

  /**
   * The risk types a signal brings back after an elimination: those it names, or 其他
   * ({@link RiskType#OTHER}) when it names none, since a new risk of unknown cause is a risk all
   * the same and the relapse rules need a type to compare.
   */
  static Set<RiskType> relapseRisks(RiskSignal signal) {
    return signal.riskTypes().isEmpty() ? EnumSet.of(RiskType.OTHER) : signal.riskTypes();
  }

  /**
   * The open case with the signal added as one more source: its risk types join the case's, the
   * state does not change.
   */
  static MonitoringCase join(MonitoringCase open, RiskSignal signal, LocalDate today) {
    // Copies with the changed values rather than a builder from the open case: the builder makes a
    // list for each list of the case and copies them twice, and a third of all signals join a case.
    List<SignalRef> before = open.signals();
    SignalRef[] signals = before.toArray(new SignalRef[before.size() + 1]);
    signals[before.size()] = ref(signal, today);
    MonitoringCase joined = open.withSignals(signals).withVersion(open.version() + 1);
    if (open.riskTypes().containsAll(signal.riskTypes())) {
      return joined;
    }
    Set<RiskType> risks = EnumSet.noneOf(RiskType.class);
    risks.addAll(open.riskTypes());
    risks.addAll(signal.riskTypes());
    return joined.withRiskTypes(risks);
  }

  /** The reference a case keeps of a signal received on {@code today}. */
  static SignalRef ref(RiskSignal signal, LocalDate today) {
    return new SignalRef(signal.channel(), signal.sourceRef(), signal.observedOn(), today,
        immutableRisks(signal.riskTypes()));
  }

  /**
   * The same set as {@link Set#copyOf} makes of the risk types, made directly when there are at most
   * two (nearly every signal), so that the copy {@link SignalRef} takes is no copy at all.
   */
  private static Set<RiskType> immutableRisks(Set<RiskType> risks) {
    switch (risks.size()) {
      case 0:
        return Set.of();
      case 1:
        return SINGLE_RISKS.get(risks.iterator().next().ordinal());
      default:
        return risks;
    }
  }
}
