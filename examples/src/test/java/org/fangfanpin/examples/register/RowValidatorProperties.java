package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.ResidentId;

/** The row check reports every broken cell under its own column, and nothing for the others. */
class RowValidatorProperties {

  private static final String HEAD = "61102219700512301" + ResidentId.checkCharacter("61102219700512301");

  private static String[] validCells() {
    String[] cells = new String[RegisterColumn.ALL.length];
    String[] values = {"HH-1", "611022103205", "ORDINARY", "4", "2", "1", "0", "1", "40000", "41000.50", "800",
        "true", "true", "true", "true", "true", "false", "false", HEAD};
    System.arraycopy(values, 0, cells, 0, values.length);
    return cells;
  }

  /** Text that no column accepts; a household id is broken by surrounding blanks instead. */
  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.strings().withChars("xyzq#!é ").ofMinLength(1).ofMaxLength(6)
        .filter(s -> !s.isBlank());
  }

  private static String broken(RegisterColumn column, String junk) {
    return column == RegisterColumn.HOUSEHOLD_ID ? " " + junk.strip() + " " : junk;
  }

  @Property
  void everyBrokenCellIsReportedUnderItsColumnAndNoOtherColumnIs(
      @ForAll @Size(min = 1, max = 19) Set<RegisterColumn> brokenColumns, @ForAll("junk") String junk) {
    String[] cells = validCells();
    for (RegisterColumn column : brokenColumns) {
      cells[column.ordinal()] = broken(column, junk);
    }

    RegisterRow row = new RowValidator().validate(7, cells);

    assertThat(row).isInstanceOf(RegisterRow.Rejected.class);
    Set<String> fields = new HashSet<>();
    for (Problem problem : ((RegisterRow.Rejected) row).problems()) {
      fields.add(problem.field());
    }
    Set<String> expected = new HashSet<>();
    brokenColumns.forEach(column -> expected.add(column.header()));
    assertThat(fields).isEqualTo(expected);
    assertThat(row.row()).isEqualTo(7);
  }

  @Property
  void anEmptyCellIsAMissingValueOfItsColumn(@ForAll RegisterColumn column) {
    String[] cells = validCells();
    cells[column.ordinal()] = "";

    RegisterRow.Rejected row = (RegisterRow.Rejected) new RowValidator().validate(1, cells);

    assertThat(row.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEqualTo(column.header());
      assertThat(problem.code()).endsWith(".missing");
    });
  }

  @Property
  void countsAreCheckedAgainstMembersWhateverElseIsBroken(
      @ForAll("countColumn") RegisterColumn tooLarge, @ForAll("junk") String junk) {
    String[] cells = validCells();
    cells[tooLarge.ordinal()] = "5";
    Set<RegisterColumn> broken = EnumSet.of(RegisterColumn.AREA_CODE, RegisterColumn.STATUS,
        RegisterColumn.ANNUAL_NET_INCOME_YUAN, RegisterColumn.DIBAO, RegisterColumn.HEAD_ID_NUMBER);
    broken.forEach(column -> cells[column.ordinal()] = junk);

    RegisterRow.Rejected row = (RegisterRow.Rejected) new RowValidator().validate(1, cells);

    assertThat(row.problems()).extracting(Problem::code).contains(tooLarge.header() + ".range");
    assertThat(row.problems()).hasSize(broken.size() + 1);
  }

  @Provide
  Arbitrary<RegisterColumn> countColumn() {
    return Arbitraries.of(RegisterColumn.WORKERS, RegisterColumn.STUDENTS_SENIOR, RegisterColumn.DISABLED,
        RegisterColumn.SERIOUSLY_ILL);
  }

  @Property
  void aValidRowIsAcceptedAndItsIdRepeatedLaterIsRejected(@ForAll @Size(min = 1, max = 5) Set<String> others) {
    RowValidator validator = new RowValidator();
    int row = 1;
    assertThat(validator.validate(row++, validCells())).isInstanceOf(RegisterRow.Accepted.class);
    for (String other : others) {
      String[] cells = validCells();
      cells[RegisterColumn.HOUSEHOLD_ID.ordinal()] = "OTHER-" + other.hashCode();
      validator.validate(row++, cells);
    }

    RegisterRow repeated = validator.validate(row, validCells());

    assertThat(repeated).isInstanceOf(RegisterRow.Rejected.class);
    assertThat(((RegisterRow.Rejected) repeated).problems()).singleElement()
        .extracting(Problem::code).isEqualTo("household_id.duplicate");
  }
}
