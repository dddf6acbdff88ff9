package org.fangfanpin.core.audit;

import java.util.Optional;

/**
 * The result of verifying an audit chain (审计链校验结果): valid, with the number of records and the
 * last hash (which a host may keep as an anchor), or broken, naming the first broken link.
 *
 * @param valid whether every link holds
 * @param recordsChecked the records found in order before the first broken link (all, when valid)
 * @param firstBrokenSequence the sequence of the first record that breaks the chain
 * @param code a stable code for the kind of break
 * @param zh what is wrong, in Chinese
 * @param en what is wrong, in English
 * @param lastHash the hash of the last record, when valid ("" for an empty chain)
 */
public record ChainVerification(boolean valid, long recordsChecked, Optional<Long> firstBrokenSequence,
    String code, String zh, String en, String lastHash) {

  static ChainVerification valid(long records, String lastHash) {
    return new ChainVerification(true, records, Optional.empty(), "audit.valid", "审计链完整", "the chain is intact",
        lastHash);
  }

  static ChainVerification broken(long checked, long firstBroken, String code, String zh, String en) {
    return new ChainVerification(false, checked, Optional.of(firstBroken), code, zh, en, "");
  }
}
