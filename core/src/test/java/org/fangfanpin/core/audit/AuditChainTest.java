package org.fangfanpin.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Role;
import org.junit.jupiter.api.Test;

/** The hash chain of the audit trail finds every kind of tampering, naming the first broken link. */
class AuditChainTest {

  static final AreaCode COUNTY = AreaCode.of("611022000000");
  static final Actor VILLAGE = Actor.of("vwg-1", Role.VILLAGE_WORKING_GROUP, AreaCode.of("611022100201"));
  static final Actor COUNTY_OFFICER = Actor.of("county-1", Role.COUNTY_OFFICE, COUNTY);
  static final Instant T0 = Instant.parse("2025-03-03T01:00:00Z");

  static List<AuditRecord> chain(int length) {
    List<AuditRecord> records = new ArrayList<>();
    Optional<AuditRecord> last = Optional.empty();
    for (int i = 0; i < length; i++) {
      AuditRecord r = AuditChain.next(last, COUNTY, T0.plusSeconds(60L * i), i % 2 == 0 ? VILLAGE : COUNTY_OFFICER,
          "review.step" + i, "case-" + (i % 3), i == 0 ? Optional.empty() : Optional.of("S" + (i - 1)), "S" + i);
      records.add(r);
      last = Optional.of(r);
    }
    return records;
  }

  @Test
  void anUntouchedChainVerifiesAndReportsItsLastHash() {
    List<AuditRecord> records = chain(5);
    ChainVerification v = AuditChain.verify(records.iterator());
    assertThat(v.valid()).isTrue();
    assertThat(v.recordsChecked()).isEqualTo(5);
    assertThat(v.firstBrokenSequence()).isEmpty();
    assertThat(v.lastHash()).isEqualTo(records.get(4).hash()).hasSize(64);
  }

  @Test
  void anEmptyChainIsValid() {
    ChainVerification v = AuditChain.verify(List.<AuditRecord>of().iterator());
    assertThat(v.valid()).isTrue();
    assertThat(v.recordsChecked()).isZero();
    assertThat(v.lastHash()).isEmpty();
  }

  @Test
  void theFirstRecordStartsAtOneWithAnEmptyPreviousHashAndEachLinksToTheOneBefore() {
    List<AuditRecord> records = chain(3);
    assertThat(records.get(0).sequence()).isEqualTo(1);
    assertThat(records.get(0).previousHash()).isEmpty();
    assertThat(records.get(1).previousHash()).isEqualTo(records.get(0).hash());
    assertThat(records.get(2).previousHash()).isEqualTo(records.get(1).hash());
  }

  @Test
  void anAlteredRecordIsNamedAsTheFirstBrokenLink() {
    List<AuditRecord> records = chain(5);
    records.set(2, records.get(2).withAfterState("CONFIRMED"));
    ChainVerification v = AuditChain.verify(records.iterator());
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(3L);
    assertThat(v.code()).isEqualTo("audit.hash_mismatch");
    assertThat(v.recordsChecked()).isEqualTo(2);
  }

  @Test
  void anAlteredRecordWhoseHashWasRecomputedBreaksTheNextLink() {
    List<AuditRecord> records = chain(5);
    AuditRecord forged = records.get(1).withActorId("someone-else");
    records.set(1, forged.withHash(AuditChain.hashOf(forged)));
    ChainVerification v = AuditChain.verify(records.iterator());
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSequence()).contains(3L);
    assertThat(v.code()).isEqualTo("audit.previous_hash_mismatch");
  }

  @Test
  void aRecordRemovedFromTheMiddleIsFoundAsASequenceGap() {
    List<AuditRecord> records = chain(5);
    records.remove(2);
    ChainVerification v = AuditChain.verify(records.iterator());
    assertThat(v.valid()).isFalse();
    assertThat(v.code()).isEqualTo("audit.sequence_gap");
    assertThat(v.firstBrokenSequence()).contains(3L);
  }

  @Test
  void swappedRecordsAreFound() {
    List<AuditRecord> records = chain(5);
    AuditRecord second = records.get(1);
    records.set(1, records.get(2));
    records.set(2, second);
    assertThat(AuditChain.verify(records.iterator()).valid()).isFalse();
  }

  @Test
  void recordsRemovedFromTheEndAreFoundOnlyAgainstAnAnchor() {
    List<AuditRecord> records = chain(5);
    String anchor = records.get(4).hash();
    List<AuditRecord> truncated = records.subList(0, 3);
    assertThat(AuditChain.verify(truncated.iterator()).valid()).isTrue();
    ChainVerification v = AuditChain.verify(truncated.iterator(), Optional.of(anchor));
    assertThat(v.valid()).isFalse();
    assertThat(v.code()).isEqualTo("audit.anchor_mismatch");
    assertThat(v.firstBrokenSequence()).contains(4L);
    assertThat(AuditChain.verify(records.iterator(), Optional.of(anchor)).valid()).isTrue();
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeAHash() {
    AuditRecord r = chain(1).get(0);
    AuditRecord a = r.withAction("ab").withSubjectId("c");
    AuditRecord b = r.withAction("a").withSubjectId("bc");
    assertThat(AuditChain.hashOf(a)).isNotEqualTo(AuditChain.hashOf(b));
  }

  @Test
  void aMissingBeforeStateDiffersFromEveryPresentOne() {
    AuditRecord r = chain(1).get(0);
    assertThat(AuditChain.hashOf(r.withBeforeState(Optional.of("-")))).isNotEqualTo(AuditChain.hashOf(r));
    assertThat(AuditChain.hashOf(r.withBeforeState(Optional.of("")))).isNotEqualTo(AuditChain.hashOf(r));
  }

  @Property(tries = 200)
  void changingAnyFieldOfAnyRecordBreaksTheChain(@ForAll @IntRange(min = 1, max = 8) int length,
      @ForAll @IntRange(min = 0, max = 7) int index, @ForAll @IntRange(min = 0, max = 8) int field) {
    List<AuditRecord> records = chain(length);
    int i = index % length;
    List<UnaryOperator<AuditRecord>> edits = List.of(
        r -> r.withCounty(AreaCode.of("611002000000")),
        r -> r.withSequence(r.sequence() + 100),
        r -> r.withAt(r.at().plusMillis(1)),
        r -> r.withActorId(r.actorId() + "x"),
        r -> r.withActorRole(r.actorRole() == Role.TOWNSHIP_HEAD ? Role.COUNTY_OFFICE : Role.TOWNSHIP_HEAD),
        r -> r.withAction(r.action() + "x"),
        r -> r.withSubjectId(r.subjectId() + "x"),
        r -> r.withBeforeState(r.beforeState().isPresent() ? Optional.empty() : Optional.of("X")),
        r -> r.withAfterState(r.afterState() + "x"));
    records.set(i, edits.get(field).apply(records.get(i)));
    ChainVerification v = AuditChain.verify(records.iterator());
    assertThat(v.valid()).isFalse();
    assertThat(v.firstBrokenSequence()).contains((long) i + 1);
  }
}
