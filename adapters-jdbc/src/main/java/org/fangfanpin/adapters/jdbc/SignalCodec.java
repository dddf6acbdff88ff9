package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.RiskType;

/** The stored form of a risk signal (风险线索) as intake stored it, with its evidence (佐证材料). */
final class SignalCodec {

  private SignalCodec() {}

  static void write(JsonOut o, StoredSignal s) {
    o.object("signal", s.signal(), SignalCodec::writeSignal)
        .area("area", s.area())
        .text("case_id", s.caseId())
        .enumValue("outcome", s.outcome())
        .instant("received_at", s.receivedAt())
        .date("received_on", s.receivedOn());
  }

  static StoredSignal read(JsonFields f) {
    StoredSignal.Builder b = StoredSignal.builder()
        .signal(f.object("signal", SignalCodec::readSignal))
        .area(f.area("area"))
        .caseId(f.text("case_id"))
        .outcome(f.enumValue("outcome", SignalOutcome.class))
        .receivedAt(f.instant("received_at"))
        .receivedOn(f.date("received_on"));
    return f.build(b::build);
  }

  private static void writeSignal(JsonOut o, RiskSignal s) {
    o.enumValue("channel", s.channel())
        .text("source_ref", s.sourceRef())
        .text("household_id", s.householdId())
        .date("observed_on", s.observedOn())
        .enumSet("risk_types", s.riskTypes())
        .objects("evidence", s.evidence(), (e, ev) -> e.text("text", ev.text()).money("amount_fen", ev.amount()))
        .actor("reported_by", s.reportedBy());
  }

  private static RiskSignal readSignal(JsonFields f) {
    RiskSignal.Builder b = RiskSignal.builder()
        .channel(f.enumValue("channel", Channel.class))
        .sourceRef(f.text("source_ref"))
        .householdId(f.text("household_id"))
        .observedOn(f.date("observed_on"))
        .riskTypes(f.enumSet("risk_types", RiskType.class))
        .evidence(f.objects("evidence", e -> e.build(() -> Evidence.of(e.text("text"), e.optionalMoney("amount_fen")))))
        .reportedBy(f.actor("reported_by"));
    return f.build(b::build);
  }
}
