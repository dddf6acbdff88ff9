package org.fangfanpin.examples.simulation;

import io.vavr.control.Either;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fangfanpin.core.FangFanPin;
import org.fangfanpin.core.assessment.Assessment;
import org.fangfanpin.core.assessment.HouseholdAssessor;
import org.fangfanpin.core.assistance.AssistanceEntry;
import org.fangfanpin.core.assistance.FollowUpFacts;
import org.fangfanpin.core.assistance.GridAssignment;
import org.fangfanpin.core.assistance.GridRound;
import org.fangfanpin.core.assistance.MeasurePlan;
import org.fangfanpin.core.exit.ExitEntry;
import org.fangfanpin.core.fund.AidRequest;
import org.fangfanpin.core.fund.BatchLine;
import org.fangfanpin.core.fund.BatchStatement;
import org.fangfanpin.core.intake.IntakeSummary;
import org.fangfanpin.core.intake.ScreeningSummary;
import org.fangfanpin.core.review.ReviewEntry;
import org.fangfanpin.examples.register.DanfengCounty;
import org.fangfanpin.examples.register.RegisterGenerator;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.intake.DepartmentRecordKind;
import org.fangfanpin.spi.intake.Evidence;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.intake.SignalOutcome;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.FocusFlag;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.EmergencyApproval;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;
import org.fangfanpin.spi.store.UnitOfWork;
import org.fangfanpin.spi.time.WorkingCalendar;

/**
 * The month-by-month run of one county (县域模拟) through the library's use cases: households'
 * incomes and expenditures change and shocks arrive; the five channels raise signals; village,
 * township and county actors move the cases through the tiered review, meeting or missing their
 * deadlines; confirmed households get cadres, a grid worker, a plan and follow-ups; the fund takes
 * money in, studies applications tier by tier and pays monthly batches; risks are eliminated, exits
 * end and households relapse.
 *
 * <p>Every decision comes from one seeded {@link SplittableRandom} and the simulated clock, and
 * every collection whose order matters is ordered, so the same settings give the same run on any
 * store. The engine keeps its own view of each household (its facts, its open case and what is
 * scheduled for it) so that no step scans the county for one household; the store stays the
 * authority on what the library accepted.
 */
final class CountySimulation {

  /** The first simulated day. */
  static final LocalDate START = LocalDate.of(2025, 1, 1);

  private static final PolicyParameters POLICY = PolicyParameters.builder().build();
  private static final int RECOGNITION_LIMIT_DAYS = POLICY.recognitionTimeLimit();
  private static final long LINE_FEN = POLICY.monitoringLine().fen();
  /** Households a grid worker covers (004). */
  private static final int GRID_SIZE = POLICY.maxHouseholdsPerGridWorker();
  /** Fiscal money a county of 20,000 households is given each year (002: at least 10,000,000 yuan). */
  private static final long APPROPRIATION_PER_20K_FEN = 10_000_000L * 100;
  private static final List<String> GENERAL_POLICIES = List.of("城乡居民基本医疗保险 / basic medical insurance",
      "产业就业帮扶 / industry and employment support", "教育资助 / education aid");
  private static final RiskType[] SHOCKS = {RiskType.ILLNESS, RiskType.DISABILITY, RiskType.DISASTER,
      RiskType.ACCIDENT, RiskType.FAILED_INDUSTRY_PROJECT, RiskType.UNSTABLE_EMPLOYMENT, RiskType.EDUCATION,
      RiskType.LACK_OF_LABOUR};
  /** Chance per 100,000 households and month of each shock of {@link #SHOCKS}; schooling only in September. */
  private static final int[] SHOCK_PER_100K = {150, 30, 50, 50, 60, 120, 1_200, 45};

  // task kinds
  private static final int VISIT = 0;
  private static final int APPRAISAL = 1;
  private static final int NOTICE_START = 2;
  private static final int OBJECTION = 3;
  private static final int ANSWER = 4;
  private static final int NOTICE_CLOSE = 5;
  private static final int VERIFY = 6;
  private static final int DECIDE = 7;
  private static final int EMERGENCY = 8;
  private static final int ASSIST = 9;
  private static final int IMPLEMENT = 10;
  private static final int VERIFY_MEASURE = 11;
  private static final int APPLY = 12;
  private static final int VILLAGE_STUDY = 13;
  private static final int TOWNSHIP_REVIEW = 14;
  private static final int COUNTY_APPROVE = 15;
  private static final int REVERSE = 16;
  private static final int E_APPRAISAL = 17;
  private static final int E_NOTICE_START = 18;
  private static final int E_CLOSE = 19;
  private static final int E_VERIFY = 20;
  private static final int E_DECIDE = 21;
  private static final int SHOCK = 22;
  private static final int SELF_DECLARE = 23;
  private static final int HOTLINE = 24;

  /** One thing an actor does on a day: the kind, the case or household, a number, a reference. */
  private record Task(int kind, SimCase c, int household, int number, String ref) {}

  /** The engine's view of one case. */
  private static final class SimCase {
    final String id;
    final int h;
    final LocalDate openedOn;
    CaseState state = CaseState.AWAITING_VISIT;
    boolean emergencyWanted;
    boolean recognitionEnded;
    LocalDate confirmedOn;
    int measuresPlanned;
    int measuresImplemented;
    int aboveLineStreak;
    YearMonth lastFollowUp;

    SimCase(String id, int h, LocalDate openedOn) {
      this.id = id;
      this.h = h;
      this.openedOn = openedOn;
    }

    boolean monitored() {
      return state.isOpen() && !state.inRecognition();
    }
  }

  private final SimulationSettings settings;
  private final FangFanPin app;
  private final UnitOfWork store;
  private final SimulatedClock clock;
  private final WorkingCalendar calendar;
  private final SplittableRandom random;
  private final SimulationProgress progress;
  private final AreaCode county = AreaCode.of(DanfengCounty.COUNTY_CODE);
  private final int n;
  private final long fundScale;

  // ---- households, by register order
  private final Household[] facts;
  private final long[] normalIncome;
  private final byte[] shock;
  private final boolean[] shockSeenByGrid;
  private final byte[] village;
  private final SimCase[] open;
  private final boolean[] hadClosedCase;
  private final boolean[] gridAssigned;
  private final int[] gridWorker;
  private final boolean[] dirty;
  private final List<Integer> dirtyList = new ArrayList<>();

  // ---- actors
  private final int[] townOfVillage;
  private final Actor[] villageGroups;
  private final Actor[][] townshipOfficers;
  private final Actor[] townshipHeads;
  private final Actor[] countyOfficers;
  private final Map<DepartmentRecordKind, Actor> departments = new EnumMap<>(DepartmentRecordKind.class);
  private final Actor hotline;
  private final Actor platform;
  private final List<Actor> gridWorkers = new ArrayList<>();
  private final List<int[]> gridHouseholds = new ArrayList<>();

  // ---- the schedule
  private final TreeMap<LocalDate, List<Task>> agenda = new TreeMap<>();
  private final List<SimCase> cases = new ArrayList<>();
  private final List<RiskSignal> pendingSignals = new ArrayList<>();
  private final List<DepartmentRecord> pendingRecords = new ArrayList<>();
  /** The day's assistance work, entered in bulk once the day's other tasks ran: cases to assist, measures. */
  private final List<SimCase> pendingAssists = new ArrayList<>();
  private final List<Task> pendingMeasures = new ArrayList<>();
  /** Review and elimination steps of the current round of the day's tasks, and what follows each. */
  private final List<ReviewEntry> reviewSteps = new ArrayList<>();
  private final List<Consumer<Either<Rejection, MonitoringCase>>> afterReviewSteps = new ArrayList<>();
  private final List<ExitEntry> exitSteps = new ArrayList<>();
  private final List<Consumer<Either<Rejection, MonitoringCase>>> afterExitSteps = new ArrayList<>();
  private int syncedToday;
  private long sequence;

  // ---- counters
  private final Map<Channel, Long> signalsByChannel = new EnumMap<>(Channel.class);
  private final Map<Channel, Long> monthSignals = new EnumMap<>(Channel.class);
  private final Map<MonitoringCategory, Long> confirmedByCategory = new EnumMap<>(MonitoringCategory.class);
  private final TreeMap<String, Long> refused = new TreeMap<>();
  private long duplicates;
  private long casesOpened;
  private long overdue;
  private long eliminations;
  private long exits;
  private long relapses;
  private long monthDisbursed;
  private long monthPayments;
  private long monthReversed;
  private final long[] townSignals;
  private final long[] townOpened;
  private final long[] townConfirmed;
  private final long[] townDismissed;
  private final long[] townEmergency;
  private final long[] townEliminations;
  private final long[] townDisbursed;
  private final long[] townHouseholds;
  private final List<MonthFigures> monthFigures = new ArrayList<>();

  CountySimulation(SimulationSettings settings, FangFanPin app, UnitOfWork store, SimulatedClock clock,
      WorkingCalendar calendar, SimulationProgress progress) {
    this.settings = settings;
    this.app = app;
    this.store = store;
    this.clock = clock;
    this.calendar = calendar;
    this.progress = progress;
    this.random = new SplittableRandom(settings.seed());
    this.n = Math.toIntExact(settings.households());
    this.fundScale = Math.max(1, (n + 19_999) / 20_000);
    facts = new Household[n];
    normalIncome = new long[n];
    shock = new byte[n];
    shockSeenByGrid = new boolean[n];
    village = new byte[n];
    open = new SimCase[n];
    hadClosedCase = new boolean[n];
    gridAssigned = new boolean[n];
    gridWorker = new int[n];
    dirty = new boolean[n];
    int villages = DanfengCounty.villageCount();
    int towns = DanfengCounty.townshipCount();
    villageGroups = new Actor[villages];
    townOfVillage = new int[villages];
    for (int v = 0; v < villages; v++) {
      townOfVillage[v] = DanfengCounty.townshipIndexOfVillage(v);
      villageGroups[v] = Actor.of("vwg-" + DanfengCounty.village(v), Role.VILLAGE_WORKING_GROUP, villageArea(v));
    }
    townshipOfficers = new Actor[towns][2];
    townshipHeads = new Actor[towns];
    for (int t = 0; t < towns; t++) {
      AreaCode township = AreaCode.of(DanfengCounty.township(t));
      townshipOfficers[t][0] = Actor.of("twp-" + township + "-1", Role.TOWNSHIP_OFFICER, township);
      townshipOfficers[t][1] = Actor.of("twp-" + township + "-2", Role.TOWNSHIP_OFFICER, township);
      townshipHeads[t] = Actor.of("head-" + township, Role.TOWNSHIP_HEAD, township);
    }
    countyOfficers = new Actor[] {Actor.of("county-1", Role.COUNTY_OFFICE, county),
        Actor.of("county-2", Role.COUNTY_OFFICE, county)};
    for (DepartmentRecordKind kind : DepartmentRecordKind.values()) {
      departments.put(kind, Actor.of("dept-" + kind.name().toLowerCase(Locale.ROOT), Role.DEPARTMENT_OFFICER, county));
    }
    hotline = Actor.of("12317", Role.HOTLINE_OPERATOR, county);
    platform = Actor.of("platform", Role.DATA_PLATFORM, county);
    townSignals = new long[towns];
    townOpened = new long[towns];
    townConfirmed = new long[towns];
    townDismissed = new long[towns];
    townEmergency = new long[towns];
    townEliminations = new long[towns];
    townDisbursed = new long[towns];
    townHouseholds = new long[towns];
    for (Channel c : Channel.values()) {
      signalsByChannel.put(c, 0L);
    }
    for (MonitoringCategory c : MonitoringCategory.values()) {
      confirmedByCategory.put(c, 0L);
    }
  }

  // ================================================================ the run

  /** Registers the county's households: the generated register of the seed, and the grid. */
  void register() {
    List<Household> chunk = new ArrayList<>(4_096);
    int[] count = {0};
    new RegisterGenerator(settings.seed(), 0).generate(n, h -> {
      int i = count[0]++;
      facts[i] = h;
      normalIncome[i] = h.incomeLast12Months().fen();
      chunk.add(h);
      if (chunk.size() == 4_096) {
        app.intake().registerAll(chunk);
        chunk.clear();
      }
    });
    app.intake().registerAll(chunk);
    // Each village's households, in register order, make grids of at most 15 (004).
    int villages = DanfengCounty.villageCount();
    List<List<Integer>> byVillage = new ArrayList<>(villages);
    for (int v = 0; v < villages; v++) {
      byVillage.add(new ArrayList<>());
    }
    Map<String, Integer> villageIndex = new HashMap<>();
    for (int v = 0; v < villages; v++) {
      villageIndex.put(DanfengCounty.village(v), v);
    }
    for (int i = 0; i < n; i++) {
      int v = villageIndex.get(facts[i].area().code());
      village[i] = (byte) (v - 128);
      byVillage.get(v).add(i);
      townHouseholds[DanfengCounty.townshipIndexOfVillage(v)]++;
    }
    for (int v = 0; v < villages; v++) {
      List<Integer> members = byVillage.get(v);
      for (int from = 0, k = 1; from < members.size(); from += GRID_SIZE, k++) {
        int to = Math.min(members.size(), from + GRID_SIZE);
        int[] grid = new int[to - from];
        int w = gridWorkers.size();
        for (int j = from; j < to; j++) {
          grid[j - from] = members.get(j);
          gridWorker[members.get(j)] = w;
        }
        gridWorkers.add(Actor.of("grid-" + DanfengCounty.village(v) + "-" + k, Role.GRID_WORKER, villageArea(v)));
        gridHouseholds.add(grid);
      }
    }
  }

  /** Runs every month and returns the month figures. */
  List<MonthFigures> run() {
    YearMonth first = YearMonth.from(START);
    for (int m = 0; m < settings.months(); m++) {
      YearMonth month = first.plusMonths(m);
      for (Channel c : Channel.values()) {
        monthSignals.put(c, 0L);
      }
      monthDisbursed = 0;
      monthPayments = 0;
      monthReversed = 0;
      scheduleShocks(month);
      for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
        runDay(day, month);
        progress.day(month.toString());
      }
      monthFigures.add(monthFigures(month));
    }
    return monthFigures;
  }

  private void runDay(LocalDate day, YearMonth month) {
    syncedToday = 0;
    clock.setDay(day, 0);
    boolean working = calendar.isWorkingDay(day);
    // The shocks of the day change the households' facts first.
    List<Task> tasks = agenda.remove(day);
    if (tasks != null) {
      for (Task t : tasks) {
        if (t.kind() == SHOCK) {
          applyShock(t.household(), t.number(), day);
        }
      }
    }
    flushRegister();
    if (working) {
      int workingDayOfMonth = workingDayOfMonth(day);
      if (workingDayOfMonth == 1) {
        closeExits(day);
        if (month.getMonthValue() == 1 || month.getMonthValue() == 7) {
          appropriate(day, month);
        }
      }
      if (workingDayOfMonth == 3) {
        monthlyDrift();
        flushRegister();
        screen(day);
      }
      if (workingDayOfMonth == 8) {
        compareDepartments(day);
      }
      if (workingDayOfMonth == 12) {
        followUps(day, month);
      }
      if (workingDayOfMonth == 14) {
        proposeEliminations(day);
      }
      if (workingDayOfMonth == 10 && random.nextInt(100) < 60) {
        donate(day, month);
      }
    }
    if (tasks != null) {
      for (Task t : tasks) {
        if (t.kind() != SHOCK) {
          runTask(t, day, working);
        }
      }
    }
    enterSteps();
    // Steps that follow on the same day (a notice posted right after the appraisal, aid approved first).
    for (List<Task> more = agenda.remove(day); more != null; more = agenda.remove(day)) {
      for (Task t : more) {
        runTask(t, day, working);
      }
      enterSteps();
    }
    assist(day);
    measures(day);
    if (working) {
      gridVisits(day);
      if (isBatchDay(day)) {
        payBatch(day, month);
      }
    }
    unfoundedSignals(day);
    sendSignals();
    sync(day);
    app.dispatcher().ifPresent(d -> {
      while (d.dispatch(10_000).morePending()) {
        // delivered in chunks; the counting notifier keeps nothing
      }
    });
  }

  // ================================================================ households

  private void scheduleShocks(YearMonth month) {
    int days = month.lengthOfMonth();
    for (int i = 0; i < n; i++) {
      int r = random.nextInt(100_000);
      for (int s = 0; s < SHOCKS.length; s++) {
        int rate = SHOCKS[s] == RiskType.EDUCATION ? (month.getMonthValue() == 9 ? SHOCK_PER_100K[s] : 0)
            : SHOCK_PER_100K[s];
        if (r < rate) {
          schedule(month.atDay(1 + random.nextInt(days)), new Task(SHOCK, null, i, s, null));
          break;
        }
        r -= rate;
      }
    }
  }

  /** A shock changes the household's facts; the household, the hotline and the departments may report it. */
  private void applyShock(int i, int s, LocalDate day) {
    Household h = facts[i];
    RiskType type = SHOCKS[s];
    Household.Builder b = Household.builder().from(h);
    long income = h.incomeLast12Months().fen();
    long rigid = h.rigidExpenditure().fen();
    int members = h.memberCount();
    long amount = 0;
    DepartmentRecordKind kind = null;
    String detail = null;
    switch (type) {
      case ILLNESS -> {
        amount = yuan(8_000, 80_000);
        rigid += amount;
        income = income * (70 + random.nextInt(21)) / 100;
        b.seriouslyIllMembers(Math.min(members, h.seriouslyIllMembers() + 1));
        kind = DepartmentRecordKind.MEDICAL_EXPENSE;
        if (random.nextInt(100) < 15) {
          b.addUnmetNeeds(BasicNeed.BASIC_MEDICAL_CARE);
        }
      }
      case DISABILITY -> {
        b.disabledMembers(Math.min(members, h.disabledMembers() + 1));
        b.workers(Math.max(0, h.workers() - 1));
        income = income * 80 / 100;
        kind = DepartmentRecordKind.DISABILITY_CERTIFICATE;
        detail = Integer.toString(1 + random.nextInt(4));
      }
      case DISASTER -> {
        amount = yuan(10_000, 60_000);
        rigid += amount;
        kind = DepartmentRecordKind.DISASTER_LOSS;
        if (random.nextInt(100) < 30) {
          b.addUnmetNeeds(BasicNeed.SAFE_HOUSING);
        }
      }
      case ACCIDENT -> {
        amount = yuan(5_000, 50_000);
        rigid += amount;
        income = income * 85 / 100;
        kind = DepartmentRecordKind.MEDICAL_EXPENSE;
      }
      case FAILED_INDUSTRY_PROJECT -> income = income * (40 + random.nextInt(31)) / 100;
      case UNSTABLE_EMPLOYMENT -> {
        income = income * (50 + random.nextInt(26)) / 100;
        kind = DepartmentRecordKind.EMPLOYMENT_LOSS;
      }
      case EDUCATION -> {
        if (members < 3 || h.seniorStudents() >= members) {
          return;
        }
        b.seniorStudents(h.seniorStudents() + 1);
        amount = yuan(5_000, 15_000);
        rigid += amount;
        kind = DepartmentRecordKind.SCHOOL_ENROLMENT;
      }
      default -> {
        // The death of a member: funeral costs, one income fewer.
        amount = yuan(5_000, 20_000);
        rigid += amount;
        income = income * 80 / 100;
        kind = DepartmentRecordKind.MEMBER_DEATH;
        if (members > 1) {
          int left = members - 1;
          b.memberCount(left)
              .workers(Math.min(left, Math.max(0, h.workers() - (h.workers() > 0 && random.nextBoolean() ? 1 : 0))))
              .seniorStudents(Math.min(left, h.seniorStudents()))
              .disabledMembers(Math.min(left, h.disabledMembers()))
              .seriouslyIllMembers(Math.min(left, h.seriouslyIllMembers()));
        }
      }
    }
    b.incomeLast12Months(Money.ofFen(income)).rigidExpenditure(Money.ofFen(rigid));
    setFacts(i, b.build());
    shock[i] = (byte) (type.ordinal() + 1);
    shockSeenByGrid[i] = false;
    SimCase c = open[i];
    if (c == null && !hadClosedCase[i] && rigid > 4_000_000L) {
      // Very high costs may collapse basic life: the township may approve aid first (遇困即扶).
      shock[i] = (byte) -(type.ordinal() + 1);
    }
    if (random.nextInt(100) < 25) {
      schedule(day.plusDays(1 + random.nextInt(15)), new Task(SELF_DECLARE, null, i, type.ordinal(), null));
    }
    if (random.nextInt(100) < 4) {
      schedule(day.plusDays(2 + random.nextInt(20)), new Task(HOTLINE, null, i, type.ordinal(), null));
    }
    if (kind != null && random.nextInt(100) < 85) {
      DepartmentRecord.Builder record = DepartmentRecord.builder()
          .recordId("dept-" + kind.name().toLowerCase(Locale.ROOT) + "-" + (++sequence))
          .kind(kind)
          .householdId(h.id())
          .observedOn(day);
      if (kind == DepartmentRecordKind.MEDICAL_EXPENSE || kind == DepartmentRecordKind.DISASTER_LOSS) {
        record.amount(Money.ofFen(amount));
      }
      if (detail != null) {
        record.detail(detail);
      }
      pendingRecords.add(record.build());
    }
  }

  /** Incomes move a little every month; rigid costs fade as the 12-month window moves on; some recover. */
  private void monthlyDrift() {
    for (int i = 0; i < n; i++) {
      Household h = facts[i];
      long rigid = h.rigidExpenditure().fen();
      long income = h.incomeLast12Months().fen();
      boolean change = false;
      if (rigid > 0 && random.nextInt(100) < 30) {
        rigid = rigid * 85 / 100 / 100 * 100;
        change = true;
      }
      if (random.nextInt(100) < 8) {
        income = income * (96 + random.nextInt(9)) / 100;
        change = true;
      } else if (income < normalIncome[i] && random.nextInt(100) < 25) {
        // Recovery towards the household's usual income.
        income = Math.min(normalIncome[i], income + (normalIncome[i] - income) / 4 + 100);
        change = true;
      }
      Set<BasicNeed> unmet = h.unmetNeeds();
      if (!unmet.isEmpty() && random.nextInt(100) < 10) {
        unmet = Set.of();
        change = true;
      }
      if (change) {
        setFacts(i, Household.builder().from(h).incomeLast12Months(Money.ofFen(income))
            .rigidExpenditure(Money.ofFen(rigid)).unmetNeeds(unmet).build());
      }
    }
  }

  private void setFacts(int i, Household h) {
    facts[i] = h;
    if (!dirty[i]) {
      dirty[i] = true;
      dirtyList.add(i);
    }
  }

  /** Stores the day's changed facts in the register, in register order. */
  private void flushRegister() {
    if (dirtyList.isEmpty()) {
      return;
    }
    dirtyList.sort(null);
    List<Household> changed = new ArrayList<>(dirtyList.size());
    for (int i : dirtyList) {
      dirty[i] = false;
      changed.add(facts[i]);
    }
    dirtyList.clear();
    app.intake().registerAll(changed);
  }

  // ================================================================ the five channels

  private void gridVisits(LocalDate day) {
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    int position = -1;
    int workingDays = 0;
    for (int k = 0; k < 7; k++) {
      LocalDate d = monday.plusDays(k);
      if (calendar.isWorkingDay(d)) {
        if (d.equals(day)) {
          position = workingDays;
        }
        workingDays++;
      }
    }
    // The day's rounds of every worker go to the library as one call, as a township's grid platform
    // hands them over (a few units of work on a database instead of one per worker).
    List<GridRound> rounds = new ArrayList<>();
    for (int w = position; w < gridWorkers.size(); w += workingDays) {
      Actor worker = gridWorkers.get(w);
      List<GridVisit> round = new ArrayList<>();
      for (int i : gridHouseholds.get(w)) {
        SimCase c = open[i];
        if (c != null && c.monitored() && gridAssigned[i]) {
          round.add(new GridVisit(worker.id(), facts[i].id(), day, "入户走访 / home visit"));
        }
        if (shock[i] != 0 && !shockSeenByGrid[i]) {
          shockSeenByGrid[i] = true;
          if (random.nextInt(100) < 70) {
            pendingSignals.add(signal(Channel.GRID_SCREENING, "grid:" + worker.id() + ":" + day + ":" + (++sequence), i,
                day, Set.of(RiskType.values()[Math.abs(shock[i]) - 1]), worker, "网格员走访发现 / found on a grid visit"));
          }
        } else if (random.nextInt(100_000) < 5) {
          // A worry that the village visit will find unfounded.
          pendingSignals.add(signal(Channel.GRID_SCREENING, "grid:" + worker.id() + ":" + day + ":" + (++sequence), i,
              day, Set.of(RiskType.OTHER), worker, "网格员反映疑似困难 / grid worker suspects hardship"));
        }
      }
      if (!round.isEmpty()) {
        rounds.add(new GridRound(worker, round));
      }
    }
    if (!rounds.isEmpty()) {
      app.assistance().recordRounds(rounds).forEach(results -> results.forEach(this::check));
    }
  }

  private void unfoundedSignals(LocalDate day) {
    // About 0.03% of households a month declare a risk the visit will not confirm, 0.01% are reported.
    int declarations = poisson(n * 3 / 10_000.0 / 30);
    for (int k = 0; k < declarations; k++) {
      int i = random.nextInt(n);
      pendingSignals.add(signal(Channel.SELF_DECLARATION, "self:" + day + ":" + (++sequence), i, day,
          Set.of(RiskType.OTHER), villageGroups[villageOf(i)], "农户申报 / household declares hardship"));
    }
    int reports = poisson(n / 10_000.0 / 30);
    for (int k = 0; k < reports; k++) {
      int i = random.nextInt(n);
      pendingSignals.add(signal(Channel.MEDIA_HOTLINE, "12317:" + day + ":" + (++sequence), i, day,
          Set.of(RiskType.OTHER), hotline, "12317 来电反映 / 12317 caller report"));
    }
  }

  private void declare(int i, int typeOrdinal, LocalDate day, boolean byHotline) {
    Set<RiskType> risks = Set.of(RiskType.values()[typeOrdinal]);
    RiskSignal s = byHotline
        ? signal(Channel.MEDIA_HOTLINE, "12317:" + day + ":" + (++sequence), i, day.minusDays(1), risks, hotline,
            "12317 来电反映 / 12317 caller report")
        : signal(Channel.SELF_DECLARATION, "self:" + day + ":" + (++sequence), i, day.minusDays(1), risks,
            villageGroups[villageOf(i)], "农户申报，村代办 / household declares, village records");
    pendingSignals.add(s);
    if (random.nextInt(100) < 3) {
      // The same report delivered twice: stored once.
      pendingSignals.add(s);
    }
  }

  private RiskSignal signal(Channel channel, String ref, int i, LocalDate observed, Set<RiskType> risks, Actor by,
      String text) {
    return RiskSignal.builder().channel(channel).sourceRef(ref).householdId(facts[i].id()).observedOn(observed)
        .riskTypes(risks).addEvidence(Evidence.of(text, Optional.empty())).reportedBy(by).build();
  }

  private void sendSignals() {
    if (pendingSignals.isEmpty()) {
      return;
    }
    IntakeSummary summary = app.intake().receiveAll(List.copyOf(pendingSignals));
    pendingSignals.clear();
    duplicates += summary.duplicates();
    summary.rejections().forEach(r -> refuse(r.rejection()));
  }

  private void screen(LocalDate day) {
    Either<Rejection, ScreeningSummary> r = app.intake().screen(county, day, platform);
    if (r.isLeft()) {
      refuse(r.getLeft());
    } else {
      duplicates += r.get().duplicates();
      r.get().rejections().forEach(x -> refuse(x.rejection()));
    }
    sync(day);
  }

  private void compareDepartments(LocalDate day) {
    // Each department delivers its records of the month before, plus everyday records below the lines.
    int noise = n / 200;
    for (int k = 0; k < noise; k++) {
      int i = random.nextInt(n);
      pendingRecords.add(DepartmentRecord.builder()
          .recordId("dept-medical_expense-" + (++sequence))
          .kind(DepartmentRecordKind.MEDICAL_EXPENSE)
          .householdId(facts[i].id())
          .observedOn(day.minusDays(1 + random.nextInt(25)))
          .amount(Money.ofFen(yuan(200, 4_000)))
          .build());
    }
    for (DepartmentRecordKind kind : DepartmentRecordKind.values()) {
      List<DepartmentRecord> records = pendingRecords.stream().filter(rec -> rec.kind() == kind).toList();
      if (!records.isEmpty()) {
        var r = app.intake().compareDepartmentRecords(records, departments.get(kind));
        if (r.isLeft()) {
          refuse(r.getLeft());
        } else {
          r.get().raised().forEach(x -> {
            if (x.result().isLeft()) {
              refuse(x.result().getLeft());
            } else if (x.result().get().duplicate()) {
              duplicates++;
            }
          });
        }
      }
    }
    pendingRecords.clear();
    sync(day);
  }

  /**
   * Takes the signals stored today that the engine has not seen: a new case gets its village
   * visit; a signal on a case in its gradual exit resumed monitoring; any other joined an open case.
   */
  private void sync(LocalDate day) {
    List<StoredSignal> today = store.read(s -> {
      try (Stream<StoredSignal> all = s.signals().receivedIn(county, day, day)) {
        return all.toList();
      }
    });
    for (int k = syncedToday; k < today.size(); k++) {
      StoredSignal stored = today.get(k);
      int i = indexOf(stored.signal().householdId());
      int t = townOf(i);
      Channel channel = stored.signal().channel();
      signalsByChannel.merge(channel, 1L, Long::sum);
      monthSignals.merge(channel, 1L, Long::sum);
      townSignals[t]++;
      if (stored.outcome() == SignalOutcome.OPENED_CASE) {
        SimCase c = new SimCase(stored.caseId(), i, day);
        c.emergencyWanted = shock[i] < 0;
        cases.add(c);
        open[i] = c;
        casesOpened++;
        townOpened[t]++;
        if (hadClosedCase[i]) {
          relapses++;
        }
        schedule(afterWorkingDays(day, 1 + random.nextInt(2)), new Task(VISIT, c, i, 0, null));
      } else {
        SimCase c = open[i];
        if (c != null && c.state == CaseState.GRADUAL_EXIT) {
          c.state = CaseState.CONFIRMED;
          c.aboveLineStreak = 0;
          relapses++;
        } else {
          duplicates++;
        }
      }
    }
    syncedToday = today.size();
  }

  // ================================================================ the review

  /** Queues a review step for the round's bulk entry; {@code then} takes its result. */
  private void review(ReviewEntry step, Consumer<Either<Rejection, MonitoringCase>> then) {
    reviewSteps.add(step);
    afterReviewSteps.add(then);
  }

  /** Queues an elimination step for the round's bulk entry; {@code then} takes its result. */
  private void exitStep(ExitEntry step, Consumer<Either<Rejection, MonitoringCase>> then) {
    exitSteps.add(step);
    afterExitSteps.add(then);
  }

  /**
   * Enters the round's queued review and elimination steps in bulk, as the county platform takes a
   * day's steps from its villages and townships, and applies each result in the order queued.
   */
  private void enterSteps() {
    if (!reviewSteps.isEmpty()) {
      List<Either<Rejection, MonitoringCase>> results = app.review().enterAll(List.copyOf(reviewSteps));
      List<Consumer<Either<Rejection, MonitoringCase>>> then = List.copyOf(afterReviewSteps);
      reviewSteps.clear();
      afterReviewSteps.clear();
      for (int k = 0; k < results.size(); k++) {
        then.get(k).accept(results.get(k));
      }
    }
    if (!exitSteps.isEmpty()) {
      List<Either<Rejection, MonitoringCase>> results = app.exit().enterAll(List.copyOf(exitSteps));
      List<Consumer<Either<Rejection, MonitoringCase>>> then = List.copyOf(afterExitSteps);
      exitSteps.clear();
      afterExitSteps.clear();
      for (int k = 0; k < results.size(); k++) {
        then.get(k).accept(results.get(k));
      }
    }
  }

  private void runTask(Task t, LocalDate day, boolean working) {
    if (!working && t.kind() != SELF_DECLARE && t.kind() != HOTLINE && t.kind() != OBJECTION) {
      // Offices are closed: the step waits for the next working day.
      schedule(afterWorkingDays(day, 1), t);
      return;
    }
    SimCase c = t.c();
    switch (t.kind()) {
      case SELF_DECLARE -> declare(t.household(), t.number(), day, false);
      case HOTLINE -> declare(t.household(), t.number(), day, true);
      case VISIT -> visit(c, day);
      case EMERGENCY -> emergency(c, day);
      case APPRAISAL -> appraise(c, day);
      case NOTICE_START -> startNotice(c, day);
      case OBJECTION -> objection(c, day);
      case ANSWER -> answer(c, day);
      case NOTICE_CLOSE -> closeNotice(c, day);
      case VERIFY -> verify(c, day);
      case DECIDE -> decide(c, day);
      case ASSIST -> pendingAssists.add(c);
      case IMPLEMENT, VERIFY_MEASURE -> pendingMeasures.add(t);
      case APPLY -> apply(c, day);
      case VILLAGE_STUDY, TOWNSHIP_REVIEW, COUNTY_APPROVE -> aidTier(t, day);
      case REVERSE -> reverse(t.ref(), day);
      case E_APPRAISAL -> eliminationAppraisal(c, day);
      case E_NOTICE_START -> eliminationNotice(c, day);
      case E_CLOSE -> eliminationClose(c, day);
      case E_VERIFY -> eliminationVerify(c, day);
      case E_DECIDE -> eliminationDecide(c, day);
      default -> throw new IllegalStateException("unknown task " + t.kind());
    }
  }

  private void visit(SimCase c, LocalDate day) {
    if (c.state != CaseState.AWAITING_VISIT) {
      return;
    }
    Household h = facts[c.h];
    boolean real = HouseholdAssessor.assess(h, POLICY, day).candidate() || shock[c.h] != 0;
    String note = real ? "入户核实：风险属实 / home visit: the risk is real"
        : "入户核实：家庭收支正常，风险不实 / home visit: income and costs normal, risk unfounded";
    Actor by = villageGroups[villageOf(c.h)];
    review(new ReviewEntry.Visit(c.id, new ScreeningVisit(day, by, real, true, note)), r -> {
      if (moved(c, r) && c.state == CaseState.AWAITING_APPRAISAL) {
        if (c.emergencyWanted) {
          schedule(day, new Task(EMERGENCY, c, c.h, 0, null));
        }
        schedule(afterWorkingDays(day, 1 + random.nextInt(2)), new Task(APPRAISAL, c, c.h, 0, null));
      }
    });
  }

  private void emergency(SimCase c, LocalDate day) {
    if (!c.state.inRecognition() || !c.state.isOpen()) {
      return;
    }
    Money amount = Money.ofFen(yuan(3_000, 20_000) / 10_000 * 10_000);
    Actor head = townshipHeads[townOf(c.h)];
    if (moved(c, app.review().approveEmergency(c.id, new EmergencyApproval(day, head, amount,
        "大额医疗或灾害支出致基本生活难以为继 / large medical or disaster costs: basic life has collapsed")))) {
      townEmergency[townOf(c.h)]++;
    }
  }

  private void appraise(SimCase c, LocalDate day) {
    if (c.state != CaseState.AWAITING_APPRAISAL) {
      return;
    }
    int attendees = 25 + random.nextInt(21);
    boolean agreed = random.nextInt(100) >= 4;
    int majority = attendees / 2 + 1 + random.nextInt(attendees - attendees / 2 - 1);
    int against = attendees - majority;
    Appraisal a = agreed
        ? new Appraisal(day, villageGroups[villageOf(c.h)], attendees, majority, against, true,
            "党员和农户代表评议同意纳入 / members and household representatives agree")
        : new Appraisal(day, villageGroups[villageOf(c.h)], attendees, against, majority, false,
            "评议认为家庭困难不突出 / the meeting finds the hardship not pressing");
    review(new ReviewEntry.Appraise(c.id, a), r -> {
      if (moved(c, r) && c.state == CaseState.AWAITING_NOTICE) {
        schedule(afterWorkingDays(day, random.nextInt(100) < 70 ? 0 : 1), new Task(NOTICE_START, c, c.h, 0, null));
      } else if (c.state == CaseState.DISMISSED) {
        endRecognition(c, day);
      }
    });
  }

  private void startNotice(SimCase c, LocalDate day) {
    if (c.state != CaseState.AWAITING_NOTICE) {
      return;
    }
    review(new ReviewEntry.StartNotice(c.id, villageGroups[villageOf(c.h)], day), r -> {
      if (moved(c, r)) {
        LocalDate last = r.get().notice().orElseThrow().lastDay();
        LocalDate close = afterWorkingDays(last, 1);
        if (random.nextInt(100) < 5) {
          LocalDate filed = day.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(day, last) + 1));
          schedule(filed, new Task(OBJECTION, c, c.h, 0, null));
          close = afterWorkingDays(filed.isAfter(last) ? filed : last, 2);
        }
        schedule(close, new Task(NOTICE_CLOSE, c, c.h, 0, null));
      }
    });
  }

  private void objection(SimCase c, LocalDate day) {
    if (c.state == CaseState.IN_NOTICE && moved(c, app.review().fileObjection(c.id, villageGroups[villageOf(c.h)], day,
        "村民对家庭收入情况提出异议 / a villager questions the household's income"))) {
      schedule(day.plusDays(1), new Task(ANSWER, c, c.h, 1, null));
    }
  }

  private void answer(SimCase c, LocalDate day) {
    if (c.state == CaseState.IN_NOTICE) {
      moved(c, app.review().answerObjection(c.id, 1, villageGroups[villageOf(c.h)], day,
          "经核实收入情况属实，维持评议结果 / income checked: the appraisal stands"));
    }
  }

  private void closeNotice(SimCase c, LocalDate day) {
    if (c.state != CaseState.IN_NOTICE) {
      return;
    }
    review(new ReviewEntry.CloseNotice(c.id, villageGroups[villageOf(c.h)], day), r -> {
      if (moved(c, r)) {
        // Most townships verify within their 7 working days; some miss the deadline.
        int delay = random.nextInt(100) < 88 ? 1 + random.nextInt(2) : 4 + random.nextInt(6);
        schedule(afterWorkingDays(day, delay), new Task(VERIFY, c, c.h, 0, null));
      } else {
        schedule(afterWorkingDays(day, 1), new Task(NOTICE_CLOSE, c, c.h, 0, null));
      }
    });
  }

  private void verify(SimCase c, LocalDate day) {
    if (c.state != CaseState.AWAITING_TOWNSHIP) {
      return;
    }
    Actor officer = townshipOfficers[townOf(c.h)][random.nextInt(2)];
    boolean upheld = random.nextInt(100) >= 3;
    review(new ReviewEntry.Verify(c.id, new TownshipVerification(day, officer, upheld, upheld
        ? "核实家庭变化及致贫风险属实 / family changes and risk verified"
        : "核实后收入高于监测范围 / income found above the monitoring range")), r -> {
          if (!moved(c, r)) {
            return;
          }
          if (c.state == CaseState.AWAITING_COUNTY) {
            int delay = random.nextInt(100) < 90 ? 1 + random.nextInt(2) : 3 + random.nextInt(6);
            schedule(afterWorkingDays(day, delay), new Task(DECIDE, c, c.h, 0, null));
          } else {
            endRecognition(c, day);
          }
        });
  }

  private void decide(SimCase c, LocalDate day) {
    if (c.state != CaseState.AWAITING_COUNTY) {
      return;
    }
    Actor officer = countyOfficers[random.nextInt(2)];
    Household h = facts[c.h];
    Assessment a = HouseholdAssessor.assess(h, POLICY, day);
    CountyDecision d;
    if (random.nextInt(100) < 3) {
      d = new CountyDecision(day, officer, false, Optional.empty(), Set.of(),
          "县级研判：行业数据比对未见风险 / county assessment: department data show no risk");
    } else {
      Set<RiskType> risks = EnumSet.noneOf(RiskType.class);
      risks.addAll(a.riskTypes());
      if (shock[c.h] != 0) {
        risks.add(RiskType.values()[Math.abs(shock[c.h]) - 1]);
      }
      if (risks.isEmpty()) {
        risks.add(RiskType.OTHER);
      }
      MonitoringCategory category = a.category()
          .filter(cat -> cat == MonitoringCategory.SUDDEN_HARDSHIP
              || (cat == MonitoringCategory.UNSTABLE_LIFTED) == (h.status() == HouseholdStatus.LIFTED))
          .orElse(h.status() == HouseholdStatus.LIFTED ? MonitoringCategory.UNSTABLE_LIFTED : MonitoringCategory.MARGINAL);
      d = new CountyDecision(day, officer, true, Optional.of(category), risks,
          "县级研判确认纳入监测 / confirmed at the county assessment");
    }
    review(new ReviewEntry.Decide(c.id, d), r -> {
      if (!moved(c, r)) {
        return;
      }
      endRecognition(c, day);
      if (c.state == CaseState.CONFIRMED) {
        c.confirmedOn = day;
        confirmedByCategory.merge(r.get().category().orElseThrow(), 1L, Long::sum);
        townConfirmed[townOf(c.h)]++;
        schedule(afterWorkingDays(day, 1 + random.nextInt(3)), new Task(ASSIST, c, c.h, 0, null));
        if (random.nextInt(100) < 25) {
          schedule(afterWorkingDays(day, 3 + random.nextInt(10)), new Task(APPLY, c, c.h, 0, null));
        }
      }
    });
  }

  /** Counts a recognition that ended (or went on) past the time limit (15 days from the first clue). */
  private void endRecognition(SimCase c, LocalDate day) {
    c.recognitionEnded = true;
    if (ChronoUnit.DAYS.between(c.openedOn, day) > RECOGNITION_LIMIT_DAYS) {
      overdue++;
    }
    if (c.state == CaseState.DISMISSED) {
      townDismissed[townOf(c.h)]++;
      open[c.h] = null;
    }
  }

  // ================================================================ assistance

  /**
   * The day's newly confirmed cases get their cadres, their grid worker and their plan; cadres and
   * plans are entered in bulk, as a township enters a day's work.
   */
  private void assist(LocalDate day) {
    if (pendingAssists.isEmpty()) {
      return;
    }
    List<SimCase> assisted = new ArrayList<>();
    List<Actor> officers = new ArrayList<>();
    List<AssistanceEntry> cadreEntries = new ArrayList<>();
    for (SimCase c : pendingAssists) {
      if (!c.monitored()) {
        continue;
      }
      Actor officer = townshipOfficers[townOf(c.h)][random.nextInt(2)];
      String village = facts[c.h].area().code();
      List<String> cadres = random.nextInt(100) < 60
          ? List.of("cadre-" + village + "-" + (1 + random.nextInt(9)))
          : List.of("cadre-" + village + "-" + (1 + random.nextInt(4)), "cadre-" + village + "-" + (5 + random.nextInt(5)));
      assisted.add(c);
      officers.add(officer);
      cadreEntries.add(new AssistanceEntry.Cadres(c.id, cadres, officer, day));
    }
    pendingAssists.clear();
    List<Either<Rejection, MonitoringCase>> cadresAssigned = app.assistance().enterAll(cadreEntries);
    List<SimCase> withCadres = new ArrayList<>();
    List<List<String>> cadresOf = new ArrayList<>();
    List<Integer> toGrid = new ArrayList<>();
    List<GridAssignment> assignments = new ArrayList<>();
    for (int k = 0; k < assisted.size(); k++) {
      SimCase c = assisted.get(k);
      if (!moved(c, cadresAssigned.get(k))) {
        continue;
      }
      withCadres.add(c);
      cadresOf.add(((AssistanceEntry.Cadres) cadreEntries.get(k)).cadreIds());
      if (!gridAssigned[c.h]) {
        toGrid.add(c.h);
        assignments.add(new GridAssignment(facts[c.h].id(), gridWorkers.get(gridWorker[c.h]).id(), officers.get(k)));
      }
    }
    List<Either<Rejection, List<String>>> assigned = app.assistance().assignGrids(assignments);
    for (int k = 0; k < assigned.size(); k++) {
      if (assigned.get(k).isLeft()) {
        refuse(assigned.get(k).getLeft());
      } else {
        gridAssigned[toGrid.get(k)] = true;
      }
    }
    List<SimCase> planned = new ArrayList<>();
    List<AssistanceEntry> plans = new ArrayList<>();
    for (int k = 0; k < withCadres.size(); k++) {
      SimCase c = withCadres.get(k);
      List<String> cadres = cadresOf.get(k);
      Actor group = villageGroups[villageOf(c.h)];
      for (MeasureType type : measuresFor(c)) {
        Optional<LocalDate> ends = switch (type) {
          case MICRO_CREDIT, EDUCATION -> Optional.of(day.plusYears(3));
          case PUBLIC_WELFARE_JOB -> Optional.of(day.plusYears(1));
          default -> Optional.empty();
        };
        String cadre = cadres.get(random.nextInt(cadres.size()));
        planned.add(c);
        plans.add(new AssistanceEntry.Plan(c.id, new MeasurePlan(type, departmentOf(type), cadre, day, ends), group));
      }
    }
    List<Either<Rejection, MonitoringCase>> results = app.assistance().enterAll(plans);
    for (int k = 0; k < planned.size(); k++) {
      SimCase c = planned.get(k);
      if (moved(c, results.get(k))) {
        c.measuresPlanned++;
        int delay = random.nextInt(100) < 95 ? 5 + random.nextInt(40) : 150 + random.nextInt(150);
        schedule(day.plusDays(delay), new Task(IMPLEMENT, c, c.h, c.measuresPlanned, null));
      }
    }
  }

  private List<MeasureType> measuresFor(SimCase c) {
    Household h = facts[c.h];
    List<MeasureType> types = new ArrayList<>();
    RiskType cause = shock[c.h] != 0 ? RiskType.values()[Math.abs(shock[c.h]) - 1] : null;
    if (h.seriouslyIllMembers() > 0 || cause == RiskType.ILLNESS || cause == RiskType.ACCIDENT) {
      types.add(MeasureType.MEDICAL);
    }
    if (cause == RiskType.EDUCATION || h.seniorStudents() > 0) {
      types.add(MeasureType.EDUCATION);
    }
    if (cause == RiskType.DISASTER || !h.secures(BasicNeed.SAFE_HOUSING)) {
      types.add(MeasureType.HOUSING);
    }
    types.add(h.workers() > 0 ? MeasureType.EMPLOYMENT : MeasureType.PUBLIC_WELFARE_JOB);
    types.add(random.nextBoolean() ? MeasureType.INDUSTRY : MeasureType.NEW_BUSINESS_ENTITY);
    if (random.nextInt(100) < 40) {
      types.add(MeasureType.MICRO_CREDIT);
    }
    if (random.nextInt(100) < 50) {
      types.add(MeasureType.PREVENTION_INSURANCE);
    }
    if (h.has(FocusFlag.DIBAO)) {
      types.add(MeasureType.DIBAO);
    }
    if (random.nextInt(100) < 30) {
      types.add(MeasureType.MOTIVATION);
    }
    return types;
  }

  private static String departmentOf(MeasureType type) {
    return switch (type) {
      case MEDICAL -> "县医疗保障局 / county medical insurance bureau";
      case EDUCATION -> "县教育局 / county education bureau";
      case HOUSING -> "县住房和城乡建设局 / county housing bureau";
      case EMPLOYMENT, PUBLIC_WELFARE_JOB -> "县人力资源和社会保障局 / county human resources bureau";
      case DIBAO, TEKUN -> "县民政局 / county civil affairs bureau";
      case MICRO_CREDIT, PREVENTION_INSURANCE -> "县金融办 / county finance office";
      default -> "县乡村振兴局 / county rural revitalisation bureau";
    };
  }

  /** The day's measures implemented and verified, entered in bulk by the villages and townships. */
  private void measures(LocalDate day) {
    if (pendingMeasures.isEmpty()) {
      return;
    }
    List<Task> entered = new ArrayList<>();
    List<AssistanceEntry> entries = new ArrayList<>();
    for (Task t : pendingMeasures) {
      SimCase c = t.c();
      if (!c.monitored()) {
        continue;
      }
      entered.add(t);
      entries.add(t.kind() == IMPLEMENT
          ? new AssistanceEntry.Implementation(c.id, t.number(), villageGroups[villageOf(c.h)], day,
              "措施已落实，佐证材料已归档 / carried out, evidence filed")
          : new AssistanceEntry.Verification(c.id, t.number(), townshipOfficers[townOf(c.h)][random.nextInt(2)], day));
    }
    pendingMeasures.clear();
    List<Either<Rejection, MonitoringCase>> results = app.assistance().enterAll(entries);
    for (int k = 0; k < entered.size(); k++) {
      Task t = entered.get(k);
      SimCase c = t.c();
      if (moved(c, results.get(k)) && t.kind() == IMPLEMENT) {
        c.measuresImplemented++;
        // Work and industry measures lift the household's income; medical aid cuts its costs.
        Household h = facts[c.h];
        long income = h.incomeLast12Months().fen() + (long) h.memberCount() * yuan(800, 2_500);
        long rigid = h.rigidExpenditure().fen() * 75 / 100 / 100 * 100;
        setFacts(c.h, Household.builder().from(h).incomeLast12Months(Money.ofFen(income))
            .rigidExpenditure(Money.ofFen(rigid)).build());
        schedule(afterWorkingDays(day, 3 + random.nextInt(12)), new Task(VERIFY_MEASURE, c, c.h, t.number(), null));
      }
    }
  }

  private void followUps(LocalDate day, YearMonth month) {
    List<SimCase> due = new ArrayList<>();
    List<Map.Entry<String, FollowUpFacts>> followUps = new ArrayList<>();
    for (SimCase c : cases) {
      if (!c.monitored() || c.confirmedOn == null || month.equals(c.lastFollowUp)) {
        continue;
      }
      Household h = facts[c.h];
      Actor by = gridAssigned[c.h] ? gridWorkers.get(gridWorker[c.h]) : villageGroups[villageOf(c.h)];
      due.add(c);
      followUps.add(Map.entry(c.id, new FollowUpFacts(month, day, by, h.incomeLast12Months(), h.rigidExpenditure(),
          h.unmetNeeds())));
    }
    // The month's follow-ups go to the library in bulk (a few units of work on a database); each
    // is decided as it would be alone, and the cases are independent of each other.
    List<Either<Rejection, MonitoringCase>> results = app.assistance().recordFollowUps(followUps);
    for (int k = 0; k < due.size(); k++) {
      SimCase c = due.get(k);
      Household h = facts[c.h];
      if (moved(c, results.get(k))) {
        c.lastFollowUp = month;
        c.aboveLineStreak = h.incomeLast12Months().fen() >= LINE_FEN * h.memberCount() ? c.aboveLineStreak + 1 : 0;
      }
    }
  }

  // ================================================================ elimination and exit

  private void proposeEliminations(LocalDate day) {
    for (SimCase c : cases) {
      if (c.state != CaseState.CONFIRMED || c.confirmedOn == null || c.confirmedOn.plusMonths(6).isAfter(day)
          || c.aboveLineStreak < 7 || c.measuresPlanned == 0 || c.measuresImplemented < c.measuresPlanned) {
        // The six months before this one must each show income above the line: this month's follow-up
        // is the seventh of the streak.
        continue;
      }
      Household h = facts[c.h];
      boolean safetyNetWithoutLabour = h.workers() == 0 && (h.has(FocusFlag.DIBAO) || h.has(FocusFlag.TEKUN));
      if (safetyNetWithoutLabour || !h.unmetNeeds().isEmpty() || HouseholdAssessor.assess(h, POLICY, day).candidate()) {
        continue;
      }
      exitStep(new ExitEntry.Propose(c.id, new EliminationProposal(day, villageGroups[villageOf(c.h)],
          "入户核实：收入稳定高于监测线，刚性支出已解决 / income stably above the line, costs resolved")), r -> {
            if (moved(c, r)) {
              schedule(afterWorkingDays(day, 2 + random.nextInt(5)), new Task(E_APPRAISAL, c, c.h, 0, null));
            }
          });
    }
    enterSteps();
  }

  private void eliminationAppraisal(SimCase c, LocalDate day) {
    if (c.state != CaseState.ELIMINATION_PROPOSED) {
      return;
    }
    int attendees = 25 + random.nextInt(21);
    boolean agreed = random.nextInt(100) >= 3;
    int majority = attendees / 2 + 1;
    Appraisal a = new Appraisal(day, villageGroups[villageOf(c.h)], attendees, agreed ? majority : attendees - majority,
        agreed ? attendees - majority : majority, agreed, agreed
            ? "评议同意风险消除 / the meeting agrees the risk is gone"
            : "评议认为收入尚不稳定 / the meeting finds the income not yet stable");
    exitStep(new ExitEntry.Appraise(c.id, a), r -> {
      if (moved(c, r) && c.state == CaseState.ELIMINATION_AWAITING_NOTICE) {
        schedule(afterWorkingDays(day, random.nextInt(2)), new Task(E_NOTICE_START, c, c.h, 0, null));
      }
    });
  }

  private void eliminationNotice(SimCase c, LocalDate day) {
    if (c.state != CaseState.ELIMINATION_AWAITING_NOTICE) {
      return;
    }
    exitStep(new ExitEntry.StartNotice(c.id, villageGroups[villageOf(c.h)], day), r -> {
      if (moved(c, r)) {
        LocalDate last = r.get().elimination().orElseThrow().notice().orElseThrow().lastDay();
        schedule(afterWorkingDays(last, 1), new Task(E_CLOSE, c, c.h, 0, null));
      }
    });
  }

  private void eliminationClose(SimCase c, LocalDate day) {
    if (c.state != CaseState.ELIMINATION_IN_NOTICE) {
      return;
    }
    exitStep(new ExitEntry.CloseNotice(c.id, villageGroups[villageOf(c.h)], day), r -> {
      if (moved(c, r)) {
        schedule(afterWorkingDays(day, 1 + random.nextInt(5)), new Task(E_VERIFY, c, c.h, 0, null));
      }
    });
  }

  private void eliminationVerify(SimCase c, LocalDate day) {
    if (c.state != CaseState.ELIMINATION_AWAITING_TOWNSHIP) {
      return;
    }
    Actor officer = townshipOfficers[townOf(c.h)][random.nextInt(2)];
    exitStep(new ExitEntry.Verify(c.id, new TownshipVerification(day, officer, true,
        "乡镇核实风险已消除 / the township finds the risk gone")), r -> {
          if (moved(c, r)) {
            schedule(afterWorkingDays(day, 1 + random.nextInt(5)), new Task(E_DECIDE, c, c.h, 0, null));
          }
        });
  }

  private void eliminationDecide(SimCase c, LocalDate day) {
    if (c.state != CaseState.ELIMINATION_AWAITING_COUNTY) {
      return;
    }
    boolean eliminated = random.nextInt(100) >= 3;
    exitStep(new ExitEntry.Decide(c.id, new EliminationDecision(day, countyOfficers[random.nextInt(2)], eliminated,
        eliminated ? "抽查比对行业数据，同意风险消除 / spot check against department data: eliminated"
            : "抽查发现收入数据不一致 / spot check: income data disagree")), r -> {
          if (moved(c, r) && c.state == CaseState.GRADUAL_EXIT) {
            eliminations++;
            townEliminations[townOf(c.h)]++;
            shock[c.h] = 0;
          }
        });
  }

  private void closeExits(LocalDate day) {
    Either<Rejection, List<MonitoringCase>> r = app.exit().closeExits(county, day, countyOfficers[0]);
    if (r.isLeft()) {
      refuse(r.getLeft());
      return;
    }
    for (MonitoringCase closed : r.get()) {
      int i = indexOf(closed.householdId());
      SimCase c = open[i];
      if (c != null && c.id.equals(closed.id())) {
        c.state = closed.state();
        open[i] = null;
      }
      hadClosedCase[i] = true;
      exits++;
    }
  }

  // ================================================================ the fund

  private void appropriate(LocalDate day, YearMonth month) {
    int year = month.getYear();
    long amount = month.getMonthValue() == 1 ? APPROPRIATION_PER_20K_FEN * fundScale : APPROPRIATION_PER_20K_FEN
        * fundScale * 3 / 10;
    check(app.fund().appropriate("approp-" + month, county, year, Money.ofFen(amount), day, countyOfficers[0],
        "县级财政拨付防返贫专项资金 / county fiscal appropriation"));
  }

  private void donate(LocalDate day, YearMonth month) {
    int count = 1 + random.nextInt(3);
    for (int k = 1; k <= count; k++) {
      long amount = yuan(20_000, 300_000) * fundScale / 100_00 * 100_00;
      check(app.fund().donate("donation-" + month + "-" + k, county, month.getYear(), Money.ofFen(amount), day,
          countyOfficers[1], "社会捐助 / social donation"));
    }
  }

  private void apply(SimCase c, LocalDate day) {
    if (!c.monitored()) {
      return;
    }
    Household h = facts[c.h];
    AidPurpose purpose;
    long amount;
    if (h.seniorStudents() > 0 && random.nextInt(100) < 30) {
      purpose = AidPurpose.COLLEGE_STUDENT;
      amount = 500_000L * h.seniorStudents();
    } else if (h.rigidExpenditure().fen() > 3_000_000L) {
      purpose = AidPurpose.GENERAL;
      amount = yuan(3_000, 20_000) / 10_000 * 10_000;
    } else {
      purpose = AidPurpose.HARDSHIP;
      amount = Math.max(100_000, yuan(1_000, 2_500 * h.memberCount() + 1_000) / 10_000 * 10_000);
    }
    var r = app.fund().apply(new AidRequest(h.id(), purpose, Money.ofFen(amount), GENERAL_POLICIES, day,
        villageGroups[villageOf(c.h)]));
    if (r.isLeft()) {
      refuse(r.getLeft());
    } else {
      schedule(afterWorkingDays(day, 2 + random.nextInt(5)), new Task(VILLAGE_STUDY, c, c.h, 0, r.get().id()));
    }
  }

  private void aidTier(Task t, LocalDate day) {
    int town = townOf(t.household());
    int roll = random.nextInt(100);
    var r = switch (t.kind()) {
      case VILLAGE_STUDY -> app.fund().villageStudy(t.ref(), new AidStep(day, villageGroups[villageOf(t.household())],
          roll >= 5, roll >= 5 ? "村社研究同意 / the village agrees" : "村社研究不同意 / the village declines"));
      case TOWNSHIP_REVIEW -> app.fund().townshipReview(t.ref(), new AidStep(day, townshipOfficers[town][roll % 2],
          roll >= 4, roll >= 4 ? "镇办复核符合政策 / within policy" : "镇办复核不符合政策 / outside policy"));
      default -> app.fund().countyApprove(t.ref(), new AidStep(day, countyOfficers[roll % 2], roll >= 3,
          roll >= 3 ? "县级入户核查属实 / county check confirms" : "县级核查不实 / county check refutes"));
    };
    if (r.isLeft()) {
      refuse(r.getLeft());
      return;
    }
    int next = t.kind() == VILLAGE_STUDY ? TOWNSHIP_REVIEW : t.kind() == TOWNSHIP_REVIEW ? COUNTY_APPROVE : -1;
    if (next >= 0 && r.get().state() != AidApplicationState.REFUSED) {
      schedule(afterWorkingDays(day, 2 + random.nextInt(6)), new Task(next, t.c(), t.household(), 0, t.ref()));
    }
  }

  private void payBatch(LocalDate day, YearMonth month) {
    for (int year = START.getYear(); year <= day.getYear(); year++) {
      Either<Rejection, BatchStatement> r = app.fund().payBatch("batch-" + month + "-" + year, county, year, day,
          countyOfficers[0]);
      if (r.isLeft()) {
        refuse(r.getLeft());
        continue;
      }
      for (BatchLine line : r.get().lines()) {
        if (!line.paid()) {
          line.reason().ifPresent(this::refuse);
          continue;
        }
        long fen = line.application().amount().fen();
        monthDisbursed += fen;
        monthPayments++;
        townDisbursed[townOf(indexOf(line.application().householdId()))] += fen;
        if (random.nextInt(100) < 2) {
          schedule(afterWorkingDays(day, 3 + random.nextInt(10)),
              new Task(REVERSE, null, -1, 0, line.application().paymentId().orElseThrow()));
        }
      }
    }
  }

  private void reverse(String paymentId, LocalDate day) {
    Either<Rejection, Transfer> r = app.fund().reverse("rev-" + paymentId, paymentId, day, countyOfficers[1],
        "收款账户信息有误，资金退回 / wrong bank account: the money came back");
    if (r.isLeft()) {
      refuse(r.getLeft());
    } else {
      monthReversed += r.get().amount().fen();
    }
  }

  private boolean isBatchDay(LocalDate day) {
    // Batches are paid on the 25th, or the first working day after it (统一救助).
    if (day.getDayOfMonth() < 25) {
      return false;
    }
    for (LocalDate d = day.withDayOfMonth(25); d.isBefore(day); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        return false;
      }
    }
    return true;
  }

  // ================================================================ figures

  private MonthFigures monthFigures(YearMonth month) {
    Map<CaseState, Long> byState = casesByState();
    long balance = 0;
    for (int year = START.getYear(); year <= month.getYear(); year++) {
      balance += app.fund().statement(county, year).balance().fen();
    }
    return new MonthFigures(month, new EnumMap<>(monthSignals), byState, balance, monthDisbursed, monthPayments,
        monthReversed);
  }

  /** The stored cases of the county by state, every state present. */
  Map<CaseState, Long> casesByState() {
    Map<CaseState, Long> byState = new EnumMap<>(CaseState.class);
    for (CaseState s : CaseState.values()) {
      byState.put(s, 0L);
    }
    store.read(s -> {
      try (Stream<MonitoringCase> all = s.cases().inArea(county)) {
        all.forEach(c -> byState.merge(c.state(), 1L, Long::sum));
      }
      return null;
    });
    return byState;
  }

  /** One row per township over the run. */
  List<TownshipFigures> townships() {
    List<TownshipFigures> rows = new ArrayList<>();
    for (int t = 0; t < DanfengCounty.townshipCount(); t++) {
      rows.add(new TownshipFigures(AreaCode.of(DanfengCounty.township(t)), DanfengCounty.townshipName(t),
          townHouseholds[t], townSignals[t], townOpened[t], townConfirmed[t], townDismissed[t], townEmergency[t],
          townEliminations[t], townDisbursed[t]));
    }
    return rows;
  }

  Map<Channel, Long> signalsByChannel() {
    return signalsByChannel;
  }

  Map<MonitoringCategory, Long> confirmedByCategory() {
    return confirmedByCategory;
  }

  long duplicates() {
    return duplicates;
  }

  long casesOpened() {
    return casesOpened;
  }

  long eliminations() {
    return eliminations;
  }

  long exitsCompleted() {
    return exits;
  }

  long relapses() {
    return relapses;
  }

  /** Cases whose recognition ended after the limit, and those still in recognition past it at the end. */
  long overdueRecognitions(LocalDate lastDay) {
    long stillOpen = 0;
    for (SimCase c : cases) {
      if (!c.recognitionEnded && c.state.inRecognition() && c.state.isOpen()
          && ChronoUnit.DAYS.between(c.openedOn, lastDay) > RECOGNITION_LIMIT_DAYS) {
        stillOpen++;
      }
    }
    return overdue + stillOpen;
  }

  Map<String, Long> refusedMoves() {
    return refused;
  }

  // ================================================================ helpers

  /** Applies an accepted move to the engine's view; counts a refused one. */
  private boolean moved(SimCase c, Either<Rejection, MonitoringCase> r) {
    if (r.isLeft()) {
      refuse(r.getLeft());
      return false;
    }
    c.state = r.get().state();
    if (!c.state.isOpen()) {
      open[c.h] = open[c.h] == c ? null : open[c.h];
    }
    return true;
  }

  private void check(Either<Rejection, ?> r) {
    if (r.isLeft()) {
      refuse(r.getLeft());
    }
  }

  private void refuse(Rejection r) {
    refused.merge(r.code(), 1L, Long::sum);
  }

  private void schedule(LocalDate day, Task t) {
    agenda.computeIfAbsent(day, d -> new ArrayList<>()).add(t);
  }

  private LocalDate afterWorkingDays(LocalDate day, int count) {
    LocalDate d = day;
    int left = count;
    while (left > 0) {
      d = d.plusDays(1);
      if (calendar.isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  private int workingDayOfMonth(LocalDate day) {
    int k = 0;
    for (LocalDate d = day.withDayOfMonth(1); !d.isAfter(day); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        k++;
      }
    }
    return k;
  }

  private int poisson(double mean) {
    // Knuth's method is exact enough for the small means used here.
    if (mean > 50) {
      return (int) Math.round(mean + Math.sqrt(mean) * (random.nextDouble() * 2 - 1));
    }
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }

  /** A random amount between the two, in fen, rounded to whole yuan. */
  private long yuan(int from, int to) {
    return (from + (long) random.nextInt(to - from)) * 100;
  }

  private int villageOf(int i) {
    return village[i] + 128;
  }

  private int townOf(int i) {
    return townOfVillage[villageOf(i)];
  }

  /** The register index of a generated household id: its last 8 digits count from 1. */
  private static int indexOf(String householdId) {
    return Integer.parseInt(householdId.substring(householdId.length() - 8)) - 1;
  }

  private static AreaCode villageArea(int v) {
    return AreaCode.of(DanfengCounty.village(v));
  }
}
