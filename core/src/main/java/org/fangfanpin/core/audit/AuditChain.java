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

  private static final byte[] HEX_BYTES = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
  // A digest is not thread-safe and costly to look up; digest() resets it for the next use.
  private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

  private AuditChain() {}

  /**
   * The record that follows {@code previous} (or starts the county's chain), sealed with its
   * hash.
   */
  public static AuditRecord next(Optional<AuditRecord> previous, AreaCode county, Instant at, Actor actor,
      String action, String subjectId, Optional<String> beforeState, String afterState) {
    // Without Optional.map: it boxes the sequence, once per record.
    long sequence = previous.isPresent() ? previous.get().sequence() + 1 : 1L;
    String previousHash = previous.isPresent() ? previous.get().hash() : "";
    // Hash the fields first, so the record is made once and without a builder: intake appends one
    // per signal.
    String hash = hash(county, sequence, at, actor.id(), actor.role().name(), action, subjectId, beforeState,
        afterState, previousHash);
    return AuditRecord.of(county, sequence, at, actor.id(), actor.role(), action, subjectId, beforeState, afterState,
        previousHash, hash);
  }

  /** The hash a record should carry: hex SHA-256 over every field but the hash itself. */
  public static String hashOf(AuditRecord r) {
    return hash(r.county(), r.sequence(), r.at(), r.actorId(), r.actorRole().name(), r.action(), r.subjectId(),
        r.beforeState(), r.afterState(), r.previousHash());
  }

  private static String hash(AreaCode county, long sequence, Instant at, String actorId, String role, String action,
      String subjectId, Optional<String> beforeState, String afterState, String previousHash) {
    // Each field is length-prefixed ("<length in chars>:<value>;", UTF-8), so no choice of field
    // values can make two records collide. The bytes go straight into the digest: one record per
    // signal is hashed at intake, and building a string of them first cost more than the digest.
    Hasher h = HASHER.get();
    h.field(county.code());
    h.field(sequence);
    h.field(h.instant(at));
    h.field(actorId);
    h.field(role);
    h.field(action);
    h.field(subjectId);
    if (beforeState.isPresent()) {
      String before = beforeState.get();
      h.prefixedField('+', before);
    } else {
      h.field("-");
    }
    h.field(afterState);
    h.field(previousHash);
    return h.hexDigest();
  }

  /**
   * A thread's digest with a small buffer: ASCII values are copied into the buffer byte for byte
   * (their UTF-8 form), any other value is encoded as UTF-8; the buffer is fed to the digest
   * when full and at the end.
   */
  private static final class Hasher {
    private final MessageDigest digest = sha256();
    private final byte[] buf = new byte[512];
    private final byte[] out = new byte[32];
    private final byte[] hex = new byte[64];
    private final byte[] digits = new byte[20];
    private int len;
    private Instant lastInstant;
    private String lastInstantText;

    /** The instant's ISO form, remembered for the next record: most records of a run share it. */
    String instant(Instant at) {
      if (!at.equals(lastInstant)) {
        lastInstantText = at.toString();
        lastInstant = at;
      }
      return lastInstantText;
    }

    void field(String value) {
      length(value.length());
      put((byte) ':');
      chars(value);
      put((byte) ';');
    }

    /** The field of a number's decimal form, without building that string. */
    void field(long value) {
      if (value < 0) {
        field(Long.toString(value));
        return;
      }
      int start = digits.length;
      long v = value;
      do {
        digits[--start] = (byte) ('0' + v % 10);
        v /= 10;
      } while (v != 0);
      length(digits.length - start);
      put((byte) ':');
      for (int i = start; i < digits.length; i++) {
        put(digits[i]);
      }
      put((byte) ';');
    }

    /** The field {@code mark + value}, without building that string. */
    void prefixedField(char mark, String value) {
      length(value.length() + 1);
      put((byte) ':');
      put((byte) mark);
      chars(value);
      put((byte) ';');
    }

    private void length(int n) {
      if (n < 10) {
        put((byte) ('0' + n));
      } else if (n < 100) {
        put((byte) ('0' + n / 10));
        put((byte) ('0' + n % 10));
      } else {
        ascii(Integer.toString(n));
      }
    }

    private void chars(String value) {
      int n = value.length();
      for (int i = 0; i < n; i++) {
        if (value.charAt(i) >= 0x80) {
          bytes(value.getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
      ascii(value);
    }

    // String.getBytes(int, int, byte[], int) keeps the low byte of each char: the UTF-8 form of an
    // ASCII string, copied in one step (deprecated only because other strings lose their high byte).
    @SuppressWarnings("deprecation")
    private void ascii(String value) {
      int n = value.length();
      int i = 0;
      while (i < n) {
        if (len == buf.length) {
          flush();
        }
        int chunk = Math.min(n - i, buf.length - len);
        value.getBytes(i, i + chunk, buf, len);
        i += chunk;
        len += chunk;
      }
    }

    private void bytes(byte[] b) {
      flush();
      digest.update(b);
    }

    private void put(byte b) {
      if (len == buf.length) {
        flush();
      }
      buf[len++] = b;
    }

    private void flush() {
      if (len > 0) {
        digest.update(buf, 0, len);
        len = 0;
      }
    }

    String hexDigest() {
      flush();
      try {
        digest.digest(out, 0, out.length);
      } catch (java.security.DigestException e) {
        throw new IllegalStateException("SHA-256 yields 32 bytes", e);
      }
      for (int i = 0; i < out.length; i++) {
        hex[2 * i] = HEX_BYTES[(out[i] >> 4) & 0xf];
        hex[2 * i + 1] = HEX_BYTES[out[i] & 0xf];
      }
      return new String(hex, StandardCharsets.ISO_8859_1);
    }
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

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

}
