package org.fangfanpin.benchmarks;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.store.IdSource;
import org.fangfanpin.spi.store.UnitOfWork;

/**
 * A county for the benchmarks (基准测试县): 12 townships of 13 villages (seed 000's shape), its
 * actors, and households spread over the villages, wired to a fresh in-memory store or to the
 * store given.
 */
final class BenchCounty {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final int TOWNSHIPS = 12;
  static final int VILLAGES_PER_TOWNSHIP = 13;

  final UnitOfWork store;
  final FangFanPin ffp;
  final List<AreaCode> villages = new ArrayList<>();
  final List<Actor> villageGroups = new ArrayList<>();
  final List<Actor> townshipOfficers = new ArrayList<>();
  final Actor countyOfficer = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  final Actor gridWorker = Actor.of("grid-county", Role.GRID_WORKER, COUNTY);
  final Actor hotline = Actor.of("12317", Role.HOTLINE_OPERATOR, COUNTY);
  final Actor platform = Actor.of("platform", Role.DATA_PLATFORM, COUNTY);
  final Actor department = Actor.of("dept", Role.DEPARTMENT_OFFICER, COUNTY);

  final SettableClock clock;

  BenchCounty(LocalDate today) {
    this(today, new InMemoryStore(), new InMemoryIdSource());
  }

  BenchCounty(LocalDate today, UnitOfWork store, IdSource ids) {
    this.store = store;
    this.clock = new SettableClock(today);
    this.ffp = FangFanPin.builder().store(store).ids(ids).clock(clock).build();
    for (int t = 0; t < TOWNSHIPS; t++) {
      AreaCode township = AreaCode.of("611022" + (100 + t) + "000");
      townshipOfficers.add(Actor.of("twp-" + t, Role.TOWNSHIP_OFFICER, township));
      for (int v = 0; v < VILLAGES_PER_TOWNSHIP; v++) {
        AreaCode village = AreaCode.of("611022" + (100 + t) + (201 + v));
        villages.add(village);
        villageGroups.add(Actor.of("vwg-" + t + "-" + v, Role.VILLAGE_WORKING_GROUP, village));
      }
    }
  }

  /** Registers {@code n} lifted households of four, ids {@code H0000000}…, round-robin over villages. */
  List<Household> register(int n) {
    List<Household> all = new ArrayList<>(n);
    ResidentId head = ResidentId.of("61102219700101001" + checkCharacter("61102219700101001"));
    for (int i = 0; i < n; i++) {
      all.add(Household.builder()
          .id(householdId(i))
          .area(villages.get(i % villages.size()))
          .status(HouseholdStatus.LIFTED)
          .head(head)
          .memberCount(4).workers(2).seniorStudents(0).disabledMembers(0).seriouslyIllMembers(0)
          .incomeLast12Months(Money.ofYuan(30_000))
          .previousYearIncome(Money.ofYuan(32_000))
          .rigidExpenditure(Money.ZERO)
          .unmetNeeds(Set.of())
          .build());
    }
    ffp.intake().registerAll(all);
    return all;
  }

  Actor villageGroupOf(int household) {
    return villageGroups.get(household % villages.size());
  }

  Actor townshipOfficerOf(int household) {
    return townshipOfficers.get((household % villages.size()) / VILLAGES_PER_TOWNSHIP);
  }

  /**
   * Carries case {@code id} of household {@code i}, opened on {@code opened}, through the six moves
   * of a recognition (visit, appraisal, notice start and close, township verification, county
   * decision); returns the confirmed case.
   */
  Object recognise(String id, int i, LocalDate opened) {
    var village = villageGroupOf(i);
    var review = ffp.review();
    must(review.recordScreeningVisit(id, new ScreeningVisit(opened.plusDays(1), village, true, true, "收入骤降")));
    must(review.recordAppraisal(id, new Appraisal(opened.plusDays(2), village, 20, 18, 1, true, "同意纳入")));
    must(review.startNotice(id, village, opened.plusDays(3)));
    must(review.closeNotice(id, village, opened.plusDays(10)));
    must(review.verify(id, new TownshipVerification(opened.plusDays(11), townshipOfficerOf(i), true, "属实")));
    return must(review.decide(id, new CountyDecision(opened.plusDays(12), countyOfficer, true,
        Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.ILLNESS), "")));
  }

  static <T> T must(io.vavr.control.Either<org.fangfanpin.spi.model.Rejection, T> result) {
    return result.getOrElseThrow(r -> new IllegalStateException(r.code() + ": " + r.en()));
  }

  static String householdId(int i) {
    return String.format("H%08d", i);
  }

  private static char checkCharacter(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
