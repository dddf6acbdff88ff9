package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.assistance.FollowUp;
import org.fangfanpin.spi.assistance.Measure;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
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
 * The stored form of a monitoring case (监测案件) with every step it went through: the tiered review
 * of recognition, the plan's measures (帮扶措施), the monthly follow-ups, the elimination review
 * (风险消除) and the gradual exit (渐退期). The appraisal, notice and verification have one form
 * whether they belong to recognition or to elimination.
 */
final class CaseCodec {

  private CaseCodec() {}

  static void write(JsonOut o, MonitoringCase c) {
    o.text("id", c.id())
        .text("household_id", c.householdId())
        .area("area", c.area())
        .enumValue("household_status", c.householdStatus())
        .enumValue("state", c.state())
        .integer("version", c.version())
        .date("opened_on", c.openedOn())
        .objects("signals", c.signals(), CaseCodec::writeSignalRef)
        .enumSet("risk_types", c.riskTypes())
        .optionalObject("screening_visit", c.screeningVisit(), CaseCodec::writeScreeningVisit)
        .optionalObject("appraisal", c.appraisal(), CaseCodec::writeAppraisal)
        .optionalObject("notice", c.notice(), CaseCodec::writeNotice)
        .optionalObject("verification", c.verification(), CaseCodec::writeVerification)
        .optionalObject("decision", c.decision(), CaseCodec::writeDecision)
        .optionalObject("emergency", c.emergency(), CaseCodec::writeEmergency)
        .optionalObject("dismissal", c.dismissal(), CaseCodec::writeDismissal)
        .texts("cadre_ids", c.cadreIds())
        .objects("measures", c.measures(), CaseCodec::writeMeasure)
        .objects("follow_ups", c.followUps(), CaseCodec::writeFollowUp)
        .optionalObject("elimination", c.elimination(), CaseCodec::writeElimination)
        .optionalObject("exit", c.exit(), CaseCodec::writeExit)
        .date("closed_on", c.closedOn())
        .text("previous_case_id", c.previousCaseId())
        .flag("early_elimination", c.earlyElimination())
        .integer("relapses", c.relapses());
  }

  static MonitoringCase read(JsonFields f) {
    MonitoringCase.Builder b = MonitoringCase.builder()
        .id(f.text("id"))
        .householdId(f.text("household_id"))
        .area(f.area("area"))
        .householdStatus(f.enumValue("household_status", HouseholdStatus.class))
        .state(f.enumValue("state", CaseState.class))
        .version(f.longInteger("version"))
        .openedOn(f.date("opened_on"))
        .signals(f.objects("signals", CaseCodec::readSignalRef))
        .riskTypes(f.enumSet("risk_types", RiskType.class))
        .screeningVisit(f.optionalObject("screening_visit", CaseCodec::readScreeningVisit))
        .appraisal(f.optionalObject("appraisal", CaseCodec::readAppraisal))
        .notice(f.optionalObject("notice", CaseCodec::readNotice))
        .verification(f.optionalObject("verification", CaseCodec::readVerification))
        .decision(f.optionalObject("decision", CaseCodec::readDecision))
        .emergency(f.optionalObject("emergency", CaseCodec::readEmergency))
        .dismissal(f.optionalObject("dismissal", CaseCodec::readDismissal))
        .cadreIds(f.texts("cadre_ids"))
        .measures(f.objects("measures", CaseCodec::readMeasure))
        .followUps(f.objects("follow_ups", CaseCodec::readFollowUp))
        .elimination(f.optionalObject("elimination", CaseCodec::readElimination))
        .exit(f.optionalObject("exit", CaseCodec::readExit))
        .closedOn(f.optionalDate("closed_on"))
        .previousCaseId(f.optionalText("previous_case_id"))
        .earlyElimination(f.flag("early_elimination"))
        .relapses(f.integer("relapses"));
    return f.build(b::build);
  }

  // ---------------------------------------------------------------- recognition

  private static void writeSignalRef(JsonOut o, SignalRef s) {
    o.enumValue("channel", s.channel())
        .text("source_ref", s.sourceRef())
        .date("observed_on", s.observedOn())
        .date("received_on", s.receivedOn())
        .enumSet("risk_types", s.riskTypes());
  }

  private static SignalRef readSignalRef(JsonFields f) {
    return f.build(() -> new SignalRef(f.enumValue("channel", Channel.class), f.text("source_ref"),
        f.date("observed_on"), f.date("received_on"), f.enumSet("risk_types", RiskType.class)));
  }

  private static void writeScreeningVisit(JsonOut o, ScreeningVisit v) {
    o.date("visited_on", v.visitedOn())
        .actor("by", v.by())
        .flag("risk_real", v.riskReal())
        .flag("consent_to_data_check", v.consentToDataCheck())
        .text("note", v.note());
  }

  private static ScreeningVisit readScreeningVisit(JsonFields f) {
    return f.build(() -> new ScreeningVisit(f.date("visited_on"), f.actor("by"), f.flag("risk_real"),
        f.flag("consent_to_data_check"), f.text("note")));
  }

  private static void writeAppraisal(JsonOut o, Appraisal a) {
    o.date("held_on", a.heldOn())
        .actor("by", a.by())
        .integer("attendees", a.attendees())
        .integer("votes_for", a.votesFor())
        .integer("votes_against", a.votesAgainst())
        .flag("agreed", a.agreed())
        .text("minutes", a.minutes());
  }

  private static Appraisal readAppraisal(JsonFields f) {
    return f.build(() -> new Appraisal(f.date("held_on"), f.actor("by"), f.integer("attendees"),
        f.integer("votes_for"), f.integer("votes_against"), f.flag("agreed"), f.text("minutes")));
  }

  private static void writeNotice(JsonOut o, PublicNotice n) {
    o.date("starts_on", n.startsOn())
        .date("last_day", n.lastDay())
        .actor("posted_by", n.postedBy())
        .objects("objections", n.objections(), CaseCodec::writeObjection)
        .date("closed_on", n.closedOn())
        .actor("closed_by", n.closedBy());
  }

  private static PublicNotice readNotice(JsonFields f) {
    return f.build(() -> new PublicNotice(f.date("starts_on"), f.date("last_day"), f.actor("posted_by"),
        f.objects("objections", CaseCodec::readObjection), f.optionalDate("closed_on"),
        f.optionalActor("closed_by")));
  }

  private static void writeObjection(JsonOut o, Objection x) {
    o.integer("number", x.number())
        .date("filed_on", x.filedOn())
        .actor("recorded_by", x.recordedBy())
        .text("text", x.text())
        .optionalObject("answer", x.answer(), (a, ans) -> a.date("answered_on", ans.answeredOn())
            .actor("by", ans.by())
            .text("text", ans.text()));
  }

  private static Objection readObjection(JsonFields f) {
    return f.build(() -> new Objection(f.integer("number"), f.date("filed_on"), f.actor("recorded_by"),
        f.text("text"), f.optionalObject("answer", a -> a.build(() -> new Objection.Answer(
            a.date("answered_on"), a.actor("by"), a.text("text"))))));
  }

  private static void writeVerification(JsonOut o, TownshipVerification v) {
    o.date("verified_on", v.verifiedOn())
        .actor("by", v.by())
        .flag("upheld", v.upheld())
        .text("note", v.note());
  }

  private static TownshipVerification readVerification(JsonFields f) {
    return f.build(() -> new TownshipVerification(f.date("verified_on"), f.actor("by"), f.flag("upheld"),
        f.text("note")));
  }

  private static void writeDecision(JsonOut o, CountyDecision d) {
    o.date("decided_on", d.decidedOn())
        .actor("by", d.by())
        .flag("confirmed", d.confirmed())
        .enumValue("category", d.category())
        .enumSet("risk_types", d.riskTypes())
        .text("reason", d.reason());
  }

  private static CountyDecision readDecision(JsonFields f) {
    return f.build(() -> new CountyDecision(f.date("decided_on"), f.actor("by"), f.flag("confirmed"),
        f.optionalEnum("category", MonitoringCategory.class), f.enumSet("risk_types", RiskType.class),
        f.text("reason")));
  }

  private static void writeEmergency(JsonOut o, EmergencyApproval e) {
    o.date("approved_on", e.approvedOn())
        .actor("by", e.by())
        .money("amount_fen", e.amount())
        .text("reason", e.reason());
  }

  private static EmergencyApproval readEmergency(JsonFields f) {
    return f.build(() -> new EmergencyApproval(f.date("approved_on"), f.actor("by"), f.money("amount_fen"),
        f.text("reason")));
  }

  private static void writeDismissal(JsonOut o, Dismissal d) {
    o.date("on", d.on())
        .actor("by", d.by())
        .enumValue("at_state", d.atState())
        .text("reason", d.reason());
  }

  private static Dismissal readDismissal(JsonFields f) {
    return f.build(() -> new Dismissal(f.date("on"), f.actor("by"), f.enumValue("at_state", CaseState.class),
        f.text("reason")));
  }

  // ---------------------------------------------------------------- assistance

  private static void writeMeasure(JsonOut o, Measure m) {
    o.integer("number", m.number())
        .enumValue("type", m.type())
        .text("department", m.department())
        .text("cadre_id", m.cadreId())
        .date("planned_on", m.plannedOn())
        .date("ends_on", m.endsOn())
        .enumValue("status", m.status())
        .actor("planned_by", m.plannedBy())
        .date("implemented_on", m.implementedOn())
        .actor("implemented_by", m.implementedBy())
        .text("evidence", m.evidence())
        .date("verified_on", m.verifiedOn())
        .actor("verified_by", m.verifiedBy());
  }

  private static Measure readMeasure(JsonFields f) {
    Measure.Builder b = Measure.builder()
        .number(f.integer("number"))
        .type(f.enumValue("type", MeasureType.class))
        .department(f.text("department"))
        .cadreId(f.text("cadre_id"))
        .plannedOn(f.date("planned_on"))
        .endsOn(f.optionalDate("ends_on"))
        .status(f.enumValue("status", MeasureStatus.class))
        .plannedBy(f.actor("planned_by"))
        .implementedOn(f.optionalDate("implemented_on"))
        .implementedBy(f.optionalActor("implemented_by"))
        .evidence(f.optionalText("evidence"))
        .verifiedOn(f.optionalDate("verified_on"))
        .verifiedBy(f.optionalActor("verified_by"));
    return f.build(b::build);
  }

  private static void writeFollowUp(JsonOut o, FollowUp u) {
    o.month("month", u.month())
        .date("recorded_on", u.recordedOn())
        .actor("by", u.by())
        .money("income_last_12_months_fen", u.incomeLast12Months())
        .money("rigid_expenditure_fen", u.rigidExpenditure())
        .enumSet("unmet_needs", u.unmetNeeds())
        .money("per_capita_income_fen", u.perCapitaIncome())
        .flag("income_above_line", u.incomeAboveLine())
        .flag("still_at_risk", u.stillAtRisk());
  }

  private static FollowUp readFollowUp(JsonFields f) {
    FollowUp.Builder b = FollowUp.builder()
        .month(f.month("month"))
        .recordedOn(f.date("recorded_on"))
        .by(f.actor("by"))
        .incomeLast12Months(f.money("income_last_12_months_fen"))
        .rigidExpenditure(f.money("rigid_expenditure_fen"))
        .unmetNeeds(f.enumSet("unmet_needs", BasicNeed.class))
        .perCapitaIncome(f.money("per_capita_income_fen"))
        .incomeAboveLine(f.flag("income_above_line"))
        .stillAtRisk(f.flag("still_at_risk"));
    return f.build(b::build);
  }

  // ---------------------------------------------------------------- elimination and exit

  private static void writeElimination(JsonOut o, Elimination e) {
    o.object("proposal", e.proposal(), (p, x) -> p.date("visited_on", x.visitedOn())
            .actor("by", x.by())
            .text("finding", x.finding()))
        .optionalObject("appraisal", e.appraisal(), CaseCodec::writeAppraisal)
        .optionalObject("notice", e.notice(), CaseCodec::writeNotice)
        .optionalObject("verification", e.verification(), CaseCodec::writeVerification)
        .optionalObject("decision", e.decision(), (d, x) -> d.date("decided_on", x.decidedOn())
            .actor("by", x.by())
            .flag("eliminated", x.eliminated())
            .text("note", x.note()));
  }

  private static Elimination readElimination(JsonFields f) {
    Elimination.Builder b = Elimination.builder()
        .proposal(f.object("proposal", p -> p.build(() -> new EliminationProposal(p.date("visited_on"),
            p.actor("by"), p.text("finding")))))
        .appraisal(f.optionalObject("appraisal", CaseCodec::readAppraisal))
        .notice(f.optionalObject("notice", CaseCodec::readNotice))
        .verification(f.optionalObject("verification", CaseCodec::readVerification))
        .decision(f.optionalObject("decision", d -> d.build(() -> new EliminationDecision(d.date("decided_on"),
            d.actor("by"), d.flag("eliminated"), d.text("note")))));
    return f.build(b::build);
  }

  private static void writeExit(JsonOut o, GradualExit x) {
    o.date("starts_on", x.startsOn())
        .integer("months", x.months())
        .date("ends_on", x.endsOn())
        .flag("dibao_rule", x.dibaoRule());
  }

  private static GradualExit readExit(JsonFields f) {
    return f.build(() -> new GradualExit(f.date("starts_on"), f.integer("months"), f.date("ends_on"),
        f.flag("dibao_rule")));
  }
}
