package org.fangfanpin.examples.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.AssessmentRule;
import org.fangfanpin.core.assessment.RuleFinding;
import org.fangfanpin.examples.register.RegisterRow;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.RiskType;

/**
 * Writes assessments and rejected rows as JSON Lines (每行一个 JSON 对象): one compact UTF-8 object
 * per line, Chinese unescaped, through one reused generator and a large buffer. Names and enum
 * values are encoded once, up front, since every line repeats them.
 */
final class JsonLinesWriter implements Closeable {

  private static final int BUFFER_BYTES = 1 << 16;
  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .rootValueSeparator((String) null)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final SerializableString HOUSEHOLD_ID = new SerializedString("household_id");
  private static final SerializableString CANDIDATE = new SerializedString("candidate");
  private static final SerializableString CATEGORY = new SerializedString("category");
  private static final SerializableString RULES = new SerializedString("rules");
  private static final SerializableString RISK_TYPES = new SerializedString("risk_types");
  private static final SerializableString PER_CAPITA_INCOME = new SerializedString("per_capita_income_yuan");
  private static final SerializableString REASONS = new SerializedString("reasons");
  private static final SerializableString RULE = new SerializedString("rule");
  private static final SerializableString ZH = new SerializedString("zh");
  private static final SerializableString EN = new SerializedString("en");
  private static final SerializableString ROW = new SerializedString("row");
  private static final SerializableString ERRORS = new SerializedString("errors");
  private static final SerializableString FIELD = new SerializedString("field");
  private static final SerializableString CODE = new SerializedString("code");
  private static final SerializableString[] RULE_NAMES = names(AssessmentRule.values());
  private static final SerializableString[] CATEGORY_NAMES = names(MonitoringCategory.values());
  private static final SerializableString[] RISK_TYPE_NAMES = names(RiskType.values());

  private final JsonGenerator json;

  /** A writer onto {@code out}, which stays open when this writer is closed. */
  JsonLinesWriter(OutputStream out) throws IOException {
    this.json = JSON.createGenerator(new BufferedOutputStream(out, BUFFER_BYTES), JsonEncoding.UTF8);
  }

  /** Writes the line of a valid row. */
  void write(Assessment assessment) throws IOException {
    json.writeStartObject();
    json.writeFieldName(HOUSEHOLD_ID);
    json.writeString(assessment.householdId());
    json.writeFieldName(CANDIDATE);
    json.writeBoolean(assessment.candidate());
    json.writeFieldName(CATEGORY);
    if (assessment.category().isPresent()) {
      json.writeString(CATEGORY_NAMES[assessment.category().get().ordinal()]);
    } else {
      json.writeNull();
    }
    json.writeFieldName(RULES);
    json.writeStartArray();
    for (RuleFinding finding : assessment.findings()) {
      json.writeString(RULE_NAMES[finding.rule().ordinal()]);
    }
    json.writeEndArray();
    json.writeFieldName(RISK_TYPES);
    json.writeStartArray();
    for (RiskType type : assessment.riskTypes()) {
      json.writeString(RISK_TYPE_NAMES[type.ordinal()]);
    }
    json.writeEndArray();
    json.writeFieldName(PER_CAPITA_INCOME);
    json.writeString(assessment.perCapitaIncome().toYuanString());
    json.writeFieldName(REASONS);
    json.writeStartArray();
    for (RuleFinding finding : assessment.findings()) {
      json.writeStartObject();
      json.writeFieldName(RULE);
      json.writeString(RULE_NAMES[finding.rule().ordinal()]);
      json.writeFieldName(ZH);
      json.writeString(finding.zh());
      json.writeFieldName(EN);
      json.writeString(finding.en());
      json.writeEndObject();
    }
    json.writeEndArray();
    endLine();
  }

  /** Writes the line of a rejected row. */
  void write(RegisterRow.Rejected rejected) throws IOException {
    json.writeStartObject();
    json.writeFieldName(ROW);
    json.writeNumber(rejected.row());
    if (rejected.householdId().isPresent()) {
      json.writeFieldName(HOUSEHOLD_ID);
      json.writeString(rejected.householdId().get());
    }
    json.writeFieldName(ERRORS);
    json.writeStartArray();
    for (Problem problem : rejected.problems()) {
      json.writeStartObject();
      json.writeFieldName(FIELD);
      json.writeString(problem.field());
      json.writeFieldName(CODE);
      json.writeString(problem.code());
      json.writeFieldName(ZH);
      json.writeString(problem.zh());
      json.writeFieldName(EN);
      json.writeString(problem.en());
      json.writeEndObject();
    }
    json.writeEndArray();
    endLine();
  }

  /** Writes out everything buffered; the target stream stays open. */
  @Override
  public void close() throws IOException {
    json.close();
  }

  private void endLine() throws IOException {
    json.writeEndObject();
    json.writeRaw('\n');
  }

  private static SerializableString[] names(Enum<?>[] values) {
    SerializableString[] names = new SerializableString[values.length];
    for (Enum<?> value : values) {
      names[value.ordinal()] = new SerializedString(value.name());
    }
    return names;
  }
}
