package org.fangfanpin.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;

/**
 * The hash chain of the audit trail (审计哈希链). Each record's hash covers every field and the
 * previous record's hash, so changing, removing or reordering a record breaks every link after
 * it. Removing records from the end cannot be seen from the chain alone: a host that needs that
 * keeps the last hash elsewhere (an anchor) and passes it to {@link #verify(Iterator, Optional)}.
 */
public final class AuditChain {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  // A digest is not thread-safe and costly to look up; digest() resets it for the next use.
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(AuditChain::sha256);

  private AuditChain() {}

  /**
   * The record that follows {@code previous} (or starts the county's chain), sealed with its
   * hash.
   */
  public static AuditRecord next(Optional<AuditRecord> previous, AreaCode county, Instant at, Actor actor,
      String action, String subjectId, Optional<String> beforeState, String afterState) {
    long sequence = previous.map(p -> p.sequence() + 1).orElse(1L);
    String previousHash = previous.map(AuditRecord::hash).orElse("");
    // Hash the fields first, so the record is built once: intake appends one per signal.
    String hash = hash(county, sequence, at, actor.id(), actor.role().name(), action, subjectId, beforeState,
        afterState, previousHash);
    return AuditRecord.builder()
        .county(county)
        .sequence(sequence)
        .at(at)
        .actorId(actor.id())
        .actorRole(actor.role())
        .action(action)
        .subjectId(subjectId)
        .beforeState(beforeState)
        .afterState(afterState)
        .previousHash(previousHash)
        .hash(hash)
        .build();
  }

  /** The hash a record should carry: hex SHA-256 over every field but the hash itself. */
  public static String hashOf(AuditRecord r) {
    return hash(r.county(), r.sequence(), r.at(), r.actorId(), r.actorRole().name(), r.action(), r.subjectId(),
        r.beforeState(), r.afterState(), r.previousHash());
  }

  private static String hash(AreaCode county, long sequence, Instant at, String actorId, String role, String action,
      String subjectId, Optional<String> beforeState, String afterState, String previousHash) {
    StringBuilder b = new StringBuilder(256);
    // Each field is length-prefixed, so no choice of field values can make two records collide.
    field(b, county.code());
    field(b, Long.toString(sequence));
    field(b, at.toString());
    field(b, actorId);
    field(b, role);
    field(b, action);
    field(b, subjectId);
    field(b, beforeState.map(s -> "+" + s).orElse("-"));
    field(b, afterState);
    field(b, previousHash);
    return hex(SHA256.get().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** Verifies a county's chain, read in order of sequence. */
  public static ChainVerification verify(Iterator<AuditRecord> chain) {
    return verify(chain, Optional.empty());
  }

  /**
   * Verifies a chain and, when an anchor is given, that the chain ends with a record of that hash
   * (so records removed from the end are found).
   */
  public static ChainVerification verify(Iterator<AuditRecord> chain, Optional<String> anchor) {
    long expected = 1;
    String previousHash = "";
    while (chain.hasNext()) {
      AuditRecord r = chain.next();
      if (r.sequence() != expected) {
        return ChainVerification.broken(expected - 1, expected, "audit.sequence_gap",
            "序号应为 " + expected + "，实为 " + r.sequence(),
            "expected sequence " + expected + ", found " + r.sequence());
      }
      if (!r.previousHash().equals(previousHash)) {
        return ChainVerification.broken(expected - 1, r.sequence(), "audit.previous_hash_mismatch",
            "第 " + r.sequence() + " 条记录的前序哈希与上一条不符",
            "record " + r.sequence() + " does not carry the previous record's hash");
      }
      if (!hashOf(r).equals(r.hash())) {
        return ChainVerification.broken(expected - 1, r.sequence(), "audit.hash_mismatch",
            "第 " + r.sequence() + " 条记录的内容与其哈希不符（被改动）",
            "record " + r.sequence() + " does not match its hash (it was altered)");
      }
      previousHash = r.hash();
      expected++;
    }
    long count = expected - 1;
    if (anchor.isPresent() && !anchor.get().equals(previousHash)) {
      return ChainVerification.broken(count, count + 1, "audit.anchor_mismatch",
          "链尾哈希与外部锚点不符（末尾记录缺失或被改动）",
          "the chain does not end with the anchored hash (records missing at the end, or altered)");
    }
    return ChainVerification.valid(count, previousHash);
  }

  private static void field(StringBuilder b, String value) {
    b.append(value.length()).append(':').append(value).append(';');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }
}
