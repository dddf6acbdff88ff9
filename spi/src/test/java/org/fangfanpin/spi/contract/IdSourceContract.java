package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fangfanpin.spi.store.IdSource;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link IdSource} (编号来源契约): ids of at most 64 characters, never repeated
 * within a namespace, also when many threads ask at once. Extend it with a factory for a fresh
 * source. That ids stay unique across restarts cannot be tested here; an adapter backed by a
 * database proves it in its own tests.
 */
public abstract class IdSourceContract {

  /** The namespaces the library asks for. */
  protected static final List<String> NAMESPACES = List.of("case", "signal", "event", "measure", "transfer");

  private static final int THREADS = 8;

  /** A fresh source; called once per test or property try. */
  protected abstract IdSource newIdSource();

  @Test
  final void aBatchOfIdsHoldsAsManyNewIdsAsAskedAndNoneIssuedBeforeOrAfter() {
    IdSource ids = newIdSource();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      seen.add(ids.next("case"));
    }

    assertThat(ids.next("case", 0)).isEmpty();
    for (int size : new int[] {1, 7, 99, 100, 101, 1_000, 2_345}) {
      List<String> batch = ids.next("case", size);
      assertThat(batch).hasSize(size);
      for (String id : batch) {
        assertThat(id).hasSizeLessThanOrEqualTo(64);
        assertThat(seen.add(id)).as("%s is new", id).isTrue();
      }
      assertThat(seen.add(ids.next("case"))).isTrue();
    }
    assertThatThrownBy(() -> ids.next("case", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  final void issuesIdsThatAreNotBlankAndAtMost64CharactersLong() {
    IdSource ids = newIdSource();

    for (String namespace : NAMESPACES) {
      for (int i = 0; i < 100; i++) {
        String id = ids.next(namespace);
        assertThat(id).isNotBlank().hasSizeLessThanOrEqualTo(64);
        assertThat(id).isEqualTo(id.strip());
        assertThat(id.chars().noneMatch(Character::isISOControl)).isTrue();
      }
    }
  }

  @Test
  final void neverIssuesTheSameIdTwiceInANamespace() {
    IdSource ids = newIdSource();
    Set<String> seen = new HashSet<>();

    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.next("case"))).as("id number %d is new", i).isTrue();
    }
  }

  @Test
  final void eightThreadsAskingAtOnceNeverReceiveTheSameId() throws InterruptedException {
    IdSource ids = newIdSource();
    int perThread = 2_000;

    List<List<String>> issued = Work.race(THREADS, t -> () -> {
      List<String> mine = new ArrayList<>(perThread);
      for (int i = 0; i < perThread; i++) {
        mine.add(ids.next("event"));
      }
      return mine;
    });

    Set<String> all = new HashSet<>();
    issued.forEach(all::addAll);
    assertThat(all).hasSize(THREADS * perThread);
  }

  @Property(tries = 50)
  final void idsStayUniqueInEachNamespaceWhateverTheOrderOfRequests(
      @ForAll("namespaceRequests") List<String> requests) {
    IdSource ids = newIdSource();
    Map<String, Set<String>> issued = new HashMap<>();

    for (String namespace : requests) {
      String id = ids.next(namespace);
      assertThat(id).hasSizeLessThanOrEqualTo(64);
      assertThat(issued.computeIfAbsent(namespace, n -> new HashSet<>()).add(id))
          .as("%s is new in %s", id, namespace).isTrue();
    }
  }

  @Provide
  Arbitrary<List<String>> namespaceRequests() {
    return Arbitraries.of(NAMESPACES).list().ofMaxSize(200);
  }
}
