package org.fangfanpin.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.FundFixtures.aidApplication;
import static org.fangfanpin.spi.contract.FundFixtures.appropriation;
import static org.fangfanpin.spi.contract.FundFixtures.appropriationAccount;
import static org.fangfanpin.spi.contract.FundFixtures.donation;
import static org.fangfanpin.spi.contract.FundFixtures.gridVisit;
import static org.fangfanpin.spi.contract.FundFixtures.payment;
import static org.fangfanpin.spi.contract.FundFixtures.pool;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.LedgerRepository;
import org.junit.jupiter.api.Test;

/** What the in-memory store promises for the fund and the grid beyond the contract. */
class InMemoryFundStoreTest {

  private final InMemoryStore store = new InMemoryStore();

  @Test
  void theFundAndGridRepositoriesRefuseUseAfterTheWorkReturned() {
    AtomicReference<LedgerRepository> ledger = new AtomicReference<>();
    AtomicReference<AidApplicationRepository> applications = new AtomicReference<>();
    AtomicReference<GridRepository> grid = new AtomicReference<>();
    store.write(s -> {
      ledger.set(s.ledger());
      applications.set(s.aidApplications());
      grid.set(s.grid());
      return null;
    });

    List<Runnable> late = List.of(
        () -> ledger.get().balance(pool()),
        () -> ledger.get().post(appropriation("t-1", Money.ofYuan(1))),
        () -> applications.get().find("aid-1"),
        () -> applications.get().insert(aidApplication("aid-1", "h-1", VILLAGE)),
        () -> grid.get().workerOf("h-1"),
        () -> grid.get().recordVisit(gridVisit("w-1", "h-1", DAY0)));
    for (Runnable call : late) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class);
    }
    assertThat(store.<Money>read(s -> s.ledger().balance(pool()))).isEqualTo(Money.ZERO);
  }

  @Test
  void aPostingThatWouldTakeABalanceBeyondALongThrowsAndStagesNothing() {
    Transfer huge = appropriation("t-1", Money.ofFen(Long.MAX_VALUE));
    store.write(s -> {
      s.ledger().post(huge);
      return null;
    });

    store.write(s -> {
      assertThatThrownBy(() -> s.ledger().post(donation("t-2", Money.ofFen(1)))).isInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> s.ledger().post(appropriation("t-3", Money.ofFen(2))))
          .isInstanceOf(ArithmeticException.class);
      s.ledger().post(payment("t-4", "h-1", Money.ofFen(5)));
      return null;
    });

    store.read(s -> {
      assertThat(s.ledger().find("t-2")).isEmpty();
      assertThat(s.ledger().find("t-3")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofFen(Long.MAX_VALUE - 5));
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ofFen(-Long.MAX_VALUE));
      return null;
    });
  }

  @Test
  void aReadSessionMayReadABalanceForUpdate() {
    store.write(s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(7)));
      return null;
    });

    assertThat(store.<Money>read(s -> s.ledger().balanceForUpdate(pool()))).isEqualTo(Money.ofYuan(7));
  }
}
