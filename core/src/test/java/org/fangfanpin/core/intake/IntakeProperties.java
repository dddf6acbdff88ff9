package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * Random deliveries from random reporters over a few households, checked against a simple model
 * of intake: invariant 1 (one open case per household, every signal on it), invariant 2 (a key is
 * stored once), one audit record per accepted signal, the chain verifies, and a rejected signal
 * changes nothing. Keys repeat often, so re-deliveries and conflicts are common.
 */
class IntakeProperties {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
  private static final Map<String, AreaCode> REGISTER = Map.of(
      "H0", TestCounty.VILLAGE_A1, "H1", TestCounty.VILLAGE_A1, "H2", TestCounty.VILLAGE_A2,
      "H3", TestCounty.VILLAGE_B1);
  private static final List<Actor> REPORTERS = List.of(TestCounty.VILLAGE_GROUP_A1, TestCounty.VILLAGE_GROUP_A2,
      TestCounty.VILLAGE_GROUP_B1, TestCounty.GRID_WORKER_A1, TestCounty.TOWNSHIP_OFFICER_A,
      TestCounty.TOWNSHIP_OFFICER_B, TestCounty.TOWNSHIP_HEAD_A, TestCounty.COUNTY_OFFICER,
      TestCounty.DEPARTMENT_OFFICER, TestCounty.HOTLINE, TestCounty.DATA_PLATFORM,
      Actor.of("farmer", org.fangfanpin.spi.model.Role.HOUSEHOLD, TestCounty.VILLAGE_A1));

  @Provide
  Arbitrary<List<RiskSignal>> deliveries() {
    Arbitrary<RiskSignal> one = Combinators.combine(
        Arbitraries.of(Channel.values()),
        Arbitraries.integers().between(0, 5).map(i -> "ref-" + i),
        Arbitraries.of("H0", "H1", "H2", "H3", "H9"),
        Arbitraries.integers().between(-1, 4).map(d -> TODAY.minusDays(d)),
        Arbitraries.of(RiskType.ILLNESS, RiskType.DISASTER, RiskType.EDUCATION).set().ofMaxSize(2),
        Arbitraries.of(REPORTERS))
        .as((channel, ref, household, observed, risks, by) -> RiskSignal.builder().channel(channel).sourceRef(ref)
            .householdId(household).observedOn(observed).riskTypes(risks).reportedBy(by).build());
    return one.list().ofMaxSize(40);
  }

  @Property(tries = 60)
  void everyDeliveryMatchesTheModelAndKeepsTheInvariants(@ForAll("deliveries") List<RiskSignal> deliveries) {
    TestCounty county = county();
    Model model = new Model();

    for (RiskSignal s : deliveries) {
      int auditBefore = Signals.audit(county).size();
      List<MonitoringCase> casesBefore = Signals.cases(county);
      List<StoredSignal> storedBefore = Signals.storedSignals(county);

      Either<Rejection, IntakeResult> actual = county.ffp.intake().receive(s);

      Either<String, IntakeResult> expected = model.receive(s, actual);
      assertThat(actual.mapLeft(Rejection::code)).as("delivery %s", s).isEqualTo(expected);
      boolean stored = actual.isRight() && !actual.get().duplicate();
      assertThat(Signals.audit(county)).hasSize(auditBefore + (stored ? 1 : 0));
      if (!stored) {
        assertThat(Signals.cases(county)).isEqualTo(casesBefore);
        assertThat(Signals.storedSignals(county)).isEqualTo(storedBefore);
      }
      assertOneOpenCasePerHouseholdHoldingItsSignals(county);
    }
    assertThat(Signals.storedSignals(county)).hasSize(model.accepted.size());
    assertThat(county.ffp.audit().verify(TestCounty.COUNTY).valid()).isTrue();
  }

  @Property(tries = 40)
  void aBatchEndsWhereTheSameSignalsOneAtATimeEnd(@ForAll("deliveries") List<RiskSignal> deliveries) {
    TestCounty oneByOne = county();
    TestCounty batched = county();
    List<Either<Rejection, IntakeResult>> results = new ArrayList<>();
    deliveries.forEach(s -> results.add(oneByOne.ffp.intake().receive(s)));

    IntakeSummary summary = batched.ffp.intake().receiveAll(deliveries);

    assertThat(summary.rejected()).isEqualTo(results.stream().filter(Either::isLeft).count());
    assertThat(summary.duplicates()).isEqualTo(results.stream().filter(r -> r.isRight() && r.get().duplicate()).count());
    assertThat(summary.opened()).isEqualTo(results.stream()
        .filter(r -> r.isRight() && !r.get().duplicate() && r.get().outcome() == SignalOutcome.OPENED_CASE).count());
    assertThat(summary.rejections()).extracting(r -> r.rejection().code())
        .containsExactlyElementsOf(results.stream().filter(Either::isLeft).map(r -> r.getLeft().code()).toList());
    assertThat(Signals.cases(batched)).isEqualTo(Signals.cases(oneByOne));
  }

  private static TestCounty county() {
    TestCounty county = TestCounty.onMonday();
    REGISTER.forEach((id, village) -> county.household(id, village));
    return county;
  }

  private static void assertOneOpenCasePerHouseholdHoldingItsSignals(TestCounty county) {
    List<MonitoringCase> cases = Signals.cases(county);
    Map<String, Long> open = cases.stream().filter(MonitoringCase::isOpen)
        .collect(Collectors.groupingBy(MonitoringCase::householdId, Collectors.counting()));
    assertThat(open.values()).allMatch(n -> n == 1);
    Map<String, MonitoringCase> byId = cases.stream().collect(Collectors.toMap(MonitoringCase::id, c -> c));
    for (StoredSignal s : Signals.storedSignals(county)) {
      MonitoringCase c = byId.get(s.caseId());
      assertThat(c.householdId()).isEqualTo(s.signal().householdId());
      assertThat(c.signals()).anyMatch(r -> r.channel() == s.signal().channel()
          && r.sourceRef().equals(s.signal().sourceRef()));
    }
  }

  /** What intake should answer, knowing only the register, the accepted keys and the open cases. */
  private static final class Model {
    final Map<List<Object>, RiskSignal> accepted = new HashMap<>();
    final Map<List<Object>, IntakeResult> firstResults = new HashMap<>();
    final Set<String> withOpenCase = new HashSet<>();
    final Map<String, String> caseOf = new HashMap<>();

    Either<String, IntakeResult> receive(RiskSignal s, Either<Rejection, IntakeResult> actual) {
      List<Object> key = List.of(s.channel(), s.sourceRef());
      if (accepted.containsKey(key)) {
        return accepted.get(key).equals(s) ? Either.right(firstResults.get(key).withDuplicate(true))
            : Either.left("intake.conflict");
      }
      if (!IntakeRules.mayReport(s.reportedBy().role(), s.channel())) {
        return Either.left("actor.role_not_allowed");
      }
      Optional<AreaCode> village = Optional.ofNullable(REGISTER.get(s.householdId()));
      if (village.isEmpty()) {
        return Either.left("household.not_found");
      }
      if (!s.reportedBy().covers(village.get())) {
        return Either.left("actor.outside_jurisdiction");
      }
      if (s.observedOn().isAfter(TODAY)) {
        return Either.left("intake.observed_in_future");
      }
      boolean opens = withOpenCase.add(s.householdId());
      String caseId = opens ? actual.map(IntakeResult::caseId).getOrElse("?") : caseOf.get(s.householdId());
      caseOf.putIfAbsent(s.householdId(), caseId);
      IntakeResult result = IntakeResult.of(caseId, opens ? SignalOutcome.OPENED_CASE : SignalOutcome.JOINED_CASE, false);
      accepted.put(key, s);
      firstResults.put(key, result);
      return Either.right(result);
    }
  }
}
