package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_HEAD_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.junit.jupiter.api.Test;

/** Emergency aid approved first (遇困即扶) is paid in the next batch like any approved aid, marked. */
class EmergencyAidTest {

  private final TestCounty county = TestCounty.onMonday();
  private final LocalDate today = county.clock.today();

  private String openCase() {
    county.household("H-EMG", VILLAGE_A1);
    return county.ffp.intake().receive(RiskSignal.builder()
            .channel(Channel.GRID_SCREENING)
            .sourceRef("grid-emg-1")
            .householdId("H-EMG")
            .observedOn(today)
            .riskTypes(Set.of(RiskType.DISASTER))
            .reportedBy(GRID_WORKER_A1)
            .build())
        .get().caseId();
  }

  private List<AidApplication> applications() {
    return county.store.read(s -> {
      try (Stream<AidApplication> all = s.aidApplications().inArea(COUNTY, today.getYear())) {
        return all.toList();
      }
    });
  }

  @Test
  void anApprovedEmergencyBecomesAnApprovedApplicationMarkedAsEmergencyAndIsPaidInTheNextBatch() {
    String caseId = openCase();
    assertThat(county.ffp.review()
        .approveEmergency(caseId, new EmergencyApproval(today, TOWNSHIP_HEAD_A, Money.ofYuan(3_000), "房屋倒塌"))
        .isRight()).isTrue();

    assertThat(applications()).singleElement().satisfies(a -> {
      assertThat(a.emergency()).isTrue();
      assertThat(a.state()).isEqualTo(AidApplicationState.COUNTY_APPROVED);
      assertThat(a.caseId()).contains(caseId);
      assertThat(a.amount()).isEqualTo(Money.ofYuan(3_000));
      assertThat(a.generalPoliciesReceived()).isNotEmpty();
    });

    county.ffp.fund().appropriate("voucher-1", COUNTY, today.getYear(), Money.ofYuan(1_000_000), today,
        COUNTY_OFFICER, "财政拨入").get();
    BatchStatement batch = county.ffp.fund().payBatch("B-1", COUNTY, today.getYear(), today, COUNTY_OFFICER).get();

    assertThat(batch.paidCount()).isEqualTo(1);
    assertThat(batch.emergencyCount()).isEqualTo(1);
    assertThat(batch.paidTotal()).isEqualTo(Money.ofYuan(3_000));
    assertThat(county.ffp.fund().statement(COUNTY, today.getYear()).balance()).isEqualTo(Money.ofYuan(997_000));
    assertThat(county.ffp.audit().verify(COUNTY).valid()).isTrue();
  }

  @Test
  void aRefusedEmergencyApprovalCreatesNoApplication() {
    String caseId = openCase();
    assertThat(county.ffp.review()
        .approveEmergency(caseId, new EmergencyApproval(today, TOWNSHIP_OFFICER_A, Money.ofYuan(3_000), "房屋倒塌"))
        .getLeft().code()).isEqualTo("actor.role_not_allowed");

    assertThat(applications()).isEmpty();
  }
}
