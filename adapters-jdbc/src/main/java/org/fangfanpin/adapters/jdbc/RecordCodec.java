package org.fangfanpin.adapters.jdbc;

import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Role;

/**
 * The stored form of the flat records: audit records (审计记录), domain events (领域事件) waiting in
 * the outbox, and grid workers' visits (网格员走访).
 */
final class RecordCodec {

  private RecordCodec() {}

  static void writeAudit(JsonOut o, AuditRecord r) {
    o.area("county", r.county())
        .integer("sequence", r.sequence())
        .instant("at", r.at())
        .text("actor_id", r.actorId())
        .enumValue("actor_role", r.actorRole())
        .text("action", r.action())
        .text("subject_id", r.subjectId())
        .text("before_state", r.beforeState())
        .text("after_state", r.afterState())
        .text("previous_hash", r.previousHash())
        .text("hash", r.hash());
  }

  static AuditRecord readAudit(JsonFields f) {
    AuditRecord.Builder b = AuditRecord.builder()
        .county(f.area("county"))
        .sequence(f.longInteger("sequence"))
        .at(f.instant("at"))
        .actorId(f.text("actor_id"))
        .actorRole(f.enumValue("actor_role", Role.class))
        .action(f.text("action"))
        .subjectId(f.text("subject_id"))
        .beforeState(f.optionalText("before_state"))
        .afterState(f.text("after_state"))
        .previousHash(f.text("previous_hash"))
        .hash(f.text("hash"));
    return f.build(b::build);
  }

  static void writeEvent(JsonOut o, DomainEvent e) {
    o.text("id", e.id())
        .enumValue("type", e.type())
        .text("case_id", e.caseId())
        .text("household_id", e.householdId())
        .area("area", e.area())
        .instant("occurred_at", e.occurredAt())
        .textMap("attributes", e.attributes());
  }

  static DomainEvent readEvent(JsonFields f) {
    DomainEvent.Builder b = DomainEvent.builder()
        .id(f.text("id"))
        .type(f.enumValue("type", EventType.class))
        .caseId(f.text("case_id"))
        .householdId(f.text("household_id"))
        .area(f.area("area"))
        .occurredAt(f.instant("occurred_at"))
        .attributes(f.textMap("attributes"));
    return f.build(b::build);
  }

  static void writeGridVisit(JsonOut o, GridVisit v) {
    o.text("grid_worker_id", v.gridWorkerId())
        .text("household_id", v.householdId())
        .date("visited_on", v.visitedOn())
        .text("note", v.note());
  }

  static GridVisit readGridVisit(JsonFields f) {
    return f.build(() -> new GridVisit(f.text("grid_worker_id"), f.text("household_id"), f.date("visited_on"),
        f.text("note")));
  }
}
