package org.fangfanpin.spi.store;

import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;

/**
 * The fund ledger (资金台账): transfers, appended only. The balance of an account is what entered
 * it minus what left it ({@code Money.ZERO} for an account nothing touched); for a source account
 * that is the negative of what it brought in.
 *
 * <p>The ledger records and checks no balance: the use cases decide on
 * {@link #balanceForUpdate} in the same unit of work as the posting, so the pool and the aid
 * accounts never go below zero.
 */
public interface LedgerRepository {

  /** The transfer with the id. */
  Optional<Transfer> find(String transferId);

  /**
   * Appends a transfer. Throws {@link DuplicateKeyException} when the id is taken, or when the
   * transfer reverses one that is already reversed.
   */
  void post(Transfer transfer);

  /** The account's balance: credits minus debits. */
  Money balance(AccountRef account);

  /**
   * The account's balance, read so that no other unit of work can change it before this one ends
   * (a row lock, a serialised store). Use it for every balance a posting decision rests on. In a
   * read session it is the plain balance.
   */
  default Money balanceForUpdate(AccountRef account) {
    return balance(account);
  }

  /** The reversal of a transfer, if it was reversed. */
  Optional<Transfer> reversalOf(String transferId);

  /** The transfers of a county's fund year in order of posting. Valid inside the session; close it. */
  Stream<Transfer> transfers(AreaCode county, int fundYear);
}
