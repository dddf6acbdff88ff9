package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.T0;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.contract.FundFixtures;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.testkit.DomainArbitraries;
import org.junit.jupiter.api.Test;

/**
 * Every stored value comes back equal from its document (往返一致): the fixtures of the spi test kit,
 * and generated values with every optional part present and absent.
 */
class DocumentsRoundTripTest {

  // ---------------------------------------------------------------- fixtures

  @Test
  void theStoreFixturesComeBackEqual() {
    String id = StoreFixtures.householdId(VILLAGE, 7);
    assertThat(Documents.householdUncached(Documents.household(StoreFixtures.household(id, VILLAGE))))
        .isEqualTo(StoreFixtures.household(id, VILLAGE));
    Household detailed = StoreFixtures.detailedHousehold(id, VILLAGE);
    assertThat(Documents.householdUncached(Documents.household(detailed))).isEqualTo(detailed);

    StoredSignal signal = StoreFixtures.storedSignal(Channel.MEDIA_HOTLINE, "12317-1", id, VILLAGE, "case-1", T0);
    assertThat(Documents.signal(Documents.signal(signal))).isEqualTo(signal);

    for (CaseState state : CaseState.values()) {
      MonitoringCase c = StoreFixtures.moved(StoreFixtures.monitoringCase("case-" + state, id, VILLAGE, state), state);
      assertThat(Documents.monitoringCaseUncached(Documents.monitoringCase(c))).isEqualTo(c);
    }
    MonitoringCase detailedCase = StoreFixtures.detailedCase("case-9", id, VILLAGE);
    assertThat(Documents.monitoringCaseUncached(Documents.monitoringCase(detailedCase))).isEqualTo(detailedCase);

    for (AuditRecord r : StoreFixtures.auditChain(COUNTY, 3)) {
      assertThat(Documents.auditRecord(Documents.auditRecord(r))).isEqualTo(r);
    }
    DomainEvent event = StoreFixtures.event("e-1");
    DomainEvent back = Documents.event(Documents.event(event));
    assertThat(back).isEqualTo(event);
    assertThat(new ArrayList<>(back.attributes().keySet())).containsExactly("dueOn", "channel");
  }

  @Test
  void theFundFixturesComeBackEqual() {
    String household = StoreFixtures.householdId(VILLAGE, 1);
    Transfer payment = FundFixtures.payment("pay-1", household, Money.ofFen(123_456));
    List<Transfer> transfers = List.of(FundFixtures.appropriation("app-1", Money.ofYuan(10_000_000)),
        FundFixtures.donation("don-1", Money.ofFen(1)), payment, FundFixtures.reversal("rev-1", payment));
    for (Transfer t : transfers) {
      assertThat(Documents.transfer(Documents.transfer(t))).isEqualTo(t);
    }
    AidApplication plain = FundFixtures.aidApplication("aid-1", household, VILLAGE);
    List<AidApplication> applications = List.of(plain,
        FundFixtures.advanced(plain, AidApplicationState.COUNTY_APPROVED),
        FundFixtures.detailedAidApplication("aid-2", household, VILLAGE));
    for (AidApplication a : applications) {
      assertThat(Documents.aidApplicationUncached(Documents.aidApplication(a))).isEqualTo(a);
    }
    GridVisit visit = FundFixtures.gridVisit(FundFixtures.gridWorkerId(3), household, DAY0);
    assertThat(Documents.gridVisit(Documents.gridVisit(visit))).isEqualTo(visit);
  }

  // ---------------------------------------------------------------- generated

  @Property(tries = 500)
  void householdsComeBackEqual(@ForAll("households") Household h) {
    assertThat(Documents.householdUncached(Documents.household(h))).isEqualTo(h);
  }

  @Property(tries = 300)
  void signalsComeBackEqual(@ForAll("signals") StoredSignal s) {
    assertThat(Documents.signal(Documents.signal(s))).isEqualTo(s);
  }

  @Property(tries = 300)
  void casesWithAnyOptionalPartComeBackEqual(@ForAll("cases") MonitoringCase c) {
    assertThat(Documents.monitoringCaseUncached(Documents.monitoringCase(c))).isEqualTo(c);
  }

  @Test
  void anApplicationReadBackAsWrittenIsTheValueWrittenNotDecodedAgain() {
    AidApplication a = FundFixtures.detailedAidApplication("aid-kept", "hh-kept", VILLAGE);
    String text = Documents.aidApplication(a);
    assertThat(Documents.aidApplication(text)).isSameAs(a);
    // Another text under the same id (written without keeping it) is decoded.
    AidApplication next = a.withVersion(a.version() + 1);
    String nextText = JsonOut.document(o -> FundCodec.writeApplication(o, next));
    assertThat(Documents.aidApplication(nextText)).isEqualTo(next).isNotSameAs(next);
  }

  @Property(tries = 300)
  void aidApplicationsComeBackEqual(@ForAll("applications") AidApplication a) {
    assertThat(Documents.aidApplicationUncached(Documents.aidApplication(a))).isEqualTo(a);
  }

  @Property(tries = 300)
  void transfersComeBackEqual(@ForAll("transfers") Transfer t) {
    assertThat(Documents.transfer(Documents.transfer(t))).isEqualTo(t);
  }

  @Property(tries = 300)
  void auditRecordsComeBackEqual(@ForAll("auditRecords") AuditRecord r) {
    assertThat(Documents.auditRecord(Documents.auditRecord(r))).isEqualTo(r);
  }

  @Property(tries = 300)
  void eventsComeBackEqualWithTheirAttributesInOrder(@ForAll("events") DomainEvent e) {
    DomainEvent back = Documents.event(Documents.event(e));
    assertThat(back).isEqualTo(e);
    assertThat(new ArrayList<>(back.attributes().entrySet())).containsExactlyElementsOf(e.attributes().entrySet());
  }

  @Property(tries = 300)
  void gridVisitsComeBackEqual(@ForAll("gridVisits") GridVisit v) {
    assertThat(Documents.gridVisit(Documents.gridVisit(v))).isEqualTo(v);
  }

  @Property(tries = 200)
  void theSameValueAlwaysGivesTheSameText(@ForAll("cases") MonitoringCase c) {
    // Sets are written sorted, so a value read back writes the very same document.
    String text = Documents.monitoringCase(c);
    assertThat(Documents.monitoringCase(Documents.monitoringCaseUncached(text))).isEqualTo(text);
  }

  @Provide
  Arbitrary<Household> households() {
    return net.jqwik.api.Arbitraries.oneOf(DomainArbitraries.households(),
        DomainArbitraries.householdsWithMemberDetails());
  }

  @Provide
  Arbitrary<StoredSignal> signals() {
    return DocumentArbitraries.storedSignals();
  }

  @Provide
  Arbitrary<MonitoringCase> cases() {
    return DocumentArbitraries.cases();
  }

  @Provide
  Arbitrary<AidApplication> applications() {
    return DocumentArbitraries.aidApplications();
  }

  @Provide
  Arbitrary<Transfer> transfers() {
    return DocumentArbitraries.transfers();
  }

  @Provide
  Arbitrary<AuditRecord> auditRecords() {
    return DocumentArbitraries.auditRecords();
  }

  @Provide
  Arbitrary<DomainEvent> events() {
    return DocumentArbitraries.events();
  }

  @Provide
  Arbitrary<GridVisit> gridVisits() {
    return DocumentArbitraries.gridVisits();
  }
}
