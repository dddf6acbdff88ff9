package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * A monitoring case (监测案件): one household's risk from the first signal through the tiered
 * review to the county's decision. A household has at most one open case; every signal for it
 * lands there.
 *
 * <p>The version grows by one with every stored change; a store refuses a change made from a
 * stale version.
 */
@Value.Immutable
public abstract class AbstractMonitoringCase {

  /** The case id, from the host's id source. */
  @Value.Parameter
  public abstract String id();

  /** The household's register id. */
  @Value.Parameter
  public abstract String householdId();

  /** The household's village. */
  @Value.Parameter
  public abstract AreaCode area();

  /** The household's status when the case opened: decides which warning form counts it. */
  @Value.Parameter
  public abstract HouseholdStatus householdStatus();

  /** Where the case stands. */
  @Value.Parameter
  public abstract CaseState state();

  /** The stored version, from 1. */
  @Value.Parameter
  public abstract long version();

  /** The day the first signal was received: the recognition limit counts from here. */
  @Value.Parameter
  public abstract LocalDate openedOn();

  /** Every signal that opened or joined the case, in order of receipt. */
  @Value.Parameter
  public abstract List<SignalRef> signals();

  /** The risk types: those the signals named, replaced by the county's on confirmation. */
  @Value.Parameter
  public abstract Set<RiskType> riskTypes();

  /** The village visit. */
  public abstract Optional<ScreeningVisit> screeningVisit();

  /** The democratic appraisal. */
  public abstract Optional<Appraisal> appraisal();

  /** The public notice. */
  public abstract Optional<PublicNotice> notice();

  /** The township verification. */
  public abstract Optional<TownshipVerification> verification();

  /** The county decision. */
  public abstract Optional<CountyDecision> decision();

  /** The emergency approval, when the case took the emergency path. */
  public abstract Optional<EmergencyApproval> emergency();

  /** The dismissal, when dismissed. */
  public abstract Optional<Dismissal> dismissal();

  /** The responsible cadres' actor ids (帮扶责任人), 1–2 once monitored. */
  public abstract List<String> cadreIds();

  /** The plan's measures (一户一策), in order of number. */
  public abstract List<org.fangfanpin.spi.assistance.Measure> measures();

  /** The monthly follow-ups, in order of month. */
  public abstract List<org.fangfanpin.spi.assistance.FollowUp> followUps();

  /** The elimination review, once proposed; a refused one is kept until the next proposal. */
  public abstract Optional<org.fangfanpin.spi.exit.Elimination> elimination();

  /** The gradual exit period, once the risk was eliminated. */
  public abstract Optional<org.fangfanpin.spi.exit.GradualExit> exit();

  /** The day the case closed (销号). */
  public abstract Optional<LocalDate> closedOn();

  /** The earlier case of the household that this one follows after a relapse (返贫). */
  public abstract Optional<String> previousCaseId();

  /**
   * Whether a risk of a type the household was eliminated from returned (过早消除): during the
   * gradual exit, or in a later case opened after closing.
   */
  @Value.Default
  public boolean earlyElimination() {
    return false;
  }

  /** How many times a new risk ended the gradual exit of this case and monitoring resumed. */
  @Value.Default
  public int relapses() {
    return 0;
  }

  /** The category, once confirmed. */
  public final Optional<MonitoringCategory> category() {
    return decision().flatMap(CountyDecision::category);
  }

  /** Whether the case is open. */
  public final boolean isOpen() {
    return state().isOpen();
  }

  /** The day the result reached the township: the day the notice closed. */
  public final Optional<LocalDate> arrivedAtTownshipOn() {
    return notice().flatMap(PublicNotice::closedOn);
  }
}
