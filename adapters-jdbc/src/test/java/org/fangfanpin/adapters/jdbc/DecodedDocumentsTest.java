package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.CaseState;
import org.junit.jupiter.api.Test;

/**
 * The decoded documents kept by id (已解码文档): a text is decoded once, a text the store wrote is
 * not decoded when read back, another text under the same id is decoded, what is kept stays within
 * its bound, and a document that fails to decode or opens otherwise is not kept.
 */
class DecodedDocumentsTest {

  private final List<String> decoded = new ArrayList<>();

  private DecodedDocuments<String> documents(long maxChars) {
    return new DecodedDocuments<>(maxChars, text -> {
      decoded.add(text);
      if (text.contains("bad")) {
        throw new IllegalStateException("bad document");
      }
      return "value of " + text;
    });
  }

  private static String doc(String id, String rest) {
    return "{\"v\":1,\"id\":\"" + id + "\"" + rest + "}";
  }

  @Test
  void aTextIsDecodedOnceAndATextKeptOnWritingIsNotDecodedAtAll() {
    DecodedDocuments<String> documents = documents(1000);

    assertThat(documents.decode(doc("a", ""))).isEqualTo("value of " + doc("a", ""));
    assertThat(documents.decode(new String(doc("a", "")))).as("an equal text, another string")
        .isEqualTo("value of " + doc("a", ""));
    documents.keep(doc("b", ",\"x\":1"), "written");
    assertThat(documents.decode(doc("b", ",\"x\":1"))).isEqualTo("written");

    assertThat(decoded).containsExactly(doc("a", ""));
  }

  @Test
  void anotherTextUnderTheSameIdIsDecodedAndReplacesTheOneKept() {
    DecodedDocuments<String> documents = documents(1000);
    documents.keep(doc("a", ",\"version\":1"), "first");

    assertThat(documents.decode(doc("a", ",\"version\":2"))).isEqualTo("value of " + doc("a", ",\"version\":2"));
    assertThat(documents.decode(doc("a", ",\"version\":1"))).as("the older text is decoded again")
        .isEqualTo("value of " + doc("a", ",\"version\":1"));
    assertThat(documents.size()).isEqualTo(1);
  }

  @Test
  void theLeastRecentlyUsedGoWhenTheBoundIsPassedAndALongTextOrAnotherOpeningIsNotKept() {
    DecodedDocuments<String> documents = documents(200);
    for (int i = 0; i < 20; i++) {
      documents.decode(doc(String.format("%02d", i), ""));
    }
    assertThat(documents.size()).as("17 characters each, at most 200").isEqualTo(11);
    decoded.clear();
    documents.decode(doc("19", ""));
    documents.decode(doc("00", ""));
    assertThat(decoded).as("the latest is kept, the first is gone").containsExactly(doc("00", ""));

    documents.decode(doc("long", "x".repeat(20)));
    documents.decode(doc("long", "x".repeat(20)));
    documents.decode("{\"id\":\"c\",\"v\":1}");
    documents.decode("{\"id\":\"c\",\"v\":1}");
    documents.decode(doc("q\\\"", ""));
    documents.decode(doc("q\\\"", ""));
    assertThat(decoded).as("longer than a tenth of the bound, opening otherwise, an escaped id").hasSize(7);
  }

  @Test
  void aDocumentThatFailsToDecodeIsNotKept() {
    DecodedDocuments<String> documents = documents(1000);
    assertThatThrownBy(() -> documents.decode(doc("bad", ""))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> documents.decode(doc("bad", ""))).isInstanceOf(IllegalStateException.class);
    assertThat(decoded).hasSize(2);
    assertThat(documents.size()).isZero();
  }

  @Test
  void aCaseOrHouseholdReadBackIsTheOneWrittenAndEqualToItsDecodedDocument() {
    String householdId = StoreFixtures.householdId(StoreFixtures.VILLAGE, 3);
    Household h = StoreFixtures.detailedHousehold(householdId, StoreFixtures.VILLAGE);
    String json = Documents.household(h);
    assertThat(DecodedDocuments.idOf(json)).isEqualTo(householdId);
    assertThat(Documents.household(new String(json))).isSameAs(h).isEqualTo(Documents.householdUncached(json));

    MonitoringCase c = StoreFixtures.moved(
        StoreFixtures.monitoringCase("case-77", householdId, StoreFixtures.VILLAGE, CaseState.CONFIRMED),
        CaseState.CONFIRMED);
    String caseJson = Documents.monitoringCase(c);
    assertThat(DecodedDocuments.idOf(caseJson)).isEqualTo("case-77");
    assertThat(Documents.monitoringCase(new String(caseJson))).isSameAs(c)
        .isEqualTo(Documents.monitoringCaseUncached(caseJson));
  }
}
