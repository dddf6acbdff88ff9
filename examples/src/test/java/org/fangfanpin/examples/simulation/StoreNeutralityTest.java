package org.fangfanpin.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store decides nothing: the same small county on the in-memory store and on embedded H2. */
class StoreNeutralityTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void memoryAndH2GiveTheSameReportApartFromStoreAndTiming() throws IOException {
    JsonNode memory;
    try (SimulationStore store = SimulationStore.memory()) {
      memory = report(store, "memory.json");
    }
    Path h2Dir = Files.createDirectories(dir.resolve("h2"));
    JsonNode h2;
    try (SimulationStore store = SimulationStore.h2(h2Dir)) {
      h2 = report(store, "h2.json");
    }

    assertThat(memory.get("store").asText()).isEqualTo("memory");
    assertThat(h2.get("store").asText()).isEqualTo("h2");
    assertThat(h2Dir.resolve(SimulationStore.H2_FILE + ".mv.db")).exists();
    assertThat(comparable(h2)).isEqualTo(comparable(memory));
    assertThat(memory.get("cases_opened").asLong()).isPositive();
    assertThat(memory.get("invariant_violations").size()).isZero();
  }

  @Test
  void aFreshH2DatabaseReplacesTheOneOfAnEarlierRun() throws IOException {
    Path h2Dir = Files.createDirectories(dir.resolve("again"));
    JsonNode first;
    try (SimulationStore store = SimulationStore.h2(h2Dir)) {
      first = report(store, "first.json");
    }
    JsonNode second;
    try (SimulationStore store = SimulationStore.h2(h2Dir)) {
      second = report(store, "second.json");
    }
    assertThat(comparable(second)).isEqualTo(comparable(first));
  }

  @Test
  void theH2FileIsCompactedAsTheRunGoes() throws IOException {
    // H2 with WRITE_DELAY 0 does no housekeeping of its own; measured before closing, since H2
    // compacts the file for a moment when it closes.
    Path compacted = Files.createDirectories(dir.resolve("compacted"));
    long compactedSize;
    try (SimulationStore store = SimulationStore.h2(compacted)) {
      run(store, 1_000, 3);
      compactedSize = Files.size(compacted.resolve(SimulationStore.H2_FILE + ".mv.db"));
    }
    Path plain = Files.createDirectories(dir.resolve("plain"));
    long plainSize;
    try (SimulationStore store = SimulationStore.jdbc("jdbc:h2:file:" + plain.toAbsolutePath().resolve("plain"))) {
      run(store, 1_000, 3);
      plainSize = Files.size(plain.resolve("plain.mv.db"));
    }
    assertThat(compactedSize).as("bytes, against %,d without the housekeeping", plainSize)
        .isLessThan(plainSize / 2);
  }

  private static SimulationResult run(SimulationStore store, long households, int months) {
    return new Simulation(new SimulationSettings(households, months, 5, store.name()), store.unitOfWork())
        .run(SimulationProgress.NONE);
  }

  @Test
  void aUrlIsShownWithoutItsCredentials() {
    assertThat(SimulationStore.withoutCredentials("jdbc:postgresql://ffp:secret@db:5432/county?password=x"))
        .isEqualTo("jdbc:postgresql://db:5432/county");
    assertThat(SimulationStore.withoutCredentials("jdbc:h2:mem:sim;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:sim");
  }

  private JsonNode report(SimulationStore store, String name) throws IOException {
    SimulationSettings settings = new SimulationSettings(200, 2, 11, store.name());
    SimulationResult result = new Simulation(settings, store.unitOfWork()).run(SimulationProgress.NONE);
    Path file = dir.resolve(name);
    ReportJson.write(file, result);
    return JSON.readTree(file.toFile());
  }

  private static JsonNode comparable(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("timing");
    copy.remove("store");
    return copy;
  }
}
