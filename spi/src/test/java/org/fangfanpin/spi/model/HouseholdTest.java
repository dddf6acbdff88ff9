package org.fangfanpin.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.fangfanpin.spi.testkit.FangFanPinDomain;
import org.junit.jupiter.api.Test;

class HouseholdTest {

  private static final ResidentId HEAD = ResidentId.of("11010519491231002X");

  private static Household.Builder valid() {
    return Household.builder()
        .id("6110221002010001")
        .area(AreaCode.of("611022100201"))
        .status(HouseholdStatus.LIFTED)
        .head(HEAD)
        .memberCount(4)
        .workers(2)
        .seniorStudents(1)
        .disabledMembers(0)
        .seriouslyIllMembers(1)
        .incomeLast12Months(Money.ofYuan(30_000))
        .previousYearIncome(Money.ofYuan(32_000))
        .rigidExpenditure(Money.ofYuan(5_000));
  }

  @Test
  void buildsAConsistentHousehold() {
    Household h = valid().addUnmetNeeds(BasicNeed.SAFE_HOUSING).addFocusFlags(FocusFlag.DIBAO).build();

    assertThat(h.secures(BasicNeed.SAFE_HOUSING)).isFalse();
    assertThat(h.secures(BasicNeed.SAFE_DRINKING_WATER)).isTrue();
    assertThat(h.has(FocusFlag.DIBAO)).isTrue();
    assertThat(h.has(FocusFlag.TEKUN)).isFalse();
  }

  @Test
  void builderReportsEveryBrokenCountAtOnce() {
    assertThatThrownBy(() -> valid().memberCount(0).workers(-1).seniorStudents(1).disabledMembers(2)
        .seriouslyIllMembers(-3).build())
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.problems()).extracting(Problem::code)
            .containsExactly("members.range", "workers.range", "students_senior.range", "disabled.range",
                "seriously_ill.range"));
  }

  @Test
  void rejectsACountAboveTheNumberOfMembers() {
    assertThat(codes(() -> valid().memberCount(2).workers(3).build())).containsExactly("workers.range");
    assertThat(codes(() -> valid().build().withMemberCount(1))).containsExactly("workers.range");
  }

  @Test
  void reportsEveryOtherBrokenFieldTogether() {
    Supplier<Household> build = () -> valid().id(" ").area(AreaCode.of("611022100000"))
        .incomeLast12Months(Money.ofFen(-1)).previousYearIncome(Money.ofFen(-1)).rigidExpenditure(Money.ofFen(-1))
        .build();

    assertThat(Household.validate(build).getError()).extracting(Problem::field, Problem::code).containsExactly(
        tuple("household_id", "household_id.missing"),
        tuple("area_code", "area_code.not_village"),
        tuple("annual_net_income_yuan", "money.negative"),
        tuple("previous_year_income_yuan", "money.negative"),
        tuple("rigid_expenditure_yuan", "money.negative"));
  }

  @Test
  void rejectsAnIdThatIsTooLongOrHoldsControlCharacters() {
    assertThat(codes(() -> valid().id("1".repeat(65)).build())).containsExactly("household_id.length");
    assertThat(codes(() -> valid().id("A\nB").build())).containsExactly("household_id.characters");
    assertThat(codes(() -> valid().id(" AB").build())).containsExactly("household_id.characters");
  }

  @Test
  void validateReturnsTheProblemsInsteadOfThrowing() {
    Validation<Seq<Problem>, Household> result = Household.validate(() -> valid().memberCount(0).build());

    assertThat(result.isInvalid()).isTrue();
    assertThat(result.getError()).extracting(Problem::code).contains("members.range");
  }

  @Test
  void validateReportsAMissingFieldAsAnIncompleteHousehold() {
    assertThat(codes(() -> Household.builder().id("1").build())).containsExactly("household.incomplete");
  }

  @Test
  void refusesAMissingAttributeInsteadOfLeavingItNullOrZero() {
    Supplier<Household> noStatus = () -> Household.builder().id("1").area(AreaCode.of("611022100201")).head(HEAD)
        .memberCount(1).workers(1).seniorStudents(0).disabledMembers(0).seriouslyIllMembers(0)
        .incomeLast12Months(Money.ZERO).previousYearIncome(Money.ZERO).rigidExpenditure(Money.ZERO).build();
    Supplier<Household> noWorkers = () -> Household.builder().id("1").area(AreaCode.of("611022100201"))
        .status(HouseholdStatus.ORDINARY).head(HEAD).memberCount(1).seniorStudents(0).disabledMembers(0)
        .seriouslyIllMembers(0).incomeLast12Months(Money.ZERO).previousYearIncome(Money.ZERO)
        .rigidExpenditure(Money.ZERO).build();

    assertThat(codes(noStatus)).containsExactly("household.incomplete");
    assertThat(codes(noWorkers)).containsExactly("household.incomplete");
  }

  @Test
  void refusesANullAttribute() {
    assertThat(codes(() -> valid().build().withHead(null))).containsExactly("household.incomplete");
    assertThat(codes(() -> valid().status(null).build())).containsExactly("household.incomplete");
  }

  @Test
  void validateGivesBackAValidHousehold() {
    assertThat(Household.validate(() -> valid().build()).get()).isEqualTo(valid().build());
  }

  @Test
  void memberDetailsMustMatchTheCountAndNameOneHead() {
    Member spouse = Member.builder().relation(MemberRelation.SPOUSE).ableToWork(true).seniorStudent(false)
        .disabled(false).seriouslyIll(false).build();

    assertThat(codes(() -> valid().addMembers(spouse, spouse).build()))
        .containsExactly("members.details", "members.head");
  }

  @Property(tries = 200)
  @Domain(FangFanPinDomain.class)
  void neverShowsTheHeadsFullIdNumber(@ForAll Household household) {
    assertThat(household.toString())
        .doesNotContain(household.head().unmasked())
        .contains(household.head().masked());
  }

  private static Seq<String> codes(Supplier<Household> build) {
    return Household.validate(build).getError().map(Problem::code);
  }
}
