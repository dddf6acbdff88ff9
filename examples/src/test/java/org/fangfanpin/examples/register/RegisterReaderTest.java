package org.fangfanpin.examples.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.ResidentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisterReaderTest {

  private static final String HEADER = "household_id,area_code,status,members,workers,students_senior,disabled,"
      + "seriously_ill,annual_net_income_yuan,previous_year_income_yuan,rigid_expenditure_yuan,"
      + "food_clothing_secure,education_secure,medical_secure,housing_secure,water_secure,dibao,tekun,"
      + "head_id_number\n";
  private static final String HEAD = "61102219700512301" + ResidentId.checkCharacter("61102219700512301");
  /** A valid data row without its household id, which comes first. */
  private static final String ROW =
      ",611022103205,ORDINARY,1,0,0,0,0,8000,8000,0,true,true,true,true,true,false,false," + HEAD;

  @TempDir
  Path dir;

  private List<RegisterRow> readAll(String text) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "register", ".csv"), text, StandardCharsets.UTF_8);
    List<RegisterRow> rows = new ArrayList<>();
    try (RegisterReader reader = RegisterReader.open(file)) {
      reader.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** Reads the rows before the fault, which must be valid, then the failure the next row gives. */
  private static UnreadableRegisterException readUntilUnreadable(Path file, int rowsBefore) {
    try (RegisterReader reader = RegisterReader.open(file)) {
      for (int i = 0; i < rowsBefore; i++) {
        assertThat(reader.next()).isInstanceOf(RegisterRow.Accepted.class);
      }
      UnreadableRegisterException e = catchThrowableOfType(UnreadableRegisterException.class, reader::hasNext);
      assertThat(e).as("the file cannot be read past its valid rows").isNotNull();
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void mapsEveryColumnOntoTheHousehold() throws IOException {
    List<RegisterRow> rows = readAll(HEADER
        + "HH-1,611022103205,LIFTED,6,3,2,1,1,45678.9,50000.01,1234.56,true,false,true,false,true,true,false,"
        + HEAD + "\n");

    Household h = ((RegisterRow.Accepted) rows.get(0)).household();
    assertThat(h.id()).isEqualTo("HH-1");
    assertThat(h.area()).isEqualTo(AreaCode.of("611022103205"));
    assertThat(h.status()).isEqualTo(HouseholdStatus.LIFTED);
    assertThat(h.memberCount()).isEqualTo(6);
    assertThat(h.workers()).isEqualTo(3);
    assertThat(h.seniorStudents()).isEqualTo(2);
    assertThat(h.disabledMembers()).isEqualTo(1);
    assertThat(h.seriouslyIllMembers()).isEqualTo(1);
    assertThat(h.incomeLast12Months()).isEqualTo(Money.ofFen(4_567_890));
    assertThat(h.previousYearIncome()).isEqualTo(Money.ofFen(5_000_001));
    assertThat(h.rigidExpenditure()).isEqualTo(Money.ofFen(123_456));
    assertThat(h.unmetNeeds()).containsExactlyInAnyOrder(BasicNeed.COMPULSORY_EDUCATION, BasicNeed.SAFE_HOUSING);
    assertThat(h.focusFlags()).containsExactly(FocusFlag.DIBAO);
    assertThat(h.head()).isEqualTo(ResidentId.of(HEAD));
  }

  @Test
  void readsTheTekunFlagAndTheOtherNeeds() throws IOException {
    List<RegisterRow> rows = readAll(HEADER
        + "HH-1,611022103205,ORDINARY,1,0,0,0,0,8000,8000,0,false,true,false,true,false,false,true," + HEAD + "\n");

    Household h = ((RegisterRow.Accepted) rows.get(0)).household();
    assertThat(h.focusFlags()).containsExactly(FocusFlag.TEKUN);
    assertThat(h.unmetNeeds()).containsExactlyInAnyOrder(BasicNeed.FOOD_AND_CLOTHING, BasicNeed.BASIC_MEDICAL_CARE,
        BasicNeed.SAFE_DRINKING_WATER);
  }

  @Test
  void numbersDataRowsFromOneAndSkipsEmptyLines() throws IOException {
    String row = ",611022103205,ORDINARY,1,0,0,0,0,8000,8000,0,true,true,true,true,true,false,false," + HEAD + "\n";

    List<RegisterRow> rows = readAll(HEADER + "A" + row + "\n" + "B" + row + "\n\n");

    assertThat(rows).extracting(RegisterRow::row).containsExactly(1, 2);
  }

  @Test
  void keepsAQuoteInsideAnUnquotedCell() throws IOException {
    List<RegisterRow> rows = readAll(HEADER + "5\"3" + ROW + "\n");

    assertThat(((RegisterRow.Accepted) rows.get(0)).household().id()).isEqualTo("5\"3");
  }

  @Test
  void readsQuotedCellsWithCommasQuotesAndLineEndsUnderEveryKindOfLineEnd() throws IOException {
    String header = HEADER.strip() + ",note";
    for (String end : List.of("\n", "\r\n", "\r")) {
      List<RegisterRow> rows = readAll(header + end
          + "\"A,\"\"1\"\"\"" + ROW + ",\"x\r\ny\nz\rw\"" + end
          + "B" + ROW + ",\"\"" + end);

      assertThat(rows).as(end).extracting(row -> ((RegisterRow.Accepted) row).household().id())
          .containsExactly("A,\"1\"", "B");
    }
  }

  @Test
  void skipsEmptyLinesButNotALineHoldingOneQuotedEmptyCell() throws IOException {
    List<RegisterRow> rows = readAll(HEADER + "A" + ROW + "\n\n\r\n\"\"\r\nB" + ROW + "\n\n");

    assertThat(rows).extracting(RegisterRow::row).containsExactly(1, 2, 3);
    assertThat(rows.get(1)).isInstanceOfSatisfying(RegisterRow.Rejected.class, rejected -> assertThat(
        rejected.problems()).extracting(Problem::code).containsExactly("row.field_count"));
    assertThat(rows.get(2)).isInstanceOf(RegisterRow.Accepted.class);
  }

  @Test
  void namesTheLineOfAQuotedCellThatIsNeverClosedAfterTheRowsBeforeIt() throws IOException {
    Path file = Files.writeString(dir.resolve("unclosed.csv"),
        HEADER + "A" + ROW + "\n\n\"B" + ROW + "\nC" + ROW + "\n", StandardCharsets.UTF_8);

    UnreadableRegisterException e = readUntilUnreadable(file, 1);

    assertThat(e.zh()).contains("第 4 行不是正确的 CSV 格式", "没有结束");
    assertThat(e.en()).contains("is not well-formed CSV at line 4", "not closed");
  }

  @Test
  void refusesTextAfterAClosingQuoteWithoutRepeatingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("after-quote.csv"),
        HEADER + "A" + ROW + "\n\"B\"" + HEAD + ROW + "\n", StandardCharsets.UTF_8);

    UnreadableRegisterException e = readUntilUnreadable(file, 1);

    assertThat(e.zh()).contains("第 3 行不是正确的 CSV 格式", "其他字符");
    assertThat(e.en()).contains("is not well-formed CSV at line 3", "followed by text");
    assertThat(e).hasNoCause();
    assertThat(e.getMessage()).doesNotContain("'" + HEAD.charAt(0) + "'");
  }

  @Test
  void countsTheLinesInsideQuotedCells() throws IOException {
    Path file = Files.writeString(dir.resolve("multiline.csv"),
        HEADER.strip() + ",note\r\nA" + ROW + ",\"x\r\ny\nz\"\r\n\"B\" " + ROW + ",\r\n",
        StandardCharsets.UTF_8);

    UnreadableRegisterException e = readUntilUnreadable(file, 1);

    assertThat(e.en()).contains("at line 5");
  }

  @Test
  void aHeaderNamingARequiredColumnTwiceCannotBeRead() throws IOException {
    Path file = Files.writeString(dir.resolve("twice.csv"), HEADER.strip() + ",members\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RegisterReader.open(file))
        .isInstanceOf(UnreadableRegisterException.class)
        .satisfies(e -> {
          UnreadableRegisterException u = (UnreadableRegisterException) e;
          assertThat(u.zh()).contains("members", "不止一次");
          assertThat(u.en()).contains("members", "more than once");
        });
  }

  @Test
  void aHeaderMayRepeatAColumnItDoesNotUse() throws IOException {
    List<RegisterRow> rows = readAll(HEADER.strip() + ",note,note\n"
        + "HH-1,611022103205,ORDINARY,1,0,0,0,0,8000,8000,0,true,true,true,true,true,false,false," + HEAD + ",a,b\n");

    assertThat(rows.get(0)).isInstanceOf(RegisterRow.Accepted.class);
  }

  @Test
  void listsEveryMissingColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("few.csv"), "household_id,status,members\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RegisterReader.open(file))
        .isInstanceOf(UnreadableRegisterException.class)
        .hasMessageContaining("area_code, workers, students_senior")
        .hasMessageContaining("head_id_number（户主身份证号码）");
  }
}
