package org.fangfanpin.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.examples.simulation.SmallCounty.COUNTY;
import static org.fangfanpin.examples.simulation.SmallCounty.TOWNSHIP_A;
import static org.fangfanpin.examples.simulation.SmallCounty.TOWNSHIP_B;
import static org.fangfanpin.examples.simulation.SmallCounty.VILLAGE_A1;
import static org.fangfanpin.examples.simulation.SmallCounty.VILLAGE_A2;
import static org.fangfanpin.examples.simulation.SmallCounty.VILLAGE_B1;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.fangfanpin.core.exit.EliminationRegisterRow;
import org.fangfanpin.core.fund.FundStatement;
import org.fangfanpin.core.reporting.MonthlyReport;
import org.fangfanpin.core.reporting.WarningFormRow;
import org.fangfanpin.spi.model.RiskType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XLSX forms of {@link SmallCounty} from January to August 2025, read back: every cell matches
 * what the library reports for the same month, and the totals match the scenario counted by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxFormsTest {

  private static final YearMonth FIRST = YearMonth.of(2025, 1);
  private static final YearMonth LAST = YearMonth.of(2025, 8);
  private static final int DATA = FormSheet.FIRST_DATA_ROW;
  /** Columns of the warning forms: township, village, households, persons, the causes, then the tiers. */
  private static final int CAUSES = 4;
  private static final int TIERS = CAUSES + RiskType.values().length;

  Path dir;
  SmallCounty county;
  List<Path> files;

  @BeforeAll
  void writeTheForms(@TempDir Path tmp) throws IOException {
    dir = tmp;
    county = new SmallCounty().run();
    files = XlsxForms.write(dir.resolve("forms"), county.app, COUNTY, FIRST, LAST);
  }

  @Test
  void writesOneWorkbookPerFormAndOneForTheFund() {
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
        XlsxForms.RETURN_TO_POVERTY_FILE, XlsxForms.FALL_INTO_POVERTY_FILE, XlsxForms.ELIMINATION_REGISTER_FILE,
        XlsxForms.FUND_STATEMENT_FILE);
    assertThat(files).allSatisfy(f -> assertThat(f).isRegularFile().hasParent(dir.resolve("forms")));
  }

  @Nested
  class WarningForms {

    @Test
    void haveOneSheetPerMonthWithTitleAndBilingualHeaders() throws IOException {
      for (Path f : List.of(files.get(0), files.get(1))) {
        Map<String, List<Row>> sheets = read(f);
        assertThat(sheets.keySet()).containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06",
            "2025-07", "2025-08");
        List<Row> jan = sheets.get("2025-01");
        assertThat(jan.get(2).getCellText(0)).isEqualTo("乡镇");
        assertThat(jan.get(3).getCellText(0)).isEqualTo("township");
        assertThat(jan.get(2).getCellText(CAUSES)).isEqualTo("预警原因：因病");
        assertThat(jan.get(3).getCellText(TIERS + 2)).isEqualTo("county confirmed");
        assertThat(jan.get(1).getCellText(0)).contains("611022000000").contains("2025-01").contains("2025-02-05");
      }
      assertThat(read(files.get(0)).get("2025-01").get(0).getCellText(0)).isEqualTo("返贫预警情况统计表 / return-to-poverty warnings");
      assertThat(read(files.get(1)).get("2025-01").get(0).getCellText(0)).isEqualTo("致贫预警情况统计表 / fall-into-poverty warnings");
    }

    @Test
    void matchTheMonthlyReportCellByCellInEveryMonth() throws IOException {
      Map<String, List<Row>> returns = read(files.get(0));
      Map<String, List<Row>> falls = read(files.get(1));
      for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
        MonthlyReport report = county.app.reporting().monthly(COUNTY, m);
        assertMatches(returns.get(m.toString()), report.returnToPovertyRows());
        assertMatches(falls.get(m.toString()), report.fallIntoPovertyRows());
        assertThat(returns.get(m.toString()).get(1).getCellText(0).contains("零报告")).as("zero report of %s", m)
            .isEqualTo(report.zeroReport());
      }
    }

    @Test
    void countTheLiftedHouseholdsOnTheReturnFormAndTheOthersOnTheFallForm() throws IOException {
      List<Row> returns = read(files.get(0)).get("2025-01");
      List<Row> falls = read(files.get(1)).get("2025-01");

      // Villages A1, A2, B1, then the total.
      assertThat(returns).hasSize(DATA + 4);
      assertThat(returns.subList(DATA, DATA + 3)).extracting(r -> r.getCellText(1))
          .containsExactly(VILLAGE_A1.code(), VILLAGE_A2.code(), VILLAGE_B1.code());
      assertThat(returns.subList(DATA, DATA + 3)).extracting(r -> r.getCellText(0))
          .containsExactly(TOWNSHIP_A.code(), TOWNSHIP_A.code(), TOWNSHIP_B.code());
      // L1 (4 members, illness) and L2 (5, schooling) opened and appraised in January; only L1 upheld and
      // confirmed, L2 still under review at the month's end.
      assertThat(counts(returns.get(DATA + 3))).containsExactly(2, 9, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 0, 1);
      assertThat(counts(returns.get(DATA))).containsExactly(1, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0);
      assertThat(counts(returns.get(DATA + 2))).containsExactly(1, 5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1);
      // February: L2 upheld and confirmed, nothing new.
      List<Row> february = read(files.get(0)).get("2025-02");
      assertThat(counts(february.get(DATA + 3))).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0);
      // O1 (3, illness) confirmed; O2 (2, disaster) dismissed at the visit: its alert lifted.
      assertThat(counts(falls.get(DATA + 3))).containsExactly(2, 5, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
      assertThat(falls.get(DATA + 3).getCellText(0)).isEqualTo("合计 total");
    }

    @Test
    void makeAZeroReportOfAQuietMonth() throws IOException {
      List<Row> april = read(files.get(1)).get("2025-04");

      assertThat(april.get(1).getCellText(0)).contains("零报告 zero report");
      assertThat(counts(april.get(DATA + 3))).containsOnly(0);
    }

    private void assertMatches(List<Row> sheet, List<WarningFormRow> rows) {
      assertThat(sheet).hasSize(DATA + rows.size() + 1);
      int[] total = new int[TIERS + 5 - 2];
      for (int i = 0; i < rows.size(); i++) {
        WarningFormRow w = rows.get(i);
        Row r = sheet.get(DATA + i);
        assertThat(r.getCellText(0)).isEqualTo(w.township().code());
        assertThat(r.getCellText(1)).isEqualTo(w.village().code());
        List<Integer> expected = new ArrayList<>(List.of(w.newWarningHouseholds(), w.newWarningPersons()));
        for (RiskType t : RiskType.values()) {
          expected.add(w.newWarningsByRiskType().get(t));
        }
        expected.addAll(List.of(w.appraisalAgreed(), w.townshipUpheld(), w.countyConfirmed(), w.alertsLifted(),
            w.underReviewAtMonthEnd()));
        assertThat(counts(r)).isEqualTo(expected);
        for (int c = 0; c < expected.size(); c++) {
          total[c] += expected.get(c);
        }
      }
      assertThat(counts(sheet.get(DATA + rows.size()))).containsExactly(
          java.util.Arrays.stream(total).boxed().toArray(Integer[]::new));
    }
  }

  @Nested
  class EliminationRegister {

    @Test
    void listsTheAugustEliminationsAsTheLibraryRegistersThem() throws IOException {
      List<Row> august = read(files.get(2)).get("2025-08");
      List<EliminationRegisterRow> register = county.app.exit().eliminationRegister(COUNTY, LocalDate.of(2025, 8, 1),
          LocalDate.of(2025, 8, 31));

      assertThat(register).hasSize(2);
      for (int i = 0; i < register.size(); i++) {
        EliminationRegisterRow e = register.get(i);
        Row r = august.get(DATA + i);
        assertThat(r.getCellAsNumber(0)).contains(BigDecimal.valueOf(i + 1));
        assertThat(r.getCellText(1)).isEqualTo(e.township().code());
        assertThat(r.getCellText(2)).isEqualTo(e.village().code());
        assertThat(r.getCellText(3)).isEqualTo(e.householdId());
        assertThat(r.getCellText(4)).isEqualTo(e.caseId());
        assertThat(r.getCellText(5)).isEqualTo(e.returnToPoverty() ? "返贫 return" : "致贫 fall");
        assertThat(r.getCellText(6)).isEqualTo(e.category().orElseThrow().zh() + " " + e.category().orElseThrow().en());
        assertThat(r.getCellAsNumber(7)).contains(BigDecimal.valueOf(e.members().getAsInt()));
        assertThat(date(r, 9)).isEqualTo(e.confirmedOn());
        assertThat(number(r, 11)).isEqualByComparingTo(Yuan.toYuan(e.perCapitaIncome().orElseThrow().fen()));
        assertThat(List.of(date(r, 12), date(r, 13), date(r, 14), date(r, 15))).containsExactly(e.proposedOn(),
            e.appraisedOn(), e.noticeStartsOn(), e.noticeLastDay());
        assertThat(r.getCellAsNumber(16)).contains(BigDecimal.valueOf(e.objections()));
        assertThat(date(r, 17)).isEqualTo(e.verifiedOn());
        assertThat(date(r, 18)).isEqualTo(e.eliminatedOn());
        assertThat(date(r, 19)).isEqualTo(e.gradualExit().orElseThrow().endsOn());
        assertThat(date(r, 20)).isEqualTo(e.reportDueOn());
      }
    }

    @Test
    void showsTheScenarioCountedByHand() throws IOException {
      List<Row> august = read(files.get(2)).get("2025-08");

      // L1 (lifted, four members, 40,000 yuan a year) and O1 (ordinary, three, 36,000), both on 13 August.
      assertThat(august.subList(DATA, DATA + 2)).extracting(r -> r.getCellText(3)).containsExactlyInAnyOrder("L1", "O1");
      Row l1 = august.get(DATA).getCellText(3).equals("L1") ? august.get(DATA) : august.get(DATA + 1);
      Row o1 = l1 == august.get(DATA) ? august.get(DATA + 1) : august.get(DATA);
      assertThat(l1.getCellText(5)).isEqualTo("返贫 return");
      assertThat(o1.getCellText(5)).isEqualTo("致贫 fall");
      assertThat(l1.getCellText(8)).isEqualTo("因病");
      assertThat(l1.getCellText(10)).isEqualTo("就业帮扶");
      assertThat(number(l1, 11)).isEqualByComparingTo("10000.00");
      assertThat(number(o1, 11)).isEqualByComparingTo("12000.00");
      assertThat(date(l1, 9)).isEqualTo(SmallCounty.CONFIRMED);
      assertThat(date(l1, 18)).isEqualTo(SmallCounty.ELIMINATED);
      assertThat(date(l1, 20)).isEqualTo(LocalDate.of(2025, 9, 5));
      // One return, one fall, two in all.
      assertThat(summary(august, DATA + 2)).isEqualTo(Map.entry("返贫预警解除户数 / return-to-poverty alerts lifted", 1));
      assertThat(summary(august, DATA + 3)).isEqualTo(Map.entry("致贫预警解除户数 / fall-into-poverty alerts lifted", 1));
      assertThat(summary(august, DATA + 4)).isEqualTo(Map.entry("合计 / total", 2));
    }

    @Test
    void saysSoInAMonthWithoutElimination() throws IOException {
      Map<String, List<Row>> sheets = read(files.get(2));

      assertThat(sheets).hasSize(8);
      List<Row> march = sheets.get("2025-03");
      assertThat(march.get(DATA).getCellText(0)).isEqualTo("本月无风险消除 / no risk eliminated this month");
      assertThat(summary(march, DATA + 3)).isEqualTo(Map.entry("合计 / total", 0));
    }
  }

  @Nested
  class FundStatementWorkbook {

    @Test
    void matchesTheLibrarysStatementAndTheScenarioCountedByHand() throws IOException {
      List<Row> year = read(files.get(3)).get("2025");
      FundStatement s = county.app.fund().statement(COUNTY, 2025);
      Map<String, Row> rows = new TreeMap<>();
      for (Row r : year.subList(DATA, year.size())) {
        rows.put(r.getCellText(1), r);
      }

      // In: 1,000,000.00 + 50,000.50; paid: 3,000.00 (L1) + 1,234.56 (O1) + 500.00 (L2, reversed).
      assertThat(number(rows.get("appropriated, net of reversals"), 2)).isEqualByComparingTo("1000000.00")
          .isEqualByComparingTo(Yuan.toYuan(s.appropriated().fen()));
      assertThat(number(rows.get("donated, net of reversals"), 2)).isEqualByComparingTo("50000.50");
      assertThat(number(rows.get("aid disbursed"), 2)).isEqualByComparingTo("4734.56")
          .isEqualByComparingTo(Yuan.toYuan(s.disbursed().fen()));
      assertThat(number(rows.get("payments reversed into the pool"), 2)).isEqualByComparingTo("500.00");
      assertThat(number(rows.get("pool balance"), 2)).isEqualByComparingTo("1045765.94")
          .isEqualByComparingTo(Yuan.toYuan(s.balance().fen()));
      assertThat(number(rows.get("debits total"), 2)).isEqualByComparingTo("1055235.06");
      assertThat(number(rows.get("credits total"), 2)).isEqualByComparingTo("1055235.06");
      assertThat(number(rows.get("households aided"), 3)).isEqualByComparingTo("2");
      assertThat(number(rows.get("largest aid to one household"), 2)).isEqualByComparingTo("3000.00");
      assertThat(number(rows.get("general aid"), 2)).isEqualByComparingTo("3000.00");
      assertThat(number(rows.get("epidemic or other hardship"), 2)).isEqualByComparingTo("1234.56");
      assertThat(number(rows.get("college student"), 2)).isEqualByComparingTo("0.00");
      assertThat(number(rows.get("township " + TOWNSHIP_A.code()), 2)).isEqualByComparingTo("4234.56");
      assertThat(number(rows.get("township " + TOWNSHIP_B.code()), 2)).isEqualByComparingTo("0.00");
      assertThat(rows.get("pool balance").getCellText(0)).isEqualTo("资金池余额");
    }

    @Test
    void hasOneSheetPerFundYearTheMonthsTouch() throws IOException {
      Path other = XlsxForms.write(dir.resolve("two-years"), county.app, COUNTY, YearMonth.of(2024, 12),
          YearMonth.of(2025, 1)).get(3);

      Map<String, List<Row>> sheets = read(other);
      assertThat(sheets.keySet()).containsExactly("2024", "2025");
      assertThat(sheets.get("2024").get(DATA + 4).getCellText(1)).isEqualTo("pool balance");
      assertThat(number(sheets.get("2024").get(DATA + 4), 2)).isEqualByComparingTo("0.00");
    }
  }

  @Nested
  class Layout {

    @Test
    void formatsMoneyAsYuanWithTwoDecimalsCountsAsWholeNumbersAndDatesAsDays() throws IOException {
      List<Row> fund = readWithFormats(files.get(3)).get("2025");
      Row balance = fund.stream().filter(r -> r.getCellText(1).equals("pool balance")).findFirst().orElseThrow();
      assertThat(balance.getCell(2).getDataFormatString()).isEqualTo(FormSheet.YUAN_FORMAT);
      assertThat(balance.getCell(2).getRawValue()).isEqualTo("1045765.94");

      List<Row> jan = readWithFormats(files.get(0)).get("2025-01");
      assertThat(jan.get(DATA).getCell(2).getDataFormatString()).isEqualTo(FormSheet.COUNT_FORMAT);
      assertThat(jan.get(DATA + 3).getCell(2).getDataFormatString()).as("the bold total keeps its format")
          .isEqualTo(FormSheet.COUNT_FORMAT);

      Row l1 = readWithFormats(files.get(2)).get("2025-08").get(DATA);
      assertThat(l1.getCell(18).getDataFormatString()).isEqualTo(FormSheet.DATE_FORMAT);
      assertThat(l1.getCell(11).getDataFormatString()).isEqualTo(FormSheet.YUAN_FORMAT);
    }

    @Test
    void freezesTheHeaderRowsAndSetsColumnWidthsOnEverySheet() throws IOException {
      for (Path f : files) {
        Map<String, String> sheets = sheetXml(f);
        assertThat(sheets).isNotEmpty();
        assertThat(sheets.values()).allSatisfy(xml -> {
          assertThat(xml).contains("ySplit=\"4\"").contains("state=\"frozen\"").contains("<cols>");
          assertThat(xml).contains("customWidth=\"true\"");
        });
      }
      assertThat(sheetXml(files.get(0)).values()).allSatisfy(xml -> assertThat(xml).contains("xSplit=\"2\""));
    }

    @Test
    void neverShowAResidentIdNumber() throws IOException {
      for (Path f : files) {
        for (String xml : entries(f).values()) {
          for (String id : county.headIds) {
            assertThat(xml).doesNotContain(id).doesNotContain(id.substring(0, 14));
          }
        }
      }
    }

    @Test
    void refusesAnAreaThatIsNotACountyAndMonthsRunningBackwards() {
      assertThatThrownBy(() -> XlsxForms.write(dir, county.app, TOWNSHIP_A, FIRST, LAST))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> XlsxForms.write(dir, county.app, COUNTY, LAST, FIRST))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  // ---- reading the workbooks back

  static Map<String, List<Row>> read(Path file) throws IOException {
    return read(file, ReadingOptions.DEFAULT_READING_OPTIONS);
  }

  static Map<String, List<Row>> readWithFormats(Path file) throws IOException {
    return read(file, new ReadingOptions(true, false));
  }

  private static Map<String, List<Row>> read(Path file, ReadingOptions options) throws IOException {
    Map<String, List<Row>> out = new java.util.LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), options)) {
      for (Sheet s : wb.getSheets().toList()) {
        out.put(s.getName(), s.read());
      }
    }
    return out;
  }

  /** The figures of a warning form's row, after the township and village. */
  private static List<Integer> counts(Row r) {
    List<Integer> out = new ArrayList<>();
    for (int c = 2; c < r.getCellCount(); c++) {
      out.add(r.getCellAsNumber(c).orElseThrow().intValueExact());
    }
    return out;
  }

  private static BigDecimal number(Row r, int col) {
    return r.getCellAsNumber(col).orElseThrow();
  }

  private static LocalDate date(Row r, int col) {
    Cell c = r.getCell(col);
    return c.asDate().toLocalDate();
  }

  private static Map.Entry<String, Integer> summary(List<Row> sheet, int row) {
    return Map.entry(sheet.get(row).getCellText(0), number(sheet.get(row), 3).intValueExact());
  }

  private static Map<String, String> sheetXml(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    entries(file).forEach((name, xml) -> {
      if (name.startsWith("xl/worksheets/sheet")) {
        out.put(name, xml);
      }
    });
    return out;
  }

  private static Map<String, String> entries(Path file) throws IOException {
    Map<String, String> out = new TreeMap<>();
    // ZipFile reads the central directory: the streaming writer's entries carry their sizes only there.
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
