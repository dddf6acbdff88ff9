package org.fangfanpin.spi.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;

/**
 * The fund ledger (资金台账): transfers, appended only. The balance of an account is what entered
 * it minus what left it; for a source account that is the negative of what it brought in.
 */
public interface LedgerRepository {

  /** The transfer with the id. */
  Optional<Transfer> find(String transferId);

  /**
   * Appends a transfer. Throws {@link DuplicateKeyException} when the id is taken, or when the
   * transfer reverses one that is already reversed.
   */
  void post(Transfer transfer);

  /** The account's balance: credits minus debits, in fen. */
  Money balance(AccountRef account);

  /**
   * The account's balance, read so that no other unit of work can change it before this one ends
   * (a row lock, a serialised store). Use it for every balance a posting decision rests on.
   */
  default Money balanceForUpdate(AccountRef account) {
    return balance(account);
  }

  /** The reversal of a transfer, if it was reversed. */
  Optional<Transfer> reversalOf(String transferId);

  /** The transfers of a county's fund year in order of posting. Valid inside the session; close it. */
  Stream<Transfer> transfers(AreaCode county, int fundYear);
}
