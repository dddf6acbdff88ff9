package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.T0;
import static org.fangfanpin.spi.contract.StoreFixtures.event;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.fangfanpin.spi.event.DomainEvent;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.store.OutboxRepository;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link OutboxRepository} (发件箱契约): an event is stored once per id, waits in
 * the order it was stored until it is marked delivered, and stays findable afterwards. Extend it
 * with a factory for a fresh, empty store.
 *
 * <p>"Oldest first" is read as the order in which the events were stored (the order of
 * {@code add} calls, across committed units), not the order of {@code occurredAt}: the tests give
 * later-stored events earlier times to pin that down.
 */
public abstract class OutboxRepositoryContract {

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  @Test
  final void addAllStoresEachNewEventInOrderAndKeepsAnEventAlreadyStored() {
    UnitOfWork store = newStore();
    DomainEvent first = event("e-1");
    writing(store, s -> s.outbox().add(first));
    List<DomainEvent> batch = new ArrayList<>();
    for (int i = 2; i <= 1_203; i++) {
      batch.add(event("e-" + i));
    }
    List<DomainEvent> withRepeat = new ArrayList<>(batch);
    withRepeat.add(first.withCaseId("case-other"));

    writing(store, s -> s.outbox().addAll(withRepeat));

    List<DomainEvent> expected = new ArrayList<>();
    expected.add(first);
    expected.addAll(batch);
    reading(store, s -> {
      assertThat(s.outbox().pending(2_000)).containsExactlyElementsOf(expected);
      assertThat(s.outbox().find("e-1")).contains(first);
    });
  }

  @Test
  final void findsNothingInAnEmptyOutbox() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.outbox().find("event-1")).isEmpty();
      assertThat(s.outbox().pending(10)).isEmpty();
    });
  }

  @Test
  final void addStoresANewEventAndSaysSo() {
    UnitOfWork store = newStore();
    DomainEvent e = event("event-1");

    assertThat(store.<Boolean>write(s -> s.outbox().add(e))).isTrue();

    reading(store, s -> {
      assertThat(s.outbox().find("event-1")).contains(e);
      assertThat(s.outbox().pending(10)).containsExactly(e);
    });
  }

  @Test
  final void keepsEveryFieldOfAnEventIncludingTheOrderOfItsAttributes() {
    UnitOfWork store = newStore();
    DomainEvent e = DomainEvent.builder().from(event("event-1"))
        .type(EventType.DEADLINE_NEAR)
        .attributes(Map.of())
        .putAttributes("step", "township_verification")
        .putAttributes("dueOn", "2025-03-18")
        .putAttributes("area", "611022100201")
        .build();

    writing(store, s -> s.outbox().add(e));

    DomainEvent found = store.read(s -> s.outbox().find("event-1")).orElseThrow();
    assertThat(found).isEqualTo(e);
    assertThat(new ArrayList<>(found.attributes().keySet())).containsExactly("step", "dueOn", "area");
  }

  @Test
  final void addingAnIdAlreadyStoredReturnsFalseAndKeepsTheFirstEvent() {
    UnitOfWork store = newStore();
    DomainEvent first = event("event-1");
    writing(store, s -> s.outbox().add(first));

    assertThat(store.<Boolean>write(s -> s.outbox().add(first))).isFalse();
    assertThat(store.<Boolean>write(s -> s.outbox().add(event("event-1", T0.plusSeconds(60))
        .withType(EventType.CASE_DISMISSED)))).isFalse();

    reading(store, s -> {
      assertThat(s.outbox().find("event-1")).contains(first);
      assertThat(s.outbox().pending(10)).containsExactly(first);
    });
  }

  @Test
  final void addingAnIdAlreadyDeliveredReturnsFalseAndDoesNotMakeItPendingAgain() {
    UnitOfWork store = newStore();
    DomainEvent e = event("event-1");
    writing(store, s -> s.outbox().add(e));
    writing(store, s -> s.outbox().markDelivered("event-1", T0));

    assertThat(store.<Boolean>write(s -> s.outbox().add(e))).isFalse();

    reading(store, s -> {
      assertThat(s.outbox().pending(10)).isEmpty();
      assertThat(s.outbox().find("event-1")).contains(e);
    });
  }

  @Test
  final void pendingListsTheEventsOldestFirstInTheOrderTheyWereStored() {
    UnitOfWork store = newStore();
    DomainEvent first = event("e-c", T0.plusSeconds(30));
    DomainEvent second = event("e-a", T0.plusSeconds(20));
    DomainEvent third = event("e-b", T0.plusSeconds(10));
    DomainEvent fourth = event("e-0", T0);
    writing(store, s -> {
      s.outbox().add(first);
      s.outbox().add(second);
    });
    writing(store, s -> s.outbox().add(third));
    writing(store, s -> s.outbox().add(fourth));

    assertThat(store.<List<DomainEvent>>read(s -> s.outbox().pending(10))).containsExactly(first, second, third, fourth);
  }

  @Test
  final void pendingReturnsAtMostTheLimitOldestFirst() {
    UnitOfWork store = newStore();
    List<DomainEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(event("event-" + i, T0.plusSeconds(i)));
    }
    writing(store, s -> events.forEach(s.outbox()::add));

    reading(store, s -> {
      assertThat(s.outbox().pending(3)).containsExactlyElementsOf(events.subList(0, 3));
      assertThat(s.outbox().pending(1)).containsExactly(events.get(0));
      assertThat(s.outbox().pending(0)).isEmpty();
      assertThat(s.outbox().pending(50)).containsExactlyElementsOf(events);
    });
  }

  @Test
  final void aDeliveredEventLeavesPendingButCanStillBeFound() {
    UnitOfWork store = newStore();
    DomainEvent a = event("event-a");
    DomainEvent b = event("event-b");
    DomainEvent c = event("event-c");
    writing(store, s -> List.of(a, b, c).forEach(s.outbox()::add));

    writing(store, s -> s.outbox().markDelivered("event-b", T0.plusSeconds(5)));

    reading(store, s -> {
      assertThat(s.outbox().pending(10)).containsExactly(a, c);
      assertThat(s.outbox().pending(1)).containsExactly(a);
      assertThat(s.outbox().find("event-b")).contains(b);
    });
  }

  @Test
  final void markingAnEventDeliveredTwiceDoesNothingMore() {
    UnitOfWork store = newStore();
    DomainEvent a = event("event-a");
    DomainEvent b = event("event-b");
    writing(store, s -> {
      s.outbox().add(a);
      s.outbox().add(b);
    });
    writing(store, s -> s.outbox().markDelivered("event-a", T0));

    writing(store, s -> {
      s.outbox().markDelivered("event-a", T0.plusSeconds(60));
      s.outbox().markDelivered("event-a", T0.plusSeconds(120));
    });

    reading(store, s -> {
      assertThat(s.outbox().pending(10)).containsExactly(b);
      assertThat(s.outbox().find("event-a")).contains(a);
    });
  }

  @Test
  final void markingAnUnknownEventDeliveredDoesNothing() {
    UnitOfWork store = newStore();
    writing(store, s -> s.outbox().add(event("event-a")));

    writing(store, s -> s.outbox().markDelivered("never-stored", T0));

    reading(store, s -> {
      assertThat(s.outbox().find("never-stored")).isEmpty();
      assertThat(s.outbox().pending(10)).containsExactly(event("event-a"));
    });
    assertThat(store.<Boolean>write(s -> s.outbox().add(event("never-stored")))).isTrue();
  }

  @Test
  final void aWriteSessionSeesItsOwnAddsAndDeliveries() {
    UnitOfWork store = newStore();
    DomainEvent committed = event("event-1");
    writing(store, s -> s.outbox().add(committed));
    DomainEvent mine = event("event-2");
    DomainEvent mineToo = event("event-3");

    writing(store, s -> {
      OutboxRepository outbox = s.outbox();
      assertThat(outbox.add(mine)).isTrue();
      assertThat(outbox.add(mineToo)).isTrue();
      assertThat(outbox.add(mine)).isFalse();
      assertThat(outbox.find("event-2")).contains(mine);
      assertThat(outbox.pending(10)).containsExactly(committed, mine, mineToo);

      outbox.markDelivered("event-1", T0);
      outbox.markDelivered("event-3", T0);
      assertThat(outbox.pending(10)).containsExactly(mine);
      assertThat(outbox.add(committed)).isFalse();
    });

    reading(store, s -> {
      assertThat(s.outbox().pending(10)).containsExactly(mine);
      assertThat(s.outbox().find("event-3")).contains(mineToo);
    });
  }

  @Test
  final void rollsBackEveryAddAndDeliveryWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    DomainEvent committed = event("event-1");
    writing(store, s -> s.outbox().add(committed));

    assertThatThrownBy(() -> writing(store, s -> {
      s.outbox().add(event("event-2"));
      s.outbox().markDelivered("event-1", T0);
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.outbox().find("event-2")).isEmpty();
      assertThat(s.outbox().pending(10)).containsExactly(committed);
    });
    assertThat(store.<Boolean>write(s -> s.outbox().add(event("event-2")))).isTrue();
  }

  @Property(tries = 100)
  final void behavesLikeAnInsertionOrderedMapWithDeliveredFlags(@ForAll("outboxOps") List<OutboxOp> ops) {
    UnitOfWork store = newStore();
    Map<String, Boolean> delivered = new LinkedHashMap<>();

    for (OutboxOp op : ops) {
      String id = "event-" + op.event();
      switch (op.kind()) {
        case ADD -> {
          boolean stored = store.write(s -> s.outbox().add(event(id)));
          assertThat(stored).as("add %s", id).isEqualTo(!delivered.containsKey(id));
          delivered.putIfAbsent(id, false);
        }
        case DELIVER -> {
          writing(store, s -> s.outbox().markDelivered(id, T0));
          delivered.computeIfPresent(id, (k, v) -> true);
        }
        case PENDING -> {
          List<String> expected = delivered.entrySet().stream().filter(e -> !e.getValue())
              .map(Map.Entry::getKey).limit(op.event()).collect(Collectors.toList());
          assertThat(store.<List<DomainEvent>>read(s -> s.outbox().pending(op.event()))).extracting(DomainEvent::id)
              .as("pending(%d)", op.event()).isEqualTo(expected);
        }
        default -> throw new IllegalStateException();
      }
    }
    reading(store, s -> delivered.keySet().forEach(id -> assertThat(s.outbox().find(id)).isPresent()));
  }

  /** One step of the outbox property: add, deliver or list pending (event doubles as the limit). */
  record OutboxOp(Kind kind, int event) {

    /** What the step does. */
    enum Kind { ADD, DELIVER, PENDING }
  }

  @Provide
  Arbitrary<List<OutboxOp>> outboxOps() {
    return Combinators.combine(
            Arbitraries.frequency(Tuple.of(5, OutboxOp.Kind.ADD),
                Tuple.of(3, OutboxOp.Kind.DELIVER), Tuple.of(2, OutboxOp.Kind.PENDING)),
            Arbitraries.integers().between(0, 8))
        .as(OutboxOp::new)
        .list().ofMaxSize(40);
  }
}
