package org.fangfanpin.core.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.MonitoringCase;

/** Signals and store look-ups for the intake tests. */
final class Signals {

  private Signals() {}

  /** A signal observed yesterday (relative to 2025-03-03) naming one risk, with one piece of evidence. */
  static RiskSignal.Builder signal(Channel channel, String sourceRef, String householdId, Actor by) {
    return RiskSignal.builder()
        .channel(channel)
        .sourceRef(sourceRef)
        .householdId(householdId)
        .observedOn(LocalDate.of(2025, 3, 2))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .addEvidence(Evidence.of("住院治疗 / in hospital", java.util.Optional.empty()))
        .reportedBy(by);
  }

  static List<MonitoringCase> cases(TestCounty county) {
    return county.store.read(s -> {
      try (var all = s.cases().inArea(TestCounty.COUNTY)) {
        return all.toList();
      }
    });
  }

  static List<MonitoringCase> casesOf(TestCounty county, String householdId) {
    return cases(county).stream().filter(c -> c.householdId().equals(householdId)).toList();
  }

  static MonitoringCase caseById(TestCounty county, String caseId) {
    return county.store.read(s -> s.cases().find(caseId)).orElseThrow();
  }

  static List<StoredSignal> storedSignals(TestCounty county) {
    return county.store.read(s -> {
      try (var all = s.signals().receivedIn(TestCounty.COUNTY, LocalDate.MIN, LocalDate.MAX)) {
        return all.toList();
      }
    });
  }

  static List<AuditRecord> audit(TestCounty county) {
    return county.ffp.audit().records(TestCounty.COUNTY);
  }

  static List<DomainEvent> pendingEvents(TestCounty county) {
    return county.store.read(s -> s.outbox().pending(Integer.MAX_VALUE));
  }

  /** Households of the county with an open case, one entry per open case. */
  static List<String> householdsWithOpenCases(TestCounty county) {
    return cases(county).stream().filter(MonitoringCase::isOpen).map(MonitoringCase::householdId).toList();
  }

  /** Every registered household of the county. */
  static List<org.fangfanpin.spi.model.Household> households(TestCounty county) {
    return county.store.read(s -> {
      try (var all = s.households().inArea(TestCounty.COUNTY)) {
        return all.toList();
      }
    });
  }
}
