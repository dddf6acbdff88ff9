package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * The JSON documents (JSON 文档) the JDBC adapter stores next to its key columns: one per nested
 * spi value, in a format of our own that does not follow the Java classes.
 *
 * <p>Every document starts with its format version {@code "v":1}. Money is whole fen, days and
 * instants ISO-8601 text, enums their names, absent optionals are left out, lists keep their order,
 * sets of enums are sorted by name and maps keep their own order. Reading ignores unknown fields,
 * builds every value through its builder or constructor so its checks run, and fails with an
 * {@link IllegalStateException} naming the document kind and the field path, never a value: the
 * documents hold resident ID numbers. Thread-safe: the codecs keep no state, and the decoded cases
 * and households kept ({@link DecodedDocuments}) are immutable values.
 */
final class Documents {

  /**
   * Cases and households are read and rewritten in every unit of work that moves them, and a
   * case's document runs to several kilobytes: their decoded values are kept, one per id (at most
   * 32 million characters of text each).
   */
  private static final DecodedDocuments<MonitoringCase> CASES =
      new DecodedDocuments<>(32L << 20, Documents::monitoringCaseUncached);
  private static final DecodedDocuments<Household> HOUSEHOLDS =
      new DecodedDocuments<>(32L << 20, Documents::householdUncached);
  /**
   * Aid applications are read and rewritten at every tier (village, township, county) and again by
   * the payment, a batch reading hundreds per unit of work: about 900 characters each, so at most
   * some 35,000 of them kept.
   */
  private static final DecodedDocuments<AidApplication> APPLICATIONS =
      new DecodedDocuments<>(32L << 20, Documents::aidApplicationUncached);

  private Documents() {}

  static String household(Household h) {
    String json = JsonOut.document(o -> HouseholdCodec.write(o, h));
    HOUSEHOLDS.keep(json, h);
    return json;
  }

  static Household household(String json) {
    return HOUSEHOLDS.decode(json);
  }

  /**
   * The household's document, not kept: for the bulk writes ({@code putAll}: a register's import,
   * the households a bulk unit changed), where an import stores each household once and keeping
   * them all would push out the ones units of work come back to and hold a register's worth of
   * documents in memory. Read back, such a document is parsed once and kept then.
   */
  static String householdOnce(Household h) {
    return JsonOut.document(o -> HouseholdCodec.write(o, h));
  }

  /** The household decoded from the text, not looked up among those kept (for the codec's tests). */
  static Household householdUncached(String json) {
    return HouseholdCodec.read(JsonFields.document("household", json));
  }

  static String signal(StoredSignal s) {
    return JsonOut.document(o -> SignalCodec.write(o, s));
  }

  static StoredSignal signal(String json) {
    return SignalCodec.read(JsonFields.document("signal", json));
  }

  static String monitoringCase(MonitoringCase c) {
    String json = JsonOut.document(o -> CaseCodec.write(o, c));
    CASES.keep(json, c);
    return json;
  }

  static MonitoringCase monitoringCase(String json) {
    return CASES.decode(json);
  }

  /** The case decoded from the text, not looked up among those kept (for the codec's tests). */
  static MonitoringCase monitoringCaseUncached(String json) {
    return CaseCodec.read(JsonFields.document("case", json));
  }

  static String aidApplication(AidApplication a) {
    String json = JsonOut.document(o -> FundCodec.writeApplication(o, a));
    APPLICATIONS.keep(json, a);
    return json;
  }

  static AidApplication aidApplication(String json) {
    return APPLICATIONS.decode(json);
  }

  /** The application decoded from the text, not looked up among those kept (for the codec's tests). */
  static AidApplication aidApplicationUncached(String json) {
    return FundCodec.readApplication(JsonFields.document("aid_application", json));
  }

  static String event(DomainEvent e) {
    return JsonOut.document(o -> RecordCodec.writeEvent(o, e));
  }

  static DomainEvent event(String json) {
    return RecordCodec.readEvent(JsonFields.document("event", json));
  }

  static String transfer(Transfer t) {
    return JsonOut.document(o -> FundCodec.writeTransfer(o, t));
  }

  static Transfer transfer(String json) {
    return FundCodec.readTransfer(JsonFields.document("transfer", json));
  }

  static String auditRecord(AuditRecord r) {
    return JsonOut.document(o -> RecordCodec.writeAudit(o, r));
  }

  static AuditRecord auditRecord(String json) {
    return RecordCodec.readAudit(JsonFields.document("audit_record", json));
  }

  static String gridVisit(GridVisit v) {
    return JsonOut.document(o -> RecordCodec.writeGridVisit(o, v));
  }

  static GridVisit gridVisit(String json) {
    return RecordCodec.readGridVisit(JsonFields.document("grid_visit", json));
  }
}
