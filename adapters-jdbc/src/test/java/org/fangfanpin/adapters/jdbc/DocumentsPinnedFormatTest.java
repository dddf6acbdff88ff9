package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.adapters.jdbc.CaseStories.Stage;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
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
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Member;
import org.fangfanpin.spi.model.MemberRelation;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.MonitoringCase;
import org.junit.jupiter.api.Test;

/**
 * The stored format, pinned (存储格式固定): documents written by format version 1 must still read as
 * the same values, and those values must still write the very same text. A failure here means the
 * format changed: rows already in a database would no longer read. Change the format only with a
 * new version and a reader for the old one.
 */
class DocumentsPinnedFormatTest {

  @Test
  void aHouseholdDocumentOfVersion1StillReadsAndWritesTheSame() {
    assertThat(Documents.householdUncached(HOUSEHOLD_V1)).isEqualTo(household());
    assertThat(Documents.household(household())).isEqualTo(HOUSEHOLD_V1);
  }

  @Test
  void aSignalDocumentOfVersion1StillReadsAndWritesTheSame() {
    assertThat(Documents.signal(SIGNAL_V1)).isEqualTo(signal());
    assertThat(Documents.signal(signal())).isEqualTo(SIGNAL_V1);
  }

  @Test
  void caseDocumentsOfVersion1StillReadAndWriteTheSame() {
    assertThat(Documents.monitoringCaseUncached(CASE_ELIMINATION_REFUSED_V1)).isEqualTo(caseAt(Stage.ELIMINATION_REFUSED));
    assertThat(Documents.monitoringCase(caseAt(Stage.ELIMINATION_REFUSED))).isEqualTo(CASE_ELIMINATION_REFUSED_V1);
    assertThat(Documents.monitoringCaseUncached(CASE_CLOSED_V1)).isEqualTo(caseAt(Stage.CLOSED));
    assertThat(Documents.monitoringCase(caseAt(Stage.CLOSED))).isEqualTo(CASE_CLOSED_V1);
    assertThat(Documents.monitoringCaseUncached(CASE_RELAPSED_V1)).isEqualTo(caseAt(Stage.RELAPSED));
    assertThat(Documents.monitoringCase(caseAt(Stage.RELAPSED))).isEqualTo(CASE_RELAPSED_V1);
    assertThat(Documents.monitoringCaseUncached(CASE_DISMISSED_V1)).isEqualTo(caseAt(Stage.DISMISSED_BY_COUNTY));
    assertThat(Documents.monitoringCase(caseAt(Stage.DISMISSED_BY_COUNTY))).isEqualTo(CASE_DISMISSED_V1);
  }

  @Test
  void fundDocumentsOfVersion1StillReadAndWriteTheSame() {
    assertThat(Documents.aidApplicationUncached(AID_APPLICATION_V1)).isEqualTo(aidApplication());
    assertThat(Documents.aidApplication(aidApplication())).isEqualTo(AID_APPLICATION_V1);
    assertThat(Documents.transfer(TRANSFER_V1)).isEqualTo(transfer());
    assertThat(Documents.transfer(transfer())).isEqualTo(TRANSFER_V1);
  }

  @Test
  void recordDocumentsOfVersion1StillReadAndWriteTheSame() {
    assertThat(Documents.auditRecord(AUDIT_RECORD_V1)).isEqualTo(auditRecord());
    assertThat(Documents.auditRecord(auditRecord())).isEqualTo(AUDIT_RECORD_V1);
    assertThat(Documents.event(EVENT_V1)).isEqualTo(event());
    assertThat(Documents.event(event())).isEqualTo(EVENT_V1);
    assertThat(Documents.gridVisit(GRID_VISIT_V1)).isEqualTo(gridVisit());
    assertThat(Documents.gridVisit(gridVisit())).isEqualTo(GRID_VISIT_V1);
  }

  @Test
  void aVersion1DocumentLaidOutByHandStillReads() {
    // Another writer (a migration script, a database's JSON functions) may order and space fields freely.
    String byHand = """
        {
          "grid_worker_id": "grid-611022-003",
          "note": "生活正常\\n all well",
          "visited_on": "2025-03-03",
          "household_id": "6110221002010001",
          "v": 1
        }
        """;
    assertThat(Documents.gridVisit(byHand)).isEqualTo(gridVisit());
  }

  // ---------------------------------------------------------------- the pinned documents

  private static final String HOUSEHOLD_V1 = """
      {"v":1,"id":"6110221002010001","area":"611022100201","status":"ORDINARY",\
      "head":"611022196805170016","member_count":3,"workers":1,"senior_students":1,\
      "disabled_members":0,"seriously_ill_members":1,"income_last_12_months_fen":1234567,\
      "previous_year_income_fen":2345601,"rigid_expenditure_fen":987654,\
      "unmet_needs":["SAFE_HOUSING"],"focus_flags":["DIBAO","SERIOUS_ILLNESS"],\
      "members":[{"resident_id":"611022196805170016","relation":"HEAD","able_to_work":true,\
      "senior_student":false,"disabled":false,"seriously_ill":false},\
      {"resident_id":"611022196805170024","relation":"SPOUSE","able_to_work":false,\
      "senior_student":false,"disabled":false,"seriously_ill":true},{"relation":"CHILD",\
      "able_to_work":false,"senior_student":true,"disabled":false,"seriously_ill":false}]}""";

  private static final String SIGNAL_V1 = """
      {"v":1,"signal":{"channel":"MEDIA_HOTLINE","source_ref":"12317-88",\
      "household_id":"6110221002010001","observed_on":"2025-03-02","risk_types":["DISASTER",\
      "ILLNESS"],"evidence":[{"text":"住院费用清单 \\"hospital\\" bill","amount_fen":4200000},\
      {"text":"照片 photo"}],"reported_by":{"id":"vwg-611022100201","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"}},"area":"611022100201","case_id":"case-1",\
      "outcome":"JOINED_CASE","received_at":"2025-03-03T01:00:00.120Z","received_on":"2025-03-03"}""";

  private static final String CASE_ELIMINATION_REFUSED_V1 = """
      {"v":1,"id":"case-6110221002010001","household_id":"6110221002010001","area":"611022100201",\
      "household_status":"LIFTED","state":"CONFIRMED","version":21,"opened_on":"2025-03-03",\
      "signals":[{"channel":"SELF_DECLARATION","source_ref":"sd-6110221002010001",\
      "observed_on":"2025-03-02","received_on":"2025-03-03","risk_types":["ILLNESS"]},\
      {"channel":"INDUSTRY_DEPARTMENT","source_ref":"med-6110221002010001","observed_on":"2025-03-03",\
      "received_on":"2025-03-04","risk_types":["ILLNESS","LACK_OF_LABOUR"]}],"risk_types":["ILLNESS"],\
      "screening_visit":{"visited_on":"2025-03-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"risk_real":true,"consent_to_data_check":true,"note":"因病致贫风险属实"},\
      "appraisal":{"held_on":"2025-03-05","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":20,"votes_for":16,"votes_against":2,"agreed":true,\
      "minutes":"同意纳入"},"notice":{"starts_on":"2025-03-06","last_day":"2025-03-10",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[{"number":1,"filed_on":"2025-03-07","recorded_by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"text":"收入被低估",\
      "answer":{"answered_on":"2025-03-08","by":{"id":"vwg-a1-2","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"text":"经核实收入属实"}}],"closed_on":"2025-03-11",\
      "closed_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-03-12","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-03-13","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"confirmed":true,"category":"UNSTABLE_LIFTED",\
      "risk_types":["ILLNESS"],"reason":""},"emergency":{"approved_on":"2025-03-04",\
      "by":{"id":"head-a","role":"TOWNSHIP_HEAD","jurisdiction":"611022100000"},"amount_fen":500000,\
      "reason":"住院无力支付 cannot pay the hospital"},"cadre_ids":["cadre-1"],"measures":[{"number":1,\
      "type":"EMPLOYMENT","department":"县乡村振兴局","cadre_id":"cadre-1","planned_on":"2025-03-14",\
      "status":"VERIFIED","planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"evidence":"落实台账",\
      "verified_on":"2025-04-12","verified_by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"}},{"number":2,"type":"MICRO_CREDIT","department":"县乡村振兴局",\
      "cadre_id":"cadre-1","planned_on":"2025-03-14","ends_on":"2028-03-13","status":"IMPLEMENTED",\
      "planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"evidence":"落实台账"}],"follow_ups":[{"month":"2025-03",\
      "recorded_on":"2025-03-31","by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"income_last_12_months_fen":2049380,\
      "rigid_expenditure_fen":3000000,"unmet_needs":[],"per_capita_income_fen":512345,\
      "income_above_line":false,"still_at_risk":true},{"month":"2025-04","recorded_on":"2025-04-30",\
      "by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "income_last_12_months_fen":4000000,"rigid_expenditure_fen":0,"unmet_needs":[],\
      "per_capita_income_fen":1000000,"income_above_line":true,"still_at_risk":false}],\
      "elimination":{"proposal":{"visited_on":"2025-05-03","by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"finding":"收入稳定超过监测线"},\
      "appraisal":{"held_on":"2025-05-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":18,"votes_for":17,"votes_against":0,"agreed":true,\
      "minutes":"同意消除"},"notice":{"starts_on":"2025-05-05","last_day":"2025-05-09",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[],"closed_on":"2025-05-10","closed_by":{"id":"vwg-a1-2",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-05-11","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-05-12","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"eliminated":false,"note":"抽查收入不稳定"}},"early_elimination":false,\
      "relapses":0}""";

  private static final String CASE_CLOSED_V1 = """
      {"v":1,"id":"case-6110221002010001","household_id":"6110221002010001","area":"611022100201",\
      "household_status":"LIFTED","state":"CLOSED","version":22,"opened_on":"2025-03-03",\
      "signals":[{"channel":"SELF_DECLARATION","source_ref":"sd-6110221002010001",\
      "observed_on":"2025-03-02","received_on":"2025-03-03","risk_types":["ILLNESS"]},\
      {"channel":"INDUSTRY_DEPARTMENT","source_ref":"med-6110221002010001","observed_on":"2025-03-03",\
      "received_on":"2025-03-04","risk_types":["ILLNESS","LACK_OF_LABOUR"]}],"risk_types":["ILLNESS"],\
      "screening_visit":{"visited_on":"2025-03-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"risk_real":true,"consent_to_data_check":true,"note":"因病致贫风险属实"},\
      "appraisal":{"held_on":"2025-03-05","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":20,"votes_for":16,"votes_against":2,"agreed":true,\
      "minutes":"同意纳入"},"notice":{"starts_on":"2025-03-06","last_day":"2025-03-10",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[{"number":1,"filed_on":"2025-03-07","recorded_by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"text":"收入被低估",\
      "answer":{"answered_on":"2025-03-08","by":{"id":"vwg-a1-2","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"text":"经核实收入属实"}}],"closed_on":"2025-03-11",\
      "closed_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-03-12","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-03-13","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"confirmed":true,"category":"UNSTABLE_LIFTED",\
      "risk_types":["ILLNESS"],"reason":""},"emergency":{"approved_on":"2025-03-04",\
      "by":{"id":"head-a","role":"TOWNSHIP_HEAD","jurisdiction":"611022100000"},"amount_fen":500000,\
      "reason":"住院无力支付 cannot pay the hospital"},"cadre_ids":["cadre-1"],"measures":[{"number":1,\
      "type":"EMPLOYMENT","department":"县乡村振兴局","cadre_id":"cadre-1","planned_on":"2025-03-14",\
      "status":"VERIFIED","planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"evidence":"落实台账",\
      "verified_on":"2025-04-12","verified_by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"}},{"number":2,"type":"MICRO_CREDIT","department":"县乡村振兴局",\
      "cadre_id":"cadre-1","planned_on":"2025-03-14","ends_on":"2028-03-13","status":"IMPLEMENTED",\
      "planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"evidence":"落实台账"}],"follow_ups":[{"month":"2025-03",\
      "recorded_on":"2025-03-31","by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"income_last_12_months_fen":2049380,\
      "rigid_expenditure_fen":3000000,"unmet_needs":[],"per_capita_income_fen":512345,\
      "income_above_line":false,"still_at_risk":true},{"month":"2025-04","recorded_on":"2025-04-30",\
      "by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "income_last_12_months_fen":4000000,"rigid_expenditure_fen":0,"unmet_needs":[],\
      "per_capita_income_fen":1000000,"income_above_line":true,"still_at_risk":false}],\
      "elimination":{"proposal":{"visited_on":"2025-05-03","by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"finding":"收入稳定超过监测线"},\
      "appraisal":{"held_on":"2025-05-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":18,"votes_for":17,"votes_against":0,"agreed":true,\
      "minutes":"同意消除"},"notice":{"starts_on":"2025-05-05","last_day":"2025-05-09",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[],"closed_on":"2025-05-10","closed_by":{"id":"vwg-a1-2",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-05-11","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-05-12","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"eliminated":true,"note":"抽查一致"}},\
      "exit":{"starts_on":"2025-05-13","months":6,"ends_on":"2025-11-12","dibao_rule":false},\
      "closed_on":"2025-11-13","early_elimination":false,"relapses":0}""";

  private static final String CASE_RELAPSED_V1 = """
      {"v":1,"id":"case-6110221002010001","household_id":"6110221002010001","area":"611022100201",\
      "household_status":"LIFTED","state":"CONFIRMED","version":22,"opened_on":"2025-03-03",\
      "signals":[{"channel":"SELF_DECLARATION","source_ref":"sd-6110221002010001",\
      "observed_on":"2025-03-02","received_on":"2025-03-03","risk_types":["ILLNESS"]},\
      {"channel":"INDUSTRY_DEPARTMENT","source_ref":"med-6110221002010001","observed_on":"2025-03-03",\
      "received_on":"2025-03-04","risk_types":["ILLNESS","LACK_OF_LABOUR"]},\
      {"channel":"GRID_SCREENING","source_ref":"grid-6110221002010001","observed_on":"2025-07-13",\
      "received_on":"2025-07-13","risk_types":["ILLNESS"]}],"risk_types":["ILLNESS"],\
      "screening_visit":{"visited_on":"2025-03-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"risk_real":true,"consent_to_data_check":true,"note":"因病致贫风险属实"},\
      "appraisal":{"held_on":"2025-03-05","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":20,"votes_for":16,"votes_against":2,"agreed":true,\
      "minutes":"同意纳入"},"notice":{"starts_on":"2025-03-06","last_day":"2025-03-10",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[{"number":1,"filed_on":"2025-03-07","recorded_by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"text":"收入被低估",\
      "answer":{"answered_on":"2025-03-08","by":{"id":"vwg-a1-2","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"text":"经核实收入属实"}}],"closed_on":"2025-03-11",\
      "closed_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-03-12","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-03-13","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"confirmed":true,"category":"UNSTABLE_LIFTED",\
      "risk_types":["ILLNESS"],"reason":""},"emergency":{"approved_on":"2025-03-04",\
      "by":{"id":"head-a","role":"TOWNSHIP_HEAD","jurisdiction":"611022100000"},"amount_fen":500000,\
      "reason":"住院无力支付 cannot pay the hospital"},"cadre_ids":["cadre-1"],"measures":[{"number":1,\
      "type":"EMPLOYMENT","department":"县乡村振兴局","cadre_id":"cadre-1","planned_on":"2025-03-14",\
      "status":"VERIFIED","planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"evidence":"落实台账",\
      "verified_on":"2025-04-12","verified_by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"}},{"number":2,"type":"MICRO_CREDIT","department":"县乡村振兴局",\
      "cadre_id":"cadre-1","planned_on":"2025-03-14","ends_on":"2028-03-13","status":"IMPLEMENTED",\
      "planned_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "implemented_on":"2025-04-02","implemented_by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"evidence":"落实台账"}],"follow_ups":[{"month":"2025-03",\
      "recorded_on":"2025-03-31","by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"income_last_12_months_fen":2049380,\
      "rigid_expenditure_fen":3000000,"unmet_needs":[],"per_capita_income_fen":512345,\
      "income_above_line":false,"still_at_risk":true},{"month":"2025-04","recorded_on":"2025-04-30",\
      "by":{"id":"cadre-1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "income_last_12_months_fen":4000000,"rigid_expenditure_fen":0,"unmet_needs":[],\
      "per_capita_income_fen":1000000,"income_above_line":true,"still_at_risk":false}],\
      "elimination":{"proposal":{"visited_on":"2025-05-03","by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"finding":"收入稳定超过监测线"},\
      "appraisal":{"held_on":"2025-05-04","by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"attendees":18,"votes_for":17,"votes_against":0,"agreed":true,\
      "minutes":"同意消除"},"notice":{"starts_on":"2025-05-05","last_day":"2025-05-09",\
      "posted_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "objections":[],"closed_on":"2025-05-10","closed_by":{"id":"vwg-a1-2",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-05-11","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-05-12","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"eliminated":true,"note":"抽查一致"}},"early_elimination":true,\
      "relapses":1}""";

  private static final String CASE_DISMISSED_V1 = """
      {"v":1,"id":"case-6110221002010001","household_id":"6110221002010001","area":"611022100201",\
      "household_status":"LIFTED","state":"DISMISSED","version":11,"opened_on":"2025-03-03",\
      "signals":[{"channel":"SELF_DECLARATION","source_ref":"sd-6110221002010001",\
      "observed_on":"2025-03-02","received_on":"2025-03-03","risk_types":["ILLNESS"]},\
      {"channel":"INDUSTRY_DEPARTMENT","source_ref":"med-6110221002010001","observed_on":"2025-03-03",\
      "received_on":"2025-03-04","risk_types":["ILLNESS","LACK_OF_LABOUR"]}],"risk_types":["ILLNESS",\
      "LACK_OF_LABOUR"],"screening_visit":{"visited_on":"2025-03-04","by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"risk_real":true,\
      "consent_to_data_check":true,"note":"因病致贫风险属实"},"appraisal":{"held_on":"2025-03-05",\
      "by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "attendees":20,"votes_for":16,"votes_against":2,"agreed":true,"minutes":"同意纳入"},\
      "notice":{"starts_on":"2025-03-06","last_day":"2025-03-10","posted_by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"objections":[{"number":1,\
      "filed_on":"2025-03-07","recorded_by":{"id":"vwg-a1","role":"VILLAGE_WORKING_GROUP",\
      "jurisdiction":"611022100201"},"text":"收入被低估","answer":{"answered_on":"2025-03-08",\
      "by":{"id":"vwg-a1-2","role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},\
      "text":"经核实收入属实"}}],"closed_on":"2025-03-11","closed_by":{"id":"vwg-a1",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"}},\
      "verification":{"verified_on":"2025-03-12","by":{"id":"twp-a","role":"TOWNSHIP_OFFICER",\
      "jurisdiction":"611022100000"},"upheld":true,"note":"核查属实"},\
      "decision":{"decided_on":"2025-03-13","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"confirmed":false,"risk_types":[],"reason":"收入达标"},\
      "emergency":{"approved_on":"2025-03-04","by":{"id":"head-a","role":"TOWNSHIP_HEAD",\
      "jurisdiction":"611022100000"},"amount_fen":500000,"reason":"住院无力支付 cannot pay the hospital"},\
      "dismissal":{"on":"2025-03-13","by":{"id":"county-1","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"at_state":"AWAITING_COUNTY","reason":"收入达标"},"cadre_ids":[],\
      "measures":[],"follow_ups":[],"early_elimination":false,"relapses":0}""";

  private static final String AID_APPLICATION_V1 = """
      {"v":1,"id":"aid-1","household_id":"6110221002010001","area":"611022100201","case_id":"case-1",\
      "fund_year":2025,"purpose":"HARDSHIP","amount_fen":1234567,\
      "general_policies_received":["基本医疗保险","临时救助"],"emergency":true,"state":"REVERSED","version":4,\
      "applied_on":"2025-03-03","village":{"on":"2025-03-04","by":{"id":"vwg-611022100201",\
      "role":"VILLAGE_WORKING_GROUP","jurisdiction":"611022100201"},"passed":true,"note":"村民代表会议通过"},\
      "county":{"on":"2025-03-06","by":{"id":"county-office-611022","role":"COUNTY_OFFICE",\
      "jurisdiction":"611022000000"},"passed":false,"note":"材料不全"},"payment_id":"pay-aid-1",\
      "batch_id":"batch-7","reversal_id":"rev-aid-1"}""";

  private static final String TRANSFER_V1 = """
      {"v":1,"id":"rev-1","kind":"REVERSAL","from":{"county":"611022000000","fund_year":2025,\
      "kind":"AID_PAID","household_id":"6110221002010001"},"to":{"county":"611022000000",\
      "fund_year":2025,"kind":"POOL"},"amount_fen":123456,"booked_on":"2025-03-04",\
      "recorded_at":"2025-03-03T01:00:00.120Z","actor_id":"county-office-611022","purpose":"GENERAL",\
      "application_id":"aid-1","reverses":"pay-1","memo":"金额有误 wrong amount"}""";

  private static final String AUDIT_RECORD_V1 = """
      {"v":1,"county":"611022000000","sequence":2,"at":"2025-03-03T01:00:00.120Z",\
      "actor_id":"county-office-611022","actor_role":"COUNTY_OFFICE",\
      "action":"review.screening_visit","subject_id":"case-2","before_state":"AWAITING_VISIT",\
      "after_state":"AWAITING_APPRAISAL",\
      "previous_hash":"ad9116ab9f774d95a53cbea2a9be3a734224b9e5c9bdfd64d72b64e00fb81ff5",\
      "hash":"4b138240a3d226e5e8e6a518f89274c0ba8bee71026aa370bbe2991107e9252c"}""";

  private static final String EVENT_V1 = """
      {"v":1,"id":"e-1","type":"CASE_OPENED","case_id":"case-1","household_id":"6110221002010001",\
      "area":"611022100201","occurred_at":"2025-03-03T01:00:00.120Z",\
      "attributes":{"dueOn":"2025-03-18","channel":"GRID_SCREENING"}}""";

  private static final String GRID_VISIT_V1 = """
      {"v":1,"grid_worker_id":"grid-611022-003","household_id":"6110221002010001",\
      "visited_on":"2025-03-03","note":"生活正常\\n all well"}""";


  // ---------------------------------------------------------------- the values the pinned documents hold

  private static final String HOUSEHOLD_ID = "6110221002010001";
  private static final AreaCode VILLAGE = AreaCode.of("611022100201");
  private static final AreaCode COUNTY = AreaCode.of("611022000000");
  private static final Actor VILLAGE_GROUP = Actor.of("vwg-611022100201", Role.VILLAGE_WORKING_GROUP, VILLAGE);
  private static final Actor COUNTY_OFFICER = Actor.of("county-office-611022", Role.COUNTY_OFFICE, COUNTY);
  private static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  private static final Instant AT = Instant.parse("2025-03-03T01:00:00.120Z");

  private static Household household() {
    ResidentId head = ResidentId.of("611022196805170016");
    return Household.builder()
        .id(HOUSEHOLD_ID)
        .area(VILLAGE)
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
        .addFocusFlags(FocusFlag.SERIOUS_ILLNESS, FocusFlag.DIBAO)
        .addMembers(
            Member.builder().residentId(head).relation(MemberRelation.HEAD).ableToWork(true)
                .seniorStudent(false).disabled(false).seriouslyIll(false).build(),
            Member.builder().residentId(ResidentId.of("611022196805170024")).relation(MemberRelation.SPOUSE)
                .ableToWork(false).seniorStudent(false).disabled(false).seriouslyIll(true).build(),
            Member.builder().relation(MemberRelation.CHILD).ableToWork(false)
                .seniorStudent(true).disabled(false).seriouslyIll(false).build())
        .build();
  }

  private static StoredSignal signal() {
    return StoredSignal.builder()
        .signal(RiskSignal.builder()
            .channel(Channel.MEDIA_HOTLINE)
            .sourceRef("12317-88")
            .householdId(HOUSEHOLD_ID)
            .observedOn(OPENED.minusDays(1))
            .addRiskTypes(RiskType.ILLNESS, RiskType.DISASTER)
            .addEvidence(Evidence.of("住院费用清单 \"hospital\" bill", Optional.of(Money.ofYuan(42_000))),
                Evidence.of("照片 photo", Optional.empty()))
            .reportedBy(VILLAGE_GROUP)
            .build())
        .area(VILLAGE)
        .caseId("case-1")
        .outcome(SignalOutcome.JOINED_CASE)
        .receivedAt(AT)
        .receivedOn(OPENED)
        .build();
  }

  private static AidApplication aidApplication() {
    return AidApplication.builder()
        .id("aid-1")
        .householdId(HOUSEHOLD_ID)
        .area(VILLAGE)
        .caseId("case-1")
        .fundYear(2025)
        .purpose(AidPurpose.HARDSHIP)
        .amount(Money.ofFen(1_234_567))
        .addGeneralPoliciesReceived("基本医疗保险", "临时救助")
        .emergency(true)
        .state(AidApplicationState.REVERSED)
        .version(4)
        .appliedOn(OPENED)
        .village(new AidStep(OPENED.plusDays(1), VILLAGE_GROUP, true, "村民代表会议通过"))
        .county(new AidStep(OPENED.plusDays(3), COUNTY_OFFICER, false, "材料不全"))
        .paymentId("pay-aid-1")
        .batchId("batch-7")
        .reversalId("rev-aid-1")
        .build();
  }

  private static Transfer transfer() {
    return Transfer.builder()
        .id("rev-1")
        .kind(TransferKind.REVERSAL)
        .from(AccountRef.aidPaid(COUNTY, 2025, HOUSEHOLD_ID))
        .to(AccountRef.pool(COUNTY, 2025))
        .amount(Money.ofFen(123_456))
        .bookedOn(OPENED.plusDays(1))
        .recordedAt(AT)
        .actorId(COUNTY_OFFICER.id())
        .purpose(AidPurpose.GENERAL)
        .applicationId("aid-1")
        .reverses("pay-1")
        .memo("金额有误 wrong amount")
        .build();
  }

  private static AuditRecord auditRecord() {
    return AuditRecord.builder()
        .county(COUNTY)
        .sequence(2)
        .at(AT)
        .actorId(COUNTY_OFFICER.id())
        .actorRole(Role.COUNTY_OFFICE)
        .action("review.screening_visit")
        .subjectId("case-2")
        .beforeState("AWAITING_VISIT")
        .afterState("AWAITING_APPRAISAL")
        .previousHash("ad9116ab9f774d95a53cbea2a9be3a734224b9e5c9bdfd64d72b64e00fb81ff5")
        .hash("4b138240a3d226e5e8e6a518f89274c0ba8bee71026aa370bbe2991107e9252c")
        .build();
  }

  private static DomainEvent event() {
    return DomainEvent.builder()
        .id("e-1")
        .type(EventType.CASE_OPENED)
        .caseId("case-1")
        .householdId(HOUSEHOLD_ID)
        .area(VILLAGE)
        .occurredAt(AT)
        .putAttributes("dueOn", "2025-03-18")
        .putAttributes("channel", "GRID_SCREENING")
        .build();
  }

  private static GridVisit gridVisit() {
    return new GridVisit("grid-611022-003", HOUSEHOLD_ID, OPENED, "生活正常\n all well");
  }

  private static MonitoringCase caseAt(Stage stage) {
    return CaseStories.at(stage, HOUSEHOLD_ID, OPENED, 1);
  }
}
