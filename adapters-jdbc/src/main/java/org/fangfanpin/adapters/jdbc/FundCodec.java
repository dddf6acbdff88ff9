package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.fund.AccountKind;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;

/**
 * The stored form of the special fund's values (防返贫专项资金): aid applications with their tiers'
 * steps (审批环节) and ledger transfers (转账) between accounts.
 */
final class FundCodec {

  private FundCodec() {}

  static void writeApplication(JsonOut o, AidApplication a) {
    o.text("id", a.id())
        .text("household_id", a.householdId())
        .area("area", a.area())
        .text("case_id", a.caseId())
        .integer("fund_year", a.fundYear())
        .enumValue("purpose", a.purpose())
        .money("amount_fen", a.amount())
        .texts("general_policies_received", a.generalPoliciesReceived())
        .flag("emergency", a.emergency())
        .enumValue("state", a.state())
        .integer("version", a.version())
        .date("applied_on", a.appliedOn())
        .optionalObject("village", a.village(), FundCodec::writeStep)
        .optionalObject("township", a.township(), FundCodec::writeStep)
        .optionalObject("county", a.county(), FundCodec::writeStep)
        .text("payment_id", a.paymentId())
        .text("batch_id", a.batchId())
        .text("reversal_id", a.reversalId());
  }

  /**
   * The state field of an application's document exactly as {@link #writeApplication} writes it
   * (compact JSON, the enum's name), for finding applications in a state without decoding them.
   */
  static String stateField(AidApplicationState state) {
    return "\"state\":\"" + state.name() + "\"";
  }

  static AidApplication readApplication(JsonFields f) {
    AidApplication.Builder b = AidApplication.builder()
        .id(f.text("id"))
        .householdId(f.text("household_id"))
        .area(f.area("area"))
        .caseId(f.optionalText("case_id"))
        .fundYear(f.integer("fund_year"))
        .purpose(f.enumValue("purpose", AidPurpose.class))
        .amount(f.money("amount_fen"))
        .generalPoliciesReceived(f.texts("general_policies_received"))
        .emergency(f.flag("emergency"))
        .state(f.enumValue("state", AidApplicationState.class))
        .version(f.longInteger("version"))
        .appliedOn(f.date("applied_on"))
        .village(f.optionalObject("village", FundCodec::readStep))
        .township(f.optionalObject("township", FundCodec::readStep))
        .county(f.optionalObject("county", FundCodec::readStep))
        .paymentId(f.optionalText("payment_id"))
        .batchId(f.optionalText("batch_id"))
        .reversalId(f.optionalText("reversal_id"));
    return f.build(b::build);
  }

  static void writeTransfer(JsonOut o, Transfer t) {
    o.text("id", t.id())
        .enumValue("kind", t.kind())
        .object("from", t.from(), FundCodec::writeAccount)
        .object("to", t.to(), FundCodec::writeAccount)
        .money("amount_fen", t.amount())
        .date("booked_on", t.bookedOn())
        .instant("recorded_at", t.recordedAt())
        .text("actor_id", t.actorId())
        .enumValue("purpose", t.purpose())
        .text("application_id", t.applicationId())
        .text("batch_id", t.batchId())
        .text("reverses", t.reverses())
        .text("memo", t.memo());
  }

  static Transfer readTransfer(JsonFields f) {
    Transfer.Builder b = Transfer.builder()
        .id(f.text("id"))
        .kind(f.enumValue("kind", TransferKind.class))
        .from(f.object("from", FundCodec::readAccount))
        .to(f.object("to", FundCodec::readAccount))
        .amount(f.money("amount_fen"))
        .bookedOn(f.date("booked_on"))
        .recordedAt(f.instant("recorded_at"))
        .actorId(f.text("actor_id"))
        .purpose(f.optionalEnum("purpose", AidPurpose.class))
        .applicationId(f.optionalText("application_id"))
        .batchId(f.optionalText("batch_id"))
        .reverses(f.optionalText("reverses"))
        .memo(f.text("memo"));
    return f.build(b::build);
  }

  private static void writeStep(JsonOut o, AidStep s) {
    o.date("on", s.on())
        .actor("by", s.by())
        .flag("passed", s.passed())
        .text("note", s.note());
  }

  private static AidStep readStep(JsonFields f) {
    return f.build(() -> new AidStep(f.date("on"), f.actor("by"), f.flag("passed"), f.text("note")));
  }

  private static void writeAccount(JsonOut o, AccountRef a) {
    o.area("county", a.county())
        .integer("fund_year", a.fundYear())
        .enumValue("kind", a.kind())
        .text("household_id", a.householdId());
  }

  private static AccountRef readAccount(JsonFields f) {
    return f.build(() -> new AccountRef(f.area("county"), f.integer("fund_year"),
        f.enumValue("kind", AccountKind.class), f.optionalText("household_id")));
  }
}
