package org.fangfanpin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fangfanpin.examples.register.RegisterGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateRegisterCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesTheGeneratorsRegisterForTheSeedAndSaysHowManyRowsAreFaulty() throws IOException {
    Path file = dir.resolve("r.csv");

    CliRun run = CliRun.of("generate-register", "--households", "200", "--seed", "5", "--invalid-per-mille", "100",
        "--output", file.toString());

    StringWriter expected = new StringWriter();
    RegisterGenerator.Summary summary = new RegisterGenerator(5, 100).write(200, expected);
    assertThat(run.exitCode()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    assertThat(run.stdout()).contains("generated 200 households, " + summary.faultyRows() + " rows with a fault");
  }

  @Test
  void aGeneratedRegisterRunsThroughAssessWithOneRejectionPerFaultyRow() {
    Path file = dir.resolve("r.csv");
    CliRun generated = CliRun.of("generate-register", "--households", "1000", "--seed", "9",
        "--invalid-per-mille", "50", "--output", file.toString());

    CliRun assessed = CliRun.of("assess", "--input", file.toString(), "--as-of", "2025-06-30");

    String faulty = generated.stdout().replaceAll("(?s).*generated 1000 households, (\\d+) rows.*", "$1");
    assertThat(assessed.exitCode()).isEqualTo(2);
    assertThat(assessed.lines()).hasSize(1000);
    assertThat(assessed.lines()).filteredOn(line -> line.has("errors")).hasSize(Integer.parseInt(faulty));
  }

  @Test
  void refusesAShareOfFaultyRowsAboveAThousandPerMille() {
    CliRun run = CliRun.of("generate-register", "--households", "10", "--invalid-per-mille", "1001",
        "--output", dir.resolve("r.csv").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).contains("--invalid-per-mille");
    assertThat(dir.resolve("r.csv")).doesNotExist();
  }

  @Test
  void explainsItsOptionsInItsHelp() {
    CliRun run = CliRun.of("generate-register", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.stdout()).contains("--households", "--seed", "--invalid-per-mille", "--output", "611022");
  }
}
