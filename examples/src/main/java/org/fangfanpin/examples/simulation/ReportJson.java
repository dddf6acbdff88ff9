package org.fangfanpin.examples.simulation;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes report.json (模拟报告): the run's figures under fixed field names in a fixed order, money
 * in fen, map keys in enum order. Apart from {@code timing}, the same settings give the same
 * bytes.
 */
public final class ReportJson {

  private ReportJson() {}

  /** Writes the result to {@code file}, replacing it. */
  public static void write(Path file, SimulationResult r) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("households", r.settings().households());
      g.writeNumberField("months", r.settings().months());
      g.writeNumberField("seed", r.settings().seed());
      g.writeStringField("store", r.settings().store());
      counts(g, "signals_by_channel", r.signalsByChannel());
      g.writeNumberField("duplicate_signals_collapsed", r.duplicateSignalsCollapsed());
      g.writeNumberField("cases_opened", r.casesOpened());
      counts(g, "cases_by_state", r.casesByState());
      counts(g, "confirmed_by_category", r.confirmedByCategory());
      g.writeNumberField("dismissed", r.dismissed());
      g.writeNumberField("emergency_cases", r.emergencyCases());
      g.writeNumberField("overdue_recognitions", r.overdueRecognitions());
      g.writeNumberField("eliminations", r.eliminations());
      g.writeNumberField("exits_completed", r.exitsCompleted());
      g.writeNumberField("relapses", r.relapses());
      SimulationResult.FundFigures f = r.fund();
      g.writeObjectFieldStart("fund");
      g.writeNumberField("appropriated_fen", f.appropriatedFen());
      g.writeNumberField("donated_fen", f.donatedFen());
      g.writeNumberField("disbursed_fen", f.disbursedFen());
      g.writeNumberField("reversed_fen", f.reversedFen());
      g.writeNumberField("balance_fen", f.balanceFen());
      g.writeNumberField("debits_total_fen", f.debitsTotalFen());
      g.writeNumberField("credits_total_fen", f.creditsTotalFen());
      g.writeNumberField("max_household_year_aid_fen", f.maxHouseholdYearAidFen());
      g.writeNumberField("households_aided", f.householdsAided());
      g.writeEndObject();
      g.writeObjectFieldStart("audit");
      g.writeNumberField("records", r.auditRecords());
      g.writeBooleanField("chain_valid", r.chainValid());
      g.writeEndObject();
      g.writeArrayFieldStart("invariant_violations");
      for (String v : r.invariantViolations()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("timing");
      for (Map.Entry<String, Long> e : r.timingMillis().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  /** A map of enum keys, written in lower case in the enum's order. */
  private static <E extends Enum<E>> void counts(JsonGenerator g, String field, Map<E, Long> counts)
      throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<E, Long> e : new TreeMap<>(counts).entrySet()) {
      g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
    }
    g.writeEndObject();
  }
}
