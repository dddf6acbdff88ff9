package org.fangfanpin.core.review;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * Cases and actors for the pure rule tests, free of any store: Danfeng county's areas, one actor
 * of each role, and a case walked by the rules themselves to each state of the review on a
 * timetable of March 2025.
 */
final class ReviewFixtures {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  static final AreaCode TOWNSHIP_B = AreaCode.of("611022101000");
  static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");

  static final Actor VILLAGE_GROUP = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor VILLAGE_GROUP_OTHER = Actor.of("vwg-a1-2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor VILLAGE_GROUP_A2 =
      Actor.of("vwg-a2", Role.VILLAGE_WORKING_GROUP, AreaCode.of("611022100202"));
  static final Actor GRID_WORKER = Actor.of("grid-a1", Role.GRID_WORKER, VILLAGE_A1);
  static final Actor TOWNSHIP_OFFICER = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  static final Actor TOWNSHIP_OFFICER_B = Actor.of("twp-b", Role.TOWNSHIP_OFFICER, TOWNSHIP_B);
  static final Actor TOWNSHIP_HEAD = Actor.of("head-a", Role.TOWNSHIP_HEAD, TOWNSHIP_A);
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);

  static final PolicyParameters POLICY = PolicyParameters.builder().build();
  static final PolicyLookup POLICIES = (area, day) -> POLICY;

  /** The timetable of the walk: each step one day after the previous one. */
  static final LocalDate OPENED = LocalDate.of(2025, 3, 3);
  static final LocalDate VISITED = LocalDate.of(2025, 3, 4);
  static final LocalDate APPRAISED = LocalDate.of(2025, 3, 5);
  static final LocalDate NOTICE_STARTS = LocalDate.of(2025, 3, 6);
  /** Five days of notice by default: the 6th to the 10th. */
  static final LocalDate NOTICE_LAST_DAY = LocalDate.of(2025, 3, 10);
  static final LocalDate NOTICE_CLOSED = LocalDate.of(2025, 3, 11);
  static final LocalDate VERIFIED = LocalDate.of(2025, 3, 12);
  static final LocalDate DECIDED = LocalDate.of(2025, 3, 13);
  /** The day the rules are asked on, after every step of the walk. */
  static final LocalDate TODAY = LocalDate.of(2025, 3, 31);

  private ReviewFixtures() {}

  /** A lifted household's case in village A1, just opened by one self-declaration. */
  static MonitoringCase opened() {
    return opened("case-1", HouseholdStatus.LIFTED);
  }

  /** A case just opened for a household of the status. */
  static MonitoringCase opened(String id, HouseholdStatus status) {
    return MonitoringCase.builder()
        .id(id)
        .householdId("6110221002010001")
        .area(VILLAGE_A1)
        .householdStatus(status)
        .state(CaseState.AWAITING_VISIT)
        .version(1)
        .openedOn(OPENED)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "ref-1", OPENED, OPENED, Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .build();
  }

  static ScreeningVisit visit(boolean riskReal, boolean consent) {
    return new ScreeningVisit(VISITED, VILLAGE_GROUP, riskReal, consent, "入户核实：家中主要劳动力因病住院");
  }

  static Appraisal appraisal(boolean agreed) {
    return agreed
        ? new Appraisal(APPRAISED, VILLAGE_GROUP, 30, 25, 3, true, "村民代表会议评议通过")
        : new Appraisal(APPRAISED, VILLAGE_GROUP, 30, 5, 20, false, "村民代表会议评议未通过");
  }

  static TownshipVerification verification(boolean upheld) {
    return new TownshipVerification(VERIFIED, TOWNSHIP_OFFICER, upheld, "乡镇核查组入户核实");
  }

  static CountyDecision confirmation(MonitoringCategory category, RiskType... riskTypes) {
    return new CountyDecision(DECIDED, COUNTY_OFFICER, true, Optional.of(category), Set.of(riskTypes), "");
  }

  static CountyDecision dismissal(String reason) {
    return new CountyDecision(DECIDED, COUNTY_OFFICER, false, Optional.empty(), Set.of(), reason);
  }

  static EmergencyApproval emergency(LocalDate on) {
    return new EmergencyApproval(on, TOWNSHIP_HEAD, Money.ofYuan(3_000), "房屋倒塌，基本生活无着");
  }

  static MonitoringCase awaitingAppraisal() {
    return accepted(ReviewRules.recordScreeningVisit(opened(), visit(true, true), TODAY));
  }

  static MonitoringCase awaitingNotice() {
    return accepted(ReviewRules.recordAppraisal(awaitingAppraisal(), appraisal(true), TODAY));
  }

  static MonitoringCase inNotice() {
    return accepted(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY, POLICIES));
  }

  static MonitoringCase awaitingTownship() {
    return accepted(ReviewRules.closeNotice(inNotice(), VILLAGE_GROUP, NOTICE_CLOSED, TODAY));
  }

  static MonitoringCase awaitingCounty() {
    return accepted(ReviewRules.verify(awaitingTownship(), verification(true), TODAY));
  }

  static MonitoringCase confirmed() {
    return accepted(ReviewRules.decide(awaitingCounty(),
        confirmation(MonitoringCategory.UNSTABLE_LIFTED, RiskType.ILLNESS), TODAY));
  }

  static MonitoringCase dismissed() {
    return accepted(ReviewRules.recordScreeningVisit(opened(), visit(false, false), TODAY));
  }

  /** A case of the walk in the given state. */
  static MonitoringCase inState(CaseState state) {
    switch (state) {
      case AWAITING_VISIT:
        return opened();
      case AWAITING_APPRAISAL:
        return awaitingAppraisal();
      case AWAITING_NOTICE:
        return awaitingNotice();
      case IN_NOTICE:
        return inNotice();
      case AWAITING_TOWNSHIP:
        return awaitingTownship();
      case AWAITING_COUNTY:
        return awaitingCounty();
      case CONFIRMED:
        return confirmed();
      case DISMISSED:
        return dismissed();
      default:
        return confirmed().withState(CaseState.CLOSED);
    }
  }

  /** The case after an accepted move; fails the test on a rejection. */
  static MonitoringCase accepted(Either<Rejection, Transition> result) {
    return result.getOrElseThrow(r -> new AssertionError("expected the move to be accepted: " + r)).after();
  }

  /** A text of {@code n} characters without digits. */
  static String text(int n) {
    return "评".repeat(n);
  }
}
