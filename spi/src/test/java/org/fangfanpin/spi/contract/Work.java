package org.fangfanpin.spi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;

/** Small helpers the contracts share: running work that returns nothing, and racing threads. */
final class Work {

  /** How long a concurrent test waits for its threads before it fails instead of hanging. */
  static final long RACE_TIMEOUT_SECONDS = 120;

  private Work() {}

  /** Runs {@code work} in a write session of the store. */
  static void writing(UnitOfWork store, Consumer<StoreSession> work) {
    store.write(s -> {
      work.accept(s);
      return null;
    });
  }

  /** Runs {@code work} in a read session of the store. */
  static void reading(UnitOfWork store, Consumer<StoreSession> work) {
    store.read(s -> {
      work.accept(s);
      return null;
    });
  }

  /** Runs {@code work} and returns what it threw, or {@code null}. */
  static RuntimeException failureOf(Runnable work) {
    try {
      work.run();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /**
   * Starts {@code threads} tasks at the same moment and returns their results in task order.
   *
   * @param task makes the task of the given thread number
   */
  static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> t = task.apply(i);
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return t.call();
        }));
      }
      ready.await(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(RACE_TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      throw new AssertionError("a racing thread failed", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the racing threads did not finish within " + RACE_TIMEOUT_SECONDS + " s", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The failure the contracts throw on purpose to make a unit of work roll back. */
  static final class Boom extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Boom() {
      super("the work failed on purpose", null, false, false);
    }
  }
}
