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

  private AuditChain() {}

  /**
   * The record that follows {@code previous} (or starts the county's chain), sealed with its
   * hash.
   */
  public static AuditRecord next(Optional<AuditRecord> previous, AreaCode county, Instant at, Actor actor,
      String action, String subjectId, Optional<String> beforeState, String afterState) {
    AuditRecord unsealed = AuditRecord.builder()
        .county(county)
        .sequence(previous.map(p -> p.sequence() + 1).orElse(1L))
        .at(at)
        .actorId(actor.id())
        .actorRole(actor.role())
        .action(action)
        .subjectId(subjectId)
        .beforeState(beforeState)
        .afterState(afterState)
        .previousHash(previous.map(AuditRecord::hash).orElse(""))
        .hash("")
        .build();
    return unsealed.withHash(hashOf(unsealed));
  }

  /** The hash a record should carry: hex SHA-256 over every field but the hash itself. */
  public static String hashOf(AuditRecord r) {
    StringBuilder b = new StringBuilder(256);
    // Each field is length-prefixed, so no choice of field values can make two records collide.
    field(b, r.county().code());
    field(b, Long.toString(r.sequence()));
    field(b, r.at().toString());
    field(b, r.actorId());
    field(b, r.actorRole().name());
    field(b, r.action());
    field(b, r.subjectId());
    field(b, r.beforeState().map(s -> "+" + s).orElse("-"));
    field(b, r.afterState());
    field(b, r.previousHash());
    return hex(sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
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
