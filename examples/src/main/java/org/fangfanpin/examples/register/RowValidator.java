package org.fangfanpin.examples.register;

import static org.fangfanpin.examples.register.RegisterColumn.ANNUAL_NET_INCOME_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.AREA_CODE;
import static org.fangfanpin.examples.register.RegisterColumn.DIBAO;
import static org.fangfanpin.examples.register.RegisterColumn.DISABLED;
import static org.fangfanpin.examples.register.RegisterColumn.EDUCATION_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.FOOD_CLOTHING_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.HEAD_ID_NUMBER;
import static org.fangfanpin.examples.register.RegisterColumn.HOUSEHOLD_ID;
import static org.fangfanpin.examples.register.RegisterColumn.HOUSING_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.MEDICAL_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.MEMBERS;
import static org.fangfanpin.examples.register.RegisterColumn.PREVIOUS_YEAR_INCOME_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.RIGID_EXPENDITURE_YUAN;
import static org.fangfanpin.examples.register.RegisterColumn.SERIOUSLY_ILL;
import static org.fangfanpin.examples.register.RegisterColumn.STATUS;
import static org.fangfanpin.examples.register.RegisterColumn.STUDENTS_SENIOR;
import static org.fangfanpin.examples.register.RegisterColumn.TEKUN;
import static org.fangfanpin.examples.register.RegisterColumn.WATER_SECURE;
import static org.fangfanpin.examples.register.RegisterColumn.WORKERS;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.ResidentId;

/**
 * Turns the cells of one register row into a household, or into every problem of the row
 * (行校验). Each cell is read on its own with the spi's validators, so one broken cell never hides
 * another. It remembers the household ids seen, to reject the second row of an id.
 *
 * <p>No message ever repeats a cell's text: a value typed into the wrong column may be a resident
 * ID number.
 */
final class RowValidator {

  /** Stands for a count that could not be read; real counts have at most 9 digits. */
  private static final int UNREADABLE = Integer.MIN_VALUE;
  private static final int MAX_COUNT_DIGITS = 9;

  private final HouseholdIdIndex seen = new HouseholdIdIndex();
  /** The problems of the row being read; a rejected row takes a copy. */
  private final List<Problem> problems = new ArrayList<>();

  /**
   * Reads one row whose cells are in {@link RegisterColumn} order.
   *
   * @param row the row's position, from 1
   * @param cells one cell per column, never {@code null}
   */
  RegisterRow validate(int row, String[] cells) {
    problems.clear();
    Household.Builder household = Household.builder();

    String id = cells[HOUSEHOLD_ID.ordinal()];
    Seq<Problem> idProblems = Household.idProblems(HOUSEHOLD_ID.header(), id);
    boolean idReadable = idProblems.isEmpty();
    if (idReadable) {
      household.id(id);
      int first = seen.firstRowOf(id, row);
      if (first != 0) {
        problems.add(Problem.of(HOUSEHOLD_ID.header(), "household_id.duplicate",
            "户编号与第 " + first + " 行重复", "the household id repeats that of row " + first));
      }
    } else {
      report(idProblems);
    }

    Validation<Seq<Problem>, AreaCode> area = AreaCode.parse(AREA_CODE.header(), cells[AREA_CODE.ordinal()]);
    if (area.isValid()) {
      report(Household.areaProblems(AREA_CODE.header(), area.get()));
      household.area(area.get());
    } else {
      report(area.getError());
    }

    readStatus(cells[STATUS.ordinal()], household);

    int members = readCount(cells, MEMBERS);
    int workers = readCount(cells, WORKERS);
    int students = readCount(cells, STUDENTS_SENIOR);
    int disabled = readCount(cells, DISABLED);
    int ill = readCount(cells, SERIOUSLY_ILL);
    // An unreadable count is already reported; stand-ins that can never be out of range let the
    // spi still check the counts that were read against each other.
    report(Household.countProblems(
        members == UNREADABLE ? Integer.MAX_VALUE : members,
        workers == UNREADABLE ? 0 : workers,
        students == UNREADABLE ? 0 : students,
        disabled == UNREADABLE ? 0 : disabled,
        ill == UNREADABLE ? 0 : ill));
    household.memberCount(members).workers(workers).seniorStudents(students).disabledMembers(disabled)
        .seriouslyIllMembers(ill);

    readAmount(cells, ANNUAL_NET_INCOME_YUAN, household);
    readAmount(cells, PREVIOUS_YEAR_INCOME_YUAN, household);
    readAmount(cells, RIGID_EXPENDITURE_YUAN, household);

    readNeed(cells, FOOD_CLOTHING_SECURE, BasicNeed.FOOD_AND_CLOTHING, household);
    readNeed(cells, EDUCATION_SECURE, BasicNeed.COMPULSORY_EDUCATION, household);
    readNeed(cells, MEDICAL_SECURE, BasicNeed.BASIC_MEDICAL_CARE, household);
    readNeed(cells, HOUSING_SECURE, BasicNeed.SAFE_HOUSING, household);
    readNeed(cells, WATER_SECURE, BasicNeed.SAFE_DRINKING_WATER, household);
    if (readFlag(cells, DIBAO) == 1) {
      household.addFocusFlags(FocusFlag.DIBAO);
    }
    if (readFlag(cells, TEKUN) == 1) {
      household.addFocusFlags(FocusFlag.TEKUN);
    }

    Validation<Seq<Problem>, ResidentId> head =
        ResidentId.parse(HEAD_ID_NUMBER.header(), cells[HEAD_ID_NUMBER.ordinal()]);
    if (head.isValid()) {
      household.head(head.get());
    } else {
      report(head.getError());
    }

    Optional<String> readableId = idReadable ? Optional.of(id) : Optional.empty();
    if (!problems.isEmpty()) {
      return new RegisterRow.Rejected(row, readableId, problems);
    }
    // The cell checks above cover every structural rule of the household; the builder's own check
    // stays the final word.
    Validation<Seq<Problem>, Household> built = Household.validate(household::build);
    return built.isValid()
        ? new RegisterRow.Accepted(row, built.get())
        : new RegisterRow.Rejected(row, readableId, built.getError().asJava());
  }

  /**
   * Rejects a row whose number of fields differs from the header's: its cells cannot be matched
   * to columns, so only the count is reported.
   *
   * @param row the row's position, from 1
   * @param found the row's number of fields
   * @param expected the header's number of fields
   * @param idCell the cell in the household id's position, when the row reaches it
   */
  RegisterRow wrongFieldCount(int row, int found, int expected, Optional<String> idCell) {
    Problem problem = Problem.of("row", "row.field_count",
        "该行有 " + found + " 个字段，表头有 " + expected + " 个",
        "the row has " + found + " fields but the header has " + expected);
    Optional<String> id = idCell.filter(text -> Household.idProblems(HOUSEHOLD_ID.header(), text).isEmpty());
    return new RegisterRow.Rejected(row, id, List.of(problem));
  }

  private void report(Seq<Problem> found) {
    for (Problem problem : found) {
      problems.add(problem);
    }
  }

  private void readStatus(String cell, Household.Builder household) {
    String text = cell.strip();
    if ("LIFTED".equals(text)) {
      household.status(HouseholdStatus.LIFTED);
    } else if ("ORDINARY".equals(text)) {
      household.status(HouseholdStatus.ORDINARY);
    } else if (text.isEmpty()) {
      problems.add(Problem.of(STATUS.header(), "status.missing", "户类型不能为空", "the status is missing"));
    } else {
      problems.add(Problem.of(STATUS.header(), "status.unknown",
          "户类型应为 LIFTED（脱贫户）或 ORDINARY（一般农户）", "the status must be LIFTED or ORDINARY"));
    }
  }

  /** Reads a whole number, negative ones included so that the spi's range check reports them. */
  private int readCount(String[] cells, RegisterColumn column) {
    String text = cells[column.ordinal()].strip();
    if (text.isEmpty()) {
      problems.add(Problem.of(column.header(), "integer.missing", column.zh() + "不能为空",
          column.header() + " is missing"));
      return UNREADABLE;
    }
    int start = text.charAt(0) == '-' ? 1 : 0;
    if (start == text.length() || !digitsFrom(text, start)) {
      problems.add(Problem.of(column.header(), "integer.format", column.zh() + "应为整数，如 0、1、2",
          column.header() + " must be a whole number such as 0, 1 or 2"));
      return UNREADABLE;
    }
    if (text.length() - start > MAX_COUNT_DIGITS) {
      problems.add(Problem.of(column.header(), "integer.range", column.zh() + "数值过大",
          column.header() + " is too large"));
      return UNREADABLE;
    }
    return Integer.parseInt(text);
  }

  private void readAmount(String[] cells, RegisterColumn column, Household.Builder household) {
    Validation<Seq<Problem>, Money> amount = Money.parseYuan(column.header(), cells[column.ordinal()]);
    if (!amount.isValid()) {
      report(amount.getError());
    } else if (amount.get().isNegative()) {
      // Same code and words as the household's own check, reported here so it joins the row's other problems.
      problems.add(Problem.of(column.header(), "money.negative", "金额不能为负数", "the amount cannot be negative"));
    } else if (column == ANNUAL_NET_INCOME_YUAN) {
      household.incomeLast12Months(amount.get());
    } else if (column == PREVIOUS_YEAR_INCOME_YUAN) {
      household.previousYearIncome(amount.get());
    } else {
      household.rigidExpenditure(amount.get());
    }
  }

  /** A basic need is unmet when its {@code *_secure} column is {@code false}. */
  private void readNeed(String[] cells, RegisterColumn column, BasicNeed need, Household.Builder household) {
    if (readFlag(cells, column) == 0) {
      household.addUnmetNeeds(need);
    }
  }

  /** Reads {@code true} as 1 and {@code false} as 0; anything else is a problem and gives -1. */
  private int readFlag(String[] cells, RegisterColumn column) {
    String text = cells[column.ordinal()].strip();
    if ("true".equals(text)) {
      return 1;
    }
    if ("false".equals(text)) {
      return 0;
    }
    if (text.isEmpty()) {
      problems.add(Problem.of(column.header(), "boolean.missing", column.zh() + "不能为空",
          column.header() + " is missing"));
    } else {
      problems.add(Problem.of(column.header(), "boolean.format", column.zh() + "应为 true 或 false",
          column.header() + " must be true or false"));
    }
    return -1;
  }

  private static boolean digitsFrom(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
