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

  /**
   * The chain's format is stored: records hashed by an earlier release must still verify. The last
   * hash below was computed by the code before the hasher wrote numbers and ASCII values straight
   * into its buffer (twelve records, two-digit sequences, Chinese text in an actor id and a state).
   */
  @Test
  void theHashOfAKnownChainIsTheOneEarlierReleasesComputed() {
    Actor village = Actor.of("村组-1", Role.VILLAGE_WORKING_GROUP, AreaCode.of("611022100201"));
    Optional<AuditRecord> last = Optional.empty();
    for (int i = 0; i < 12; i++) {
      last = Optional.of(AuditChain.next(last, COUNTY, T0.plusSeconds(61L * i), i % 2 == 0 ? village : COUNTY_OFFICER,
          "review.step" + i, "case-" + (i % 3), i == 0 ? Optional.empty() : Optional.of("S" + (i - 1)),
          i == 7 ? "已确认" : "S" + i));
    }
    assertThat(last.get().sequence()).isEqualTo(12);
    assertThat(last.get().hash()).isEqualTo("d680f55d3dcb2874de6cd46e49bd6956f5dbf6f0dd8e67df8bcd95e24510b613");
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

  /**
   * The hash input is a stable format — every field as {@code <length in chars>:<value>;} in UTF-8
   * — because stored chains must verify after an upgrade; the fast encoder must agree with this
   * plain reference on any text, non-ASCII and surrogates included.
   */
  @Property(tries = 300)
  void theHashIsTheSha256OfTheLengthPrefixedFields(@ForAll String actorId, @ForAll String action,
      @ForAll String subjectId, @ForAll("before") Optional<String> before, @ForAll String after,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seconds) throws Exception {
    AuditRecord r = chain(2).get(1).withActorId(actorId).withAction(action).withSubjectId(subjectId)
        .withBeforeState(before).withAfterState(after).withAt(T0.plusSeconds(seconds).plusNanos(seconds % 7));
    StringBuilder b = new StringBuilder();
    for (String f : List.of(r.county().code(), Long.toString(r.sequence()), r.at().toString(), r.actorId(),
        r.actorRole().name(), r.action(), r.subjectId(), r.beforeState().map(x -> "+" + x).orElse("-"),
        r.afterState(), r.previousHash())) {
      b.append(f.length()).append(':').append(f).append(';');
    }
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
        .digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte x : digest) {
      hex.append(String.format("%02x", x));
    }
    assertThat(AuditChain.hashOf(r)).isEqualTo(hex.toString());
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Optional<String>> before() {
    return net.jqwik.api.Arbitraries.strings().ofMaxLength(600).optional().map(o -> o);
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
