package org.fangfanpin.adapters.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * Generators of every stored spi value for the codec's round trips: each optional part present or
 * absent with even odds, lists from empty to a few, texts with quotes, backslashes, control
 * characters and Chinese. Values are structurally valid (their builders' checks pass) but not
 * necessarily a sensible story; {@link CaseStories} gives those.
 */
final class DocumentArbitraries {

  private static final double HALF = 0.5;

  private DocumentArbitraries() {}

  // ---------------------------------------------------------------- scalars

  /** Free text: printable ASCII, JSON's special characters, control characters and Chinese. */
  static Arbitrary<String> texts() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withCharRange('\u4e00', '\u4fff')
        .withChars('"', '\\', '/', '\n', '\t', '\r', '\u0000', '\u001f', '\u2028', '\u00e9')
        .ofMaxLength(40);
  }

  /** Ids: letters, digits and dashes, never blank. */
  static Arbitrary<String> ids() {
    return Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(24);
  }

  static Arbitrary<LocalDate> days() {
    return Arbitraries.integers().between(0, 5_000).map(d -> LocalDate.of(2018, 1, 1).plusDays(d));
  }

  static Arbitrary<Instant> instants() {
    // Nanoseconds too: the text form must keep every digit the value has.
    return Arbitraries.longs().between(1_500_000_000L, 2_200_000_000L)
        .flatMap(s -> Arbitraries.of(0, 1, 120_000_000, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
  }

  /** Any amount a long of fen holds; jqwik tries the extremes as edge cases. */
  static Arbitrary<Money> amounts() {
    return Arbitraries.longs()
        .map(Money::ofFen);
  }

  static Arbitrary<Money> nonNegativeAmounts() {
    return Arbitraries.longs().between(0, Long.MAX_VALUE).map(Money::ofFen);
  }

  static Arbitrary<AreaCode> areas() {
    return Arbitraries.of(StoreFixtures.AREAS);
  }

  static Arbitrary<Actor> actors() {
    return Combinators.combine(ids(), Arbitraries.of(Role.class), areas()).as(Actor::of);
  }

  static Arbitrary<java.util.Set<RiskType>> riskTypes() {
    return Arbitraries.of(RiskType.class).set().ofMaxSize(4);
  }

  // ---------------------------------------------------------------- signals

  static Arbitrary<StoredSignal> storedSignals() {
    Arbitrary<Evidence> evidence = Combinators.combine(texts(), nonNegativeAmounts().optional(HALF))
        .as(Evidence::of);
    Arbitrary<RiskSignal> signals = Builders.withBuilder(RiskSignal::builder)
        .use(Arbitraries.of(Channel.class)).in(RiskSignal.Builder::channel)
        .use(ids()).in(RiskSignal.Builder::sourceRef)
        .use(ids()).in(RiskSignal.Builder::householdId)
        .use(days()).in(RiskSignal.Builder::observedOn)
        .use(riskTypes()).in(RiskSignal.Builder::riskTypes)
        .use(evidence.list().ofMaxSize(3)).in(RiskSignal.Builder::evidence)
        .use(actors()).in(RiskSignal.Builder::reportedBy)
        .build(RiskSignal.Builder::build);
    return Builders.withBuilder(StoredSignal::builder)
        .use(signals).in(StoredSignal.Builder::signal)
        .use(areas()).in(StoredSignal.Builder::area)
        .use(ids()).in(StoredSignal.Builder::caseId)
        .use(Arbitraries.of(SignalOutcome.class)).in(StoredSignal.Builder::outcome)
        .use(instants()).in(StoredSignal.Builder::receivedAt)
        .use(days()).in(StoredSignal.Builder::receivedOn)
        .build(StoredSignal.Builder::build);
  }

  // ---------------------------------------------------------------- cases

  static Arbitrary<SignalRef> signalRefs() {
    return Combinators.combine(Arbitraries.of(Channel.class), ids(), days(), days(), riskTypes()).as(SignalRef::new);
  }

  static Arbitrary<ScreeningVisit> screeningVisits() {
    return Combinators.combine(days(), actors(), Arbitraries.of(true, false), Arbitraries.of(true, false), texts())
        .as(ScreeningVisit::new);
  }

  static Arbitrary<Appraisal> appraisals() {
    Arbitrary<Integer> counts = Arbitraries.integers();
    return Combinators.combine(days(), actors(), counts, counts, counts, Arbitraries.of(true, false), texts())
        .as(Appraisal::new);
  }

  static Arbitrary<Objection> objections() {
    Arbitrary<Optional<Objection.Answer>> answers =
        Combinators.combine(days(), actors(), texts()).as(Objection.Answer::new).optional(HALF);
    return Combinators.combine(Arbitraries.integers().between(1, 20), days(), actors(), texts(), answers)
        .as(Objection::new);
  }

  static Arbitrary<PublicNotice> notices() {
    return Combinators.combine(days(), days(), actors(), objections().list().ofMaxSize(3), days().optional(HALF),
        actors().optional(HALF)).as(PublicNotice::new);
  }

  static Arbitrary<TownshipVerification> verifications() {
    return Combinators.combine(days(), actors(), Arbitraries.of(true, false), texts()).as(TownshipVerification::new);
  }

  static Arbitrary<CountyDecision> decisions() {
    return Combinators.combine(days(), actors(), Arbitraries.of(true, false),
        Arbitraries.of(MonitoringCategory.class).optional(HALF), riskTypes(), texts()).as(CountyDecision::new);
  }

  static Arbitrary<Measure> measures() {
    return Builders.withBuilder(Measure::builder)
        .use(Arbitraries.integers().between(1, 99)).in(Measure.Builder::number)
        .use(Arbitraries.of(MeasureType.class)).in(Measure.Builder::type)
        .use(texts()).in(Measure.Builder::department)
        .use(ids()).in(Measure.Builder::cadreId)
        .use(days()).in(Measure.Builder::plannedOn)
        .use(days()).withProbability(HALF).in(Measure.Builder::endsOn)
        .use(Arbitraries.of(MeasureStatus.class)).in(Measure.Builder::status)
        .use(actors()).in(Measure.Builder::plannedBy)
        .use(days()).withProbability(HALF).in(Measure.Builder::implementedOn)
        .use(actors()).withProbability(HALF).in(Measure.Builder::implementedBy)
        .use(texts()).withProbability(HALF).in(Measure.Builder::evidence)
        .use(days()).withProbability(HALF).in(Measure.Builder::verifiedOn)
        .use(actors()).withProbability(HALF).in(Measure.Builder::verifiedBy)
        .build(Measure.Builder::build);
  }

  static Arbitrary<FollowUp> followUps() {
    return Builders.withBuilder(FollowUp::builder)
        .use(days().map(YearMonth::from)).in(FollowUp.Builder::month)
        .use(days()).in(FollowUp.Builder::recordedOn)
        .use(actors()).in(FollowUp.Builder::by)
        .use(amounts()).in(FollowUp.Builder::incomeLast12Months)
        .use(amounts()).in(FollowUp.Builder::rigidExpenditure)
        .use(Arbitraries.of(BasicNeed.class).set()).in(FollowUp.Builder::unmetNeeds)
        .use(amounts()).in(FollowUp.Builder::perCapitaIncome)
        .use(Arbitraries.of(true, false)).in(FollowUp.Builder::incomeAboveLine)
        .use(Arbitraries.of(true, false)).in(FollowUp.Builder::stillAtRisk)
        .build(FollowUp.Builder::build);
  }

  static Arbitrary<Elimination> eliminations() {
    return Builders.withBuilder(Elimination::builder)
        .use(Combinators.combine(days(), actors(), texts()).as(EliminationProposal::new))
        .in(Elimination.Builder::proposal)
        .use(appraisals()).withProbability(HALF).in(Elimination.Builder::appraisal)
        .use(notices()).withProbability(HALF).in(Elimination.Builder::notice)
        .use(verifications()).withProbability(HALF).in(Elimination.Builder::verification)
        .use(Combinators.combine(days(), actors(), Arbitraries.of(true, false), texts()).as(EliminationDecision::new))
        .withProbability(HALF).in(Elimination.Builder::decision)
        .build(Elimination.Builder::build);
  }

  static Arbitrary<GradualExit> exits() {
    return Combinators.combine(days(), Arbitraries.integers().between(0, 400), Arbitraries.integers().between(6, 12),
        Arbitraries.of(true, false)).as((start, length, months, dibao) ->
        new GradualExit(start, months, start.plusDays(length), dibao));
  }

  /** Cases whose every optional part and list is independently present or absent, full or empty. */
  static Arbitrary<MonitoringCase> cases() {
    return Builders.withBuilder(MonitoringCase::builder)
        .use(ids()).in(MonitoringCase.Builder::id)
        .use(ids()).in(MonitoringCase.Builder::householdId)
        .use(areas()).in(MonitoringCase.Builder::area)
        .use(Arbitraries.of(HouseholdStatus.class)).in(MonitoringCase.Builder::householdStatus)
        .use(Arbitraries.of(CaseState.class)).in(MonitoringCase.Builder::state)
        .use(Arbitraries.longs().between(1, Long.MAX_VALUE)).in(MonitoringCase.Builder::version)
        .use(days()).in(MonitoringCase.Builder::openedOn)
        .use(signalRefs().list().ofMaxSize(3)).in(MonitoringCase.Builder::signals)
        .use(riskTypes()).in(MonitoringCase.Builder::riskTypes)
        .use(screeningVisits()).withProbability(HALF).in(MonitoringCase.Builder::screeningVisit)
        .use(appraisals()).withProbability(HALF).in(MonitoringCase.Builder::appraisal)
        .use(notices()).withProbability(HALF).in(MonitoringCase.Builder::notice)
        .use(verifications()).withProbability(HALF).in(MonitoringCase.Builder::verification)
        .use(decisions()).withProbability(HALF).in(MonitoringCase.Builder::decision)
        .use(Combinators.combine(days(), actors(), amounts(), texts()).as(EmergencyApproval::new))
        .withProbability(HALF).in(MonitoringCase.Builder::emergency)
        .use(Combinators.combine(days(), actors(), Arbitraries.of(CaseState.class), texts()).as(Dismissal::new))
        .withProbability(HALF).in(MonitoringCase.Builder::dismissal)
        .use(ids().list().ofMaxSize(2)).in(MonitoringCase.Builder::cadreIds)
        .use(measures().list().ofMaxSize(4)).in(MonitoringCase.Builder::measures)
        .use(followUps().list().ofMaxSize(3)).in(MonitoringCase.Builder::followUps)
        .use(eliminations()).withProbability(HALF).in(MonitoringCase.Builder::elimination)
        .use(exits()).withProbability(HALF).in(MonitoringCase.Builder::exit)
        .use(days()).withProbability(HALF).in(MonitoringCase.Builder::closedOn)
        .use(ids()).withProbability(HALF).in(MonitoringCase.Builder::previousCaseId)
        .use(Arbitraries.of(true, false)).in(MonitoringCase.Builder::earlyElimination)
        .use(Arbitraries.integers().between(0, Integer.MAX_VALUE)).in(MonitoringCase.Builder::relapses)
        .build(MonitoringCase.Builder::build);
  }

  // ---------------------------------------------------------------- fund

  static Arbitrary<AidApplication> aidApplications() {
    Arbitrary<AidStep> steps = Combinators.combine(days(), actors(), Arbitraries.of(true, false), texts())
        .as(AidStep::new);
    return Builders.withBuilder(AidApplication::builder)
        .use(ids()).in(AidApplication.Builder::id)
        .use(ids()).in(AidApplication.Builder::householdId)
        .use(areas()).in(AidApplication.Builder::area)
        .use(ids()).withProbability(HALF).in(AidApplication.Builder::caseId)
        .use(Arbitraries.integers().between(2000, 2999)).in(AidApplication.Builder::fundYear)
        .use(Arbitraries.of(AidPurpose.class)).in(AidApplication.Builder::purpose)
        .use(amounts()).in(AidApplication.Builder::amount)
        .use(texts().list().ofMinSize(1).ofMaxSize(3)).in(AidApplication.Builder::generalPoliciesReceived)
        .use(Arbitraries.of(true, false)).in(AidApplication.Builder::emergency)
        .use(Arbitraries.of(AidApplicationState.class)).in(AidApplication.Builder::state)
        .use(Arbitraries.longs().between(1, Long.MAX_VALUE)).in(AidApplication.Builder::version)
        .use(days()).in(AidApplication.Builder::appliedOn)
        .use(steps).withProbability(HALF).in(AidApplication.Builder::village)
        .use(steps).withProbability(HALF).in(AidApplication.Builder::township)
        .use(steps).withProbability(HALF).in(AidApplication.Builder::county)
        .use(ids()).withProbability(HALF).in(AidApplication.Builder::paymentId)
        .use(ids()).withProbability(HALF).in(AidApplication.Builder::batchId)
        .use(ids()).withProbability(HALF).in(AidApplication.Builder::reversalId)
        .build(AidApplication.Builder::build);
  }

  /** Transfers of every kind between two different accounts of one county's fund year. */
  static Arbitrary<Transfer> transfers() {
    Arbitrary<List<AccountRef>> accounts = Combinators.combine(
        Arbitraries.of(StoreFixtures.COUNTY, StoreFixtures.OTHER_COUNTY), Arbitraries.integers().between(2000, 2999),
        ids(), ids()).as((county, year, h1, h2) -> {
          List<AccountRef> all = new ArrayList<>(List.of(AccountRef.appropriation(county, year),
              AccountRef.donation(county, year), AccountRef.pool(county, year), AccountRef.aidPaid(county, year, h1)));
          if (!h1.equals(h2)) {
            all.add(AccountRef.aidPaid(county, year, h2));
          }
          return all;
        });
    Arbitrary<List<AccountRef>> pairs = accounts.flatMap(all -> Arbitraries.of(all).list().ofSize(2).uniqueElements());
    // The parts every kind has; the kind and the parts that depend on it follow.
    Arbitrary<Transfer.Builder> heads = Combinators.combine(ids(), pairs,
        Arbitraries.longs().between(1, Long.MAX_VALUE).map(Money::ofFen), days(), instants(), ids(), texts())
        .as((id, pair, amount, booked, recorded, actor, memo) -> Transfer.builder()
            .id(id).from(pair.get(0)).to(pair.get(1)).amount(amount).bookedOn(booked)
            .recordedAt(recorded).actorId(actor).memo(memo));
    Arbitrary<TransferKind> kinds = Arbitraries.of(TransferKind.class);
    return Combinators.combine(heads, kinds, Arbitraries.of(AidPurpose.class).optional(HALF), ids().optional(HALF),
        ids().optional(HALF), ids()).as((head, kind, purpose, application, batch, original) -> head
            .kind(kind)
            .purpose(purpose)
            .applicationId(application)
            .batchId(batch)
            // A reversal, and only a reversal, names its original.
            .reverses(kind == TransferKind.REVERSAL ? Optional.of(original) : Optional.empty())
            .build());
  }

  // ---------------------------------------------------------------- records

  static Arbitrary<AuditRecord> auditRecords() {
    return Builders.withBuilder(AuditRecord::builder)
        .use(Arbitraries.of(StoreFixtures.COUNTY, StoreFixtures.OTHER_COUNTY)).in(AuditRecord.Builder::county)
        .use(Arbitraries.longs().between(1, Long.MAX_VALUE)).in(AuditRecord.Builder::sequence)
        .use(instants()).in(AuditRecord.Builder::at)
        .use(ids()).in(AuditRecord.Builder::actorId)
        .use(Arbitraries.of(Role.class)).in(AuditRecord.Builder::actorRole)
        .use(ids()).in(AuditRecord.Builder::action)
        .use(ids()).in(AuditRecord.Builder::subjectId)
        .use(Arbitraries.of(CaseState.class).map(Enum::name)).withProbability(HALF)
        .in(AuditRecord.Builder::beforeState)
        .use(Arbitraries.of(CaseState.class).map(Enum::name)).in(AuditRecord.Builder::afterState)
        .use(Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)))
        .in(AuditRecord.Builder::previousHash)
        .use(Arbitraries.strings().withChars("0123456789abcdef").ofLength(64)).in(AuditRecord.Builder::hash)
        .build(AuditRecord.Builder::build);
  }

  /** Events with up to five attributes, in a random order the codec must keep. */
  static Arbitrary<DomainEvent> events() {
    Arbitrary<Map<String, String>> attributes = Combinators.combine(ids().list().uniqueElements().ofMaxSize(5),
        texts().list().ofSize(5)).as((keys, values) -> {
          Map<String, String> m = new LinkedHashMap<>();
          for (int i = 0; i < keys.size(); i++) {
            m.put(keys.get(i), values.get(i));
          }
          return m;
        });
    return Builders.withBuilder(DomainEvent::builder)
        .use(ids()).in(DomainEvent.Builder::id)
        .use(Arbitraries.of(EventType.class)).in(DomainEvent.Builder::type)
        .use(ids()).in(DomainEvent.Builder::caseId)
        .use(ids()).in(DomainEvent.Builder::householdId)
        .use(areas()).in(DomainEvent.Builder::area)
        .use(instants()).in(DomainEvent.Builder::occurredAt)
        .use(attributes).in(DomainEvent.Builder::attributes)
        .build(DomainEvent.Builder::build);
  }

  static Arbitrary<GridVisit> gridVisits() {
    return Combinators.combine(ids(), ids(), days(), texts()).as(GridVisit::new);
  }
}
