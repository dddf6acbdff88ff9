package org.fangfanpin.core.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.MonitoringCase;

/**
 * A small county wired to the in-memory store, for use-case tests: Danfeng county (丹凤县,
 * 611022), two townships, three villages, the actors of every role, a clock set by hand and the
 * 2025 working calendar. Events delivered by the dispatcher are collected in {@link #delivered}.
 */
public final class TestCounty {

  public static final AreaCode COUNTY = AreaCode.of("611022000000");
  public static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  public static final AreaCode TOWNSHIP_B = AreaCode.of("611022101000");
  public static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");
  public static final AreaCode VILLAGE_A2 = AreaCode.of("611022100202");
  public static final AreaCode VILLAGE_B1 = AreaCode.of("611022101201");
  /** A village of another county (商州区), outside every actor's jurisdiction here. */
  public static final AreaCode FOREIGN_VILLAGE = AreaCode.of("611002100201");

  public static final Actor VILLAGE_GROUP_A1 = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  public static final Actor VILLAGE_GROUP_A1_OTHER = Actor.of("vwg-a1-2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  public static final Actor VILLAGE_GROUP_A2 = Actor.of("vwg-a2", Role.VILLAGE_WORKING_GROUP, VILLAGE_A2);
  public static final Actor VILLAGE_GROUP_B1 = Actor.of("vwg-b1", Role.VILLAGE_WORKING_GROUP, VILLAGE_B1);
  public static final Actor GRID_WORKER_A1 = Actor.of("grid-a1", Role.GRID_WORKER, VILLAGE_A1);
  public static final Actor TOWNSHIP_OFFICER_A = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  public static final Actor TOWNSHIP_OFFICER_A_OTHER = Actor.of("twp-a-2", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  public static final Actor TOWNSHIP_OFFICER_B = Actor.of("twp-b", Role.TOWNSHIP_OFFICER, TOWNSHIP_B);
  public static final Actor TOWNSHIP_HEAD_A = Actor.of("head-a", Role.TOWNSHIP_HEAD, TOWNSHIP_A);
  public static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  public static final Actor COUNTY_OFFICER_OTHER = Actor.of("county-2", Role.COUNTY_OFFICE, COUNTY);
  public static final Actor DEPARTMENT_OFFICER = Actor.of("dept-health", Role.DEPARTMENT_OFFICER, COUNTY);
  public static final Actor HOTLINE = Actor.of("12317", Role.HOTLINE_OPERATOR, COUNTY);
  public static final Actor DATA_PLATFORM = Actor.of("platform", Role.DATA_PLATFORM, COUNTY);

  public final MutableClock clock;
  public final InMemoryStore store = new InMemoryStore();
  public final List<DomainEvent> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
  public final FangFanPin ffp;

  private int nextSequence = 1;

  /** A county whose clock shows 09:00 on the day. */
  public TestCounty(LocalDate today) {
    this.clock = MutableClock.at(today);
    this.ffp = FangFanPin.builder()
        .store(store)
        .ids(new InMemoryIdSource())
        .clock(clock)
        .calendar(ChinaCalendar.y2025())
        .notifier(delivered::add)
        .build();
  }

  /** A county on 2025-03-03, a Monday. */
  public static TestCounty onMonday() {
    return new TestCounty(LocalDate.of(2025, 3, 3));
  }

  /** Stores a lifted household of four in the village, above the line, and returns it. */
  public Household household(String id, AreaCode village) {
    return household(id, village, HouseholdStatus.LIFTED, Money.ofYuan(40_000));
  }

  /** Stores a household with the given status and income of the last 12 months. */
  public Household household(String id, AreaCode village, HouseholdStatus status, Money income) {
    Household h = Household.builder()
        .id(id)
        .area(village)
        .status(status)
        .head(headId())
        .memberCount(4)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(income)
        .previousYearIncome(Money.ofYuan(40_000))
        .rigidExpenditure(Money.ZERO)
        .unmetNeeds(Set.<BasicNeed>of())
        .build();
    store.write(s -> {
      s.households().put(h);
      return null;
    });
    return h;
  }

  /** A valid resident ID of a Danfeng resident born in 1970, different on every call. */
  private synchronized ResidentId headId() {
    String body = "611022" + "19700101" + String.format("%03d", nextSequence++ % 1000);
    return ResidentId.parse("head_id_number", body + checkCharacter(body)).get();
  }

  private static char checkCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }

  /** What a county stored: its cases, its audit chain and its pending events, to compare two counties. */
  public record Stored(List<MonitoringCase> cases, List<AuditRecord> audit, List<DomainEvent> outbox) {}

  /** The county's cases, audit chain and pending events as they are now. */
  public Stored stored() {
    return store.read(s -> {
      List<MonitoringCase> cases;
      try (var all = s.cases().inArea(COUNTY)) {
        cases = all.toList();
      }
      List<AuditRecord> audit;
      try (var chain = s.audit().chain(COUNTY)) {
        audit = chain.toList();
      }
      return new Stored(cases, audit, s.outbox().pending(10_000));
    });
  }
}
