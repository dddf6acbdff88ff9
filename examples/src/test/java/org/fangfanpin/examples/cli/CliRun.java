package org.fangfanpin.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the tool, with what it wrote and how it exited. */
record CliRun(int exitCode, String stdout, String stderr) {

  /** A fixed "now": 2025-06-30 in China. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private static final ObjectMapper JSON = new ObjectMapper();

  static CliRun of(String... args) {
    return with(CLOCK, args);
  }

  static CliRun with(Clock clock, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new FangFanPinCli(out, err, clock).execute(args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every line of standard output, parsed; fails on a line that is not one JSON object. */
  List<JsonNode> lines() {
    List<JsonNode> nodes = new ArrayList<>();
    if (stdout.isEmpty()) {
      return nodes;
    }
    if (!stdout.endsWith("\n")) {
      throw new AssertionError("standard output does not end with a newline");
    }
    for (String line : stdout.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          throw new AssertionError("not a JSON object: " + line);
        }
        nodes.add(node);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return nodes;
  }

  /** The only line of standard output. */
  JsonNode onlyLine() {
    List<JsonNode> nodes = lines();
    if (nodes.size() != 1) {
      throw new AssertionError("expected one line, got " + nodes.size() + ":\n" + stdout + "\n" + stderr);
    }
    return nodes.get(0);
  }
}
