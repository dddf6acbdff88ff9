package org.fangfanpin.adapters.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.SignalRef;
import org.fangfanpin.spi.store.UnitOfWork;
import org.fangfanpin.spi.time.WeekdayCalendar;

/**
 * A small county (测试县) wired through core's entry point to a store under test: Danfeng county
 * (丹凤县), its actors, a clock set by hand in Beijing time, ids from the store when it is a
 * {@link JdbcStore}, and the events a dispatcher delivers collected in {@link #delivered}.
 */
final class JdbcCounty {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");
  static final AreaCode VILLAGE_A2 = AreaCode.of("611022100202");
  static final Actor VILLAGE_GROUP_A1 = Actor.of("vwg-a1", Role.VILLAGE_WORKING_GROUP, VILLAGE_A1);
  static final Actor TOWNSHIP_OFFICER_A = Actor.of("twp-a", Role.TOWNSHIP_OFFICER, TOWNSHIP_A);
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final Actor COUNTY_OFFICER_OTHER = Actor.of("county-2", Role.COUNTY_OFFICE, COUNTY);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  final UnitOfWork store;
  final HandClock clock;
  final List<DomainEvent> delivered = Collections.synchronizedList(new ArrayList<>());
  final FangFanPin ffp;
  private int nextHead = 1;

  JdbcCounty(UnitOfWork store, LocalDate today) {
    this.store = store;
    this.clock = new HandClock(today);
    FangFanPin.Builder builder = FangFanPin.builder()
        .store(store)
        .clock(clock)
        .calendar(WeekdayCalendar.of(List.of(), List.of()))
        .notifier(delivered::add);
    if (store instanceof JdbcStore jdbc) {
      builder.ids(jdbc.ids());
    } else {
      builder.ids(new org.fangfanpin.adapters.inmemory.InMemoryIdSource());
    }
    this.ffp = builder.build();
  }

  /** Stores a lifted household of four in the village, above the line, and returns it. */
  Household household(String id, AreaCode village) {
    Household h = Household.builder()
        .id(id)
        .area(village)
        .status(HouseholdStatus.LIFTED)
        .head(headId())
        .memberCount(4)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(Money.ofYuan(40_000))
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

  /** Stores the household with an open monitoring case, as the fund needs of an applicant. */
  Household monitored(String id, AreaCode village, LocalDate openedOn) {
    Household h = household(id, village);
    MonitoringCase c = MonitoringCase.builder()
        .id("case-" + h.id())
        .householdId(h.id())
        .area(h.area())
        .householdStatus(h.status())
        .state(CaseState.AWAITING_VISIT)
        .version(1)
        .openedOn(openedOn)
        .addSignals(new SignalRef(Channel.SELF_DECLARATION, "sd-" + h.id(), openedOn, openedOn, Set.of(RiskType.ILLNESS)))
        .riskTypes(Set.of(RiskType.ILLNESS))
        .build();
    store.write(s -> {
      s.cases().insert(c);
      return null;
    });
    return h;
  }

  /** A valid resident ID of a Danfeng resident born in 1970, different on every call. */
  private synchronized ResidentId headId() {
    String body = "611022" + "19700101" + String.format("%03d", nextHead++ % 1000);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    return ResidentId.parse("head_id_number", body + "10X98765432".charAt(sum % 11)).get();
  }

  /** A clock moved by hand, at 09:00 Beijing time of the day it is set to. Thread-safe. */
  static final class HandClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    HandClock(LocalDate day) {
      setDay(day);
    }

    void setDay(LocalDate day) {
      now.set(day.atTime(9, 0).atZone(BEIJING).toInstant());
    }

    @Override
    public ZoneId getZone() {
      return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
