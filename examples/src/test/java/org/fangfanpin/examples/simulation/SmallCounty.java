package org.fangfanpin.examples.simulation;

import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.adapters.inmemory.InMemoryIdSource;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.assistance.FollowUpFacts;
import org.fangfanpin.core.assistance.MeasurePlan;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyBook;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.time.WeekdayCalendar;

/**
 * A small county driven through the facade on the in-memory store, January to August 2025
 * (丹凤县, two townships, three villages, four households):
 *
 * <ul>
 *   <li>2 January: 1,000,000.00 yuan appropriated and 50,000.50 donated to the 2025 fund;
 *   <li>6 January: L1 (lifted, four members, A1) declares illness; O1 (ordinary, three, A2) is
 *       found by grid screening for illness; O2 (ordinary, two, A1) is reported to the 12317
 *       hotline for a disaster; L2 (lifted, five, B1) comes from a department for schooling;
 *   <li>7 January: O2's visit finds no real risk (dismissed); the others are appraised on the 8th
 *       and noticed 9–13; L1 and O1 are verified on the 15th and confirmed on the 20th, L2 is
 *       verified and confirmed only on 3 February;
 *   <li>L1 and O1 get an employment measure implemented on 27 January and a follow-up above the
 *       line every month from January to July;
 *   <li>February: L1 is paid 3,000.00 (general aid) and O1 1,234.56 (hardship) on the 10th;
 *   <li>March: L2 is paid 500.00 on the 10th, reversed on the 12th;
 *   <li>August: the risks of L1 (返贫) and O1 (致贫) are eliminated on the 13th.
 * </ul>
 */
final class SmallCounty {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final AreaCode TOWNSHIP_A = AreaCode.of("611022100000");
  static final AreaCode TOWNSHIP_B = AreaCode.of("611022101000");
  static final AreaCode VILLAGE_A1 = AreaCode.of("611022100201");
  static final AreaCode VILLAGE_A2 = AreaCode.of("611022100202");
  static final AreaCode VILLAGE_B1 = AreaCode.of("611022101201");

  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final Actor HOTLINE = Actor.of("12317", Role.HOTLINE_OPERATOR, COUNTY);
  static final Actor DEPARTMENT = Actor.of("dept-edu", Role.DEPARTMENT_OFFICER, COUNTY);
  static final LocalDate CONFIRMED = LocalDate.of(2025, 1, 20);
  static final LocalDate ELIMINATED = LocalDate.of(2025, 8, 13);

  final DayClock clock = new DayClock(LocalDate.of(2025, 1, 2));
  final FangFanPin app = FangFanPin.builder()
      .store(new InMemoryStore())
      .ids(new InMemoryIdSource())
      .clock(clock)
      .calendar(WeekdayCalendar.weekdays())
      .policies(PolicyBook.nationalDefaults())
      .build();
  /** The heads' resident ID numbers, which no form may show. */
  final List<String> headIds = new ArrayList<>();

  final Household l1 = household("L1", VILLAGE_A1, HouseholdStatus.LIFTED, 4, 40_000);
  final Household o1 = household("O1", VILLAGE_A2, HouseholdStatus.ORDINARY, 3, 36_000);
  final Household o2 = household("O2", VILLAGE_A1, HouseholdStatus.ORDINARY, 2, 30_000);
  final Household l2 = household("L2", VILLAGE_B1, HouseholdStatus.LIFTED, 5, 45_000);

  String caseL1;
  String caseO1;
  String caseO2;
  String caseL2;

  /** Runs the whole scenario. */
  SmallCounty run() {
    ok(app.fund().appropriate("fin-2025-001", COUNTY, 2025, Money.ofYuan(1_000_000), day(1, 2), COUNTY_OFFICER,
        "县财政拨入"));
    ok(app.fund().donate("don-2025-001", COUNTY, 2025, Money.ofFen(5_000_050), day(1, 2), COUNTY_OFFICER, "社会捐助"));

    day(1, 6);
    caseL1 = signal(Channel.SELF_DECLARATION, "sd-L1", l1, group(VILLAGE_A1), RiskType.ILLNESS);
    caseO1 = signal(Channel.GRID_SCREENING, "grid-O1", o1, Actor.of("grid-a2", Role.GRID_WORKER, VILLAGE_A2),
        RiskType.ILLNESS);
    caseO2 = signal(Channel.MEDIA_HOTLINE, "12317-O2", o2, HOTLINE, RiskType.DISASTER);
    caseL2 = signal(Channel.INDUSTRY_DEPARTMENT, "edu-L2", l2, DEPARTMENT, RiskType.EDUCATION);

    LocalDate visit = day(1, 7);
    ok(app.review().recordScreeningVisit(caseO2, new ScreeningVisit(visit, group(VILLAGE_A1), false, false, "损失已由保险理赔")));
    recognise(List.of(caseL1, caseO1, caseL2), List.of(l1, o1, l2),
        List.of(MonitoringCategory.UNSTABLE_LIFTED, MonitoringCategory.MARGINAL, MonitoringCategory.UNSTABLE_LIFTED),
        List.of(RiskType.ILLNESS, RiskType.ILLNESS, RiskType.EDUCATION));

    day(1, 21);
    for (String c : List.of(caseL1, caseO1)) {
      Household h = c.equals(caseL1) ? l1 : o1;
      ok(app.assistance().assignCadres(c, List.of("cadre-" + h.id()), townshipOfficer(h.area()), day(1, 21)));
      ok(app.assistance().planMeasure(c, MeasurePlan.of(MeasureType.EMPLOYMENT, "县人社局", "cadre-" + h.id(),
          day(1, 21)), group(h.area())));
    }
    day(1, 27);
    ok(app.assistance().implementMeasure(caseL1, 1, group(VILLAGE_A1), day(1, 27), "县城务工合同"));
    ok(app.assistance().implementMeasure(caseO1, 1, group(VILLAGE_A2), day(1, 27), "公益岗位协议"));

    for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2025, 7)); m = m.plusMonths(1)) {
      if (m.getMonthValue() == 2) {
        recogniseL2();
        pay();
      }
      if (m.getMonthValue() == 3) {
        payAndReverse();
      }
      LocalDate end = clock.set(m.atEndOfMonth());
      followUp(caseL1, l1, m, end);
      followUp(caseO1, o1, m, end);
    }

    eliminate(List.of(caseL1, caseO1), List.of(l1, o1));
    clock.set(LocalDate.of(2025, 8, 29));
    return this;
  }

  // ---- steps

  private String signal(Channel channel, String ref, Household h, Actor by, RiskType type) {
    return ok(app.intake().receive(RiskSignal.builder().channel(channel).sourceRef(ref).householdId(h.id())
        .observedOn(clock.today().minusDays(1)).riskTypes(Set.of(type)).reportedBy(by).build())).caseId();
  }

  /** Walks the cases through recognition together, so the clock only moves forward. */
  private void recognise(List<String> cases, List<Household> hs, List<MonitoringCategory> categories,
      List<RiskType> types) {
    for (int i = 0; i < cases.size(); i++) {
      ok(app.review().recordScreeningVisit(cases.get(i), new ScreeningVisit(day(1, 7), group(hs.get(i).area()), true,
          true, "风险属实")));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.review().recordAppraisal(cases.get(i), new Appraisal(day(1, 8), group(hs.get(i).area()), 30, 26, 2, true,
          "评议通过")));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.review().startNotice(cases.get(i), group(hs.get(i).area()), day(1, 9)));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.review().closeNotice(cases.get(i), group(hs.get(i).area()), day(1, 14)));
    }
    // L2's township verification and county decision wait until February.
    for (int i = 0; i < cases.size() - 1; i++) {
      ok(app.review().verify(cases.get(i), new TownshipVerification(day(1, 15), townshipOfficer(hs.get(i).area()), true,
          "核查属实")));
    }
    for (int i = 0; i < cases.size() - 1; i++) {
      day(1, 20);
      ok(app.review().decide(cases.get(i), new CountyDecision(CONFIRMED, COUNTY_OFFICER, true,
          Optional.of(categories.get(i)), Set.of(types.get(i)), "")));
    }
  }

  /** L2 is verified and confirmed on 3 February, late. */
  private void recogniseL2() {
    ok(app.review().verify(caseL2, new TownshipVerification(day(2, 3), townshipOfficer(VILLAGE_B1), true, "核查属实")));
    ok(app.review().decide(caseL2, new CountyDecision(day(2, 3), COUNTY_OFFICER, true,
        Optional.of(MonitoringCategory.UNSTABLE_LIFTED), Set.of(RiskType.EDUCATION), "")));
  }

  private void pay() {
    AidApplication a1 = apply(l1, AidPurpose.GENERAL, Money.ofYuan(3_000));
    AidApplication a2 = apply(o1, AidPurpose.HARDSHIP, Money.ofFen(123_456));
    approve(List.of(a1, a2), List.of(l1, o1));
    ok(app.fund().payBatch("batch-2025-02", COUNTY, 2025, day(2, 10), COUNTY_OFFICER));
  }

  private void payAndReverse() {
    day(3, 3);
    AidApplication a = apply(l2, AidPurpose.GENERAL, Money.ofYuan(500));
    approve(List.of(a), List.of(l2));
    ok(app.fund().payBatch("batch-2025-03", COUNTY, 2025, day(3, 10), COUNTY_OFFICER));
    String paymentId = app.fund().application(a.id()).orElseThrow().paymentId().orElseThrow();
    ok(app.fund().reverse("rev-2025-001", paymentId, day(3, 12), COUNTY_OFFICER, "学校已免除学费，退回"));
  }

  /** Applies on the 3rd of the clock's month. */
  private AidApplication apply(Household h, AidPurpose purpose, Money amount) {
    LocalDate on = clock.set(clock.today().withDayOfMonth(3));
    return ok(app.fund().apply(new AidRequest(h.id(), purpose, amount, List.of("基本医疗保险", "医疗救助"), on,
        Actor.of("hh-" + h.id(), Role.HOUSEHOLD, h.area()))));
  }

  /** The village studies on the 4th, the township reviews on the 5th, the county approves on the 6th. */
  private void approve(List<AidApplication> as, List<Household> hs) {
    int month = clock.today().getMonthValue();
    for (int i = 0; i < as.size(); i++) {
      LocalDate on = day(month, 4);
      ok(app.fund().villageStudy(as.get(i).id(), new AidStep(on, group(hs.get(i).area()), true, "村民代表会议研究同意")));
    }
    for (int i = 0; i < as.size(); i++) {
      LocalDate on = day(month, 5);
      ok(app.fund().townshipReview(as.get(i).id(), new AidStep(on, townshipOfficer(hs.get(i).area()), true, "审核属实")));
    }
    for (int i = 0; i < as.size(); i++) {
      LocalDate on = day(month, 6);
      ok(app.fund().countyApprove(as.get(i).id(), new AidStep(on, COUNTY_OFFICER, true, "同意救助")));
    }
  }

  private void followUp(String caseId, Household h, YearMonth month, LocalDate on) {
    ok(app.assistance().recordFollowUp(caseId, new FollowUpFacts(month, on, group(h.area()),
        h.incomeLast12Months(), Money.ZERO, Set.of())));
  }

  /** Walks the eliminations together, step by step, so the clock only moves forward. */
  private void eliminate(List<String> cases, List<Household> hs) {
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().propose(cases.get(i), new EliminationProposal(day(8, 4), group(hs.get(i).area()), "务工收入稳定")));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().recordAppraisal(cases.get(i), new Appraisal(day(8, 5), group(hs.get(i).area()), 25, 22, 1, true,
          "同意标注风险消除")));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().startNotice(cases.get(i), group(hs.get(i).area()), day(8, 6)));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().closeNotice(cases.get(i), group(hs.get(i).area()), day(8, 11)));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().verify(cases.get(i), new TownshipVerification(day(8, 12), townshipOfficer(hs.get(i).area()), true,
          "措施已落实")));
    }
    for (int i = 0; i < cases.size(); i++) {
      ok(app.exit().decide(cases.get(i), new EliminationDecision(day(8, 13), COUNTY_OFFICER, true, "部门比对无异常")));
    }
  }

  // ---- people, households, days

  static Actor group(AreaCode village) {
    return Actor.of("vwg-" + village.code(), Role.VILLAGE_WORKING_GROUP, village);
  }

  static Actor townshipOfficer(AreaCode village) {
    AreaCode township = village.ancestor(AreaLevel.TOWNSHIP).get();
    return Actor.of("twp-" + township.code(), Role.TOWNSHIP_OFFICER, township);
  }

  private Household household(String id, AreaCode village, HouseholdStatus status, int members, long incomeYuan) {
    String body = "611022" + "19700101" + String.format("%03d", headIds.size() + 1);
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * weights[i];
    }
    String number = body + "10X98765432".charAt(sum % 11);
    headIds.add(number);
    Household h = Household.builder()
        .id(id)
        .area(village)
        .status(status)
        .head(ResidentId.parse("head_id_number", number).get())
        .memberCount(members)
        .workers(2)
        .seniorStudents(0)
        .disabledMembers(0)
        .seriouslyIllMembers(0)
        .incomeLast12Months(Money.ofYuan(incomeYuan))
        .previousYearIncome(Money.ofYuan(incomeYuan))
        .rigidExpenditure(Money.ZERO)
        .build();
    app.intake().register(h);
    return h;
  }

  private LocalDate day(int month, int day) {
    return clock.set(LocalDate.of(2025, month, day));
  }

  private static <T> T ok(Either<?, T> result) {
    if (result.isLeft()) {
      throw new AssertionError("the scenario's step was refused: " + result.getLeft());
    }
    return result.get();
  }

  /** A clock at 09:00 Beijing time on a day the scenario sets. */
  static final class DayClock extends Clock {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    DayClock(LocalDate day) {
      set(day);
    }

    /** Moves to 09:00 on the day and returns it. */
    LocalDate set(LocalDate day) {
      now = day.atTime(9, 0).atZone(BEIJING).toInstant();
      return day;
    }

    LocalDate today() {
      return LocalDate.ofInstant(now, BEIJING);
    }

    @Override
    public ZoneId getZone() {
      return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the scenario keeps Beijing time");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
