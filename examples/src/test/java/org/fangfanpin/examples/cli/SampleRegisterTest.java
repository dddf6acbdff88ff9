package org.fangfanpin.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The register shipped in {@code examples/data}, run through the real command. */
class SampleRegisterTest {

  @Test
  void assessesTheShippedDanfengRegisterAndRejectsItsNineFaultyRows() {
    CliRun run = CliRun.of("assess", "--input", "data/danfeng-register.csv", "--as-of", "2025-06-30");

    assertThat(run.exitCode()).isEqualTo(2);
    List<JsonNode> lines = run.lines();
    assertThat(lines).hasSize(300);
    assertThat(lines).filteredOn(line -> line.has("candidate")).hasSize(291);
    assertThat(lines).filteredOn(line -> line.has("errors")).hasSize(9)
        .allSatisfy(line -> assertThat(line.get("errors")).hasSize(1));
    assertThat(lines).extracting(line -> line.path("category").asText())
        .contains("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP");
    assertThat(run.stderr()).contains("assessed 291 households", "9 rows rejected");
  }
}
