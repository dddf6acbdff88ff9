package org.fangfanpin.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.CaseState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small county of 600 households over 15 months (two fund years), run twice on the in-memory store. */
class SimulationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SimulationSettings SMALL = new SimulationSettings(600, 15, 42, "memory");

  @TempDir
  static Path dir;

  static SimulationResult first;
  static JsonNode firstReport;
  static JsonNode secondReport;

  @BeforeAll
  static void runTwice() throws IOException {
    first = new Simulation(SMALL, new InMemoryStore()).run(SimulationProgress.NONE);
    SimulationResult second = new Simulation(SMALL, new InMemoryStore()).run(SimulationProgress.NONE);
    firstReport = written(first, "first.json");
    secondReport = written(second, "second.json");
  }

  private static JsonNode written(SimulationResult result, String name) throws IOException {
    Path file = dir.resolve(name);
    ReportJson.write(file, result);
    return JSON.readTree(file.toFile());
  }

  private static JsonNode withoutTiming(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("timing");
    return copy;
  }

  @Test
  void theSameSeedGivesTheSameReportApartFromTiming() {
    assertThat(withoutTiming(secondReport)).isEqualTo(withoutTiming(firstReport));
    assertThat(firstReport.get("timing").has("total_ms")).isTrue();
  }

  @Test
  void anotherSeedGivesAnotherCounty() {
    SimulationResult other = new Simulation(new SimulationSettings(600, 2, 7, "memory"), new InMemoryStore())
        .run(SimulationProgress.NONE);
    SimulationResult same = new Simulation(new SimulationSettings(600, 2, 42, "memory"), new InMemoryStore())
        .run(SimulationProgress.NONE);
    assertThat(other.signalsByChannel()).isNotEqualTo(same.signalsByChannel());
  }

  @Test
  void theReportHasExactlyTheRequiredFields() {
    assertThat(names(firstReport)).containsExactly("households", "months", "seed", "store", "signals_by_channel",
        "duplicate_signals_collapsed", "cases_opened", "cases_by_state", "confirmed_by_category", "dismissed",
        "emergency_cases", "overdue_recognitions", "eliminations", "exits_completed", "relapses", "fund", "audit",
        "invariant_violations", "timing");
    assertThat(names(firstReport.get("fund"))).containsExactly("appropriated_fen", "donated_fen", "disbursed_fen",
        "reversed_fen", "balance_fen", "debits_total_fen", "credits_total_fen", "max_household_year_aid_fen",
        "households_aided");
    assertThat(names(firstReport.get("audit"))).containsExactly("records", "chain_valid");
    assertThat(names(firstReport.get("signals_by_channel"))).containsExactly("self_declaration", "grid_screening",
        "media_hotline", "industry_department", "data_platform");
    assertThat(names(firstReport.get("cases_by_state"))).containsExactlyElementsOf(
        Arrays.stream(CaseState.values()).map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList());
    assertThat(names(firstReport.get("confirmed_by_category"))).containsExactly("unstable_lifted", "marginal",
        "sudden_hardship");
    assertThat(firstReport.get("households").asLong()).isEqualTo(600);
    assertThat(firstReport.get("months").asInt()).isEqualTo(15);
    assertThat(firstReport.get("seed").asLong()).isEqualTo(42);
    assertThat(firstReport.get("store").asText()).isEqualTo("memory");
    assertThat(firstReport.get("invariant_violations").isArray()).isTrue();
  }

  @Test
  void theFundBalancesAndMoneyWentBothWays() {
    JsonNode f = firstReport.get("fund");
    long balance = f.get("appropriated_fen").asLong() + f.get("donated_fen").asLong() - f.get("disbursed_fen").asLong()
        + f.get("reversed_fen").asLong();
    assertThat(f.get("balance_fen").asLong()).isEqualTo(balance);
    assertThat(f.get("debits_total_fen").asLong()).isEqualTo(f.get("credits_total_fen").asLong());
    assertThat(f.get("appropriated_fen").asLong()).as("at least 10,000,000 yuan in each of two years")
        .isGreaterThanOrEqualTo(2_000_000_000L);
    assertThat(f.get("disbursed_fen").asLong()).as("the run paid aid").isPositive();
    assertThat(f.get("households_aided").asLong()).isPositive();
    assertThat(f.get("max_household_year_aid_fen").asLong())
        .isLessThanOrEqualTo(PolicyParameters.builder().build().householdAidCapPerYear().fen());
  }

  @Test
  void everyInvariantHeldOverTheStoredDataAndTheChainVerifies() {
    assertThat(first.invariantViolations()).isEmpty();
    assertThat(first.chainValid()).isTrue();
    assertThat(first.auditRecords()).isPositive();
  }

  @Test
  void theCountyRunsTheWholeLoop() {
    assertThat(first.signalsByChannel().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(first.casesOpened()).isPositive();
    assertThat(first.confirmedByCategory().values().stream().mapToLong(Long::longValue).sum()).isPositive();
    assertThat(first.dismissed()).isPositive();
    assertThat(first.emergencyCases()).isPositive();
    assertThat(first.eliminations()).isPositive();
    assertThat(first.exitsCompleted()).as("gradual exits of six months that ended").isPositive();
    assertThat(first.casesByState().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(first.casesOpened());
  }

  @Test
  void monthAndTownshipFiguresAddUpToTheReport() {
    assertThat(first.months()).hasSize(15);
    assertThat(first.months().get(0).month()).isEqualTo(Simulation.firstMonth());
    for (Channel c : Channel.values()) {
      assertThat(first.months().stream().mapToLong(m -> m.signalsByChannel().get(c)).sum())
          .isEqualTo(first.signalsByChannel().get(c));
    }
    assertThat(first.months().get(14).casesByState()).isEqualTo(first.casesByState());
    assertThat(first.months().get(14).fundBalanceFen()).isEqualTo(first.fund().balanceFen());
    assertThat(first.months().stream().mapToLong(MonthFigures::disbursedFen).sum())
        .isEqualTo(first.fund().disbursedFen());
    assertThat(first.months().stream().mapToLong(MonthFigures::reversedFen).sum())
        .isEqualTo(first.fund().reversedFen());
    assertThat(first.townships()).hasSize(12);
    assertThat(first.townships().stream().mapToLong(TownshipFigures::households).sum()).isEqualTo(600);
    assertThat(first.townships().stream().mapToLong(TownshipFigures::casesOpened).sum()).isEqualTo(first.casesOpened());
    assertThat(first.townships().stream().mapToLong(TownshipFigures::signals).sum())
        .isEqualTo(first.signalsByChannel().values().stream().mapToLong(Long::longValue).sum());
    assertThat(first.townships().stream().mapToLong(TownshipFigures::disbursedFen).sum())
        .isEqualTo(first.fund().disbursedFen());
  }

  @Test
  void aBrokenAuditChainIsReportedAsAViolation() {
    InvariantCheck check = new InvariantCheck(new InMemoryStore(), Simulation.county(),
        PolicyParameters.builder().build(), List.of(2025));
    List<String> found = check.violations(new ChainVerification(false, 3, Optional.of(2L), "audit.hash_mismatch",
        "哈希不符", "hash mismatch", ""));
    assertThat(found).singleElement().asString().contains("audit chain breaks at record 2").contains("审计链");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
