package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Member;
import org.fangfanpin.spi.model.MemberRelation;

/**
 * The stored form of a household (户) and its members (家庭成员). The only document that holds full
 * resident ID numbers: the head's and the members'.
 */
final class HouseholdCodec {

  private HouseholdCodec() {}

  static void write(JsonOut o, Household h) {
    o.text("id", h.id())
        .area("area", h.area())
        .enumValue("status", h.status())
        .residentId("head", h.head())
        .integer("member_count", h.memberCount())
        .integer("workers", h.workers())
        .integer("senior_students", h.seniorStudents())
        .integer("disabled_members", h.disabledMembers())
        .integer("seriously_ill_members", h.seriouslyIllMembers())
        .money("income_last_12_months_fen", h.incomeLast12Months())
        .money("previous_year_income_fen", h.previousYearIncome())
        .money("rigid_expenditure_fen", h.rigidExpenditure())
        .enumSet("unmet_needs", h.unmetNeeds())
        .enumSet("focus_flags", h.focusFlags())
        .objects("members", h.members(), HouseholdCodec::writeMember);
  }

  static Household read(JsonFields f) {
    Household.Builder b = Household.builder()
        .id(f.text("id"))
        .area(f.area("area"))
        .status(f.enumValue("status", HouseholdStatus.class))
        .head(f.residentId("head"))
        .memberCount(f.integer("member_count"))
        .workers(f.integer("workers"))
        .seniorStudents(f.integer("senior_students"))
        .disabledMembers(f.integer("disabled_members"))
        .seriouslyIllMembers(f.integer("seriously_ill_members"))
        .incomeLast12Months(f.money("income_last_12_months_fen"))
        .previousYearIncome(f.money("previous_year_income_fen"))
        .rigidExpenditure(f.money("rigid_expenditure_fen"))
        .unmetNeeds(f.enumSet("unmet_needs", BasicNeed.class))
        .focusFlags(f.enumSet("focus_flags", FocusFlag.class))
        .members(f.objects("members", HouseholdCodec::readMember));
    return f.build(b::build);
  }

  private static void writeMember(JsonOut o, Member m) {
    o.residentId("resident_id", m.residentId())
        .enumValue("relation", m.relation())
        .flag("able_to_work", m.ableToWork())
        .flag("senior_student", m.seniorStudent())
        .flag("disabled", m.disabled())
        .flag("seriously_ill", m.seriouslyIll());
  }

  private static Member readMember(JsonFields f) {
    Member.Builder b = Member.builder()
        .residentId(f.optionalResidentId("resident_id"))
        .relation(f.enumValue("relation", MemberRelation.class))
        .ableToWork(f.flag("able_to_work"))
        .seniorStudent(f.flag("senior_student"))
        .disabled(f.flag("disabled"))
        .seriouslyIll(f.flag("seriously_ill"));
    return f.build(b::build);
  }
}
