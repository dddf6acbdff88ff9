package org.fangfanpin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fangfanpin.examples.simulation.XlsxForms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesTheReportAndASummaryTable() throws IOException {
    Path out = dir.resolve("sim");

    CliRun run = CliRun.of("simulate", "--households", "300", "--months", "2", "--seed", "3", "--store", "memory",
        "--out", out.toString(), "--quiet");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    assertThat(report.get("households").asLong()).isEqualTo(300);
    assertThat(report.get("months").asInt()).isEqualTo(2);
    assertThat(report.get("seed").asLong()).isEqualTo(3);
    assertThat(report.get("store").asText()).isEqualTo("memory");
    assertThat(report.get("invariant_violations").size()).isZero();
    assertThat(run.stdout()).contains("cases opened").contains("立案").contains("report.json");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("report.json", "report.html",
          XlsxForms.RETURN_TO_POVERTY_FILE, XlsxForms.FALL_INTO_POVERTY_FILE, XlsxForms.ELIMINATION_REGISTER_FILE,
          XlsxForms.FUND_STATEMENT_FILE);
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("300");
    assertThat(report.get("timing").has("reports_ms")).isTrue();
  }

  @Test
  void refusesANegativeNumberOfHouseholds() {
    CliRun run = CliRun.of("simulate", "--households", "-5", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(FangFanPinCli.FAILURE);
    assertThat(run.stderr()).contains("--households").contains("应在 1 到").contains("must lie between 1 and");
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void refusesZeroMonthsAndMoreThanTheCalendarCovers() {
    for (String months : new String[] {"0", "25"}) {
      CliRun run = CliRun.of("simulate", "--months", months, "--out", dir.toString());

      assertThat(run.exitCode()).isEqualTo(FangFanPinCli.FAILURE);
      assertThat(run.stderr()).contains("--months").contains("应在 1 到 24").contains("must lie between 1 and 24");
    }
  }

  @Test
  void refusesAnUnknownStore() {
    CliRun run = CliRun.of("simulate", "--store", "redis", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(FangFanPinCli.FAILURE);
    assertThat(run.stderr()).contains("--store").contains("应为 memory").contains("must be memory, h2 or a URL");
  }

  @Test
  void refusesANumberThatIsNotOne() {
    CliRun run = CliRun.of("simulate", "--seed", "forty-two", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(FangFanPinCli.FAILURE);
    assertThat(run.stderr()).contains("--seed");
  }

  @Test
  void aStoreThatCannotBeOpenedIsReportedWithoutItsCredentials() {
    CliRun run = CliRun.of("simulate", "--households", "10", "--months", "1", "--out", dir.toString(), "--quiet",
        "--store", "jdbc:nosuchdriver://user:secret@host/db?password=secret");

    assertThat(run.exitCode()).isEqualTo(FangFanPinCli.FAILURE);
    assertThat(run.stderr()).contains("--store jdbc:nosuchdriver://host/db").contains("无法打开存储")
        .contains("cannot open the store").doesNotContain("secret");
  }
}
