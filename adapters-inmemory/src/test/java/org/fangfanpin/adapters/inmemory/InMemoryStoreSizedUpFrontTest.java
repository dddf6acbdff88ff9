package org.fangfanpin.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fangfanpin.spi.contract.CaseRepositoryContract;
import org.fangfanpin.spi.contract.HouseholdRepositoryContract;
import org.fangfanpin.spi.contract.OutboxRepositoryContract;
import org.fangfanpin.spi.contract.SignalRepositoryContract;
import org.fangfanpin.spi.contract.UnitOfWorkContract;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A store made with a capacity hint keeps the same contracts as one made empty: the hint sizes the
 * tables it touches (register, cases, signals, outbox), never what they hold.
 */
class InMemoryStoreSizedUpFrontTest {

  /** Hints smaller than the contracts' data in places, larger in others. */
  static UnitOfWork sizedStore() {
    return new InMemoryStore(3, 1_000);
  }

  @Test
  void refusesNegativeHints() {
    assertThatThrownBy(() -> new InMemoryStore(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InMemoryStore(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Nested
  class Households extends HouseholdRepositoryContract {
    @Override
    protected UnitOfWork newStore() {
      return sizedStore();
    }
  }

  @Nested
  class Cases extends CaseRepositoryContract {
    @Override
    protected UnitOfWork newStore() {
      return sizedStore();
    }
  }

  @Nested
  class Signals extends SignalRepositoryContract {
    @Override
    protected UnitOfWork newStore() {
      return sizedStore();
    }
  }

  @Nested
  class Outbox extends OutboxRepositoryContract {
    @Override
    protected UnitOfWork newStore() {
      return sizedStore();
    }
  }

  @Nested
  class UnitsOfWork extends UnitOfWorkContract {
    @Override
    protected UnitOfWork newStore() {
      return sizedStore();
    }
  }
}
