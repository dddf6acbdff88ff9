package org.fangfanpin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.testing.TestCounty.VILLAGE_A1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.OutboxRepository;
import org.fangfanpin.spi.store.SignalRepository;
import org.fangfanpin.spi.store.StoreSession;
import org.junit.jupiter.api.Test;

class UnitSessionTest {

  final TestCounty county = new TestCounty(LocalDate.of(2025, 4, 30));

  /** The session, with every household entry its repository is asked to store noted in {@link #written}. */
  static final class Noting implements StoreSession {
    final StoreSession session;
    final List<Household> written = new ArrayList<>();

    Noting(StoreSession session) {
      this.session = session;
    }

    @Override
    public HouseholdRepository households() {
      HouseholdRepository store = session.households();
      return new HouseholdRepository() {
        @Override
        public void put(Household household) {
          written.add(household);
          store.put(household);
        }

        @Override
        public void putAll(Collection<Household> households) {
          written.addAll(households);
          store.putAll(households);
        }

        @Override
        public Optional<Household> find(String householdId) {
          return store.find(householdId);
        }

        @Override
        public Map<String, Household> findAll(Collection<String> householdIds) {
          return store.findAll(householdIds);
        }

        @Override
        public Stream<Household> inArea(AreaCode area) {
          return store.inArea(area);
        }
      };
    }

    @Override
    public SignalRepository signals() {
      return session.signals();
    }

    @Override
    public CaseRepository cases() {
      return session.cases();
    }

    @Override
    public AuditRepository audit() {
      return session.audit();
    }

    @Override
    public OutboxRepository outbox() {
      return session.outbox();
    }
  }

  @Test
  void aHouseholdPutAsItIsStoredOrHeldIsNotWrittenAgainAndAChangedOneIsWrittenOnce() {
    Household a = county.household("h-a", VILLAGE_A1);
    Household b = county.household("h-b", VILLAGE_A1);
    Household c = county.household("h-c", VILLAGE_A1);
    Household changed = b.withIncomeLast12Months(Money.ofYuan(12_345));
    Household changedBack = c.withIncomeLast12Months(Money.ofYuan(1));

    List<Household> written = county.store.write(session -> {
      Noting noting = new Noting(session);
      UnitSession s = new UnitSession(noting);
      s.loadHouseholds(List.of("h-a", "h-b", "h-c"));
      s.households().put(a);
      s.households().put(changed);
      s.households().put(changed);
      s.households().put(changedBack);
      s.households().put(c);
      s.flush();
      return noting.written;
    });

    // c was changed and put back as stored: still written, since the store is not asked what it holds.
    assertThat(written).containsExactly(changed, c);
    Map<String, Household> stored = county.store.read(s -> s.households().findAll(List.of("h-a", "h-b", "h-c")));
    assertThat(stored).containsEntry("h-a", a).containsEntry("h-b", changed).containsEntry("h-c", c);
  }
}
