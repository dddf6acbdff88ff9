package org.fangfanpin.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.fangfanpin.spi.store.StaleVersionException;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.TransientStoreException;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  /** A store whose first {@code failures} write sessions throw {@code failure}. */
  private static final class FlakyStore implements UnitOfWork {
    private final int failures;
    private final RuntimeException failure;
    final AtomicInteger attempts = new AtomicInteger();

    FlakyStore(int failures, RuntimeException failure) {
      this.failures = failures;
      this.failure = failure;
    }

    @Override
    public <T> T write(Function<StoreSession, T> work) {
      if (attempts.incrementAndGet() <= failures) {
        throw failure;
      }
      return work.apply(null);
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
      return work.apply(null);
    }
  }

  private static TransientStoreException serializationFailure() {
    return new TransientStoreException("serialization failure", new SQLException("could not serialize", "40001"));
  }

  @Test
  void retriesTransientFailuresUntilTheWorkCommits() {
    FlakyStore store = new FlakyStore(Transactions.MAX_ATTEMPTS - 1, serializationFailure());

    String result = Transactions.write(store, session -> "done");
    assertThat(result).isEqualTo("done");
    assertThat(store.attempts).hasValue(Transactions.MAX_ATTEMPTS);
  }

  @Test
  void reportsTheTransientFailureAfterTheLastAttempt() {
    TransientStoreException failure = serializationFailure();
    FlakyStore store = new FlakyStore(Integer.MAX_VALUE, failure);

    assertThatThrownBy(() -> Transactions.write(store, session -> "never")).isSameAs(failure);
    assertThat(store.attempts).hasValue(Transactions.MAX_ATTEMPTS);
  }

  @Test
  void retriesStaleVersions() {
    FlakyStore store = new FlakyStore(2, new StaleVersionException("case v3 is stale"));

    int result = Transactions.write(store, session -> 7);
    assertThat(result).isEqualTo(7);
    assertThat(store.attempts).hasValue(3);
  }

  @Test
  void doesNotRetryOtherFailures() {
    IllegalStateException bug = new IllegalStateException("a bug");
    FlakyStore store = new FlakyStore(1, bug);

    assertThatThrownBy(() -> Transactions.write(store, session -> 1)).isSameAs(bug);
    assertThat(store.attempts).hasValue(1);
  }
}
