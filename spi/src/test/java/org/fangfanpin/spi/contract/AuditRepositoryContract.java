package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.auditChain;
import static org.fangfanpin.spi.contract.StoreFixtures.auditRecord;
import static org.fangfanpin.spi.contract.StoreFixtures.auditRecordAfter;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.firstAuditRecord;
import static org.fangfanpin.spi.contract.Work.failureOf;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AuditRepository} (审计轨迹契约): one append-only chain per county, each
 * record numbered one more than the last, never a gap nor a repeat. Extend it with a factory for a
 * fresh, empty store.
 */
public abstract class AuditRepositoryContract {

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  @Test
  final void aCountyWithoutRecordsHasNoLastRecordAndAnEmptyChain() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.audit().last(COUNTY)).isEmpty();
      assertThat(drain(s.audit().chain(COUNTY))).isEmpty();
    });
  }

  @Test
  final void appendsTheFirstRecordOfACountyWithSequenceOne() {
    UnitOfWork store = newStore();
    AuditRecord first = firstAuditRecord(COUNTY);

    writing(store, s -> s.audit().append(first));

    reading(store, s -> {
      assertThat(s.audit().last(COUNTY)).contains(first);
      assertThat(drain(s.audit().chain(COUNTY))).containsExactly(first);
    });
  }

  @Test
  final void keepsEveryFieldOfARecordWithAndWithoutABeforeState() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 2);
    assertThat(chain.get(0).beforeState()).isEmpty();
    assertThat(chain.get(1).beforeState()).isPresent();

    writing(store, s -> chain.forEach(s.audit()::append));

    assertThat(store.<List<AuditRecord>>read(s -> drain(s.audit().chain(COUNTY)))).isEqualTo(chain);
  }

  @Test
  final void rejectsAFirstRecordWhoseSequenceIsNotOne() {
    UnitOfWork store = newStore();

    for (long sequence : new long[] {0, 2, 7}) {
      assertThatThrownBy(() -> writing(store, s -> s.audit().append(auditRecord(COUNTY, sequence, ""))))
          .as("sequence %d", sequence)
          .isInstanceOf(DuplicateKeyException.class);
    }

    assertThat(store.<Optional<AuditRecord>>read(s -> s.audit().last(COUNTY))).isEmpty();
  }

  @Test
  final void chainListsTheRecordsInOrderOfSequenceAndLastIsTheNewest() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 5);

    writing(store, s -> chain.subList(0, 2).forEach(s.audit()::append));
    writing(store, s -> s.audit().append(chain.get(2)));
    writing(store, s -> chain.subList(3, 5).forEach(s.audit()::append));

    reading(store, s -> {
      assertThat(drain(s.audit().chain(COUNTY))).containsExactlyElementsOf(chain);
      assertThat(s.audit().last(COUNTY)).contains(chain.get(4));
    });
  }

  @Test
  final void rejectsARecordThatWouldLeaveAGap() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 4);
    writing(store, s -> chain.subList(0, 2).forEach(s.audit()::append));

    assertThatThrownBy(() -> writing(store, s -> s.audit().append(chain.get(3))))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(store.<Optional<AuditRecord>>read(s -> s.audit().last(COUNTY))).contains(chain.get(1));
  }

  @Test
  final void rejectsARecordThatRepeatsASequence() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 3);
    writing(store, s -> chain.forEach(s.audit()::append));

    assertThatThrownBy(() -> writing(store, s -> s.audit().append(chain.get(2))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.audit().append(auditRecord(COUNTY, 2, "tampered"))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.audit().append(firstAuditRecord(COUNTY))))
        .isInstanceOf(DuplicateKeyException.class);

    assertThat(store.<List<AuditRecord>>read(s -> drain(s.audit().chain(COUNTY)))).isEqualTo(chain);
  }

  @Test
  final void theChainsOfTwoCountiesAreIndependent() {
    UnitOfWork store = newStore();
    List<AuditRecord> danfeng = auditChain(COUNTY, 3);
    List<AuditRecord> luonan = auditChain(OTHER_COUNTY, 2);

    writing(store, s -> {
      s.audit().append(danfeng.get(0));
      s.audit().append(luonan.get(0));
      s.audit().append(danfeng.get(1));
    });
    writing(store, s -> {
      s.audit().append(luonan.get(1));
      s.audit().append(danfeng.get(2));
    });

    reading(store, s -> {
      assertThat(drain(s.audit().chain(COUNTY))).isEqualTo(danfeng);
      assertThat(drain(s.audit().chain(OTHER_COUNTY))).isEqualTo(luonan);
      assertThat(s.audit().last(COUNTY)).contains(danfeng.get(2));
      assertThat(s.audit().last(OTHER_COUNTY)).contains(luonan.get(1));
    });
  }

  @Test
  final void aGapInOneCountyLeavesTheOtherCountyAppendable() {
    UnitOfWork store = newStore();
    writing(store, s -> s.audit().append(firstAuditRecord(COUNTY)));

    assertThatThrownBy(() -> writing(store, s -> s.audit().append(auditRecord(OTHER_COUNTY, 2, ""))))
        .isInstanceOf(DuplicateKeyException.class);
    writing(store, s -> s.audit().append(firstAuditRecord(OTHER_COUNTY)));

    assertThat(store.<Optional<AuditRecord>>read(s -> s.audit().last(OTHER_COUNTY))).contains(firstAuditRecord(OTHER_COUNTY));
  }

  @Test
  final void aWriteSessionSeesItsOwnAppendsAndNumbersAfterThem() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 4);
    writing(store, s -> s.audit().append(chain.get(0)));

    writing(store, s -> {
      s.audit().append(chain.get(1));
      assertThat(s.audit().last(COUNTY)).contains(chain.get(1));
      assertThatThrownBy(() -> s.audit().append(chain.get(1))).isInstanceOf(DuplicateKeyException.class);
      s.audit().append(auditRecordAfter(s.audit().last(COUNTY).orElseThrow()));
      assertThat(drain(s.audit().chain(COUNTY))).isEqualTo(chain.subList(0, 3));
    });

    writing(store, s -> s.audit().append(chain.get(3)));
    assertThat(store.<List<AuditRecord>>read(s -> drain(s.audit().chain(COUNTY)))).isEqualTo(chain);
  }

  @Test
  final void rollsBackEveryAppendWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    List<AuditRecord> chain = auditChain(COUNTY, 3);
    writing(store, s -> s.audit().append(chain.get(0)));

    assertThatThrownBy(() -> writing(store, s -> {
      s.audit().append(chain.get(1));
      s.audit().append(chain.get(2));
      s.audit().append(firstAuditRecord(OTHER_COUNTY));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(drain(s.audit().chain(COUNTY))).containsExactly(chain.get(0));
      assertThat(s.audit().last(OTHER_COUNTY)).isEmpty();
    });
    writing(store, s -> s.audit().append(chain.get(1)));
  }

  @Property(tries = 100)
  final void acceptsARecordExactlyWhenItsSequenceIsTheCountysLastPlusOne(
      @ForAll("appends") List<Tuple.Tuple2<AreaCode, Integer>> appends) {
    UnitOfWork store = newStore();
    Map<AreaCode, List<AuditRecord>> model = new HashMap<>();

    for (Tuple.Tuple2<AreaCode, Integer> append : appends) {
      List<AuditRecord> chain = model.computeIfAbsent(append.get1(), c -> new ArrayList<>());
      String previousHash = chain.isEmpty() ? "" : chain.get(chain.size() - 1).hash();
      AuditRecord record = auditRecord(append.get1(), chain.size() + (long) append.get2(), previousHash);

      RuntimeException failure = failureOf(() -> writing(store, s -> s.audit().append(record)));

      if (append.get2() == 1) {
        assertThat(failure).isNull();
        chain.add(record);
      } else {
        assertThat(failure).isInstanceOf(DuplicateKeyException.class);
      }
    }

    reading(store, s -> {
      for (AreaCode county : List.of(COUNTY, OTHER_COUNTY)) {
        List<AuditRecord> expected = model.getOrDefault(county, List.of());
        assertThat(drain(s.audit().chain(county))).isEqualTo(expected);
        assertThat(s.audit().last(county))
            .isEqualTo(expected.stream().reduce((a, b) -> b));
      }
    });
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<AreaCode, Integer>>> appends() {
    Arbitrary<Integer> step = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(0)), Tuple.of(1, Arbitraries.just(2)),
        Tuple.of(1, Arbitraries.just(-1)), Tuple.of(1, Arbitraries.integers().between(3, 10)));
    return Combinators.combine(Arbitraries.of(COUNTY, OTHER_COUNTY), step).as(Tuple::of).list().ofMaxSize(30);
  }
}
