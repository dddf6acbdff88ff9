package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.T0;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fangfanpin.adapters.jdbc.CaseStories.Stage;
import org.fangfanpin.spi.contract.FundFixtures;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.junit.jupiter.api.Test;

/**
 * A document that cannot be read fails naming its kind and the field path, and never repeats a
 * value of the document (文档可能含身份证号); fields it does not know are ignored.
 */
class DocumentsFailureTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOUSEHOLD_ID = StoreFixtures.householdId(VILLAGE, 1);
  private static final LocalDate OPENED = LocalDate.of(2025, 3, 3);

  // ---------------------------------------------------------------- every field, removed in turn

  @Test
  void aHouseholdNamesEachMissingField() {
    everyFieldRemovedInTurn("household", Documents.household(StoreFixtures.detailedHousehold(HOUSEHOLD_ID, VILLAGE)),
        Documents::household, "\\$\\.members\\[\\d+]\\.resident_id");
  }

  @Test
  void aSignalNamesEachMissingField() {
    everyFieldRemovedInTurn("signal", Documents.signal(StoreFixtures.storedSignal(Channel.SELF_DECLARATION, "sd-1",
        HOUSEHOLD_ID, VILLAGE, "case-1", T0)), Documents::signal, "\\$\\.signal\\.evidence\\[\\d+]\\.amount_fen");
  }

  @Test
  void aCaseNamesEachMissingFieldAtEveryStage() {
    String optional = "\\$\\.(screening_visit|appraisal|notice|verification|decision|emergency|dismissal"
        + "|elimination|exit|closed_on|previous_case_id)"
        + "|.*notice\\.(closed_on|closed_by)|.*\\.objections\\[\\d+]\\.answer|\\$\\.decision\\.category"
        + "|\\$\\.measures\\[\\d+]\\.(ends_on|implemented_on|implemented_by|evidence|verified_on|verified_by)"
        + "|\\$\\.elimination\\.(appraisal|notice|verification|decision)";
    for (Stage stage : List.of(Stage.ELIMINATION_REFUSED, Stage.CLOSED, Stage.SUCCESSOR, Stage.DISMISSED_BY_COUNTY)) {
      everyFieldRemovedInTurn("case", Documents.monitoringCase(CaseStories.at(stage, HOUSEHOLD_ID, OPENED, 6)),
          Documents::monitoringCase, optional);
    }
  }

  @Test
  void anAidApplicationNamesEachMissingField() {
    everyFieldRemovedInTurn("aid_application",
        Documents.aidApplication(FundFixtures.detailedAidApplication("aid-1", HOUSEHOLD_ID, VILLAGE)),
        Documents::aidApplication, "\\$\\.(case_id|village|township|county|payment_id|batch_id|reversal_id)");
  }

  @Test
  void aTransferNamesEachMissingField() {
    var payment = FundFixtures.payment("pay-1", HOUSEHOLD_ID, Money.ofFen(123_456));
    String optional = "\\$\\.(purpose|application_id|batch_id|reverses|from\\.household_id|to\\.household_id)";
    everyFieldRemovedInTurn("transfer", Documents.transfer(payment), Documents::transfer, optional);
    everyFieldRemovedInTurn("transfer", Documents.transfer(FundFixtures.reversal("rev-1", payment)),
        Documents::transfer, optional);
  }

  @Test
  void theRecordsNameEachMissingField() {
    everyFieldRemovedInTurn("audit_record", Documents.auditRecord(StoreFixtures.auditChain(COUNTY, 2).get(1)),
        Documents::auditRecord, "\\$\\.before_state");
    everyFieldRemovedInTurn("event", Documents.event(StoreFixtures.event("e-1")), Documents::event,
        "\\$\\.attributes\\..+");
    everyFieldRemovedInTurn("grid_visit", Documents.gridVisit(FundFixtures.gridVisit("grid-1", HOUSEHOLD_ID, DAY0)),
        Documents::gridVisit, "(?!)");
  }

  /**
   * Removes each field of the document in turn, at every depth: a required one must fail naming
   * exactly its path; an optional one must read, or fail on a rule of an enclosing object (a
   * reversal without its original) naming that object. No failure may repeat a value.
   */
  private static void everyFieldRemovedInTurn(String kind, String json, Function<String, ?> decode,
      String optionalPaths) {
    Pattern optional = Pattern.compile(optionalPaths);
    JsonNode original = parse(json);
    Map<String, List<String>> fields = new LinkedHashMap<>();
    collectFields(original, "$", new ArrayList<>(), fields);
    assertThat(fields).as("fields of the %s document", kind).hasSizeGreaterThan(3);
    Set<String> values = leafValues(original);
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      String path = field.getKey();
      JsonNode broken = original.deepCopy();
      remove(broken, field.getValue());
      Throwable t = catchThrowable(() -> decode.apply(broken.toString()));
      if (optional.matcher(path).matches()) {
        if (t != null) {
          assertThat(t).as("removing optional %s", path).isInstanceOf(IllegalStateException.class);
          String named = t.getMessage().replaceAll(".* field (\\S+) holds an invalid value.*", "$1");
          assertThat(path).as("removing optional %s fails on an enclosing object: %s", path, t.getMessage())
              .startsWith(named);
        }
      } else {
        assertThat(t).as("removing required %s", path).isInstanceOf(IllegalStateException.class);
        assertThat(t.getMessage())
            .contains("the " + kind + " document's field " + path + " is missing")
            .contains(kind + " 文档的字段 " + path + " 缺失");
        assertThat(t.getCause()).isNull();
      }
      if (t != null) {
        assertNoValueIn(t.getMessage(), values);
      }
    }
  }

  // ---------------------------------------------------------------- wrong types and invalid values

  @Test
  void aWrongTypeIsNamedWithoutTheValue() {
    String head = StoreFixtures.residentId(1).unmasked();
    assertFails("household", with(household(), "member_count", "three"), "$.member_count", "wrong type",
        "three");
    assertFails("household", with(household(), "member_count", 1L << 40), "$.member_count", "wrong type", "1099511627776");
    assertFails("household", with(household(), "income_last_12_months_fen", 12.5), "$.income_last_12_months_fen",
        "wrong type", "12.5");
    assertFails("household", with(household(), "head", Long.parseLong(head.substring(0, 17))), "$.head", "wrong type",
        head.substring(0, 17));
    assertFails("household", with(household(), "members", "none"), "$.members", "wrong type", "none");
    assertFails("household", with(household(), "members[0]", "HEAD"), "$.members[0]", "wrong type", "HEAD");
    assertFails("household", with(household(), "members[0].able_to_work", "yes"), "$.members[0].able_to_work",
        "wrong type", "yes");
    assertFails("household", with(household(), "unmet_needs[0]", 7), "$.unmet_needs[0]", "wrong type", null);
  }

  @Test
  void anInvalidValueIsNamedWithItsProblemCodeButNeverShown() {
    String head = StoreFixtures.residentId(1).unmasked();
    String wrongCheck = head.substring(0, 17) + (head.charAt(17) == '0' ? '1' : '0');
    Throwable t = assertFails("household", with(household(), "head", wrongCheck), "$.head", "invalid value",
        wrongCheck);
    assertThat(t.getMessage()).contains("resident_id.check_digit").doesNotContain("611022").doesNotContain("****");
    assertFails("household", with(household(), "members[1].resident_id", "61102219680517000"),
        "$.members[1].resident_id", "invalid value", "61102219680517000");
    assertFails("household", with(household(), "status", "RICH"), "$.status", "invalid value", "RICH");
    assertFails("household", with(household(), "area", "611022000000"), "$", "invalid value [area_code.not_village]",
        "611022000000");
    assertFails("household", with(household(), "workers", 9), "$", "invalid value [workers.range]", null);
    String caseJson = Documents.monitoringCase(CaseStories.at(Stage.CLOSED, HOUSEHOLD_ID, OPENED, 6));
    assertFails("case", with(caseJson, "measures[1].status", "DONE"), "$.measures[1].status", "invalid value",
        "DONE");
    assertFails("case", with(caseJson, "elimination.notice.closed_on", "2025-13-45"),
        "$.elimination.notice.closed_on", "invalid value", "2025-13-45");
    assertFails("case", with(caseJson, "follow_ups[2].month", "2025-3"), "$.follow_ups[2].month", "invalid value",
        "2025-3");
    assertFails("case", with(caseJson, "exit.ends_on", "2000-01-01"), "$.exit", "invalid value", "2000-01-01");
    assertFails("case", with(caseJson, "signals[0].received_on", "yesterday"), "$.signals[0].received_on",
        "invalid value", "yesterday");
    String transferJson = Documents.transfer(FundFixtures.payment("pay-1", HOUSEHOLD_ID, Money.ofFen(5)));
    assertFails("transfer", with(transferJson, "amount_fen", 0), "$", "invalid value [transfer.amount_not_positive]",
        null);
    assertFails("transfer", with(transferJson, "to.fund_year", 1999), "$.to", "invalid value", "1999");
    String eventJson = Documents.event(StoreFixtures.event("e-1"));
    assertFails("event", with(eventJson, "attributes.dueOn", 20250318), "$.attributes.*", "wrong type", "20250318");
    assertFails("event", with(eventJson, "occurred_at", "2025-03-03 01:00"), "$.occurred_at", "invalid value",
        "2025-03-03 01:00");
  }

  @Test
  void aDocumentThatIsNotJsonFailsWithoutQuotingIt() {
    String head = StoreFixtures.residentId(1).unmasked();
    String[] broken = {
        "{\"v\":1,\"head\":\"" + head + "\"",
        // Jackson's own message would quote this token whole.
        "{\"v\":1,\"head\":id" + head + "}",
        // Content after the document means the column holds something else than one document.
        "{\"v\":1} {\"head\":\"" + head + "\"}",
        "{\"v\":1,\"head\":\"" + head + "\",}",
        "{\"v\":1,\"head\" \"" + head + "\"}",
    };
    for (String json : broken) {
      assertThatThrownBy(() -> Documents.household(json))
          .isInstanceOf(IllegalStateException.class)
          .hasNoCause()
          .hasMessageContaining("the household document is not valid JSON (line 1, column")
          .hasMessageContaining("household 文档不是有效的 JSON")
          .hasMessageNotContaining("611022")
          .hasMessageNotContaining(head.substring(10));
    }
    assertThatThrownBy(() -> Documents.household("")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("household document is empty");
    assertThatThrownBy(() -> Documents.signal("[1]")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the signal document's field $ has the wrong type (expected an object)");
  }

  @Test
  void theFormatVersionIsRequiredAndChecked() {
    String json = household();
    assertFails("household", without(json, "v"), "$.v", "is missing", null);
    assertFails("household", with(json, "v", 2), "$.v", "format version this reader does not know", null);
    assertFails("household", with(json, "v", "1"), "$.v", "wrong type", null);
  }

  @Test
  void nullCountsAsAbsent() {
    Household h = StoreFixtures.detailedHousehold(HOUSEHOLD_ID, VILLAGE);
    JsonNode tree = parse(Documents.household(h));
    ((ObjectNode) tree.path("members").get(0)).putNull("resident_id");
    assertThat(Documents.household(tree.toString()).members().get(0).residentId()).isEmpty();
    ((ObjectNode) tree).putNull("head");
    assertFails("household", tree.toString(), "$.head", "is missing", null);
  }

  // ---------------------------------------------------------------- unknown fields

  @Test
  void unknownFieldsAreIgnoredAtEveryDepth() {
    var c = CaseStories.at(Stage.CLOSED, HOUSEHOLD_ID, OPENED, 6);
    ObjectNode tree = (ObjectNode) parse(Documents.monitoringCase(c));
    tree.put("priority", "high");
    tree.putObject("audit").put("by", "someone").putArray("tags").add(1).add("x");
    ((ObjectNode) tree.path("measures").get(0)).put("budget_fen", 100);
    ((ObjectNode) tree.path("notice").path("objections").get(0).path("answer")).putNull("signed_by");
    ((ObjectNode) tree.path("elimination").path("proposal").path("by")).put("phone_masked", "138****0000");
    ((ObjectNode) tree.path("exit")).putArray("pauses");
    assertThat(Documents.monitoringCase(tree.toString())).isEqualTo(c);

    Household h = StoreFixtures.detailedHousehold(HOUSEHOLD_ID, VILLAGE);
    ObjectNode household = (ObjectNode) parse(Documents.household(h));
    household.put("v2_field", true);
    ((ObjectNode) household.path("members").get(2)).put("education", "高中");
    assertThat(Documents.household(household.toString())).isEqualTo(h);
  }

  // ---------------------------------------------------------------- helpers

  private static String household() {
    return Documents.household(StoreFixtures.detailedHousehold(HOUSEHOLD_ID, VILLAGE));
  }

  private static Throwable assertFails(String kind, String json, String path, String what, String notShown) {
    Function<String, ?> decode = switch (kind) {
      case "household" -> Documents::household;
      case "case" -> Documents::monitoringCase;
      case "transfer" -> Documents::transfer;
      case "event" -> Documents::event;
      default -> throw new IllegalArgumentException(kind);
    };
    Throwable t = catchThrowable(() -> decode.apply(json));
    assertThat(t).as("decoding a broken %s document", kind).isInstanceOf(IllegalStateException.class);
    assertThat(t.getMessage()).contains("the " + kind + " document's field " + path + " ").contains(what)
        .contains(kind + " 文档的字段 " + path + " ");
    assertThat(t.getCause()).isNull();
    if (notShown != null) {
      assertThat(t.getMessage()).doesNotContain(notShown);
    }
    assertThat(t.getMessage()).doesNotContain(HOUSEHOLD_ID);
    return t;
  }

  private static void assertNoValueIn(String message, Set<String> values) {
    for (String v : values) {
      assertThat(message).as("a failure message repeats a value of the document").doesNotContain(v);
    }
  }

  /** Every field of every object, by path, with the steps (names and indices) that lead to it. */
  private static void collectFields(JsonNode node, String path, List<String> steps, Map<String, List<String>> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        List<String> next = new ArrayList<>(steps);
        next.add(e.getKey());
        out.put(path + "." + e.getKey(), next);
        collectFields(e.getValue(), path + "." + e.getKey(), next, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        List<String> next = new ArrayList<>(steps);
        next.add("[" + i + "]");
        collectFields(node.get(i), path + "[" + i + "]", next, out);
      }
    }
  }

  /** The document's texts and numbers of four characters or more: long enough to be recognised. */
  private static Set<String> leafValues(JsonNode node) {
    Set<String> values = new java.util.HashSet<>();
    if (node.isContainerNode()) {
      node.forEach(child -> values.addAll(leafValues(child)));
      if (node.isObject()) {
        node.properties().forEach(e -> values.addAll(leafValues(e.getValue())));
      }
    } else if ((node.isTextual() || node.isNumber()) && node.asText().length() >= 4) {
      values.add(node.asText());
    }
    return values;
  }

  private static void remove(JsonNode root, List<String> steps) {
    JsonNode parent = root;
    for (String step : steps.subList(0, steps.size() - 1)) {
      parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
          : parent.get(step);
    }
    ((ObjectNode) parent).remove(steps.get(steps.size() - 1));
  }

  private static String without(String json, String field) {
    ObjectNode tree = (ObjectNode) parse(json);
    tree.remove(field);
    return tree.toString();
  }

  /** The document with the value at a dotted path ({@code members[0].relation}) replaced. */
  private static String with(String json, String dottedPath, Object value) {
    JsonNode root = parse(json);
    String[] parts = dottedPath.split("\\.");
    JsonNode parent = root;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      int bracket = part.indexOf('[');
      String name = bracket < 0 ? part : part.substring(0, bracket);
      if (bracket < 0) {
        if (last) {
          ((ObjectNode) parent).set(name, JSON.valueToTree(value));
        } else {
          parent = parent.get(name);
        }
      } else {
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        ArrayNode array = (ArrayNode) parent.get(name);
        if (last) {
          array.set(index, JSON.valueToTree(value));
        } else {
          parent = array.get(index);
        }
      }
    }
    return root.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("the codec wrote a document Jackson cannot read", e);
    }
  }
}
