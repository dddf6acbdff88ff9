package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.fangfanpin.core.fund.FundKit.APPLIED;
import static org.fangfanpin.core.fund.FundKit.APPROVED;
import static org.fangfanpin.core.fund.FundKit.PAID;
import static org.fangfanpin.core.fund.FundKit.POLICIES;
import static org.fangfanpin.core.fund.FundKit.REVIEWED;
import static org.fangfanpin.core.fund.FundKit.STUDIED;
import static org.fangfanpin.core.fund.FundKit.TODAY;
import static org.fangfanpin.core.fund.FundKit.YEAR;
import static org.fangfanpin.core.fund.FundKit.countyPasses;
import static org.fangfanpin.core.fund.FundKit.householdActor;
import static org.fangfanpin.core.fund.FundKit.ok;
import static org.fangfanpin.core.fund.FundKit.rejected;
import static org.fangfanpin.core.fund.FundKit.request;
import static org.fangfanpin.core.fund.FundKit.villageGroup;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER;
import static org.fangfanpin.core.testing.TestCounty.COUNTY_OFFICER_OTHER;
import static org.fangfanpin.core.testing.TestCounty.GRID_WORKER_A1;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_B;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_HEAD_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_A;
import static org.fangfanpin.core.testing.TestCounty.TOWNSHIP_OFFICER_B;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A2;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_B1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A1;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_GROUP_A2;

import io.vavr.control.Either;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.store.IdSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The special fund's use cases (防返贫专项资金) on the in-memory store: what each accepted move
 * leaves behind (transfers, balances, the application, one audit record), every rejection with its
 * stable code and that it leaves nothing behind, the caps at each point they are checked, batch
 * statements, reversals and the fund statement.
 */
class FundServiceTest {

  static final Money HOUSEHOLD_CAP = Money.ofYuan(100_000);
  static final Money ONE_FEN = Money.ofFen(1);
  /** The county office of another county (商州区). */
  static final Actor FOREIGN_COUNTY_OFFICER = Actor.of("county-sz", Role.COUNTY_OFFICE, AreaCode.of("611002000000"));

  final FundKit kit = new FundKit();
  final AtomicInteger counter = new AtomicInteger();
  final FundService fund = kit.fund;

  /**
   * Runs a move that must be refused and checks that it changed nothing the fund keeps (ledger,
   * balances, applications, audit); returns the rejection.
   */
  Rejection refusedWithoutTrace(Supplier<Either<Rejection, ?>> move) {
    FundKit.Snapshot before = kit.snapshot();
    Rejection r = rejected(move.get());
    assertThat(kit.snapshot()).as("what the fund keeps after the refused move (%s)", r).isEqualTo(before);
    return r;
  }

  static void assertInvalid(Rejection r, String enFragment) {
    assertThat(r.code()).isEqualTo("input.invalid");
    assertThat(r.en()).contains(enFragment);
  }

  /** The records appended to the audit chain since {@code before}. */
  List<AuditRecord> auditSince(FundKit.Snapshot before) {
    List<AuditRecord> now = kit.snapshot().audit();
    return now.subList(before.audit().size(), now.size());
  }

  // ================================================================ money in

  @Nested
  class MoneyIn {

    @Test
    void anAppropriationMovesFiscalMoneyIntoThePoolAndLeavesOneAuditRecord() {
      FundKit.Snapshot before = kit.snapshot();

      Transfer t = ok(fund.appropriate("fin-2025-001", COUNTY, YEAR, Money.ofYuan(2_000_000), APPLIED,
          COUNTY_OFFICER, "县财政 2025 年第一批"));

      assertThat(t.id()).isEqualTo("fin-2025-001");
      assertThat(t.kind()).isEqualTo(TransferKind.APPROPRIATION);
      assertThat(t.from()).isEqualTo(AccountRef.appropriation(COUNTY, YEAR));
      assertThat(t.to()).isEqualTo(AccountRef.pool(COUNTY, YEAR));
      assertThat(t.amount()).isEqualTo(Money.ofYuan(2_000_000));
      assertThat(t.bookedOn()).isEqualTo(APPLIED);
      assertThat(t.recordedAt()).isEqualTo(kit.county.clock.instant());
      assertThat(t.actorId()).isEqualTo(COUNTY_OFFICER.id());
      assertThat(t.memo()).isEqualTo("县财政 2025 年第一批");
      assertThat(kit.pool()).isEqualTo(Money.ofYuan(2_000_000));
      assertThat(kit.balance(AccountRef.appropriation(COUNTY, YEAR))).isEqualTo(Money.ofYuan(-2_000_000));
      assertThat(kit.snapshot().transfers()).containsExactly(t);
      assertThat(auditSince(before)).singleElement().satisfies(a -> {
        assertThat(a.action()).isEqualTo("fund.appropriation");
        assertThat(a.subjectId()).isEqualTo("fin-2025-001");
        assertThat(a.actorId()).isEqualTo(COUNTY_OFFICER.id());
        assertThat(a.afterState()).isEqualTo("POSTED");
      });
    }

    @Test
    void aDonationMovesMoneyFromTheDonationAccountIntoThePool() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      FundKit.Snapshot before = kit.snapshot();

      Transfer t = ok(fund.donate("don-1", COUNTY, YEAR, Money.ofFen(12_345), APPLIED, COUNTY_OFFICER, "某企业捐赠"));

      assertThat(t.kind()).isEqualTo(TransferKind.DONATION);
      assertThat(t.from()).isEqualTo(AccountRef.donation(COUNTY, YEAR));
      assertThat(kit.pool()).isEqualTo(Money.ofFen(100_000 + 12_345));
      assertThat(kit.balance(AccountRef.donation(COUNTY, YEAR))).isEqualTo(Money.ofFen(-12_345));
      assertThat(auditSince(before)).singleElement().extracting(AuditRecord::action).isEqualTo("fund.donation");
    }

    @Test
    void aRetryWithTheSameIdAndContentReturnsTheOriginalAndPostsNothing() {
      Transfer first = kit.appropriate("fin-1", Money.ofYuan(1_000));
      kit.county.clock.advance(Duration.ofHours(3));
      FundKit.Snapshot before = kit.snapshot();

      Transfer again = ok(fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1_000), APPLIED, COUNTY_OFFICER,
          "财政拨入"));

      assertThat(again).isEqualTo(first);
      assertThat(again.recordedAt()).as("the original's time, not the retry's").isEqualTo(first.recordedAt());
      assertThat(kit.snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsATakenIdWithOtherContent() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1_001), APPLIED,
          COUNTY_OFFICER, "财政拨入")).code()).isEqualTo("fund.transfer_conflict");
      assertThat(refusedWithoutTrace(() -> fund.donate("fin-1", COUNTY, YEAR, Money.ofYuan(1_000), APPLIED,
          COUNTY_OFFICER, "财政拨入")).code()).isEqualTo("fund.transfer_conflict");
      assertThat(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1_000),
          APPLIED.plusDays(1), COUNTY_OFFICER, "财政拨入")).code()).isEqualTo("fund.transfer_conflict");
      assertThat(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1_000), APPLIED,
          COUNTY_OFFICER_OTHER, "财政拨入")).code()).isEqualTo("fund.transfer_conflict");
      assertThat(kit.pool()).isEqualTo(Money.ofYuan(1_000));
    }

    @Test
    void rejectsEveryRoleButTheCountyOffice() {
      for (Actor a : List.of(VILLAGE_GROUP_A1, TOWNSHIP_OFFICER_A, TOWNSHIP_HEAD_A, GRID_WORKER_A1,
          Actor.of("dept", Role.DEPARTMENT_OFFICER, COUNTY), Actor.of("hh", Role.HOUSEHOLD, VILLAGE_A1))) {
        assertThat(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1), APPLIED, a, ""))
            .code()).as("%s", a.role()).isEqualTo("actor.role_not_allowed");
        assertThat(refusedWithoutTrace(() -> fund.donate("don-1", COUNTY, YEAR, Money.ofYuan(1), APPLIED, a, ""))
            .code()).as("%s", a.role()).isEqualTo("actor.role_not_allowed");
      }
    }

    @Test
    void rejectsTheCountyOfficeOfAnotherCounty() {
      assertThat(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1), APPLIED,
          FOREIGN_COUNTY_OFFICER, "")).code()).isEqualTo("actor.outside_jurisdiction");
    }

    @Test
    void rejectsAnAreaThatIsNotACounty() {
      assertInvalid(refusedWithoutTrace(() -> fund.appropriate("fin-1", TOWNSHIP_A, YEAR, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "")), "is not a county");
      assertInvalid(refusedWithoutTrace(() -> fund.donate("don-1", VILLAGE_A1, YEAR, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "")), "is not a county");
    }

    @Test
    void rejectsAnAmountOfZeroOrLess() {
      for (Money m : List.of(Money.ZERO, Money.ofFen(-1), Money.ofYuan(-1_000))) {
        assertInvalid(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, m, APPLIED, COUNTY_OFFICER,
            "")), "greater than 0");
        assertInvalid(refusedWithoutTrace(() -> fund.donate("don-1", COUNTY, YEAR, m, APPLIED, COUNTY_OFFICER, "")),
            "greater than 0");
      }
    }

    @Test
    void rejectsADayAfterTodayButAcceptsToday() {
      assertInvalid(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1),
          TODAY.plusDays(1), COUNTY_OFFICER, "")), "lies after today");
      ok(fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1), TODAY, COUNTY_OFFICER, ""));
    }

    @Test
    void rejectsABlankOrOverlongTransferIdOrMemoAndAFundYearOutOfRangeAsInput() {
      assertInvalid(refusedWithoutTrace(() -> fund.appropriate(" ", COUNTY, YEAR, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "")), "transfer id");
      assertInvalid(refusedWithoutTrace(() -> fund.donate("x".repeat(65), COUNTY, YEAR, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "")), "transfer id");
      assertInvalid(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, YEAR, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "备".repeat(501))), "at most 500");
      assertInvalid(refusedWithoutTrace(() -> fund.appropriate("fin-1", COUNTY, 1999, Money.ofYuan(1), APPLIED,
          COUNTY_OFFICER, "")), "fund year");
      ok(fund.appropriate("x".repeat(64), COUNTY, YEAR, Money.ofYuan(1), APPLIED, COUNTY_OFFICER, "备".repeat(500)));
    }
  }

  // ================================================================ applications

  @Nested
  class Apply {

    @Test
    void takesDownAnApplicationOfAMonitoredHouseholdWithItsCaseAndOneAuditRecord() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      FundKit.Snapshot before = kit.snapshot();

      AidApplication a = ok(fund.apply(request(h, AidPurpose.GENERAL, Money.ofYuan(30_000))));

      assertThat(a.householdId()).isEqualTo("H1");
      assertThat(a.area()).isEqualTo(VILLAGE_A1);
      assertThat(a.caseId()).contains("case-H1");
      assertThat(a.fundYear()).isEqualTo(YEAR);
      assertThat(a.purpose()).isEqualTo(AidPurpose.GENERAL);
      assertThat(a.amount()).isEqualTo(Money.ofYuan(30_000));
      assertThat(a.generalPoliciesReceived()).isEqualTo(POLICIES);
      assertThat(a.emergency()).isFalse();
      assertThat(a.state()).isEqualTo(AidApplicationState.APPLIED);
      assertThat(a.version()).isEqualTo(1);
      assertThat(a.appliedOn()).isEqualTo(APPLIED);
      assertThat(a.village()).isEmpty();
      assertThat(a.paymentId()).isEmpty();
      assertThat(kit.application(a.id())).isEqualTo(a);
      assertThat(auditSince(before)).singleElement().satisfies(r -> {
        assertThat(r.action()).isEqualTo("fund.apply");
        assertThat(r.subjectId()).isEqualTo(a.id());
        assertThat(r.actorRole()).isEqualTo(Role.HOUSEHOLD);
        assertThat(r.afterState()).isEqualTo("APPLIED");
      });
      assertThat(kit.snapshot().transfers()).as("applying moves no money").isEmpty();
    }

    @Test
    void theVillageMayApplyOnTheHouseholdsBehalf() {
      Household h = kit.monitored("H1", VILLAGE_A1);

      AidApplication a = ok(fund.apply(new AidRequest("H1", AidPurpose.GENERAL, Money.ofYuan(1_000), POLICIES,
          APPLIED, VILLAGE_GROUP_A1)));

      assertThat(a.householdId()).isEqualTo(h.id());
    }

    @Test
    void rejectsEveryOtherRole() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      for (Actor a : List.of(GRID_WORKER_A1, TOWNSHIP_OFFICER_A, COUNTY_OFFICER,
          Actor.of("12317", Role.HOTLINE_OPERATOR, COUNTY))) {
        assertThat(refusedWithoutTrace(() -> fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, Money.ofYuan(1),
            POLICIES, APPLIED, a))).code()).as("%s", a.role()).isEqualTo("actor.role_not_allowed");
      }
    }

    @Test
    void rejectsAnActorOutsideTheHouseholdsVillage() {
      Household h = kit.monitored("H1", VILLAGE_A1);

      assertThat(refusedWithoutTrace(() -> fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, Money.ofYuan(1),
          POLICIES, APPLIED, VILLAGE_GROUP_A2))).code()).isEqualTo("actor.outside_jurisdiction");
    }

    @Test
    void rejectsAnApplicationThatListsNoGeneralPolicy() {
      Household h = kit.monitored("H1", VILLAGE_A1);

      for (List<String> policies : List.of(List.<String>of(), List.of(" "), List.of("医疗救助", ""))) {
        Rejection r = refusedWithoutTrace(() -> fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL,
            Money.ofYuan(1), policies, APPLIED, householdActor(h))));
        assertThat(r.code()).as("%s", policies).isEqualTo("fund.no_general_policy");
      }
    }

    @Test
    void rejectsAnAmountOfZeroOrLessAndADayAfterToday() {
      Household h = kit.monitored("H1", VILLAGE_A1);

      assertInvalid(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, Money.ZERO))),
          "greater than 0");
      assertInvalid(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, Money.ofFen(-5)))),
          "greater than 0");
      assertInvalid(refusedWithoutTrace(() -> fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL,
          Money.ofYuan(1), POLICIES, TODAY.plusDays(1), householdActor(h)))), "lies after today");
    }

    @Test
    void rejectsAHouseholdThatIsNotMonitoredOrNotRegistered() {
      Household h = kit.unmonitored("H1", VILLAGE_A1);

      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, Money.ofYuan(1)))).code())
          .isEqualTo("fund.not_monitored");
      assertThat(refusedWithoutTrace(() -> fund.apply(new AidRequest("H-unknown", AidPurpose.GENERAL,
          Money.ofYuan(1), POLICIES, APPLIED, VILLAGE_GROUP_A1))).code()).isEqualTo("household.not_found");
    }

    @Test
    void rejectsMoreThanTheHouseholdCapOfAYearAndAcceptsExactlyIt() {
      Household h = kit.monitored("H1", VILLAGE_A1);

      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, HOUSEHOLD_CAP.plus(ONE_FEN))))
          .code()).isEqualTo("fund.household_cap_exceeded");
      ok(fund.apply(request(h, AidPurpose.GENERAL, HOUSEHOLD_CAP)));
    }

    @Test
    void anAbsurdAmountIsRefusedByTheCapNotByAnOverflow() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.approved(h, AidPurpose.HARDSHIP, Money.ofYuan(1));

      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, Money.ofFen(Long.MAX_VALUE))))
          .code()).isEqualTo("fund.household_cap_exceeded");
      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.HARDSHIP, Money.ofFen(Long.MAX_VALUE))))
          .code()).isEqualTo("fund.household_cap_exceeded");
    }

    @Test
    void collegeAidIsCappedAtFiveThousandYuanPerSeniorStudent() {
      Household none = kit.monitored("H0", VILLAGE_A1);
      Household two = kit.monitored(Household.builder().from(kit.county.household("H2", VILLAGE_A1))
          .seniorStudents(2).build());

      assertThat(refusedWithoutTrace(() -> fund.apply(request(none, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(1))))
          .code()).as("no student, no college aid").isEqualTo("fund.purpose_cap_exceeded");
      assertThat(refusedWithoutTrace(() -> fund.apply(request(two, AidPurpose.COLLEGE_STUDENT,
          Money.ofYuan(10_000).plus(ONE_FEN)))).code()).isEqualTo("fund.purpose_cap_exceeded");
      ok(fund.apply(request(two, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(10_000))));
    }

    @Test
    void hardshipAidIsCappedAtFiveThousandYuanPerMember() {
      Household four = kit.monitored("H4", VILLAGE_A1);

      assertThat(refusedWithoutTrace(() -> fund.apply(request(four, AidPurpose.HARDSHIP,
          Money.ofYuan(20_000).plus(ONE_FEN)))).code()).isEqualTo("fund.purpose_cap_exceeded");
      ok(fund.apply(request(four, AidPurpose.HARDSHIP, Money.ofYuan(20_000))));
    }

    @Test
    void theCapsAtApplicationCountWhatIsPaidAndWhatIsApprovedButNotWhatIsStillInReview() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(1_000_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(40_000));
      kit.pay("b-1");
      kit.approved(h, AidPurpose.HARDSHIP, Money.ofYuan(15_000));
      kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(45_000));

      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL,
          Money.ofYuan(45_000).plus(ONE_FEN)))).code()).isEqualTo("fund.household_cap_exceeded");
      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.HARDSHIP,
          Money.ofYuan(5_000).plus(ONE_FEN)))).code()).isEqualTo("fund.purpose_cap_exceeded");
      ok(fund.apply(request(h, AidPurpose.GENERAL, Money.ofYuan(45_000))));
      ok(fund.apply(request(h, AidPurpose.HARDSHIP, Money.ofYuan(5_000))));
    }

    @Test
    void theCapsAreRenewedInTheNextFundYear() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.approved(h, AidPurpose.GENERAL, HOUSEHOLD_CAP);
      kit.county.clock.setDay(LocalDate.of(2026, 1, 5));

      AidApplication next = ok(fund.apply(new AidRequest(h.id(), AidPurpose.GENERAL, HOUSEHOLD_CAP, POLICIES,
          LocalDate.of(2026, 1, 5), householdActor(h))));

      assertThat(next.fundYear()).isEqualTo(2026);
    }
  }

  // ================================================================ the three tiers

  @Nested
  class Tiers {

    @Test
    void theVillageTheTownshipAndTheCountyPassTheApplicationInTurnEachWithOneAuditRecord() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication a = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(30_000));
      FundKit.Snapshot before = kit.snapshot();
      AidStep village = new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "研究同意");
      AidStep township = new AidStep(REVIEWED, TOWNSHIP_OFFICER_A, true, "审核属实");
      AidStep county = new AidStep(APPROVED, COUNTY_OFFICER, true, "审定同意");

      AidApplication studied = ok(fund.villageStudy(a.id(), village));
      AidApplication reviewed = ok(fund.townshipReview(a.id(), township));
      AidApplication approved = ok(fund.countyApprove(a.id(), county));

      assertThat(studied.state()).isEqualTo(AidApplicationState.VILLAGE_STUDIED);
      assertThat(studied.village()).contains(village);
      assertThat(studied.version()).isEqualTo(2);
      assertThat(reviewed.state()).isEqualTo(AidApplicationState.TOWNSHIP_REVIEWED);
      assertThat(reviewed.township()).contains(township);
      assertThat(approved.state()).isEqualTo(AidApplicationState.COUNTY_APPROVED);
      assertThat(approved.county()).contains(county);
      assertThat(approved.version()).isEqualTo(4);
      assertThat(approved.village()).contains(village);
      assertThat(kit.application(a.id())).isEqualTo(approved);
      assertThat(auditSince(before)).extracting(AuditRecord::action, AuditRecord::beforeState, AuditRecord::afterState)
          .containsExactly(
              tuple("fund.village_study", Optional.of("APPLIED"), "VILLAGE_STUDIED"),
              tuple("fund.township_review", Optional.of("VILLAGE_STUDIED"),
                  "TOWNSHIP_REVIEWED"),
              tuple("fund.county_approval", Optional.of("TOWNSHIP_REVIEWED"),
                  "COUNTY_APPROVED"));
      assertThat(kit.snapshot().transfers()).as("approval moves no money").isEmpty();
    }

    @Test
    void theTownshipHeadMayReviewToo() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication a = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      ok(fund.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));

      assertThat(ok(fund.townshipReview(a.id(), new AidStep(REVIEWED, TOWNSHIP_HEAD_A, true, ""))).state())
          .isEqualTo(AidApplicationState.TOWNSHIP_REVIEWED);
    }

    @Test
    void eachTierMayRefuseAndARefusedApplicationGoesNoFurther() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication atVillage = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      AidApplication atTownship = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      AidApplication atCounty = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      ok(fund.villageStudy(atTownship.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));

      AidApplication r1 = ok(fund.villageStudy(atVillage.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, false,
          "已享受足额政策")));
      AidApplication r2 = ok(fund.townshipReview(atTownship.id(), new AidStep(REVIEWED, TOWNSHIP_OFFICER_A, false,
          "材料不实")));
      AidApplication r3 = ok(fund.countyApprove(atCounty.id(), new AidStep(APPROVED, COUNTY_OFFICER, false,
          "不符合条件")));

      assertThat(List.of(r1, r2, r3)).extracting(AidApplication::state).containsOnly(AidApplicationState.REFUSED);
      assertThat(r1.village().map(AidStep::passed)).contains(false);
      assertThat(r2.township().map(AidStep::passed)).contains(false);
      assertThat(r3.county().map(AidStep::passed)).contains(false);
      assertThat(refusedWithoutTrace(() -> fund.townshipReview(r1.id(), new AidStep(REVIEWED, TOWNSHIP_OFFICER_A,
          true, ""))).code()).isEqualTo("fund.wrong_state");
      assertThat(refusedWithoutTrace(() -> fund.countyApprove(r3.id(), countyPasses())).code())
          .isEqualTo("fund.wrong_state");
      assertThat(kit.pay("b-1").lines()).as("a refused application is never paid").isEmpty();
    }

    @Test
    void aRefusalIsNotCheckedAgainstTheCaps() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication big = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(60_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(60_000));

      assertThat(ok(fund.countyApprove(big.id(), new AidStep(APPROVED, COUNTY_OFFICER, false, "超过上限"))).state())
          .isEqualTo(AidApplicationState.REFUSED);
    }

    @Test
    void rejectsTheWrongRoleAtEachTier() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication applied = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      AidApplication studied = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      ok(fund.villageStudy(studied.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      AidApplication reviewed = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      for (Actor a : List.of(TOWNSHIP_OFFICER_A, COUNTY_OFFICER, GRID_WORKER_A1, householdActor(h))) {
        assertThat(refusedWithoutTrace(() -> fund.villageStudy(applied.id(), new AidStep(STUDIED, a, true, "")))
            .code()).as("village study by %s", a.role()).isEqualTo("actor.role_not_allowed");
      }
      for (Actor a : List.of(VILLAGE_GROUP_A1, COUNTY_OFFICER, householdActor(h))) {
        assertThat(refusedWithoutTrace(() -> fund.townshipReview(studied.id(), new AidStep(REVIEWED, a, true, "")))
            .code()).as("township review by %s", a.role()).isEqualTo("actor.role_not_allowed");
      }
      for (Actor a : List.of(VILLAGE_GROUP_A1, TOWNSHIP_OFFICER_A, TOWNSHIP_HEAD_A)) {
        assertThat(refusedWithoutTrace(() -> fund.countyApprove(reviewed.id(), new AidStep(APPROVED, a, true, "")))
            .code()).as("county approval by %s", a.role()).isEqualTo("actor.role_not_allowed");
      }
    }

    @Test
    void rejectsAnActorOfAnotherVillageTownshipOrCounty() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication applied = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      AidApplication studied = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      ok(fund.villageStudy(studied.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      AidApplication reviewed = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.villageStudy(applied.id(), new AidStep(STUDIED, VILLAGE_GROUP_A2,
          true, ""))).code()).isEqualTo("actor.outside_jurisdiction");
      assertThat(refusedWithoutTrace(() -> fund.townshipReview(studied.id(), new AidStep(REVIEWED,
          TOWNSHIP_OFFICER_B, true, ""))).code()).isEqualTo("actor.outside_jurisdiction");
      assertThat(refusedWithoutTrace(() -> fund.countyApprove(reviewed.id(), new AidStep(APPROVED,
          FOREIGN_COUNTY_OFFICER, true, ""))).code()).isEqualTo("actor.outside_jurisdiction");
    }

    @Test
    void rejectsTheSameActorAtTwoTiers() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication a = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      ok(fund.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      Actor sameAsVillage = Actor.of(VILLAGE_GROUP_A1.id(), Role.TOWNSHIP_OFFICER, TOWNSHIP_A);

      assertThat(refusedWithoutTrace(() -> fund.townshipReview(a.id(), new AidStep(REVIEWED, sameAsVillage, true,
          ""))).code()).isEqualTo("actor.same_as_proposer");

      ok(fund.townshipReview(a.id(), new AidStep(REVIEWED, TOWNSHIP_OFFICER_A, true, "")));
      for (String earlier : List.of(VILLAGE_GROUP_A1.id(), TOWNSHIP_OFFICER_A.id())) {
        Actor sameAsEarlier = Actor.of(earlier, Role.COUNTY_OFFICE, COUNTY);
        assertThat(refusedWithoutTrace(() -> fund.countyApprove(a.id(), new AidStep(APPROVED, sameAsEarlier, true,
            ""))).code()).as("county approval by %s", earlier).isEqualTo("actor.same_as_proposer");
      }
      ok(fund.countyApprove(a.id(), countyPasses()));
    }

    @Test
    void rejectsATierOutOfTurn() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication a = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.townshipReview(a.id(), new AidStep(REVIEWED, TOWNSHIP_OFFICER_A,
          true, ""))).code()).isEqualTo("fund.wrong_state");
      assertThat(refusedWithoutTrace(() -> fund.countyApprove(a.id(), countyPasses())).code())
          .isEqualTo("fund.wrong_state");
      ok(fund.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      assertThat(refusedWithoutTrace(() -> fund.villageStudy(a.id(), new AidStep(STUDIED,
          villageGroup(VILLAGE_A1), true, ""))).code()).as("studied twice").isEqualTo("fund.wrong_state");
    }

    @Test
    void rejectsAnUnknownApplication() {
      assertThat(refusedWithoutTrace(() -> fund.villageStudy("aid-unknown", new AidStep(STUDIED, VILLAGE_GROUP_A1,
          true, ""))).code()).isEqualTo("fund.application_not_found");
    }

    @Test
    void rejectsADayBeforeThePreviousStepOrAfterTodayAndAnOverlongNote() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication a = kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.villageStudy(a.id(), new AidStep(APPLIED.minusDays(1),
          VILLAGE_GROUP_A1, true, ""))).code()).isEqualTo("fund.date_out_of_order");
      assertInvalid(refusedWithoutTrace(() -> fund.villageStudy(a.id(), new AidStep(TODAY.plusDays(1),
          VILLAGE_GROUP_A1, true, ""))), "lies after today");
      assertInvalid(refusedWithoutTrace(() -> fund.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true,
          "意".repeat(501)))), "at most 500");
      ok(fund.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      assertThat(refusedWithoutTrace(() -> fund.townshipReview(a.id(), new AidStep(STUDIED.minusDays(1),
          TOWNSHIP_OFFICER_A, true, ""))).code()).isEqualTo("fund.date_out_of_order");
    }

    @Test
    void theCountyApprovesWithinTheHouseholdCapCountingWhatIsApprovedButNotYetPaid() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      AidApplication first = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(60_000));
      AidApplication second = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(40_000).plus(ONE_FEN));
      AidApplication third = kit.reviewed(h, AidPurpose.GENERAL, Money.ofYuan(40_000));
      ok(fund.countyApprove(first.id(), countyPasses()));

      assertThat(refusedWithoutTrace(() -> fund.countyApprove(second.id(), countyPasses())).code())
          .isEqualTo("fund.household_cap_exceeded");
      ok(fund.countyApprove(third.id(), countyPasses()));
      assertThat(kit.application(second.id()).state()).isEqualTo(AidApplicationState.TOWNSHIP_REVIEWED);
    }

    @Test
    void theCountyApprovesWithinThePurposeCapsCountingWhatIsApprovedOrPaid() {
      Household h = kit.monitored(Household.builder().from(kit.county.household("H1", VILLAGE_A1))
          .seniorStudents(1).build());
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      AidApplication collegeA = kit.reviewed(h, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(3_000));
      AidApplication collegeB = kit.reviewed(h, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(2_000).plus(ONE_FEN));
      AidApplication hardshipA = kit.reviewed(h, AidPurpose.HARDSHIP, Money.ofYuan(15_000));
      AidApplication hardshipB = kit.reviewed(h, AidPurpose.HARDSHIP, Money.ofYuan(5_000).plus(ONE_FEN));
      ok(fund.countyApprove(collegeA.id(), countyPasses()));
      ok(fund.countyApprove(hardshipA.id(), countyPasses()));
      kit.pay("b-1");

      assertThat(refusedWithoutTrace(() -> fund.countyApprove(collegeB.id(), countyPasses())).code())
          .isEqualTo("fund.purpose_cap_exceeded");
      assertThat(refusedWithoutTrace(() -> fund.countyApprove(hardshipB.id(), countyPasses())).code())
          .isEqualTo("fund.purpose_cap_exceeded");
    }
  }

  // ================================================================ batches

  @Nested
  class Batches {

    @Test
    void paysEveryApprovedApplicationFromThePoolIntoEachHouseholdsAidAccount() {
      Household h1 = kit.monitored("H1", VILLAGE_A1);
      Household h2 = kit.monitored("H2", VILLAGE_B1);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      AidApplication a1 = kit.approved(h1, AidPurpose.GENERAL, Money.ofYuan(30_000));
      AidApplication a2 = kit.approved(h2, AidPurpose.HARDSHIP, Money.ofFen(1_234_567));
      kit.reviewed(h1, AidPurpose.GENERAL, Money.ofYuan(1_000));
      FundKit.Snapshot before = kit.snapshot();

      BatchStatement b = kit.pay("2025-06");

      assertThat(b.batchId()).isEqualTo("2025-06");
      assertThat(b.county()).isEqualTo(COUNTY);
      assertThat(b.fundYear()).isEqualTo(YEAR);
      assertThat(b.paidOn()).isEqualTo(PAID);
      assertThat(b.lines()).extracting(l -> l.application().id()).containsExactly(a1.id(), a2.id());
      assertThat(b.lines()).allSatisfy(l -> {
        assertThat(l.paid()).isTrue();
        assertThat(l.reason()).isEmpty();
        assertThat(l.application().state()).isEqualTo(AidApplicationState.PAID);
        assertThat(l.application().batchId()).contains("2025-06");
      });
      assertThat(b.paidCount()).isEqualTo(2);
      assertThat(b.paidTotal()).isEqualTo(Money.ofFen(3_000_000 + 1_234_567));
      assertThat(b.emergencyCount()).isZero();
      assertThat(kit.pool()).isEqualTo(Money.ofFen(10_000_000 - 3_000_000 - 1_234_567));
      assertThat(kit.aidPaid("H1")).isEqualTo(Money.ofYuan(30_000));
      assertThat(kit.aidPaid("H2")).isEqualTo(Money.ofFen(1_234_567));

      AidApplication paid = kit.application(a2.id());
      assertThat(paid.version()).isEqualTo(a2.version() + 1);
      Transfer payment = kit.snapshot().transfers().stream()
          .filter(t -> t.id().equals(paid.paymentId().orElseThrow())).findFirst().orElseThrow();
      assertThat(payment.kind()).isEqualTo(TransferKind.PAYMENT);
      assertThat(payment.from()).isEqualTo(AccountRef.pool(COUNTY, YEAR));
      assertThat(payment.to()).isEqualTo(AccountRef.aidPaid(COUNTY, YEAR, "H2"));
      assertThat(payment.amount()).isEqualTo(a2.amount());
      assertThat(payment.purpose()).contains(AidPurpose.HARDSHIP);
      assertThat(payment.applicationId()).contains(a2.id());
      assertThat(payment.batchId()).contains("2025-06");
      assertThat(payment.bookedOn()).isEqualTo(PAID);
      assertThat(payment.memo()).isEmpty();
      assertThat(auditSince(before)).extracting(AuditRecord::action, AuditRecord::subjectId).containsExactly(
          tuple("fund.payment", a1.id()),
          tuple("fund.payment", a2.id()));
    }

    @Test
    void leavesUnpaidWhatThePoolCannotCoverAndPaysTheRest() {
      Household h1 = kit.monitored("H1", VILLAGE_A1);
      Household h2 = kit.monitored("H2", VILLAGE_A2);
      Household h3 = kit.monitored("H3", VILLAGE_B1);
      kit.appropriate("fin-1", Money.ofYuan(10_000));
      AidApplication a1 = kit.approved(h1, AidPurpose.GENERAL, Money.ofYuan(6_000));
      AidApplication a2 = kit.approved(h2, AidPurpose.GENERAL, Money.ofYuan(5_000));
      AidApplication a3 = kit.approved(h3, AidPurpose.GENERAL, Money.ofYuan(4_000));

      BatchStatement b = kit.pay("b-1");

      assertThat(b.lines()).extracting(l -> l.application().id(), BatchLine::paid)
          .containsExactly(tuple(a1.id(), true),
              tuple(a2.id(), false), tuple(a3.id(), true));
      BatchLine unpaid = b.lines().get(1);
      assertThat(unpaid.reason().map(Rejection::code)).contains("fund.pool_insufficient");
      assertThat(unpaid.application().state()).isEqualTo(AidApplicationState.COUNTY_APPROVED);
      assertThat(b.paidCount()).isEqualTo(2);
      assertThat(b.paidTotal()).isEqualTo(Money.ofYuan(10_000));
      assertThat(kit.pool()).isEqualTo(Money.ZERO);
      assertThat(kit.application(a2.id()).state()).isEqualTo(AidApplicationState.COUNTY_APPROVED);

      kit.donate("don-1", Money.ofYuan(5_000));
      BatchStatement next = kit.pay("b-2");
      assertThat(next.lines()).singleElement().satisfies(l -> {
        assertThat(l.application().id()).isEqualTo(a2.id());
        assertThat(l.paid()).isTrue();
      });
    }

    @Test
    void aBatchLargerThanOneUnitOfWorkPaysInOrderUntilThePoolRunsOut() {
      int applications = FundService.PAYMENTS_PER_UNIT + 44;
      int affordable = FundService.PAYMENTS_PER_UNIT + 14;
      kit.appropriate("fin-1", Money.ofYuan(1_000L * affordable));
      List<AidApplication> approved = new ArrayList<>();
      for (int i = 0; i < applications; i++) {
        Household h = kit.monitored(String.format("H%04d", i), i % 2 == 0 ? VILLAGE_A1 : VILLAGE_B1);
        approved.add(kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000)));
      }
      long recordsBefore = kit.snapshot().audit().size();

      BatchStatement b = kit.pay("b-1");

      assertThat(b.lines()).hasSize(applications);
      assertThat(b.lines()).extracting(l -> l.application().id())
          .containsExactlyElementsOf(approved.stream().map(AidApplication::id).sorted().toList());
      assertThat(b.lines().subList(0, affordable)).allMatch(BatchLine::paid);
      assertThat(b.lines().subList(affordable, applications)).noneMatch(BatchLine::paid)
          .allSatisfy(l -> assertThat(l.reason().map(Rejection::code)).contains("fund.pool_insufficient"));
      assertThat(b.paidTotal()).isEqualTo(Money.ofYuan(1_000L * affordable));
      assertThat(kit.pool()).isEqualTo(Money.ZERO);
      assertThat(kit.snapshot().audit().size()).isEqualTo(recordsBefore + affordable);
    }

    @Test
    void checksTheCapsAgainAtPaymentAndLeavesUnpaidWhatWouldExceedThem() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(500_000));
      AidApplication hardship = kit.approved(h, AidPurpose.HARDSHIP, Money.ofYuan(20_000));
      AidApplication general = kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(80_000));
      // The household shrank to two members after the approval: its hardship cap is now 10,000 yuan.
      kit.update(Household.builder().from(h).memberCount(2).workers(1).build());
      // Emergency aid entered approved on the emergency path (遇困即扶) takes room under the household cap.
      AidApplication emergency = insertApproved(emergencyOf(h, "aid-000000000000", Money.ofYuan(25_000)));

      BatchStatement b = kit.pay("b-1");

      assertThat(b.lines()).extracting(l -> l.application().id()).containsExactly(emergency.id(), hardship.id(),
          general.id());
      assertThat(b.lines().get(0).paid()).isTrue();
      assertThat(b.lines().get(1).reason().map(Rejection::code)).contains("fund.purpose_cap_exceeded");
      assertThat(b.lines().get(2).reason().map(Rejection::code)).contains("fund.household_cap_exceeded");
      assertThat(b.emergencyCount()).isEqualTo(1);
      assertThat(kit.aidPaid("H1")).isEqualTo(Money.ofYuan(25_000));
    }

    @Test
    void marksAndCountsEmergencyAidPaidInTheBatch() {
      Household h1 = kit.monitored("H1", VILLAGE_A1);
      Household h2 = kit.monitored("H2", VILLAGE_A2);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      AidApplication emergency = insertApproved(emergencyOf(h1, "aid-e1", Money.ofYuan(3_000)));
      kit.approved(h2, AidPurpose.GENERAL, Money.ofYuan(1_000));

      BatchStatement b = kit.pay("b-1");

      assertThat(b.paidCount()).isEqualTo(2);
      assertThat(b.emergencyCount()).isEqualTo(1);
      String paymentId = kit.application(emergency.id()).paymentId().orElseThrow();
      assertThat(kit.snapshot().transfers()).filteredOn(t -> t.id().equals(paymentId)).singleElement()
          .extracting(Transfer::memo).isEqualTo("emergency");
    }

    @Test
    void payingTheSameBatchAgainPaysNothingTwice() {
      Household h1 = kit.monitored("H1", VILLAGE_A1);
      Household h2 = kit.monitored("H2", VILLAGE_A2);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      kit.approved(h1, AidPurpose.GENERAL, Money.ofYuan(1_000));
      kit.approved(h2, AidPurpose.GENERAL, Money.ofYuan(2_000));
      kit.pay("b-1");
      FundKit.Snapshot afterFirst = kit.snapshot();

      BatchStatement again = kit.pay("b-1");

      assertThat(again.lines()).isEmpty();
      assertThat(again.paidCount()).isZero();
      assertThat(again.paidTotal()).isEqualTo(Money.ZERO);
      assertThat(kit.snapshot()).isEqualTo(afterFirst);
      assertThat(kit.pay("b-2").paidCount()).isZero();
      assertThat(kit.pool()).isEqualTo(Money.ofYuan(97_000));
    }

    @Test
    void paysOnlyTheCountysFundYear() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      assertThat(ok(fund.payBatch("b-1", COUNTY, YEAR - 1, PAID, COUNTY_OFFICER)).lines()).isEmpty();
      assertThat(ok(fund.payBatch("b-1", AreaCode.of("611002000000"), YEAR, PAID,
          Actor.of("c", Role.COUNTY_OFFICE, AreaCode.of("611002000000")))).lines()).isEmpty();
      assertThat(kit.aidPaid("H1")).isEqualTo(Money.ZERO);
    }

    @Test
    void leavesUnpaidAnApplicationApprovedAfterThePaymentDay() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      BatchStatement b = ok(fund.payBatch("b-1", COUNTY, YEAR, APPROVED.minusDays(1), COUNTY_OFFICER));

      assertThat(b.lines()).singleElement().satisfies(l -> {
        assertThat(l.paid()).isFalse();
        assertThat(l.reason().map(Rejection::code)).contains("fund.date_out_of_order");
      });
      assertThat(kit.aidPaid("H1")).isEqualTo(Money.ZERO);
    }

    @Test
    void aHostsTransferIdThatCollidesWithAPaymentIdLeavesTheApplicationApprovedForTheNextBatch() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("pay-000000000001", Money.ofYuan(100_000));
      AidApplication a = kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      BatchStatement first = kit.pay("b-1");
      BatchStatement second = kit.pay("b-2");

      assertThat(first.lines()).singleElement().extracting(l -> l.reason().map(Rejection::code))
          .isEqualTo(Optional.of("fund.transfer_conflict"));
      assertThat(second.lines()).singleElement().extracting(BatchLine::paid).isEqualTo(true);
      assertThat(kit.application(a.id()).paymentId()).contains("pay-000000000002");
    }

    @Test
    void aClashInTheMiddleOfAUnitLetsTheLaterPaymentsDecideOnThePoolWithoutTheUnpaidOne() {
      // The pool holds two payments; a host's appropriation holds the id the second would take.
      kit.appropriate("pay-000000000002", Money.ofYuan(2_000));
      List<AidApplication> approved = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        approved.add(kit.approved(kit.monitored("H" + i, VILLAGE_A1), AidPurpose.GENERAL, Money.ofYuan(1_000)));
      }

      BatchStatement b = kit.pay("b-1");

      // One by one: the first is paid, the second clashes and stays approved, so the third finds
      // the money the second did not take, and is paid with the next id.
      assertThat(b.lines()).extracting(l -> l.application().id())
          .containsExactlyElementsOf(approved.stream().map(AidApplication::id).toList());
      assertThat(b.lines()).extracting(BatchLine::paid).containsExactly(true, false, true);
      assertThat(b.lines().get(1).reason().map(Rejection::code)).contains("fund.transfer_conflict");
      assertThat(b.lines()).extracting(l -> l.application().paymentId())
          .containsExactly(Optional.of("pay-000000000001"), Optional.empty(), Optional.of("pay-000000000003"));
      assertThat(kit.application(approved.get(1).id()).state()).isEqualTo(AidApplicationState.COUNTY_APPROVED);
      assertThat(kit.pool()).isEqualTo(Money.ZERO);
      assertThat(kit.aidPaid("H1")).isEqualTo(Money.ofYuan(1_000));
      assertThat(kit.aidPaid("H2")).isEqualTo(Money.ZERO);
      assertThat(kit.aidPaid("H3")).isEqualTo(Money.ofYuan(1_000));
    }

    @Test
    void aUnitDrawsItsPaymentIdsInOneStepInTheOrderOneByOneWouldUseThemAndLeavesNoneUnused() {
      List<String> calls = new ArrayList<>();
      AtomicInteger issued = new AtomicInteger();
      IdSource recording = new IdSource() {
        @Override
        public String next(String namespace) {
          calls.add(namespace + " x1");
          return String.format("%s-%012d", namespace, issued.incrementAndGet());
        }

        @Override
        public List<String> next(String namespace, int count) {
          calls.add(namespace + " x" + count);
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            ids.add(String.format("%s-%012d", namespace, issued.incrementAndGet()));
          }
          return ids;
        }
      };
      FundService counted = FangFanPin.builder().store(kit.county.store).ids(recording).clock(kit.county.clock)
          .build().fund();
      int applications = FundService.PAYMENTS_PER_UNIT + 12;
      kit.appropriate("fin-1", Money.ofYuan(1_000L * (applications - 3)));
      List<AidApplication> approved = new ArrayList<>();
      for (int i = 0; i < applications; i++) {
        approved.add(kit.approved(kit.monitored(String.format("H%04d", i), VILLAGE_A1), AidPurpose.GENERAL,
            Money.ofYuan(1_000)));
      }
      calls.clear();
      issued.set(0);

      BatchStatement b = ok(counted.payBatch("b-1", COUNTY, YEAR, PAID, COUNTY_OFFICER));

      // The last three find the pool empty: the second unit draws the nine ids it uses, no more.
      assertThat(calls).containsExactly("pay x" + FundService.PAYMENTS_PER_UNIT, "pay x9");
      assertThat(b.paidCount()).isEqualTo(applications - 3);
      List<String> paymentIds = b.lines().stream().filter(BatchLine::paid)
          .map(l -> l.application().paymentId().orElseThrow()).toList();
      assertThat(paymentIds).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, applications - 3)
          .mapToObj(n -> String.format("pay-%012d", n)).toList());
      assertThat(kit.snapshot().transfers()).extracting(Transfer::id).containsAll(paymentIds);
    }

    @Test
    void paysApplicationsWhoseIdsAreAsLongAsAnIdSourceMayMakeThem() {
      IdSource longIds = namespace -> (namespace + "-" + "0".repeat(64)).substring(0, 60)
          + String.format("%04d", counter.incrementAndGet());
      FundService withLongIds = FangFanPin.builder().store(kit.county.store).ids(longIds).clock(kit.county.clock)
          .build().fund();
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      AidApplication a = ok(withLongIds.apply(request(h, AidPurpose.GENERAL, Money.ofYuan(100))));
      ok(withLongIds.villageStudy(a.id(), new AidStep(STUDIED, VILLAGE_GROUP_A1, true, "")));
      ok(withLongIds.townshipReview(a.id(), new AidStep(REVIEWED, TOWNSHIP_OFFICER_A, true, "")));
      ok(withLongIds.countyApprove(a.id(), countyPasses()));

      BatchStatement b = ok(withLongIds.payBatch("b-1", COUNTY, YEAR, PAID, COUNTY_OFFICER));

      assertThat(a.id()).hasSize(64);
      assertThat(b.paidCount()).isEqualTo(1);
      assertThat(kit.application(a.id()).paymentId().orElseThrow()).hasSize(64);
    }

    @Test
    void rejectsTheWrongRoleJurisdictionAreaDayOrBatchId() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.payBatch("b-1", COUNTY, YEAR, PAID, TOWNSHIP_HEAD_A)).code())
          .isEqualTo("actor.role_not_allowed");
      assertThat(refusedWithoutTrace(() -> fund.payBatch("b-1", COUNTY, YEAR, PAID, FOREIGN_COUNTY_OFFICER)).code())
          .isEqualTo("actor.outside_jurisdiction");
      assertInvalid(refusedWithoutTrace(() -> fund.payBatch("b-1", TOWNSHIP_A, YEAR, PAID, COUNTY_OFFICER)),
          "is not a county");
      assertInvalid(refusedWithoutTrace(() -> fund.payBatch("b-1", COUNTY, YEAR, TODAY.plusDays(1), COUNTY_OFFICER)),
          "lies after today");
      assertInvalid(refusedWithoutTrace(() -> fund.payBatch(" ", COUNTY, YEAR, PAID, COUNTY_OFFICER)), "batch id");
      assertInvalid(refusedWithoutTrace(() -> fund.payBatch("b".repeat(49), COUNTY, YEAR, PAID, COUNTY_OFFICER)),
          "batch id");
      assertInvalid(refusedWithoutTrace(() -> fund.payBatch("b-1", COUNTY, 3000, PAID, COUNTY_OFFICER)),
          "fund year");
    }
  }

  // ================================================================ reversals

  @Nested
  class Reversals {

    @Test
    void reversingAPaymentRestoresBothBalancesMarksTheApplicationAndFreesItsRoomUnderTheCaps() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(200_000));
      AidApplication a = kit.approved(h, AidPurpose.GENERAL, HOUSEHOLD_CAP);
      Map<AccountRef, Money> beforePayment = kit.snapshot().balances();
      kit.pay("b-1");
      String paymentId = kit.application(a.id()).paymentId().orElseThrow();
      assertThat(refusedWithoutTrace(() -> fund.apply(request(h, AidPurpose.GENERAL, ONE_FEN))).code())
          .isEqualTo("fund.household_cap_exceeded");
      FundKit.Snapshot before = kit.snapshot();

      Transfer r = ok(fund.reverse("rev-1", paymentId, PAID, COUNTY_OFFICER_OTHER, "银行退票：账号有误"));

      assertThat(r.kind()).isEqualTo(TransferKind.REVERSAL);
      assertThat(r.reverses()).contains(paymentId);
      assertThat(r.from()).isEqualTo(AccountRef.aidPaid(COUNTY, YEAR, "H1"));
      assertThat(r.to()).isEqualTo(AccountRef.pool(COUNTY, YEAR));
      assertThat(r.amount()).isEqualTo(HOUSEHOLD_CAP);
      assertThat(r.purpose()).contains(AidPurpose.GENERAL);
      assertThat(r.applicationId()).contains(a.id());
      assertThat(r.memo()).isEqualTo("银行退票：账号有误");
      assertThat(kit.snapshot().balances()).isEqualTo(beforePayment);
      AidApplication reversed = kit.application(a.id());
      assertThat(reversed.state()).isEqualTo(AidApplicationState.REVERSED);
      assertThat(reversed.reversalId()).contains("rev-1");
      assertThat(auditSince(before)).singleElement().satisfies(rec -> {
        assertThat(rec.action()).isEqualTo("fund.reversal");
        assertThat(rec.subjectId()).isEqualTo(paymentId);
      });
      ok(fund.apply(request(h, AidPurpose.GENERAL, HOUSEHOLD_CAP)));
    }

    @Test
    void reversingMoneyInTakesItBackOutOfThePool() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      kit.donate("don-1", Money.ofYuan(300));

      ok(fund.reverse("rev-1", "don-1", APPLIED, COUNTY_OFFICER, "捐赠方撤回"));

      assertThat(kit.pool()).isEqualTo(Money.ofYuan(1_000));
      assertThat(kit.balance(AccountRef.donation(COUNTY, YEAR))).isEqualTo(Money.ZERO);
    }

    @Test
    void rejectsReversingAnAppropriationThePoolNoLongerHolds() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(10_000));
      kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(4_000));
      kit.pay("b-1");

      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", PAID, COUNTY_OFFICER, "错拨")).code())
          .isEqualTo("fund.pool_insufficient");
      assertThat(kit.pool()).isEqualTo(Money.ofYuan(6_000));
    }

    @Test
    void aRetryOfTheSameReversalReturnsItAndASecondReversalIsRejected() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      Transfer first = ok(fund.reverse("rev-1", "fin-1", APPLIED, COUNTY_OFFICER, "错拨"));
      kit.county.clock.advance(Duration.ofMinutes(5));
      FundKit.Snapshot before = kit.snapshot();

      assertThat(ok(fund.reverse("rev-1", "fin-1", APPLIED, COUNTY_OFFICER, "错拨"))).isEqualTo(first);
      assertThat(kit.snapshot()).isEqualTo(before);
      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-2", "fin-1", APPLIED, COUNTY_OFFICER, "错拨")).code())
          .isEqualTo("fund.already_reversed");
      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", APPLIED, COUNTY_OFFICER, "另一原因"))
          .code()).isEqualTo("fund.transfer_conflict");
    }

    @Test
    void rejectsAReversalIdTakenByAnotherTransfer() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      kit.donate("don-1", Money.ofYuan(10));

      assertThat(refusedWithoutTrace(() -> fund.reverse("don-1", "fin-1", APPLIED, COUNTY_OFFICER, "错拨")).code())
          .isEqualTo("fund.transfer_conflict");
    }

    @Test
    void rejectsReversingAReversalOrAnUnknownTransfer() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));
      ok(fund.reverse("rev-1", "fin-1", APPLIED, COUNTY_OFFICER, "错拨"));

      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-2", "rev-1", APPLIED, COUNTY_OFFICER, "再冲")).code())
          .isEqualTo("fund.reverse_reversal");
      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-3", "fin-x", APPLIED, COUNTY_OFFICER, "错拨")).code())
          .isEqualTo("fund.transfer_not_found");
    }

    @Test
    void rejectsTheWrongRoleOrJurisdictionAMissingReasonADayAfterTodayOrBeforeTheOriginal() {
      kit.appropriate("fin-1", Money.ofYuan(1_000));

      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", APPLIED, TOWNSHIP_OFFICER_A, "错拨"))
          .code()).isEqualTo("actor.role_not_allowed");
      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", APPLIED, FOREIGN_COUNTY_OFFICER, "错拨"))
          .code()).isEqualTo("actor.outside_jurisdiction");
      assertInvalid(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", APPLIED, COUNTY_OFFICER, " ")),
          "needs a reason");
      assertInvalid(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", TODAY.plusDays(1), COUNTY_OFFICER,
          "错拨")), "lies after today");
      assertInvalid(refusedWithoutTrace(() -> fund.reverse("", "fin-1", APPLIED, COUNTY_OFFICER, "错拨")),
          "transfer id");
      assertThat(refusedWithoutTrace(() -> fund.reverse("rev-1", "fin-1", APPLIED.minusDays(1), COUNTY_OFFICER,
          "错拨")).code()).isEqualTo("fund.date_out_of_order");
    }
  }

  // ================================================================ statement and audit

  @Nested
  class Statement {

    @Test
    void sumsMoneyInPaymentsByPurposeAndTownshipReversalsAndTheBalance() {
      Household a1 = kit.monitored("HA1", VILLAGE_A1);
      Household a2 = kit.monitored("HA2", VILLAGE_A2);
      Household b1 = kit.monitored(Household.builder().from(kit.county.household("HB1", VILLAGE_B1))
          .seniorStudents(1).build());
      kit.appropriate("fin-1", Money.ofYuan(150_000));
      kit.appropriate("fin-2", Money.ofYuan(7_000));
      kit.donate("don-1", Money.ofYuan(20_000));
      kit.donate("don-2", Money.ofYuan(500));
      ok(fund.reverse("rev-don-2", "don-2", APPLIED, COUNTY_OFFICER, "捐赠退回"));
      ok(fund.reverse("rev-fin-2", "fin-2", APPLIED, COUNTY_OFFICER, "错拨"));
      AidApplication ga1 = kit.approved(a1, AidPurpose.GENERAL, Money.ofYuan(80_000));
      AidApplication ha1 = kit.approved(a1, AidPurpose.HARDSHIP, Money.ofYuan(10_000));
      AidApplication ga2 = kit.approved(a2, AidPurpose.GENERAL, Money.ofYuan(30_000));
      AidApplication cb1 = kit.approved(b1, AidPurpose.COLLEGE_STUDENT, Money.ofYuan(5_000));
      AidApplication hb1 = kit.approved(b1, AidPurpose.HARDSHIP, Money.ofYuan(2_000));
      kit.pay("b-1");
      ok(fund.reverse("rev-ga2", kit.application(ga2.id()).paymentId().orElseThrow(), PAID, COUNTY_OFFICER,
          "重复申领"));

      FundStatement s = fund.statement(COUNTY, YEAR);

      assertThat(s.county()).isEqualTo(COUNTY);
      assertThat(s.fundYear()).isEqualTo(YEAR);
      assertThat(s.appropriated()).isEqualTo(Money.ofYuan(150_000));
      assertThat(s.donated()).isEqualTo(Money.ofYuan(20_000));
      assertThat(s.disbursed()).isEqualTo(Money.ofYuan(80_000 + 10_000 + 30_000 + 5_000 + 2_000));
      assertThat(s.reversedPayments()).isEqualTo(Money.ofYuan(30_000));
      assertThat(s.paidByPurpose()).containsExactlyInAnyOrderEntriesOf(Map.of(
          AidPurpose.GENERAL, Money.ofYuan(80_000),
          AidPurpose.HARDSHIP, Money.ofYuan(12_000),
          AidPurpose.COLLEGE_STUDENT, Money.ofYuan(5_000)));
      assertThat(s.paidByTownship()).containsExactly(Map.entry(TOWNSHIP_A, Money.ofYuan(90_000)),
          Map.entry(TOWNSHIP_B, Money.ofYuan(7_000)));
      assertThat(s.balance()).isEqualTo(Money.ofYuan(150_000 + 20_000 - 97_000)).isEqualTo(kit.pool());
      assertThat(s.balance()).isEqualTo(s.appropriated().plus(s.donated()).minus(s.disbursed())
          .plus(s.reversedPayments()));
      assertThat(s.debitsTotal()).isEqualTo(s.creditsTotal());
      Money everyTransfer = kit.snapshot().transfers().stream().map(Transfer::amount).reduce(Money.ZERO, Money::plus);
      assertThat(s.debitsTotal()).isEqualTo(everyTransfer);
      assertThat(s.householdsAided()).as("HA2's only payment was reversed").isEqualTo(2);
      assertThat(s.largestHouseholdAid()).isEqualTo(Money.ofYuan(90_000));
      assertThat(kit.snapshot().sum()).isEqualTo(Money.ZERO);
      assertThat(List.of(ga1, ha1, cb1, hb1)).extracting(a -> kit.application(a.id()).state())
          .containsOnly(AidApplicationState.PAID);
    }

    @Test
    void anUntouchedFundYearHasOnlyZeros() {
      FundStatement s = fund.statement(COUNTY, YEAR);

      assertThat(List.of(s.appropriated(), s.donated(), s.disbursed(), s.reversedPayments(), s.balance(),
          s.debitsTotal(), s.creditsTotal(), s.largestHouseholdAid())).containsOnly(Money.ZERO);
      assertThat(s.paidByPurpose().values()).containsOnly(Money.ZERO);
      assertThat(s.paidByTownship()).isEmpty();
      assertThat(s.householdsAided()).isZero();
    }
  }

  @Nested
  class Audit {

    @Test
    void everyAcceptedMoveLeavesExactlyOneRecordAndTheCountysChainVerifies() {
      Household h = kit.monitored("H1", VILLAGE_A1);
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      kit.donate("don-1", Money.ofYuan(100));
      kit.appropriate("fin-1", Money.ofYuan(100_000));
      AidApplication a = kit.approved(h, AidPurpose.GENERAL, Money.ofYuan(1_000));
      kit.apply(h, AidPurpose.GENERAL, Money.ofYuan(50_000));
      kit.pay("b-1");
      kit.pay("b-1");
      ok(fund.reverse("rev-1", kit.application(a.id()).paymentId().orElseThrow(), PAID, COUNTY_OFFICER, "退票"));
      ok(fund.reverse("rev-1", kit.application(a.id()).paymentId().orElseThrow(), PAID, COUNTY_OFFICER, "退票"));
      rejected(fund.reverse("rev-2", "don-1", PAID, TOWNSHIP_OFFICER_A, "退回"));

      List<AuditRecord> chain = kit.county.ffp.audit().records(COUNTY);
      assertThat(chain).extracting(AuditRecord::action).containsExactly("fund.appropriation", "fund.donation",
          "fund.apply", "fund.village_study", "fund.township_review", "fund.county_approval", "fund.apply",
          "fund.payment", "fund.reversal");
      ChainVerification v = kit.county.ffp.audit().verify(COUNTY);
      assertThat(v.valid()).as("%s", v).isTrue();
      assertThat(v.recordsChecked()).isEqualTo(9);
    }
  }

  // ================================================================ helpers

  /** An application approved on the emergency path (遇困即扶), as it enters the fund. */
  static AidApplication emergencyOf(Household h, String id, Money amount) {
    return AidApplication.builder()
        .id(id)
        .householdId(h.id())
        .area(h.area())
        .caseId("case-" + h.id())
        .fundYear(YEAR)
        .purpose(AidPurpose.GENERAL)
        .amount(amount)
        .generalPoliciesReceived(List.of("先行救助"))
        .emergency(true)
        .state(AidApplicationState.COUNTY_APPROVED)
        .version(1)
        .appliedOn(APPLIED)
        .county(new AidStep(APPLIED, TOWNSHIP_HEAD_A, true, "遇困即扶，乡镇主要负责人先行批准"))
        .build();
  }

  AidApplication insertApproved(AidApplication a) {
    kit.county.store.write(s -> {
      s.aidApplications().insert(a);
      return null;
    });
    return a;
  }
}
