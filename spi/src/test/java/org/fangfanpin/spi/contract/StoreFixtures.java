package org.fangfanpin.spi.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Member;
import org.fangfanpin.spi.model.MemberRelation;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;

/**
 * Valid values to store (测试夹具), for the contract tests of every storage adapter and for any test
 * that needs a household, a signal, a case, an audit record or an event without caring about its
 * details. Every method builds a fresh, valid value deterministically from its arguments. Values
 * of the special fund and the grid are in {@link FundFixtures}.
 *
 * <p>The places are real: {@link #COUNTY} is Danfeng county (丹凤县) of Shangluo, Shaanxi; its
 * township {@link #TOWNSHIP} holds {@link #VILLAGE} and {@link #NEIGHBOUR_VILLAGE};
 * {@link #OTHER_TOWNSHIP_VILLAGE} lies in another township of the same county; and
 * {@link #OUTSIDE_VILLAGE} lies in the neighbouring Luonan county (洛南县).
 */
public final class StoreFixtures {

  /** Shaanxi province (陕西省). */
  public static final AreaCode PROVINCE = AreaCode.of("610000000000");
  /** Shangluo city (商洛市). */
  public static final AreaCode CITY = AreaCode.of("611000000000");
  /** Danfeng county (丹凤县). */
  public static final AreaCode COUNTY = AreaCode.of("611022000000");
  /** A township of {@link #COUNTY}. */
  public static final AreaCode TOWNSHIP = AreaCode.of("611022100000");
  /** A village of {@link #TOWNSHIP}. */
  public static final AreaCode VILLAGE = AreaCode.of("611022100201");
  /** Another village of {@link #TOWNSHIP}. */
  public static final AreaCode NEIGHBOUR_VILLAGE = AreaCode.of("611022100202");
  /** Another township of {@link #COUNTY}. */
  public static final AreaCode OTHER_TOWNSHIP = AreaCode.of("611022101000");
  /** A village of {@link #OTHER_TOWNSHIP}. */
  public static final AreaCode OTHER_TOWNSHIP_VILLAGE = AreaCode.of("611022101201");
  /** Luonan county (洛南县), beside {@link #COUNTY} in the same city. */
  public static final AreaCode OTHER_COUNTY = AreaCode.of("611021000000");
  /** A village of {@link #OTHER_COUNTY}. */
  public static final AreaCode OUTSIDE_VILLAGE = AreaCode.of("611021100201");

  /** The four villages above, inside and outside the county. */
  public static final List<AreaCode> VILLAGES =
      List.of(VILLAGE, NEIGHBOUR_VILLAGE, OTHER_TOWNSHIP_VILLAGE, OUTSIDE_VILLAGE);

  /** Every area above, from the province down to the villages. */
  public static final List<AreaCode> AREAS = List.of(PROVINCE, CITY, COUNTY, OTHER_COUNTY, TOWNSHIP,
      OTHER_TOWNSHIP, VILLAGE, NEIGHBOUR_VILLAGE, OTHER_TOWNSHIP_VILLAGE, OUTSIDE_VILLAGE);

  /** The host's zone: the day of an instant is read here. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** A Monday morning in Beijing: the instant the fixtures' clocks start from. */
  public static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

  /** The day of {@link #T0} in {@link #ZONE}. */
  public static final LocalDate DAY0 = LocalDate.of(2025, 3, 3);

  /** A village working group of {@link #VILLAGE}. */
  public static final Actor VILLAGE_WORKER = Actor.of("vwg-611022100201", Role.VILLAGE_WORKING_GROUP, VILLAGE);

  /** The county office of {@link #COUNTY}. */
  public static final Actor COUNTY_OFFICER = Actor.of("county-office-611022", Role.COUNTY_OFFICE, COUNTY);

  private StoreFixtures() {}

  // ---------------------------------------------------------------- households

  /**
   * A valid resident ID number (GB 11643) registered in Danfeng county, different for every
   * {@code n} from 0 to 999.
   */
  public static ResidentId residentId(int n) {
    String body = "611022" + "19680517" + String.format("%03d", Math.floorMod(n, 1000));
    return ResidentId.of(body + ResidentId.checkCharacter(body));
  }

  /** The register id of the {@code n}th household of a village: the village code and four digits. */
  public static String householdId(AreaCode village, int n) {
    return village.code() + String.format("%04d", n);
  }

  /**
   * A lifted household (脱贫户) of three in the village: two workers, 36,000 yuan of income, no
   * rigid expenditure, every basic need secure, no member details.
   */
  public static Household household(String id, AreaCode village) {
    return Household.builder()
        .id(id)
        .area(village)
        .status(HouseholdStatus.LIFTED)
        .head(residentId(Math.floorMod(id.hashCode(), 1000)))
        .memberCount(3)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(Money.ofYuan(36_000))
        .previousYearIncome(Money.ofYuan(38_000))
        .rigidExpenditure(Money.ZERO)
        .build();
  }

  /** The {@code n}th household of the village, as {@link #household(String, AreaCode)}. */
  public static Household household(AreaCode village, int n) {
    return household(householdId(village, n), village);
  }

  /**
   * A household with every optional part filled: member details with ID numbers, unmet needs,
   * focus flags and a seriously ill member, for checking that a store keeps every field.
   */
  public static Household detailedHousehold(String id, AreaCode village) {
    ResidentId head = residentId(1);
    return Household.builder()
        .id(id)
        .area(village)
        .status(HouseholdStatus.ORDINARY)
        .head(head)
        .memberCount(3)
        .workers(1)
        .seniorStudents(1)
        .disabledMembers(0)
        .seriouslyIllMembers(1)
        .incomeLast12Months(Money.ofFen(1_234_567))
        .previousYearIncome(Money.ofFen(2_345_601))
        .rigidExpenditure(Money.ofFen(987_654))
        .addUnmetNeeds(BasicNeed.SAFE_HOUSING)
        .addFocusFlags(FocusFlag.DIBAO, FocusFlag.SERIOUS_ILLNESS)
        .addMembers(
            Member.builder().residentId(head).relation(MemberRelation.HEAD).ableToWork(true)
                .seniorStudent(false).disabled(false).seriouslyIll(false).build(),
            Member.builder().residentId(residentId(2)).relation(MemberRelation.SPOUSE).ableToWork(false)
                .seniorStudent(false).disabled(false).seriouslyIll(true).build(),
            Member.builder().relation(MemberRelation.CHILD).ableToWork(false)
                .seniorStudent(true).disabled(false).seriouslyIll(false).build())
        .build();
  }

  // ---------------------------------------------------------------- signals

  /** A signal from the channel about the household, observed on {@link #DAY0}, naming an illness. */
  public static RiskSignal riskSignal(Channel channel, String sourceRef, String householdId) {
    return RiskSignal.builder()
        .channel(channel)
        .sourceRef(sourceRef)
        .householdId(householdId)
        .observedOn(DAY0)
        .addRiskTypes(RiskType.ILLNESS)
        .addEvidence(Evidence.of("住院费用清单 hospital bill", Optional.of(Money.ofYuan(42_000))))
        .reportedBy(VILLAGE_WORKER)
        .build();
  }

  /**
   * The signal as intake stored it: received at {@code receivedAt} (its day read in
   * {@link #ZONE}), opening case {@code caseId}.
   */
  public static StoredSignal storedSignal(Channel channel, String sourceRef, String householdId, AreaCode village,
      String caseId, Instant receivedAt) {
    return StoredSignal.builder()
        .signal(riskSignal(channel, sourceRef, householdId))
        .area(village)
        .caseId(caseId)
        .outcome(SignalOutcome.OPENED_CASE)
        .receivedAt(receivedAt)
        .receivedOn(receivedAt.atZone(ZONE).toLocalDate())
        .build();
  }

  /** A grid-screening signal about the first household of the village, received at {@code receivedAt}. */
  public static StoredSignal storedSignal(String sourceRef, AreaCode village, Instant receivedAt) {
    return storedSignal(Channel.GRID_SCREENING, sourceRef, householdId(village, 1), village, "case-" + sourceRef,
        receivedAt);
  }

  /** An instant on the given day, {@code minute} minutes after 09:00 in {@link #ZONE}. */
  public static Instant on(LocalDate day, int minute) {
    return day.atTime(9, 0).plusMinutes(minute).atZone(ZONE).toInstant();
  }

  // ---------------------------------------------------------------- cases

  /** A new case (version 1) in the given state for the household, opened on {@link #DAY0}. */
  public static MonitoringCase monitoringCase(String caseId, String householdId, AreaCode village, CaseState state) {
    return MonitoringCase.builder()
        .id(caseId)
        .householdId(householdId)
        .area(village)
        .householdStatus(HouseholdStatus.LIFTED)
        .state(state)
        .version(1)
        .openedOn(DAY0)
        .addSignals(new SignalRef(Channel.GRID_SCREENING, "ref-" + caseId, DAY0, DAY0, Set.of(RiskType.ILLNESS)))
        .addRiskTypes(RiskType.ILLNESS)
        .build();
  }

  /** A new open case (awaiting the village visit, 待入户核实) for the household. */
  public static MonitoringCase openCase(String caseId, String householdId, AreaCode village) {
    return monitoringCase(caseId, householdId, village, CaseState.AWAITING_VISIT);
  }

  /** A new open case for the household, in the household's village. */
  public static MonitoringCase openCase(String caseId, Household household) {
    return openCase(caseId, household.id(), household.area());
  }

  /** The next version of the case, moved to {@code state}. */
  public static MonitoringCase moved(MonitoringCase c, CaseState state) {
    return c.withState(state).withVersion(c.version() + 1);
  }

  /**
   * A case with its optional steps filled: two signals, a screening visit that found the risk not
   * real, and the dismissal that followed; for checking that a store keeps every field.
   */
  public static MonitoringCase detailedCase(String caseId, String householdId, AreaCode village) {
    return MonitoringCase.builder()
        .id(caseId)
        .householdId(householdId)
        .area(village)
        .householdStatus(HouseholdStatus.ORDINARY)
        .state(CaseState.DISMISSED)
        .version(1)
        .openedOn(DAY0)
        .addSignals(
            new SignalRef(Channel.SELF_DECLARATION, "decl-7", DAY0.minusDays(2), DAY0, Set.of(RiskType.DISASTER)),
            new SignalRef(Channel.MEDIA_HOTLINE, "12317-88", DAY0.minusDays(1), DAY0.plusDays(1),
                Set.of(RiskType.DISASTER, RiskType.HOUSING_SAFETY)))
        .addRiskTypes(RiskType.DISASTER, RiskType.HOUSING_SAFETY)
        .screeningVisit(new ScreeningVisit(DAY0.plusDays(3), VILLAGE_WORKER, false, true, "房屋已修缮 house repaired"))
        .dismissal(new Dismissal(DAY0.plusDays(3), VILLAGE_WORKER, CaseState.AWAITING_VISIT, "风险已消除 risk gone"))
        .build();
  }

  // ---------------------------------------------------------------- audit

  /**
   * An audit record of the county's chain at {@code sequence}, following the record whose hash is
   * {@code previousHash}. Its own hash is a SHA-256 over its fields; stores do not check it.
   */
  public static AuditRecord auditRecord(AreaCode county, long sequence, String previousHash) {
    Instant at = T0.plusSeconds(60 * sequence);
    String subject = "case-" + sequence;
    Optional<String> before = sequence == 1 ? Optional.empty() : Optional.of(CaseState.AWAITING_VISIT.name());
    String after = CaseState.AWAITING_APPRAISAL.name();
    String hash = sha256(String.join("|", county.code(), Long.toString(sequence), at.toString(),
        COUNTY_OFFICER.id(), COUNTY_OFFICER.role().name(), "review.screening_visit", subject, before.orElse(""),
        after, previousHash));
    return AuditRecord.builder()
        .county(county)
        .sequence(sequence)
        .at(at)
        .actorId(COUNTY_OFFICER.id())
        .actorRole(COUNTY_OFFICER.role())
        .action("review.screening_visit")
        .subjectId(subject)
        .beforeState(before)
        .afterState(after)
        .previousHash(previousHash)
        .hash(hash)
        .build();
  }

  /** The first record of the county's chain. */
  public static AuditRecord firstAuditRecord(AreaCode county) {
    return auditRecord(county, 1, "");
  }

  /** The record that follows {@code previous} in its county's chain. */
  public static AuditRecord auditRecordAfter(AuditRecord previous) {
    return auditRecord(previous.county(), previous.sequence() + 1, previous.hash());
  }

  /** The first {@code length} records of the county's chain, correctly linked. */
  public static List<AuditRecord> auditChain(AreaCode county, int length) {
    List<AuditRecord> chain = new ArrayList<>(length);
    for (int i = 0; i < length; i++) {
      chain.add(i == 0 ? firstAuditRecord(county) : auditRecordAfter(chain.get(i - 1)));
    }
    return chain;
  }

  // ---------------------------------------------------------------- events

  /** A case-opened event (领域事件) with the id, about a household of {@link #VILLAGE}, at {@link #T0}. */
  public static DomainEvent event(String eventId) {
    return event(eventId, T0);
  }

  /** A case-opened event with the id, about a household of {@link #VILLAGE}, at {@code occurredAt}. */
  public static DomainEvent event(String eventId, Instant occurredAt) {
    return DomainEvent.builder()
        .id(eventId)
        .type(EventType.CASE_OPENED)
        .caseId("case-" + eventId)
        .householdId(householdId(VILLAGE, 1))
        .area(VILLAGE)
        .occurredAt(occurredAt)
        .putAttributes("dueOn", DAY0.plusDays(15).toString())
        .putAttributes("channel", Channel.GRID_SCREENING.name())
        .build();
  }

  // ---------------------------------------------------------------- streams

  /** Reads a stream a repository returned into a list, and closes it as the ports ask. */
  public static <T> List<T> drain(Stream<T> stream) {
    try (stream) {
      return stream.collect(Collectors.toList());
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
