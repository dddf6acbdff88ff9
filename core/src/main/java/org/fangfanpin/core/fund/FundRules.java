package org.fangfanpin.core.fund;

import io.vavr.control.Either;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The caps of the special fund (救助上限, seed 000), as pure functions: a household receives at most
 * the household cap in a fund year over every purpose; a college student's aid at most the
 * per-student amount per academic year; epidemic or other hardship at most the per-person amount
 * times the household's members.
 *
 * <p>The academic year is taken as the fund year: a county that pays student aid across two fund
 * years for one academic year must configure its caps accordingly.
 */
public final class FundRules {

  private FundRules() {}

  /** The most the household may receive for the purpose in a fund year, apart from the household cap. */
  public static Money purposeCap(PolicyParameters policy, Household household, AidPurpose purpose) {
    return switch (purpose) {
      case GENERAL -> policy.householdAidCapPerYear();
      case COLLEGE_STUDENT -> policy.collegeStudentAidPerAcademicYear().times(household.seniorStudents());
      case HARDSHIP -> policy.hardshipAidPerPersonPerYear().times(household.memberCount());
    };
  }

  /**
   * Whether {@code amount} more for {@code purpose} keeps the household within every cap, given
   * what it has received (or been approved) this fund year in all and for the purpose.
   */
  public static Either<Rejection, Money> withinCaps(PolicyParameters policy, Household household, AidPurpose purpose,
      Money amount, Money receivedThisYear, Money receivedForPurpose) {
    Money householdCap = policy.householdAidCapPerYear();
    // Compared with what is left under the cap, so that no amount asked can overflow the sum.
    if (amount.isGreaterThan(householdCap.minus(receivedThisYear))) {
      return Either.left(Rejection.of("fund.household_cap_exceeded",
          "该户本年度救助将超过上限 " + householdCap.toYuanString() + " 元（已获 " + receivedThisYear.toYuanString()
              + " 元，本次 " + amount.toYuanString() + " 元）",
          "the household's aid this year would exceed the cap of " + householdCap.toYuanString() + " yuan ("
              + receivedThisYear.toYuanString() + " received, " + amount.toYuanString() + " asked)"));
    }
    Money cap = purposeCap(policy, household, purpose);
    if (amount.isGreaterThan(cap.minus(receivedForPurpose))) {
      return Either.left(Rejection.of("fund.purpose_cap_exceeded",
          purpose.zh() + "救助将超过上限 " + cap.toYuanString() + " 元（已获 " + receivedForPurpose.toYuanString()
              + " 元，本次 " + amount.toYuanString() + " 元）",
          purpose.en() + " aid would exceed its cap of " + cap.toYuanString() + " yuan ("
              + receivedForPurpose.toYuanString() + " received, " + amount.toYuanString() + " asked)"));
    }
    return Either.right(amount);
  }
}
