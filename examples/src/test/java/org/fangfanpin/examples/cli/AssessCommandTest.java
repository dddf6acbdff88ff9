package org.fangfanpin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.examples.cli.RegisterCsv.comfortable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fangfanpin.core.assessment.AssessmentRule;
import org.fangfanpin.core.assessment.RuleFinding;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private CliRun assess(RegisterCsv csv, String... options) {
    List<String> args = new ArrayList<>(List.of("assess", "--input", csv.writeTo(dir).toString()));
    if (!List.of(options).contains("--as-of")) {
      args.addAll(List.of("--as-of", "2025-06-30"));
    }
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static Map<String, String> with(Map<String, String> row, String... cells) {
    for (int i = 0; i < cells.length; i += 2) {
      row.put(cells[i], cells[i + 1]);
    }
    return row;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> errorCodes(JsonNode line) {
    List<String> codes = new ArrayList<>();
    line.get("errors").forEach(error -> codes.add(error.get("field").asText() + ":" + error.get("code").asText()));
    return codes;
  }

  @Nested
  class ValidRows {

    @Test
    void writesTheWholeAssessmentOfAValidHouseholdAsOneJsonLine() throws IOException {
      CliRun run = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "status", "LIFTED", "members", "4", "workers", "1", "seriously_ill", "1",
          "annual_net_income_yuan", "20000.50", "previous_year_income_yuan", "26000",
          "rigid_expenditure_yuan", "30000", "medical_secure", "false")));

      assertThat(run.exitCode()).isZero();
      String below = RuleFinding.of(AssessmentRule.INCOME_BELOW_LINE, Money.ofFen(2_000_050),
          Money.ofYuan(24_000), Set.of()).zh();
      assertThat(below).contains("20000.50", "24000.00");
      JsonNode expected = JSON.readTree("""
          {"household_id":"HH-001","candidate":true,"category":"UNSTABLE_LIFTED",
           "rules":["INCOME_BELOW_LINE","INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE",
                    "RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME","BASIC_NEED_UNMET"],
           "risk_types":["ILLNESS"],
           "per_capita_income_yuan":"5000.12",
           "reasons":[%s,%s,%s,%s]}
          """.formatted(
          reason(AssessmentRule.INCOME_BELOW_LINE, 2_000_050, 2_400_000),
          reason(AssessmentRule.INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE, -999_950, 2_400_000),
          reason(AssessmentRule.RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME, 3_000_000, 2_600_000),
          JSON.writeValueAsString(Map.of("rule", "BASIC_NEED_UNMET",
              "zh", RuleFinding.of(AssessmentRule.BASIC_NEED_UNMET, Money.ZERO, Money.ZERO,
                  Set.of(BasicNeed.BASIC_MEDICAL_CARE)).zh(),
              "en", "basic needs not secure: basic medical care"))));
      assertThat(run.onlyLine()).isEqualTo(expected);
      assertThat(run.onlyLine().fieldNames()).toIterable().containsExactly("household_id", "candidate", "category",
          "rules", "risk_types", "per_capita_income_yuan", "reasons");
      assertThat(run.stdout()).startsWith("{\"household_id\":\"HH-001\",\"candidate\":true,").endsWith("}\n");
    }

    private String reason(AssessmentRule rule, long actualFen, long limitFen) throws IOException {
      RuleFinding finding = RuleFinding.of(rule, Money.ofFen(actualFen), Money.ofFen(limitFen), Set.of());
      return JSON.writeValueAsString(Map.of("rule", rule.name(), "zh", finding.zh(), "en", finding.en()));
    }

    @Test
    void writesChineseAsUtf8NotAsEscapes() {
      CliRun run = assess(RegisterCsv.standard().row(with(comfortable("HH-001"), "annual_net_income_yuan", "100")));

      assertThat(run.stdout()).contains("低于监测标准").doesNotContain("\\u");
    }

    @Test
    void aComfortableHouseholdIsNoCandidateAndHasANullCategory() {
      JsonNode line = assess(RegisterCsv.standard().row(comfortable("HH-001"))).onlyLine();

      assertThat(line.get("candidate").asBoolean()).isFalse();
      assertThat(line.get("category").isNull()).isTrue();
      assertThat(line.get("rules")).isEmpty();
      assertThat(line.get("risk_types")).isEmpty();
      assertThat(line.get("reasons")).isEmpty();
      assertThat(line.get("per_capita_income_yuan").asText()).isEqualTo("20000.00");
    }

    @Test
    void aLiftedHouseholdBelowTheLineIsUnstableLifted() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "status", "LIFTED", "annual_net_income_yuan", "15000"))).onlyLine();

      assertThat(line.get("category").asText()).isEqualTo("UNSTABLE_LIFTED");
    }

    @Test
    void anOrdinaryHouseholdBelowTheLineIsMarginal() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "annual_net_income_yuan", "15000"))).onlyLine();

      assertThat(line.get("category").asText()).isEqualTo("MARGINAL");
    }

    @Test
    void aHouseholdAboveTheLineCrushedByRigidExpenditureIsSuddenHardship() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "status", "LIFTED", "previous_year_income_yuan", "50000", "rigid_expenditure_yuan", "70000"))).onlyLine();

      assertThat(line.get("category").asText()).isEqualTo("SUDDEN_HARDSHIP");
      assertThat(texts(line.get("rules"))).containsExactly("INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE",
          "RIGID_EXPENDITURE_EXCEEDS_LAST_YEAR_INCOME");
    }

    @Test
    void anIncomeExactlyOnTheLineIsNotBelowItAndOneFenLessIs() {
      CliRun run = assess(RegisterCsv.standard()
          .row(with(comfortable("ON-LINE"), "annual_net_income_yuan", "18000.00", "previous_year_income_yuan", "18000"))
          .row(with(comfortable("ONE-FEN-BELOW"), "annual_net_income_yuan", "17999.99",
              "previous_year_income_yuan", "18000")));

      List<JsonNode> lines = run.lines();
      assertThat(texts(lines.get(0).get("rules"))).doesNotContain("INCOME_BELOW_LINE");
      assertThat(lines.get(0).get("candidate").asBoolean()).isFalse();
      assertThat(texts(lines.get(1).get("rules"))).containsExactly("INCOME_BELOW_LINE",
          "INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE");
      assertThat(lines.get(1).get("per_capita_income_yuan").asText()).isEqualTo("5999.99");
    }

    @Test
    void readsASecureColumnThatIsFalseAsAnUnmetNeed() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "housing_secure", "false", "water_secure", "false"))).onlyLine();

      assertThat(texts(line.get("rules"))).containsExactly("BASIC_NEED_UNMET");
      assertThat(texts(line.get("risk_types"))).containsExactly("HOUSING_SAFETY", "DRINKING_WATER_SAFETY");
    }

    @Test
    void aMonitoringLineGivenOnTheCommandLineReplacesThePolicys() {
      RegisterCsv csv = RegisterCsv.standard().row(with(comfortable("HH-001"),
          "annual_net_income_yuan", "20000", "previous_year_income_yuan", "20000"));

      JsonNode withPolicyLine = assess(csv).onlyLine();
      JsonNode withHigherLine = assess(csv, "--monitoring-line", "7000").onlyLine();

      assertThat(withPolicyLine.get("candidate").asBoolean()).isFalse();
      assertThat(texts(withHigherLine.get("rules"))).containsExactly("INCOME_BELOW_LINE",
          "INCOME_AFTER_RIGID_EXPENDITURE_BELOW_LINE");
      assertThat(withHigherLine.get("reasons").get(0).get("zh").asText()).contains("21000.00");
    }

    @Test
    void withoutAsOfTheDateIsTodayByTheInjectedClock() {
      Path file = RegisterCsv.standard().row(comfortable("HH-001")).writeTo(dir);
      Clock beforeThePolicy = Clock.fixed(Instant.parse("2020-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

      assertThat(CliRun.of("assess", "--input", file.toString()).exitCode()).isZero();
      CliRun early = CliRun.with(beforeThePolicy, "assess", "--input", file.toString());
      assertThat(early.exitCode()).isEqualTo(1);
      assertThat(early.stderr()).contains("2020-06-30", "2021-01-01");
    }
  }

  @Nested
  class InputFormat {

    @Test
    void acceptsAByteOrderMarkAndCrlfLineEnds() {
      CliRun run = assess(RegisterCsv.standard().byteOrderMark().crlf()
          .row(comfortable("HH-001")).row(comfortable("HH-002")));

      assertThat(run.exitCode()).isZero();
      assertThat(run.lines()).extracting(line -> line.get("household_id").asText())
          .containsExactly("HH-001", "HH-002");
    }

    @Test
    void acceptsColumnsInAnyOrderAndIgnoresExtraColumns() {
      List<String> columns = new ArrayList<>(RegisterCsv.COLUMNS);
      java.util.Collections.reverse(columns);
      columns.add(3, "village_name");
      columns.add("remarks");
      CliRun run = assess(RegisterCsv.withColumns(columns).row(with(comfortable("HH-001"),
          "village_name", "棣花村", "remarks", "走访 2025-05", "annual_net_income_yuan", "15000")));

      assertThat(run.exitCode()).isZero();
      JsonNode line = run.onlyLine();
      assertThat(line.get("household_id").asText()).isEqualTo("HH-001");
      assertThat(line.get("category").asText()).isEqualTo("MARGINAL");
    }

    @Test
    void acceptsQuotedCellsWithCommasAndQuotesInExtraColumns() throws IOException {
      String header = String.join(",", RegisterCsv.COLUMNS) + ",remarks\n";
      String row = String.join(",", comfortable("HH-001").values()) + ",\"住房, 待核实 \"\"二次\"\"\"\n";
      Path file = Files.writeString(dir.resolve("quoted.csv"), header + row, StandardCharsets.UTF_8);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isZero();
      assertThat(run.onlyLine().get("household_id").asText()).isEqualTo("HH-001");
    }

    @Test
    void anEmptyRegisterWritesNothingAndSucceeds() {
      CliRun run = assess(RegisterCsv.standard());

      assertThat(run.exitCode()).isZero();
      assertThat(run.stdout()).isEmpty();
    }
  }

  @Nested
  class RejectedRows {

    @Test
    void aRowWithSeveralProblemsListsEveryOneOfThem() {
      String badCheck = RegisterCsv.HEAD_ID.substring(0, 17) + (RegisterCsv.HEAD_ID.endsWith("1") ? "2" : "1");
      CliRun run = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "area_code", "611022100000", "status", "POOR", "members", "2", "workers", "3", "disabled", "x",
          "annual_net_income_yuan", "12000.505", "rigid_expenditure_yuan", "-5", "water_secure", "yes",
          "dibao", "", "head_id_number", badCheck)));

      assertThat(run.exitCode()).isEqualTo(2);
      JsonNode line = run.onlyLine();
      assertThat(line.get("row").asInt()).isEqualTo(1);
      assertThat(line.get("household_id").asText()).isEqualTo("HH-001");
      assertThat(errorCodes(line)).containsExactlyInAnyOrder(
          "area_code:area_code.not_village",
          "status:status.unknown",
          "disabled:integer.format",
          "workers:workers.range",
          "annual_net_income_yuan:money.precision",
          "rigid_expenditure_yuan:money.negative",
          "water_secure:boolean.format",
          "dibao:boolean.missing",
          "head_id_number:resident_id.check_digit");
      line.get("errors").forEach(error -> {
        assertThat(error.get("zh").asText()).isNotBlank();
        assertThat(error.get("en").asText()).isNotBlank();
      });
    }

    @Test
    void countsOutOfRangeAreReportedEvenWhenMembersCannotBeRead() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable("HH-001"),
          "members", "three", "workers", "-1"))).onlyLine();

      assertThat(errorCodes(line)).containsExactlyInAnyOrder("members:integer.format", "workers:workers.range");
    }

    @Test
    void aRepeatedHouseholdIdRejectsTheSecondRowOnly() {
      CliRun run = assess(RegisterCsv.standard()
          .row(comfortable("HH-001")).row(comfortable("HH-002")).row(comfortable("HH-001")));

      assertThat(run.exitCode()).isEqualTo(2);
      List<JsonNode> lines = run.lines();
      assertThat(lines).hasSize(3);
      assertThat(lines.get(0).has("candidate")).isTrue();
      assertThat(lines.get(2).get("row").asInt()).isEqualTo(3);
      assertThat(lines.get(2).get("household_id").asText()).isEqualTo("HH-001");
      assertThat(errorCodes(lines.get(2))).containsExactly("household_id:household_id.duplicate");
      assertThat(lines.get(2).get("errors").get(0).get("en").asText()).contains("row 1");
    }

    @Test
    void aRejectedRowNeverStopsTheRowsAfterIt() {
      CliRun run = assess(RegisterCsv.standard()
          .row(with(comfortable("HH-001"), "members", ""))
          .row(comfortable("HH-002")));

      List<JsonNode> lines = run.lines();
      assertThat(lines.get(0).has("errors")).isTrue();
      assertThat(lines.get(1).get("household_id").asText()).isEqualTo("HH-002");
      assertThat(lines.get(1).has("candidate")).isTrue();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedNotACrash() throws IOException {
      String header = String.join(",", RegisterCsv.COLUMNS) + "\n";
      String shortRow = "HH-001,611022100201,ORDINARY,3\n";
      String good = String.join(",", comfortable("HH-002").values()) + "\n";
      Path file = Files.writeString(dir.resolve("short.csv"), header + shortRow + good, StandardCharsets.UTF_8);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(2);
      List<JsonNode> lines = run.lines();
      assertThat(errorCodes(lines.get(0))).containsExactly("row:row.field_count");
      assertThat(lines.get(0).get("household_id").asText()).isEqualTo("HH-001");
      assertThat(lines.get(1).get("household_id").asText()).isEqualTo("HH-002");
    }

    @Test
    void aRowWithoutAReadableIdOmitsTheHouseholdId() {
      JsonNode line = assess(RegisterCsv.standard().row(with(comfortable(""), "members", "3"))).onlyLine();

      assertThat(line.has("household_id")).isFalse();
      assertThat(errorCodes(line)).containsExactly("household_id:household_id.missing");
    }

    @Test
    void aFullResidentIdNumberNeverAppearsInAnyOutput() {
      String badCheck = RegisterCsv.HEAD_ID.substring(0, 17) + (RegisterCsv.HEAD_ID.endsWith("1") ? "2" : "1");
      CliRun run = assess(RegisterCsv.standard()
          .row(with(comfortable("HH-001"), "head_id_number", badCheck))
          .row(with(comfortable("HH-002"), "members", RegisterCsv.HEAD_ID)));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.lines()).hasSize(2);
      assertThat(run.stdout() + run.stderr()).doesNotContain(badCheck, RegisterCsv.HEAD_ID,
          RegisterCsv.HEAD_ID.substring(6, 14));
    }
  }

  @Nested
  class ExitCodes {

    @Test
    void zeroWhenEveryRowIsValid() {
      assertThat(assess(RegisterCsv.standard().row(comfortable("HH-001"))).exitCode()).isZero();
    }

    @Test
    void twoWhenSomeRowsAreRejected() {
      CliRun run = assess(RegisterCsv.standard().row(comfortable("HH-001")).row(with(comfortable("HH-002"),
          "dibao", "yes")));

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.stderr()).contains("1 rows rejected");
    }

    @Test
    void oneWithoutAnInputFile() {
      CliRun run = CliRun.of("assess");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("--input");
      assertThat(run.stdout()).isEmpty();
    }

    @Test
    void oneWithoutACommand() {
      CliRun run = CliRun.of();

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("assess");
    }

    @Test
    void oneForAnUnknownOption() {
      assertThat(CliRun.of("assess", "--input", "x.csv", "--verbose").exitCode()).isEqualTo(1);
    }

    @Test
    void oneForAMalformedDate() {
      Path file = RegisterCsv.standard().row(comfortable("HH-001")).writeTo(dir);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "30/06/2025");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("YYYY-MM-DD", "--as-of");
      assertThat(run.stdout()).isEmpty();
    }

    @Test
    void oneForADateBeforeAnyPolicyVersion() {
      CliRun run = assess(RegisterCsv.standard().row(comfortable("HH-001")), "--as-of", "2020-12-31");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("2020-12-31", "2021-01-01");
      assertThat(run.stdout()).isEmpty();
    }

    @Test
    void oneForAMonitoringLineThatIsNotAPositiveYuanAmount() {
      RegisterCsv csv = RegisterCsv.standard().row(comfortable("HH-001"));

      for (String bad : List.of("abc", "6000.001", "0", "-6000", "6,000")) {
        CliRun run = assess(csv, "--monitoring-line", bad);
        assertThat(run.exitCode()).as(bad).isEqualTo(1);
        assertThat(run.stderr()).as(bad).contains("--monitoring-line");
        assertThat(run.stdout()).as(bad).isEmpty();
      }
    }

    @Test
    void oneForAMissingFileNamingIt() {
      CliRun run = CliRun.of("assess", "--input", dir.resolve("absent.csv").toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("absent.csv", "文件不存在", "no such file");
    }

    @Test
    void oneForAMissingColumnNamingItInChineseAndEnglish() {
      List<String> columns = new ArrayList<>(RegisterCsv.COLUMNS);
      columns.remove("seriously_ill");
      CliRun run = assess(RegisterCsv.withColumns(columns).row(comfortable("HH-001")));

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("缺少列", "seriously_ill（大病人数）", "lacks the column(s): seriously_ill");
      assertThat(run.stdout()).isEmpty();
    }

    @Test
    void oneForAnEmptyFile() throws IOException {
      Path file = Files.createFile(dir.resolve("empty.csv"));

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("header row is missing");
    }

    @Test
    void oneForMalformedUtf8() throws IOException {
      byte[] good = RegisterCsv.standard().row(comfortable("HH-001")).text().getBytes(StandardCharsets.UTF_8);
      byte[] bad = "HH-002,\u00ff".getBytes(StandardCharsets.ISO_8859_1);
      byte[] bytes = new byte[good.length + bad.length];
      System.arraycopy(good, 0, bytes, 0, good.length);
      System.arraycopy(bad, 0, bytes, good.length, bad.length);
      Path file = Files.write(dir.resolve("latin1.csv"), bytes);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("UTF-8");
    }

    @Test
    void oneForMalformedUtf8FarIntoTheFileAfterTheRowsBeforeItWereWritten() throws IOException {
      RegisterCsv csv = RegisterCsv.standard();
      for (int i = 0; i < 2_000; i++) {
        csv.row(comfortable("HH-" + i));
      }
      byte[] good = csv.text().getBytes(StandardCharsets.UTF_8);
      byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
      bytes[good.length] = 'H';
      bytes[good.length + 1] = (byte) 0xC3;
      bytes[good.length + 2] = (byte) 0x28;
      Path file = Files.write(dir.resolve("late.csv"), bytes);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("不是 UTF-8", "not UTF-8");
      assertThat(run.lines()).isNotEmpty().allSatisfy(line -> assertThat(line.has("candidate")).isTrue());
    }

    @Test
    void oneForAnUnclosedQuote() throws IOException {
      String text = String.join(",", RegisterCsv.COLUMNS) + "\n\"HH-001,611022100201\n";
      Path file = Files.writeString(dir.resolve("quote.csv"), text, StandardCharsets.UTF_8);

      CliRun run = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).contains("CSV");
    }
  }
}
