package org.fangfanpin.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.testing.TestCounty.DEPARTMENT_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;

import java.time.LocalDate;
import java.util.List;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.intake.DepartmentRecordKind;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyEntry;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delivery of department records compared and received (行业部门比对): signals, below threshold, invalid. */
class DepartmentComparisonTest {

  private static final LocalDate DAY = LocalDate.of(2025, 2, 28);

  private TestCounty county;
  private IntakeService intake;

  @BeforeEach
  void county() {
    county = TestCounty.onMonday();
    intake = county.ffp.intake();
    county.household("H1", VILLAGE_A1);
    county.household("H2", VILLAGE_A1);
    county.household("H3", VILLAGE_B1);
  }

  static DepartmentRecord.Builder record(String id, DepartmentRecordKind kind, String household) {
    return DepartmentRecord.builder().recordId(id).kind(kind).householdId(household).observedOn(DAY);
  }

  @Test
  void raisesSignalsForTheRecordsOverAThresholdAndListsTheOthers() {
    List<DepartmentRecord> records = List.of(
        record("m1", DepartmentRecordKind.MEDICAL_EXPENSE, "H1").amount(Money.ofYuan(25_000)).build(),
        record("m2", DepartmentRecordKind.MEDICAL_EXPENSE, "H2").amount(Money.ofYuan(900)).build(),
        record("h1", DepartmentRecordKind.DANGEROUS_HOUSE, "H1").detail("D").build(),
        record("x1", DepartmentRecordKind.DISASTER_LOSS, "H3").build(),
        record("d1", DepartmentRecordKind.MEMBER_DEATH, "H3").build());

    DepartmentComparison result = intake.compareDepartmentRecords(records, DEPARTMENT_OFFICER).get();

    assertThat(result.raised()).extracting(r -> r.signal().sourceRef())
        .containsExactly("MEDICAL_EXPENSE:m1", "DANGEROUS_HOUSE:h1", "MEMBER_DEATH:d1");
    assertThat(result.raised()).extracting(r -> r.result().get().outcome())
        .containsExactly(SignalOutcome.OPENED_CASE, SignalOutcome.JOINED_CASE, SignalOutcome.OPENED_CASE);
    assertThat(result.belowThreshold()).extracting(DepartmentRecord::recordId).containsExactly("m2");
    assertThat(result.invalid()).singleElement().satisfies(i -> {
      assertThat(i.record().recordId()).isEqualTo("x1");
      assertThat(i.problems()).extracting(p -> p.field()).containsExactly("amount");
    });
    assertThat(Signals.householdsWithOpenCases(county)).containsExactlyInAnyOrder("H1", "H3");
  }

  @Test
  void reportsTheSameDeliveryAgainAsDuplicates() {
    List<DepartmentRecord> records = List.of(
        record("m1", DepartmentRecordKind.MEDICAL_EXPENSE, "H1").amount(Money.ofYuan(25_000)).build());
    intake.compareDepartmentRecords(records, DEPARTMENT_OFFICER);

    DepartmentComparison again = intake.compareDepartmentRecords(records, DEPARTMENT_OFFICER).get();

    assertThat(again.raised()).singleElement().satisfies(r -> assertThat(r.result().get().duplicate()).isTrue());
    assertThat(Signals.storedSignals(county)).hasSize(1);
  }

  @Test
  void keepsIntakesRejectionOfARaisedSignal() {
    DepartmentComparison result = intake.compareDepartmentRecords(List.of(
        record("m1", DepartmentRecordKind.EMPLOYMENT_LOSS, "UNKNOWN").build()), DEPARTMENT_OFFICER).get();

    assertThat(result.raised()).singleElement()
        .satisfies(r -> assertThat(r.result().getLeft().code()).isEqualTo("household.not_found"));
  }

  @Test
  void keepsTheRejectionOfARecordOutsideTheOfficersJurisdiction() {
    Actor townshipDepartment = Actor.of("dept-a", Role.DEPARTMENT_OFFICER, TestCounty.TOWNSHIP_A);

    DepartmentComparison result = intake.compareDepartmentRecords(List.of(
        record("e1", DepartmentRecordKind.EMPLOYMENT_LOSS, "H3").build()), townshipDepartment).get();

    assertThat(result.raised().get(0).result().getLeft().code()).isEqualTo("actor.outside_jurisdiction");
  }

  @Test
  void refusesAnActorWhoIsNotADepartmentOfficer() {
    var refused = intake.compareDepartmentRecords(List.of(
        record("e1", DepartmentRecordKind.EMPLOYMENT_LOSS, "H1").build()), TestCounty.HOTLINE);

    assertThat(refused.getLeft().code()).isEqualTo("actor.role_not_allowed");
    assertThat(Signals.storedSignals(county)).isEmpty();
  }

  @Test
  void appliesThePolicyInForceTodayForTheHouseholdsVillage() {
    // Township B lowers its medical threshold from tomorrow, 2025-03-04.
    PolicyParameters lower = PolicyParameters.builder().medicalExpenseSignalThreshold(Money.ofYuan(5_000)).build();
    org.fangfanpin.adapters.inmemory.InMemoryStore store = new org.fangfanpin.adapters.inmemory.InMemoryStore();
    IntakeService local = org.fangfanpin.core.FangFanPin.builder()
        .store(store)
        .ids(new org.fangfanpin.adapters.inmemory.InMemoryIdSource())
        .clock(county.clock)
        .policies(org.fangfanpin.spi.policy.PolicyBook.nationalDefaults().with(PolicyEntry.builder()
            .region(TestCounty.TOWNSHIP_B).effectiveFrom(LocalDate.of(2025, 3, 4)).parameters(lower).build()))
        .build()
        .intake();
    local.registerAll(Signals.households(county));
    List<DepartmentRecord> records = List.of(
        record("a", DepartmentRecordKind.MEDICAL_EXPENSE, "H1").amount(Money.ofYuan(6_000)).build(),
        record("b", DepartmentRecordKind.MEDICAL_EXPENSE, "H3").amount(Money.ofYuan(6_000)).build());

    DepartmentComparison today = local.compareDepartmentRecords(records, DEPARTMENT_OFFICER).get();
    county.clock.setDay(LocalDate.of(2025, 3, 4));
    DepartmentComparison tomorrow = local.compareDepartmentRecords(records, DEPARTMENT_OFFICER).get();

    assertThat(today.raised()).isEmpty();
    assertThat(tomorrow.raised()).extracting(r -> r.signal().sourceRef()).containsExactly("MEDICAL_EXPENSE:b");
    assertThat(tomorrow.belowThreshold()).extracting(DepartmentRecord::recordId).containsExactly("a");
  }

  @Test
  void comparesRecordsOlderThanEveryPolicyVersion() {
    DepartmentComparison result = intake.compareDepartmentRecords(List.of(
        record("old", DepartmentRecordKind.MEMBER_DEATH, "H1").observedOn(LocalDate.of(2019, 5, 1)).build()),
        DEPARTMENT_OFFICER).get();

    assertThat(result.raised()).singleElement().satisfies(r -> assertThat(r.result().isRight()).isTrue());
  }
}
