package org.fangfanpin.spi.fund;

/** What a transfer records (转账类别). */
public enum TransferKind {
  /** Fiscal money enters the pool (财政拨入): appropriation → pool. */
  APPROPRIATION,
  /** A donation enters the pool (捐赠拨入): donation → pool. */
  DONATION,
  /** Aid paid to a household (救助发放): pool → aid paid. */
  PAYMENT,
  /** A correction that undoes an earlier transfer in full (冲正): its accounts swapped. */
  REVERSAL
}
