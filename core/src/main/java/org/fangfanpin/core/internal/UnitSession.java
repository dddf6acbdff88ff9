package org.fangfanpin.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.LedgerRepository;
import org.fangfanpin.spi.store.OutboxRepository;
import org.fangfanpin.spi.store.SignalRepository;
import org.fangfanpin.spi.store.StoreSession;

/**
 * A bulk call's unit of work as its moves see it: the session, with the unit's cases and
 * households read up front in one step each ({@link #loadCases}, {@link #loadHouseholds}) and
 * kept for the unit, and the moves' changes to them held and stored in one step each when the
 * unit's work ends ({@link #flush}). A move sees what the moves before it changed, as it would
 * one by one: a case or household not kept is read from the session, and any other read of cases
 * or households first stores what is held. The other repositories are the session's. Not API.
 */
public final class UnitSession implements StoreSession {

  private final StoreSession session;
  private final Cases cases;
  private final Households households;
  private Grid grid;

  /** The unit's view of the session. */
  public UnitSession(StoreSession session) {
    this.session = Objects.requireNonNull(session, "session");
    this.cases = new Cases(session.cases());
    this.households = new Households(session.households());
  }

  /** Reads the cases with the ids in one step and keeps them for the unit. */
  public void loadCases(Collection<String> caseIds) {
    cases.load(caseIds);
  }

  /**
   * Keeps cases the unit read otherwise (from a listing) as the unit's, so a move on them needs no
   * second look-up; the store still checks their versions when the changes are stored.
   */
  public void keepCases(Collection<MonitoringCase> read) {
    for (MonitoringCase c : read) {
      if (!cases.known.containsKey(c.id())) {
        cases.known.put(c.id(), c);
        cases.absent.remove(c.id());
      }
    }
  }

  /** Reads the households with the ids in one step and keeps them for the unit. */
  public void loadHouseholds(Collection<String> householdIds) {
    households.load(householdIds);
  }

  /** The households of the cases kept, read in one step and kept for the unit. */
  public void loadHouseholdsOfCases() {
    List<String> ids = new ArrayList<>();
    for (MonitoringCase c : cases.known.values()) {
      ids.add(c.householdId());
    }
    households.load(ids);
  }

  /**
   * Reads the grid workers of the households and their last visits on or before the day, each in
   * one step, and keeps them for the unit.
   */
  public void loadGrid(Collection<String> householdIds, LocalDate lastVisitOnOrBefore) {
    grid();
    grid.load(householdIds, lastVisitOnOrBefore);
  }

  /** Stores the changes held: the cases, the households, then the visits, each in one step. */
  public void flush() {
    cases.flush();
    households.flush();
    if (grid != null) {
      grid.flush();
    }
  }

  @Override
  public HouseholdRepository households() {
    return households;
  }

  @Override
  public CaseRepository cases() {
    return cases;
  }

  @Override
  public SignalRepository signals() {
    return session.signals();
  }

  @Override
  public AuditRepository audit() {
    return session.audit();
  }

  @Override
  public OutboxRepository outbox() {
    return session.outbox();
  }

  @Override
  public LedgerRepository ledger() {
    return session.ledger();
  }

  @Override
  public AidApplicationRepository aidApplications() {
    return session.aidApplications();
  }

  @Override
  public GridRepository grid() {
    if (grid == null) {
      grid = new Grid(session.grid());
    }
    return grid;
  }

  /**
   * The grid: workers and last visits kept answered from memory, visits held until
   * {@link #flush}; assignments are written at once.
   */
  private static final class Grid implements GridRepository {

    private final GridRepository store;
    /** The worker of each household whose worker was read, empty when it has none. */
    private final Map<String, Optional<String>> workers = new HashMap<>();
    /** The day the kept last visits were read for. */
    private LocalDate day;
    /** The last stored visit on or before {@link #day} of each household read, empty for none. */
    private final Map<String, Optional<GridVisit>> lastVisits = new HashMap<>();
    /** Visits not yet stored, in order. */
    private List<GridVisit> held = new ArrayList<>();

    Grid(GridRepository store) {
      this.store = store;
    }

    void load(Collection<String> householdIds, LocalDate onOrBefore) {
      List<String> unknownWorkers = new ArrayList<>();
      for (String id : householdIds) {
        if (!workers.containsKey(id)) {
          unknownWorkers.add(id);
        }
      }
      if (!unknownWorkers.isEmpty()) {
        Map<String, String> found = store.workersOf(unknownWorkers);
        for (String id : unknownWorkers) {
          workers.put(id, Optional.ofNullable(found.get(id)));
        }
      }
      // The last visits are kept for one day only; held visits are stored before another is read.
      flush();
      if (!onOrBefore.equals(day)) {
        day = onOrBefore;
        lastVisits.clear();
      }
      List<String> unknownVisits = new ArrayList<>();
      for (String id : householdIds) {
        if (!lastVisits.containsKey(id)) {
          unknownVisits.add(id);
        }
      }
      if (!unknownVisits.isEmpty()) {
        Map<String, GridVisit> found = store.lastVisits(unknownVisits, onOrBefore);
        for (String id : unknownVisits) {
          lastVisits.put(id, Optional.ofNullable(found.get(id)));
        }
      }
    }

    void flush() {
      if (!held.isEmpty()) {
        List<GridVisit> visits = held;
        held = new ArrayList<>();
        store.recordVisits(visits);
        // What was kept is stored now: a later look-up of those days reads the store again.
        lastVisits.clear();
        day = null;
      }
    }

    @Override
    public void assign(String householdId, String gridWorkerId) {
      store.assign(householdId, gridWorkerId);
      workers.put(householdId, Optional.of(gridWorkerId));
    }

    @Override
    public Optional<String> workerOf(String householdId) {
      Optional<String> known = workers.get(householdId);
      return known != null ? known : store.workerOf(householdId);
    }

    @Override
    public List<String> householdsOf(String gridWorkerId) {
      return store.householdsOf(gridWorkerId);
    }

    @Override
    public void recordVisit(GridVisit visit) {
      Objects.requireNonNull(visit, "visit");
      held.add(visit);
    }

    @Override
    public Optional<GridVisit> lastVisit(String householdId, LocalDate onOrBefore) {
      Optional<GridVisit> stored = onOrBefore.equals(day) ? lastVisits.get(householdId) : null;
      if (stored == null) {
        flush();
        return store.lastVisit(householdId, onOrBefore);
      }
      // The held visits were recorded after the stored ones: on the same day, the later one wins.
      GridVisit last = stored.orElse(null);
      for (GridVisit v : held) {
        if (v.householdId().equals(householdId) && !v.visitedOn().isAfter(onOrBefore)
            && (last == null || !v.visitedOn().isBefore(last.visitedOn()))) {
          last = v;
        }
      }
      return Optional.ofNullable(last);
    }
  }

  /** Reads in one step the ids neither kept nor known to be absent, and keeps what it found. */
  private static <T> void loadInto(Collection<String> ids, Map<String, T> known, Set<String> absent,
      Function<List<String>, Map<String, T>> findAll) {
    List<String> unknown = new ArrayList<>();
    for (String id : ids) {
      if (!known.containsKey(id) && !absent.contains(id)) {
        unknown.add(id);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    Map<String, T> found = findAll.apply(unknown);
    for (String id : unknown) {
      T value = found.get(id);
      if (value == null) {
        absent.add(id);
      } else {
        known.put(id, value);
      }
    }
  }

  /** The cases: kept ones answered from memory, changes held until {@link #flush}. */
  private static final class Cases implements CaseRepository {

    private final CaseRepository store;
    /** The cases read or changed in the unit, at their latest version. */
    private final Map<String, MonitoringCase> known = new HashMap<>();
    /** Ids looked up and not stored. */
    private final Set<String> absent = new HashSet<>();
    /** Changes not yet stored, in order. */
    private List<MonitoringCase> held = new ArrayList<>();

    Cases(CaseRepository store) {
      this.store = store;
    }

    void load(Collection<String> ids) {
      loadInto(ids, known, absent, store::findAll);
    }

    void flush() {
      if (!held.isEmpty()) {
        List<MonitoringCase> changes = held;
        held = new ArrayList<>();
        store.updateAll(changes);
      }
    }

    @Override
    public Optional<MonitoringCase> find(String caseId) {
      Objects.requireNonNull(caseId, "caseId");
      load(List.of(caseId));
      return Optional.ofNullable(known.get(caseId));
    }

    @Override
    public Map<String, MonitoringCase> findAll(Collection<String> caseIds) {
      load(caseIds);
      Map<String, MonitoringCase> found = new HashMap<>();
      for (String id : caseIds) {
        MonitoringCase c = known.get(id);
        if (c != null) {
          found.put(id, c);
        }
      }
      return found;
    }

    @Override
    public void update(MonitoringCase c) {
      Objects.requireNonNull(c, "monitoringCase");
      MonitoringCase current = find(c.id()).orElse(null);
      if (current == null || c.version() != current.version() + 1) {
        // As the store would refuse it; the held changes are stored first so it sees them.
        flush();
        store.update(c);
        known.put(c.id(), c);
        return;
      }
      known.put(c.id(), c);
      held.add(c);
    }

    @Override
    public void updateAll(Collection<MonitoringCase> monitoringCases) {
      monitoringCases.forEach(this::update);
    }

    @Override
    public void insert(MonitoringCase c) {
      flush();
      forget(c);
      store.insert(c);
    }

    @Override
    public void insertAll(Collection<MonitoringCase> monitoringCases) {
      flush();
      monitoringCases.forEach(this::forget);
      store.insertAll(monitoringCases);
    }

    private void forget(MonitoringCase c) {
      known.remove(c.id());
      absent.remove(c.id());
    }

    @Override
    public Optional<MonitoringCase> openOf(String householdId) {
      flush();
      return store.openOf(householdId);
    }

    @Override
    public Map<String, MonitoringCase> openOfAll(Collection<String> householdIds) {
      flush();
      return store.openOfAll(householdIds);
    }

    @Override
    public List<MonitoringCase> ofHousehold(String householdId, AreaCode village) {
      flush();
      return store.ofHousehold(householdId, village);
    }

    @Override
    public Map<String, List<MonitoringCase>> ofHouseholds(Collection<Household> households) {
      flush();
      return store.ofHouseholds(households);
    }

    @Override
    public Stream<MonitoringCase> inArea(AreaCode area) {
      flush();
      return store.inArea(area);
    }
  }

  /** The households: kept ones answered from memory, entries held until {@link #flush}. */
  private static final class Households implements HouseholdRepository {

    private final HouseholdRepository store;
    private final Map<String, Household> known = new HashMap<>();
    private final Set<String> absent = new HashSet<>();
    /** Entries not yet stored, the last of each id, in order of that last entry. */
    private Map<String, Household> held = new LinkedHashMap<>();

    Households(HouseholdRepository store) {
      this.store = store;
    }

    void load(Collection<String> ids) {
      loadInto(ids, known, absent, store::findAll);
    }

    void flush() {
      if (!held.isEmpty()) {
        List<Household> entries = new ArrayList<>(held.values());
        held = new LinkedHashMap<>();
        store.putAll(entries);
      }
    }

    @Override
    public void put(Household household) {
      Objects.requireNonNull(household, "household");
      if (household.equals(known.get(household.id()))) {
        // The entry stored or held already: writing it again would change nothing but cost a
        // row write (a follow-up whose facts are last month's puts the household unchanged).
        return;
      }
      known.put(household.id(), household);
      absent.remove(household.id());
      held.remove(household.id());
      held.put(household.id(), household);
    }

    @Override
    public void putAll(Collection<Household> entries) {
      entries.forEach(this::put);
    }

    @Override
    public Optional<Household> find(String householdId) {
      Objects.requireNonNull(householdId, "householdId");
      load(List.of(householdId));
      return Optional.ofNullable(known.get(householdId));
    }

    @Override
    public Map<String, Household> findAll(Collection<String> householdIds) {
      load(householdIds);
      Map<String, Household> found = new HashMap<>();
      for (String id : householdIds) {
        Household h = known.get(id);
        if (h != null) {
          found.put(id, h);
        }
      }
      return found;
    }

    @Override
    public Stream<Household> inArea(AreaCode area) {
      flush();
      return store.inArea(area);
    }
  }
}
