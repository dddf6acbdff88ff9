package org.fangfanpin.core.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.fangfanpin.core.review.ReviewFixtures.APPRAISED;
import static org.fangfanpin.core.review.ReviewFixtures.COUNTY;
import static org.fangfanpin.core.review.ReviewFixtures.COUNTY_OFFICER;
import static org.fangfanpin.core.review.ReviewFixtures.DECIDED;
import static org.fangfanpin.core.review.ReviewFixtures.GRID_WORKER;
import static org.fangfanpin.core.review.ReviewFixtures.NOTICE_CLOSED;
import static org.fangfanpin.core.review.ReviewFixtures.NOTICE_LAST_DAY;
import static org.fangfanpin.core.review.ReviewFixtures.NOTICE_STARTS;
import static org.fangfanpin.core.review.ReviewFixtures.OPENED;
import static org.fangfanpin.core.review.ReviewFixtures.POLICIES;
import static org.fangfanpin.core.review.ReviewFixtures.TODAY;
import static org.fangfanpin.core.review.ReviewFixtures.TOWNSHIP_A;
import static org.fangfanpin.core.review.ReviewFixtures.TOWNSHIP_HEAD;
import static org.fangfanpin.core.review.ReviewFixtures.TOWNSHIP_OFFICER;
import static org.fangfanpin.core.review.ReviewFixtures.TOWNSHIP_OFFICER_B;
import static org.fangfanpin.core.review.ReviewFixtures.VERIFIED;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_A1;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_GROUP;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_GROUP_A2;
import static org.fangfanpin.core.review.ReviewFixtures.VILLAGE_GROUP_OTHER;
import static org.fangfanpin.core.review.ReviewFixtures.VISITED;
import static org.fangfanpin.core.review.ReviewFixtures.accepted;
import static org.fangfanpin.core.review.ReviewFixtures.appraisal;
import static org.fangfanpin.core.review.ReviewFixtures.awaitingAppraisal;
import static org.fangfanpin.core.review.ReviewFixtures.awaitingCounty;
import static org.fangfanpin.core.review.ReviewFixtures.awaitingNotice;
import static org.fangfanpin.core.review.ReviewFixtures.awaitingTownship;
import static org.fangfanpin.core.review.ReviewFixtures.confirmation;
import static org.fangfanpin.core.review.ReviewFixtures.dismissal;
import static org.fangfanpin.core.review.ReviewFixtures.emergency;
import static org.fangfanpin.core.review.ReviewFixtures.inNotice;
import static org.fangfanpin.core.review.ReviewFixtures.opened;
import static org.fangfanpin.core.review.ReviewFixtures.text;
import static org.fangfanpin.core.review.ReviewFixtures.verification;
import static org.fangfanpin.core.review.ReviewFixtures.visit;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.event.EventType;
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
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every move of the tiered review and every rejection it can give, one rule at a time. */
class ReviewRulesTest {

  static Rejection rejected(Either<Rejection, Transition> result, String code) {
    assertThat(result.isLeft()).as("expected %s, got %s", code, result).isTrue();
    assertThat(result.getLeft().code()).isEqualTo(code);
    return result.getLeft();
  }

  static Transition transition(Either<Rejection, Transition> result) {
    assertThat(result.isRight()).as("expected the move to be accepted, got %s", result).isTrue();
    return result.get();
  }

  /** An actor with the id of {@code earlier} acting in another role: the same person. */
  static Actor samePersonAs(Actor earlier, Role role, AreaCode jurisdiction) {
    return Actor.of(earlier.id(), role, jurisdiction);
  }

  @Nested
  class ScreeningVisits {

    @Test
    void movesARealRiskWithConsentOnToTheAppraisal() {
      ScreeningVisit v = visit(true, true);
      Transition t = transition(ReviewRules.recordScreeningVisit(opened(), v, TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.AWAITING_APPRAISAL);
      assertThat(t.after().version()).isEqualTo(2);
      assertThat(t.after().screeningVisit()).contains(v);
      assertThat(t.after().screeningVisit().get().consentToDataCheck()).isTrue();
      assertThat(t.action()).isEqualTo("review.screening_visit");
      assertThat(t.actor()).isEqualTo(VILLAGE_GROUP);
      assertThat(t.events()).isEmpty();
    }

    @Test
    void dismissesARiskFoundNotRealWithTheNoteAsTheReason() {
      ScreeningVisit v = new ScreeningVisit(VISITED, VILLAGE_GROUP, false, false, "经核实家庭收入稳定，风险不属实");
      Transition t = transition(ReviewRules.recordScreeningVisit(opened(), v, TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.DISMISSED);
      assertThat(t.after().version()).isEqualTo(2);
      assertThat(t.after().screeningVisit()).contains(v);
      assertThat(t.after().dismissal()).hasValueSatisfying(d -> {
        assertThat(d.on()).isEqualTo(VISITED);
        assertThat(d.by()).isEqualTo(VILLAGE_GROUP);
        assertThat(d.atState()).isEqualTo(CaseState.AWAITING_VISIT);
        assertThat(d.reason()).isEqualTo("经核实家庭收入稳定，风险不属实");
      });
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_DISMISSED);
        assertThat(e.attributes()).containsExactly(Map.entry("atState", "AWAITING_VISIT"),
            Map.entry("dismissedOn", "2025-03-04"), Map.entry("byRole", "VILLAGE_WORKING_GROUP"),
            Map.entry("reason", "经核实家庭收入稳定，风险不属实"));
      });
    }

    @Test
    void rejectsARealRiskWithoutTheHouseholdsConsentToTheDataCheck() {
      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), visit(true, false), TODAY),
          "review.consent_missing");

      assertThat(r.zh()).contains("授权");
      assertThat(r.en()).contains("authorisation");
    }

    @Test
    void needsNoConsentToDismissARiskFoundNotReal() {
      assertThat(transition(ReviewRules.recordScreeningVisit(opened(), visit(false, false), TODAY)).after().state())
          .isEqualTo(CaseState.DISMISSED);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "VILLAGE_WORKING_GROUP", mode = EnumSource.Mode.EXCLUDE)
    void rejectsAVisitRecordedInAnyRoleButTheVillageWorkingGroup(Role role) {
      Actor by = Actor.of("someone", role, VILLAGE_A1);
      ScreeningVisit v = new ScreeningVisit(VISITED, by, true, true, "入户核实");

      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), v, TODAY), "actor.role_not_allowed");
      assertThat(r.zh()).contains(role.zh());
      assertThat(r.en()).contains(role.en());
    }

    @Test
    void rejectsAVisitByTheWorkingGroupOfAnotherVillage() {
      ScreeningVisit v = new ScreeningVisit(VISITED, VILLAGE_GROUP_A2, true, true, "入户核实");

      rejected(ReviewRules.recordScreeningVisit(opened(), v, TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void rejectsAVisitDatedAfterToday() {
      ScreeningVisit v = new ScreeningVisit(TODAY.plusDays(1), VILLAGE_GROUP, true, true, "入户核实");

      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), v, TODAY), "review.date_out_of_order");
      assertThat(r.en()).contains("after today");
    }

    @Test
    void acceptsAVisitOnTheDayTheCaseOpenedAndRejectsOneTheDayBefore() {
      ScreeningVisit sameDay = new ScreeningVisit(OPENED, VILLAGE_GROUP, true, true, "入户核实");
      ScreeningVisit dayBefore = new ScreeningVisit(OPENED.minusDays(1), VILLAGE_GROUP, true, true, "入户核实");

      transition(ReviewRules.recordScreeningVisit(opened(), sameDay, OPENED));
      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), dayBefore, TODAY), "review.date_out_of_order");
      assertThat(r.en()).contains("before the day the case opened");
    }

    @Test
    void rejectsABlankNote() {
      ScreeningVisit v = new ScreeningVisit(VISITED, VILLAGE_GROUP, false, false, "  ");

      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), v, TODAY), "input.invalid");
      assertThat(r.en()).contains("note");
    }

    @Test
    void acceptsANoteOf500CharactersAndRejectsOneOf501() {
      ScreeningVisit longest = new ScreeningVisit(VISITED, VILLAGE_GROUP, true, true, text(500));
      ScreeningVisit tooLong = new ScreeningVisit(VISITED, VILLAGE_GROUP, true, true, text(501));

      transition(ReviewRules.recordScreeningVisit(opened(), longest, TODAY));
      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), tooLong, TODAY), "input.invalid");
      assertThat(r.en()).contains("note").contains("500");
    }

    @Test
    void rejectsANoteHoldingAResidentIdNumberOrAPhone() {
      ScreeningVisit withId = new ScreeningVisit(VISITED, VILLAGE_GROUP, true, true, "户主 11010519491231002X 住院");
      ScreeningVisit withPhone = new ScreeningVisit(VISITED, VILLAGE_GROUP, true, true, "联系电话13912345678");

      Rejection r = rejected(ReviewRules.recordScreeningVisit(opened(), withId, TODAY), "input.invalid");
      assertThat(r.zh()).doesNotContain("11010519491231002X");
      rejected(ReviewRules.recordScreeningVisit(opened(), withPhone, TODAY), "input.invalid");
    }

    @Test
    void rejectsASecondVisitNamingTheStateTheCaseIsIn() {
      Rejection r = rejected(ReviewRules.recordScreeningVisit(awaitingAppraisal(), visit(true, true), TODAY),
          "review.wrong_state");

      assertThat(r.zh()).contains("待民主评议").contains("待入户核实");
      assertThat(r.en()).contains("awaiting the democratic appraisal").contains("awaiting the village visit");
    }

    @Test
    void checksTheStateBeforeAnythingElse() {
      ScreeningVisit everythingWrong = new ScreeningVisit(TODAY.plusDays(1), GRID_WORKER, true, false, "");

      rejected(ReviewRules.recordScreeningVisit(awaitingAppraisal(), everythingWrong, TODAY), "review.wrong_state");
    }
  }

  @Nested
  class Appraisals {

    @Test
    void movesAnAgreedAppraisalOnToTheNotice() {
      Transition t = transition(ReviewRules.recordAppraisal(awaitingAppraisal(), appraisal(true), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.AWAITING_NOTICE);
      assertThat(t.after().version()).isEqualTo(3);
      assertThat(t.after().appraisal()).contains(appraisal(true));
      assertThat(t.action()).isEqualTo("review.appraisal");
      assertThat(t.events()).isEmpty();
    }

    @Test
    void dismissesARefusedAppraisalWithTheMinutesAsTheReason() {
      Transition t = transition(ReviewRules.recordAppraisal(awaitingAppraisal(), appraisal(false), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.DISMISSED);
      assertThat(t.after().dismissal()).hasValueSatisfying(d -> {
        assertThat(d.reason()).isEqualTo("村民代表会议评议未通过");
        assertThat(d.atState()).isEqualTo(CaseState.AWAITING_APPRAISAL);
      });
      assertThat(t.events()).extracting(Transition.Raised::type).containsExactly(EventType.CASE_DISMISSED);
    }

    @Test
    void countsAbstentionsAsAttendeesWhoDidNotVote() {
      Appraisal a = new Appraisal(APPRAISED, VILLAGE_GROUP, 30, 4, 3, true, "纪要");

      transition(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY));
    }

    @ParameterizedTest(name = "{0} attendees, {1} for, {2} against, agreed {3}: {4}")
    @CsvSource({
        "0, 0, 0, false, attendees",
        "10, -1, 0, false, votesFor",
        "10, 0, -1, false, votesAgainst",
        "10, 6, 5, true, votesFor",
        "10, 5, 5, true, agreed",
        "10, 0, 0, true, agreed",
        "10, 6, 4, false, agreed",
        "10, 3, 4, true, agreed"})
    void rejectsFiguresThatDoNotAddUpNamingTheField(int attendees, int votesFor, int votesAgainst, boolean agreed,
        String field) {
      Appraisal a = new Appraisal(APPRAISED, VILLAGE_GROUP, attendees, votesFor, votesAgainst, agreed, "纪要");

      Rejection r = rejected(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY), "review.appraisal_votes");
      assertThat(r.zh()).contains(field);
      assertThat(r.en()).contains(field);
    }

    @Test
    void listsEveryProblemWithTheFiguresAtOnce() {
      Appraisal a = new Appraisal(APPRAISED, VILLAGE_GROUP, 0, -1, -2, false, "纪要");

      Rejection r = rejected(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY), "review.appraisal_votes");
      assertThat(r.en()).contains("attendees").contains("votesFor").contains("votesAgainst");
    }

    @Test
    void acceptsAnAgreedMajorityAndARefusedTie() {
      Appraisal majority = new Appraisal(APPRAISED, VILLAGE_GROUP, 10, 6, 4, true, "纪要");
      Appraisal tie = new Appraisal(APPRAISED, VILLAGE_GROUP, 10, 5, 5, false, "纪要");

      assertThat(transition(ReviewRules.recordAppraisal(awaitingAppraisal(), majority, TODAY)).after().state())
          .isEqualTo(CaseState.AWAITING_NOTICE);
      assertThat(transition(ReviewRules.recordAppraisal(awaitingAppraisal(), tie, TODAY)).after().state())
          .isEqualTo(CaseState.DISMISSED);
    }

    @Test
    void rejectsAnAppraisalHeldBeforeTheVisit() {
      Appraisal a = new Appraisal(VISITED.minusDays(1), VILLAGE_GROUP, 30, 25, 3, true, "纪要");

      rejected(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY), "review.date_out_of_order");
    }

    @Test
    void rejectsBlankMinutes() {
      Appraisal a = new Appraisal(APPRAISED, VILLAGE_GROUP, 30, 25, 3, true, "");

      Rejection r = rejected(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY), "input.invalid");
      assertThat(r.en()).contains("minutes");
    }

    @Test
    void rejectsAnAppraisalRecordedByATownshipOfficer() {
      Appraisal a = new Appraisal(APPRAISED, TOWNSHIP_OFFICER, 30, 25, 3, true, "纪要");

      rejected(ReviewRules.recordAppraisal(awaitingAppraisal(), a, TODAY), "actor.role_not_allowed");
    }

    @Test
    void rejectsAnAppraisalBeforeTheVisit() {
      rejected(ReviewRules.recordAppraisal(opened(), appraisal(true), TODAY), "review.wrong_state");
    }
  }

  @Nested
  class Notices {

    @Test
    void runsForTheNoticeDaysOfThePolicyCountingTheFirstDay() {
      Transition t = transition(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY,
          POLICIES));

      assertThat(t.after().state()).isEqualTo(CaseState.IN_NOTICE);
      assertThat(t.after().notice()).hasValueSatisfying(n -> {
        assertThat(n.startsOn()).isEqualTo(NOTICE_STARTS);
        assertThat(n.lastDay()).isEqualTo(NOTICE_LAST_DAY);
        assertThat(n.postedBy()).isEqualTo(VILLAGE_GROUP);
        assertThat(n.objections()).isEmpty();
        assertThat(n.closedOn()).isEmpty();
      });
      assertThat(t.action()).isEqualTo("review.notice_start");
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.NOTICE_STARTED);
        assertThat(e.attributes()).containsExactly(Map.entry("startsOn", "2025-03-06"),
            Map.entry("lastDay", "2025-03-10"));
      });
    }

    @Test
    void readsTheNoticeDaysInForceForTheVillageOnTheFirstDay() {
      List<Object> asked = new ArrayList<>();
      PolicyLookup sevenDays = (area, day) -> {
        asked.add(area);
        asked.add(day);
        return PolicyParameters.builder().recognitionNoticeDays(7).build();
      };

      Transition t = transition(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, TODAY,
          sevenDays));

      assertThat(t.after().notice().get().lastDay()).isEqualTo(NOTICE_STARTS.plusDays(6));
      assertThat(asked).containsExactly(VILLAGE_A1, NOTICE_STARTS);
    }

    @Test
    void rejectsANoticeStartingBeforeTheAppraisalOrAfterToday() {
      rejected(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP, APPRAISED.minusDays(1), TODAY, POLICIES),
          "review.date_out_of_order");
      rejected(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP, TODAY.plusDays(1), TODAY, POLICIES),
          "review.date_out_of_order");
    }

    @Test
    void rejectsANoticePostedOutsideTheVillageOrByTheTownship() {
      rejected(ReviewRules.startNotice(awaitingNotice(), VILLAGE_GROUP_A2, NOTICE_STARTS, TODAY, POLICIES),
          "actor.outside_jurisdiction");
      rejected(ReviewRules.startNotice(awaitingNotice(), TOWNSHIP_OFFICER, NOTICE_STARTS, TODAY, POLICIES),
          "actor.role_not_allowed");
    }

    @Test
    void rejectsANoticeBeforeTheAppraisal() {
      rejected(ReviewRules.startNotice(awaitingAppraisal(), VILLAGE_GROUP, NOTICE_STARTS, TODAY, POLICIES),
          "review.wrong_state");
    }
  }

  @Nested
  class Objections {

    @Test
    void numbersObjectionsFromOneAndRaisesAnEventWithoutTheirText() {
      MonitoringCase once = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS, "有村民反映其家有小轿车",
          TODAY));
      Transition t = transition(ReviewRules.fileObjection(once, VILLAGE_GROUP_OTHER, NOTICE_LAST_DAY, "另一条意见",
          TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.IN_NOTICE);
      assertThat(t.after().version()).isEqualTo(once.version() + 1);
      assertThat(t.after().notice().get().objections()).extracting(Objection::number, Objection::filedOn,
              Objection::answered)
          .containsExactly(tuple(1, NOTICE_STARTS, false),
              tuple(2, NOTICE_LAST_DAY, false));
      assertThat(t.action()).isEqualTo("review.objection_filed");
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.OBJECTION_FILED);
        assertThat(e.attributes()).containsExactly(Map.entry("number", "2"), Map.entry("filedOn", "2025-03-10"));
      });
    }

    @Test
    void rejectsAnObjectionAfterTheLastDay() {
      Rejection r = rejected(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_LAST_DAY.plusDays(1), "意见",
          TODAY), "review.objection_outside_notice");

      assertThat(r.en()).contains("2025-03-06").contains("2025-03-10");
    }

    @Test
    void rejectsAnObjectionBeforeTheFirstDay() {
      rejected(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS.minusDays(1), "意见", TODAY),
          "review.date_out_of_order");
    }

    @Test
    void rejectsAnObjectionWhenNoNoticeRuns() {
      rejected(ReviewRules.fileObjection(awaitingNotice(), VILLAGE_GROUP, NOTICE_STARTS, "意见", TODAY),
          "review.wrong_state");
      rejected(ReviewRules.fileObjection(awaitingTownship(), VILLAGE_GROUP, NOTICE_STARTS, "意见", TODAY),
          "review.wrong_state");
    }

    @Test
    void rejectsAnObjectionWithoutText() {
      rejected(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS, " ", TODAY), "input.invalid");
    }

    @Test
    void rejectsAnObjectionRecordedByAGridWorker() {
      rejected(ReviewRules.fileObjection(inNotice(), GRID_WORKER, NOTICE_STARTS, "意见", TODAY),
          "actor.role_not_allowed");
    }

    @Test
    void answersAnObjectionOnceOnOrAfterTheDayItWasFiled() {
      MonitoringCase filed = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS.plusDays(1),
          "意见", TODAY));

      rejected(ReviewRules.answerObjection(filed, 1, VILLAGE_GROUP, NOTICE_STARTS, "答复", TODAY),
          "review.date_out_of_order");
      Transition t = transition(ReviewRules.answerObjection(filed, 1, VILLAGE_GROUP, NOTICE_STARTS.plusDays(1),
          "经核实，该车为亲属所有", TODAY));
      assertThat(t.after().notice().get().objections()).singleElement().satisfies(o -> {
        assertThat(o.answer()).contains(new Objection.Answer(NOTICE_STARTS.plusDays(1), VILLAGE_GROUP,
            "经核实，该车为亲属所有"));
        assertThat(o.text()).isEqualTo("意见");
      });
      assertThat(t.action()).isEqualTo("review.objection_answered");
      assertThat(t.events()).isEmpty();
      rejected(ReviewRules.answerObjection(t.after(), 1, VILLAGE_GROUP, NOTICE_LAST_DAY, "再答复", TODAY),
          "review.objection_already_answered");
    }

    @Test
    void rejectsAnAnswerToAnObjectionThatWasNeverFiled() {
      Rejection r = rejected(ReviewRules.answerObjection(inNotice(), 3, VILLAGE_GROUP, NOTICE_LAST_DAY, "答复", TODAY),
          "review.objection_not_found");

      assertThat(r.en()).contains("3");
    }

    @Test
    void rejectsABlankAnswer() {
      MonitoringCase filed = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS, "意见",
          TODAY));

      rejected(ReviewRules.answerObjection(filed, 1, VILLAGE_GROUP, NOTICE_LAST_DAY, "", TODAY), "input.invalid");
    }
  }

  @Nested
  class ClosingTheNotice {

    @Test
    void closesOnTheDayAfterTheLastDayAndSendsTheResultToTheTownship() {
      Transition t = transition(ReviewRules.closeNotice(inNotice(), VILLAGE_GROUP_OTHER, NOTICE_CLOSED, TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.AWAITING_TOWNSHIP);
      assertThat(t.after().notice()).hasValueSatisfying(n -> {
        assertThat(n.closedOn()).contains(NOTICE_CLOSED);
        assertThat(n.closedBy()).contains(VILLAGE_GROUP_OTHER);
      });
      assertThat(t.after().arrivedAtTownshipOn()).contains(NOTICE_CLOSED);
      assertThat(t.action()).isEqualTo("review.notice_close");
    }

    @Test
    void rejectsClosingOnTheLastDay() {
      Rejection r = rejected(ReviewRules.closeNotice(inNotice(), VILLAGE_GROUP, NOTICE_LAST_DAY, TODAY),
          "review.notice_still_running");

      assertThat(r.en()).contains("2025-03-10");
    }

    @Test
    void rejectsClosingWhileAnObjectionIsUnanswered() {
      MonitoringCase filed = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS, "意见",
          TODAY));

      rejected(ReviewRules.closeNotice(filed, VILLAGE_GROUP, NOTICE_CLOSED, TODAY), "review.objections_unanswered");
    }

    @Test
    void closesOnlyOnOrAfterTheLatestAnswer() {
      MonitoringCase filed = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_LAST_DAY, "意见",
          TODAY));
      LocalDate answeredOn = NOTICE_CLOSED.plusDays(2);
      MonitoringCase answered = accepted(ReviewRules.answerObjection(filed, 1, VILLAGE_GROUP, answeredOn, "答复",
          TODAY));

      rejected(ReviewRules.closeNotice(answered, VILLAGE_GROUP, answeredOn.minusDays(1), TODAY),
          "review.date_out_of_order");
      assertThat(transition(ReviewRules.closeNotice(answered, VILLAGE_GROUP, answeredOn, TODAY)).after().state())
          .isEqualTo(CaseState.AWAITING_TOWNSHIP);
    }

    @Test
    void rejectsClosingOnADayAfterToday() {
      rejected(ReviewRules.closeNotice(inNotice(), VILLAGE_GROUP, NOTICE_CLOSED, NOTICE_LAST_DAY),
          "review.date_out_of_order");
    }

    @Test
    void rejectsClosingANoticeThatNeverStarted() {
      rejected(ReviewRules.closeNotice(awaitingNotice(), VILLAGE_GROUP, NOTICE_CLOSED, TODAY), "review.wrong_state");
    }
  }

  @Nested
  class TownshipVerifications {

    @Test
    void movesAnUpheldCaseOnToTheCounty() {
      Transition t = transition(ReviewRules.verify(awaitingTownship(), verification(true), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.AWAITING_COUNTY);
      assertThat(t.after().verification()).contains(verification(true));
      assertThat(t.action()).isEqualTo("review.township_verification");
      assertThat(t.events()).isEmpty();
    }

    @Test
    void dismissesACaseNotUpheldWithTheNoteAsTheReason() {
      TownshipVerification v = new TownshipVerification(VERIFIED, TOWNSHIP_OFFICER, false, "家庭有稳定务工收入");
      Transition t = transition(ReviewRules.verify(awaitingTownship(), v, TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.DISMISSED);
      assertThat(t.after().dismissal().get().reason()).isEqualTo("家庭有稳定务工收入");
      assertThat(t.after().dismissal().get().atState()).isEqualTo(CaseState.AWAITING_TOWNSHIP);
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_DISMISSED);
        assertThat(e.attributes()).containsEntry("byRole", "TOWNSHIP_OFFICER")
            .containsEntry("reason", "家庭有稳定务工收入");
      });
    }

    @Test
    void letsTheTownshipHeadVerify() {
      TownshipVerification v = new TownshipVerification(VERIFIED, TOWNSHIP_HEAD, true, "核实");

      transition(ReviewRules.verify(awaitingTownship(), v, TODAY));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TOWNSHIP_OFFICER", "TOWNSHIP_HEAD"}, mode = EnumSource.Mode.EXCLUDE)
    void rejectsAVerificationInAnyOtherRole(Role role) {
      TownshipVerification v = new TownshipVerification(VERIFIED, Actor.of("x", role, COUNTY), true, "核实");

      rejected(ReviewRules.verify(awaitingTownship(), v, TODAY), "actor.role_not_allowed");
    }

    @Test
    void rejectsAnOfficerOfAnotherTownship() {
      TownshipVerification v = new TownshipVerification(VERIFIED, TOWNSHIP_OFFICER_B, true, "核实");

      rejected(ReviewRules.verify(awaitingTownship(), v, TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void rejectsAVerifierWhoRecordedTheVisit() {
      Actor sameAsVisitor = samePersonAs(VILLAGE_GROUP, Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
      TownshipVerification v = new TownshipVerification(VERIFIED, sameAsVisitor, true, "核实");

      Rejection r = rejected(ReviewRules.verify(awaitingTownship(), v, TODAY), "actor.same_as_proposer");
      assertThat(r.en()).contains("vwg-a1");
    }

    @Test
    void rejectsAVerifierWhoClosedTheNoticeOrAnsweredAnObjection() {
      Actor closer = Actor.of("closer", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
      MonitoringCase closed = accepted(ReviewRules.closeNotice(inNotice(), closer, NOTICE_CLOSED, TODAY));
      TownshipVerification byCloser = new TownshipVerification(VERIFIED,
          samePersonAs(closer, Role.TOWNSHIP_OFFICER, TOWNSHIP_A), true, "核实");
      rejected(ReviewRules.verify(closed, byCloser, TODAY), "actor.same_as_proposer");

      Actor answerer = Actor.of("answerer", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
      MonitoringCase filed = accepted(ReviewRules.fileObjection(inNotice(), VILLAGE_GROUP, NOTICE_STARTS, "意见",
          TODAY));
      MonitoringCase answered = accepted(ReviewRules.answerObjection(filed, 1, answerer, NOTICE_STARTS, "答复", TODAY));
      MonitoringCase closedAfterAnswer = accepted(ReviewRules.closeNotice(answered, VILLAGE_GROUP, NOTICE_CLOSED,
          TODAY));
      TownshipVerification byAnswerer = new TownshipVerification(VERIFIED,
          samePersonAs(answerer, Role.TOWNSHIP_HEAD, TOWNSHIP_A), true, "核实");
      rejected(ReviewRules.verify(closedAfterAnswer, byAnswerer, TODAY), "actor.same_as_proposer");
    }

    @Test
    void rejectsAVerificationByTheHeadWhoApprovedEmergencyAid() {
      MonitoringCase withAid = accepted(ReviewRules.approveEmergency(awaitingTownship(), emergency(NOTICE_CLOSED),
          TODAY));
      TownshipVerification v = new TownshipVerification(VERIFIED, TOWNSHIP_HEAD, true, "核实");

      rejected(ReviewRules.verify(withAid, v, TODAY), "actor.same_as_proposer");
      transition(ReviewRules.verify(withAid, verification(true), TODAY));
    }

    @Test
    void rejectsAVerificationBeforeTheResultReachedTheTownship() {
      TownshipVerification early = new TownshipVerification(NOTICE_CLOSED.minusDays(1), TOWNSHIP_OFFICER, true, "核实");

      rejected(ReviewRules.verify(awaitingTownship(), early, TODAY), "review.date_out_of_order");
      transition(ReviewRules.verify(awaitingTownship(),
          new TownshipVerification(NOTICE_CLOSED, TOWNSHIP_OFFICER, true, "核实"), TODAY));
    }

    @Test
    void rejectsABlankNote() {
      TownshipVerification v = new TownshipVerification(VERIFIED, TOWNSHIP_OFFICER, false, "");

      rejected(ReviewRules.verify(awaitingTownship(), v, TODAY), "input.invalid");
    }

    @Test
    void rejectsAVerificationWhileTheNoticeRuns() {
      rejected(ReviewRules.verify(inNotice(), verification(true), TODAY), "review.wrong_state");
    }
  }

  @Nested
  class CountyDecisions {

    @Test
    void confirmsWithTheCategoryAndReplacesTheRiskTypes() {
      CountyDecision d = confirmation(MonitoringCategory.UNSTABLE_LIFTED, RiskType.DISABILITY, RiskType.ILLNESS);
      Transition t = transition(ReviewRules.decide(awaitingCounty(), d, TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.CONFIRMED);
      assertThat(t.after().category()).contains(MonitoringCategory.UNSTABLE_LIFTED);
      assertThat(t.after().riskTypes()).containsExactlyInAnyOrder(RiskType.DISABILITY, RiskType.ILLNESS);
      assertThat(t.after().decision()).contains(d);
      assertThat(t.action()).isEqualTo("review.county_decision");
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_CONFIRMED);
        assertThat(e.attributes()).containsExactly(Map.entry("category", "UNSTABLE_LIFTED"),
            Map.entry("riskTypes", "ILLNESS,DISABILITY"), Map.entry("decidedOn", "2025-03-13"));
      });
    }

    @Test
    void dismissesWithAReasonThatGoesBackToTheVillage() {
      Transition t = transition(ReviewRules.decide(awaitingCounty(), dismissal("经部门数据比对，收入高于监测标准"), TODAY));

      assertThat(t.after().state()).isEqualTo(CaseState.DISMISSED);
      assertThat(t.after().category()).isEmpty();
      assertThat(t.after().dismissal()).hasValueSatisfying(d -> {
        assertThat(d.reason()).isEqualTo("经部门数据比对，收入高于监测标准");
        assertThat(d.by()).isEqualTo(COUNTY_OFFICER);
        assertThat(d.on()).isEqualTo(DECIDED);
      });
      assertThat(t.events()).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.CASE_DISMISSED);
        assertThat(e.attributes()).containsEntry("reason", "经部门数据比对，收入高于监测标准")
            .containsEntry("atState", "AWAITING_COUNTY").containsEntry("byRole", "COUNTY_OFFICE");
      });
    }

    @ParameterizedTest(name = "{0} for a {1} household: accepted {2}")
    @CsvSource({
        "UNSTABLE_LIFTED, LIFTED, true",
        "UNSTABLE_LIFTED, ORDINARY, false",
        "MARGINAL, ORDINARY, true",
        "MARGINAL, LIFTED, false",
        "SUDDEN_HARDSHIP, LIFTED, true",
        "SUDDEN_HARDSHIP, ORDINARY, true"})
    void confirmsOnlyACategoryThatFitsTheHousehold(MonitoringCategory category, HouseholdStatus status,
        boolean accepted) {
      MonitoringCase c = awaitingCounty().withHouseholdStatus(status);
      Either<Rejection, Transition> result = ReviewRules.decide(c, confirmation(category, RiskType.ILLNESS), TODAY);

      if (accepted) {
        assertThat(transition(result).after().category()).contains(category);
      } else {
        Rejection r = rejected(result, "review.category_mismatch");
        assertThat(r.zh()).contains(category.zh()).contains(status.zh());
      }
    }

    @Test
    void rejectsAConfirmationWithoutCategoryOrRiskTypesNamingBoth() {
      CountyDecision d = new CountyDecision(DECIDED, COUNTY_OFFICER, true, Optional.empty(), Set.of(), "");

      Rejection r = rejected(ReviewRules.decide(awaitingCounty(), d, TODAY), "input.invalid");
      assertThat(r.en()).contains("category").contains("riskTypes");
    }

    @Test
    void rejectsADismissalWithoutAReasonOrWithACategory() {
      rejected(ReviewRules.decide(awaitingCounty(), dismissal(" "), TODAY), "input.invalid");
      CountyDecision withCategory = new CountyDecision(DECIDED, COUNTY_OFFICER, false,
          Optional.of(MonitoringCategory.MARGINAL), Set.of(RiskType.ILLNESS), "不纳入");
      Rejection r = rejected(ReviewRules.decide(awaitingCounty(), withCategory, TODAY), "input.invalid");
      assertThat(r.en()).contains("category").contains("riskTypes");
    }

    @Test
    void rejectsADeciderWhoVerifiedTheCase() {
      Actor verifierAsCounty = samePersonAs(TOWNSHIP_OFFICER, Role.COUNTY_OFFICE, COUNTY);
      CountyDecision d = new CountyDecision(DECIDED, verifierAsCounty, true,
          Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), "");

      rejected(ReviewRules.decide(awaitingCounty(), d, TODAY), "actor.same_as_proposer");
    }

    @Test
    void rejectsADeciderWhoPostedTheNotice() {
      Actor posterAsCounty = samePersonAs(VILLAGE_GROUP, Role.COUNTY_OFFICE, COUNTY);
      CountyDecision d = new CountyDecision(DECIDED, posterAsCounty, false, Optional.empty(), Set.of(), "不纳入");

      rejected(ReviewRules.decide(awaitingCounty(), d, TODAY), "actor.same_as_proposer");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "COUNTY_OFFICE", mode = EnumSource.Mode.EXCLUDE)
    void rejectsADecisionInAnyOtherRole(Role role) {
      CountyDecision d = new CountyDecision(DECIDED, Actor.of("x", role, COUNTY), false, Optional.empty(), Set.of(),
          "不纳入");

      rejected(ReviewRules.decide(awaitingCounty(), d, TODAY), "actor.role_not_allowed");
    }

    @Test
    void rejectsAnOfficeOfAnotherCounty() {
      Actor foreign = Actor.of("county-x", Role.COUNTY_OFFICE, AreaCode.of("611002000000"));
      CountyDecision d = new CountyDecision(DECIDED, foreign, false, Optional.empty(), Set.of(), "不纳入");

      rejected(ReviewRules.decide(awaitingCounty(), d, TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void rejectsADecisionBeforeTheVerificationOrAfterToday() {
      CountyDecision early = new CountyDecision(VERIFIED.minusDays(1), COUNTY_OFFICER, false, Optional.empty(),
          Set.of(), "不纳入");
      CountyDecision late = new CountyDecision(TODAY.plusDays(1), COUNTY_OFFICER, false, Optional.empty(), Set.of(),
          "不纳入");

      rejected(ReviewRules.decide(awaitingCounty(), early, TODAY), "review.date_out_of_order");
      rejected(ReviewRules.decide(awaitingCounty(), late, TODAY), "review.date_out_of_order");
    }

    @Test
    void rejectsADecisionBeforeTheTownshipVerified() {
      rejected(ReviewRules.decide(awaitingTownship(), dismissal("不纳入"), TODAY), "review.wrong_state");
    }
  }

  @Nested
  class EmergencyAid {

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"AWAITING_VISIT", "AWAITING_APPRAISAL", "AWAITING_NOTICE",
        "IN_NOTICE", "AWAITING_TOWNSHIP", "AWAITING_COUNTY"})
    void isApprovedInAnyStateOfRecognitionWithoutMovingTheCase(CaseState state) {
      MonitoringCase c = ReviewFixtures.inState(state);
      EmergencyApproval e = emergency(OPENED);
      Transition t = transition(ReviewRules.approveEmergency(c, e, TODAY));

      assertThat(t.after().state()).isEqualTo(state);
      assertThat(t.after().version()).isEqualTo(c.version() + 1);
      assertThat(t.after().emergency()).contains(e);
      assertThat(t.action()).isEqualTo("review.emergency_approval");
      assertThat(t.events()).singleElement().satisfies(ev -> {
        assertThat(ev.type()).isEqualTo(EventType.EMERGENCY_AID_APPROVED);
        assertThat(ev.attributes()).containsExactly(Map.entry("approvedOn", "2025-03-03"),
            Map.entry("amountYuan", "3000.00"));
      });
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = {"CONFIRMED", "DISMISSED", "CLOSED"})
    void isRejectedOnceTheCountyDecidedOrTheCaseEnded(CaseState state) {
      Rejection r = rejected(ReviewRules.approveEmergency(ReviewFixtures.inState(state), emergency(OPENED), TODAY),
          "review.wrong_state");

      assertThat(r.zh()).contains(state.zh());
    }

    @Test
    void isApprovedAtMostOnce() {
      MonitoringCase once = accepted(ReviewRules.approveEmergency(opened(), emergency(OPENED), TODAY));

      Rejection r = rejected(ReviewRules.approveEmergency(once, emergency(VISITED), TODAY),
          "review.emergency_already_approved");
      assertThat(r.en()).contains("2025-03-03");
    }

    @Test
    void isApprovedByTheTownshipHeadOnly() {
      EmergencyApproval byOfficer = new EmergencyApproval(OPENED, TOWNSHIP_OFFICER, Money.ofYuan(3_000), "倒塌");
      EmergencyApproval byVillage = new EmergencyApproval(OPENED, VILLAGE_GROUP, Money.ofYuan(3_000), "倒塌");
      EmergencyApproval byCounty = new EmergencyApproval(OPENED, COUNTY_OFFICER, Money.ofYuan(3_000), "倒塌");

      rejected(ReviewRules.approveEmergency(opened(), byOfficer, TODAY), "actor.role_not_allowed");
      rejected(ReviewRules.approveEmergency(opened(), byVillage, TODAY), "actor.role_not_allowed");
      rejected(ReviewRules.approveEmergency(opened(), byCounty, TODAY), "actor.role_not_allowed");
    }

    @Test
    void isRejectedFromTheHeadOfAnotherTownship() {
      Actor otherHead = Actor.of("head-b", Role.TOWNSHIP_HEAD, ReviewFixtures.TOWNSHIP_B);

      rejected(ReviewRules.approveEmergency(opened(),
          new EmergencyApproval(OPENED, otherHead, Money.ofYuan(3_000), "倒塌"), TODAY), "actor.outside_jurisdiction");
    }

    @Test
    void needsAPositiveAmountAndAReasonListingBoth() {
      EmergencyApproval e = new EmergencyApproval(OPENED, TOWNSHIP_HEAD, Money.ZERO, "");

      Rejection r = rejected(ReviewRules.approveEmergency(opened(), e, TODAY), "input.invalid");
      assertThat(r.en()).contains("amount").contains("reason");
      rejected(ReviewRules.approveEmergency(opened(),
          new EmergencyApproval(OPENED, TOWNSHIP_HEAD, Money.ofFen(-1), "倒塌"), TODAY), "input.invalid");
    }

    @Test
    void isRejectedBeforeTheCaseOpenedOrAfterToday() {
      rejected(ReviewRules.approveEmergency(opened(), emergency(OPENED.minusDays(1)), TODAY),
          "review.date_out_of_order");
      rejected(ReviewRules.approveEmergency(opened(), emergency(TODAY.plusDays(1)), TODAY),
          "review.date_out_of_order");
    }
  }

  @Nested
  class Texts {

    @Test
    void takesElevenDigitsInARowForAPersonalNumber() {
      assertThat(ReviewRules.holdsPersonalNumber("电话 1391234567")).isFalse();
      assertThat(ReviewRules.holdsPersonalNumber("电话 13912345678")).isTrue();
      assertThat(ReviewRules.holdsPersonalNumber("２０２５０３０３１２３")).isTrue();
      assertThat(ReviewRules.holdsPersonalNumber("2025-03-03 至 2025-03-10，收入 12000 元")).isFalse();
    }

    @Test
    void countsCharactersNotBytes() {
      assertThat(ReviewRules.recordScreeningVisit(opened(),
          new ScreeningVisit(VISITED, VILLAGE_GROUP, true, true, "🏠".repeat(500)), TODAY).isRight()).isTrue();
    }
  }

  @Test
  void walksTheWholeReviewAddingOneVersionPerMove() {
    MonitoringCase c = opened();
    List<MonitoringCase> steps = List.of(awaitingAppraisal(), awaitingNotice(), inNotice(), awaitingTownship(),
        awaitingCounty(), ReviewFixtures.confirmed());

    assertThat(steps).extracting(MonitoringCase::version).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(steps).extracting(MonitoringCase::state).containsExactly(CaseState.AWAITING_APPRAISAL,
        CaseState.AWAITING_NOTICE, CaseState.IN_NOTICE, CaseState.AWAITING_TOWNSHIP, CaseState.AWAITING_COUNTY,
        CaseState.CONFIRMED);
    assertThat(steps.get(steps.size() - 1).id()).isEqualTo(c.id());
    assertThat(steps.get(steps.size() - 1).signals()).isEqualTo(c.signals());
  }

  @Test
  void leavesTheStepsOfEarlierMovesInPlace() {
    MonitoringCase done = ReviewFixtures.confirmed();

    assertThat(done.screeningVisit()).isPresent();
    assertThat(done.appraisal()).isPresent();
    assertThat(done.notice().flatMap(PublicNotice::closedOn)).contains(NOTICE_CLOSED);
    assertThat(done.verification()).isPresent();
    assertThat(done.decision()).isPresent();
    assertThat(done.dismissal()).isEmpty();
    assertThat(TOWNSHIP_A.contains(done.area())).isTrue();
  }
}
