package org.fangfanpin.spi.model;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Try;
import io.vavr.control.Validation;
import java.util.Set;
import java.util.function.Supplier;
import org.immutables.value.Value;

/**
 * A household (户) as the register knows it: the unit of monitoring. It holds the facts the
 * assessment reads — members and their situation, incomes, rigid expenditure (刚性支出), the basic
 * needs that are not secure, and the focus groups it belongs to.
 *
 * <p>Build it with {@code Household.builder()}; a builder that breaks a structural rule throws
 * {@link InvalidValueException}. Untrusted input goes through {@link #validate(Supplier)}, which
 * returns every problem instead.
 */
@Value.Immutable
public abstract class AbstractHousehold {

  /** The longest household id accepted; registers use 20–30 characters. */
  public static final int MAX_ID_LENGTH = 64;

  /** The register's household id (户编号), unique within a host. */
  public abstract String id();

  /** The village the household lives in: an area code of village level. */
  public abstract AreaCode area();

  /** Lifted (脱贫户) or ordinary (一般农户). */
  public abstract HouseholdStatus status();

  /** The head of household's resident ID number (户主身份证号). */
  public abstract ResidentId head();

  /** Number of members (家庭人口), at least 1. */
  public abstract int memberCount();

  /** Members able to work (劳动力人数). */
  public abstract int workers();

  /** Members in senior secondary school or above (高中及以上在校生). */
  public abstract int seniorStudents();

  /** Members with a disability (残疾人数). */
  public abstract int disabledMembers();

  /** Members with a serious or chronic illness (大病/慢性病人数). */
  public abstract int seriouslyIllMembers();

  /** Net income of the last 12 months (近12个月家庭纯收入), not negative. */
  public abstract Money incomeLast12Months();

  /** Net income of the previous calendar year (上年度家庭纯收入), not negative. */
  public abstract Money previousYearIncome();

  /** Rigid expenditure of the last 12 months (刚性支出): medical, schooling, disaster. */
  public abstract Money rigidExpenditure();

  /** The basic needs that are not secure; empty when all five hold. */
  public abstract Set<BasicNeed> unmetNeeds();

  /** The focus groups the household belongs to (低保, 特困…). */
  public abstract Set<FocusFlag> focusFlags();

  /** Member details, when the register has them; otherwise empty and only the counts are known. */
  public abstract java.util.List<Member> members();

  /** Whether the household belongs to a focus group. */
  public final boolean has(FocusFlag flag) {
    return focusFlags().contains(flag);
  }

  /** Whether the basic need holds. */
  public final boolean secures(BasicNeed need) {
    return !unmetNeeds().contains(need);
  }

  @Value.Check
  final void check() {
    List<Problem> problems = List.<Problem>empty()
        .appendAll(idProblems("household_id", id()))
        .appendAll(areaProblems("area_code", area()))
        .appendAll(countProblems(memberCount(), workers(), seniorStudents(), disabledMembers(),
            seriouslyIllMembers()))
        .appendAll(notNegative("annual_net_income_yuan", incomeLast12Months()))
        .appendAll(notNegative("previous_year_income_yuan", previousYearIncome()))
        .appendAll(notNegative("rigid_expenditure_yuan", rigidExpenditure()))
        .appendAll(memberProblems());
    if (!problems.isEmpty()) {
      throw new InvalidValueException(problems);
    }
  }

  /**
   * Builds a household from untrusted input and returns every problem instead of throwing.
   *
   * @param build a function that fills a builder and calls {@code build()}
   */
  public static Validation<Seq<Problem>, Household> validate(Supplier<Household> build) {
    return Try.ofSupplier(build)
        .toValidation()
        .mapError(e -> e instanceof InvalidValueException ive
            ? ive.problems()
            : List.of(Problem.of("household", "household.incomplete", "户信息不完整：" + e.getMessage(),
                "the household is incomplete: " + e.getMessage())));
  }

  /** Problems with a household id: blank, too long, or holding control characters. */
  public static Seq<Problem> idProblems(String field, String id) {
    if (id == null || id.isBlank()) {
      return List.of(Problem.of(field, "household_id.missing", "户编号不能为空", "the household id is missing"));
    }
    if (id.length() > MAX_ID_LENGTH) {
      return List.of(Problem.of(field, "household_id.length", "户编号不能超过 " + MAX_ID_LENGTH + " 个字符",
          "the household id is longer than " + MAX_ID_LENGTH + " characters"));
    }
    if (id.chars().anyMatch(Character::isISOControl) || !id.equals(id.strip())) {
      return List.of(Problem.of(field, "household_id.characters", "户编号含有控制字符或首尾空白",
          "the household id holds control characters or surrounding blanks"));
    }
    return List.empty();
  }

  /** Problems with a household's area: it must name a village. */
  public static Seq<Problem> areaProblems(String field, AreaCode area) {
    return area.level() == AreaLevel.VILLAGE
        ? List.empty()
        : List.of(Problem.of(field, "area_code.not_village", "户所在区划必须是村级（12 位全部有效）",
            "the household's area must be a village (all 12 digits significant)"));
  }

  /**
   * Problems with the member counts: at least one member, every other count between 0 and the
   * number of members.
   */
  public static Seq<Problem> countProblems(int members, int workers, int seniorStudents, int disabled,
      int seriouslyIll) {
    List<Problem> problems = List.empty();
    if (members < 1) {
      problems = problems.append(Problem.of("members", "members.range", "家庭人口至少为 1",
          "a household has at least 1 member"));
    }
    problems = problems.appendAll(withinMembers("workers", "劳动力人数", workers, members))
        .appendAll(withinMembers("students_senior", "高中及以上在校生人数", seniorStudents, members))
        .appendAll(withinMembers("disabled", "残疾人数", disabled, members))
        .appendAll(withinMembers("seriously_ill", "大病人数", seriouslyIll, members));
    return problems;
  }

  private static Seq<Problem> withinMembers(String field, String zhName, int count, int members) {
    if (count < 0 || count > Math.max(members, 0)) {
      return List.of(Problem.of(field, field + ".range", zhName + "应在 0 到家庭人口数之间",
          field + " must lie between 0 and the number of members"));
    }
    return List.empty();
  }

  private static Seq<Problem> notNegative(String field, Money amount) {
    return amount.isNegative()
        ? List.of(Problem.of(field, "money.negative", "金额不能为负数", "the amount cannot be negative"))
        : List.empty();
  }

  private Seq<Problem> memberProblems() {
    java.util.List<Member> ms = members();
    if (ms.isEmpty()) {
      return List.empty();
    }
    List<Problem> problems = List.empty();
    if (ms.size() != memberCount()) {
      problems = problems.append(Problem.of("members", "members.details", "成员明细条数与家庭人口不一致",
          "the member details do not match the number of members"));
    }
    if (ms.stream().filter(m -> m.relation() == MemberRelation.HEAD).count() != 1) {
      problems = problems.append(Problem.of("members", "members.head", "成员明细中应有且只有一位户主",
          "the member details must name exactly one head of household"));
    }
    return problems;
  }
}
