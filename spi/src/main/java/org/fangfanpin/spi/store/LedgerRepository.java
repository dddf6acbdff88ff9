package org.fangfanpin.spi.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * The posted transfers among the ids, by id (批量查询): an id not taken has no entry. It sees and
   * guards what {@link #find} would for each id. The default calls {@link #find} for each id; a
   * database adapter should override it to look them up in one query.
   */
  default Map<String, Transfer> findAll(Collection<String> transferIds) {
    Map<String, Transfer> found = new HashMap<>();
    for (String id : transferIds) {
      if (!found.containsKey(id)) {
        find(id).ifPresent(t -> found.put(id, t));
      }
    }
    return found;
  }

  /**
   * Appends a transfer. Throws {@link DuplicateKeyException} when the id is taken, or when the
   * transfer reverses one that is already reversed.
   */
  void post(Transfer transfer);

  /**
   * Appends the transfers in order (批量记账), as {@link #post} would one after the other. Either all
   * are posted or none: when one is refused ({@link DuplicateKeyException} for a taken id, also
   * one taken earlier in the list, or for a second reversal; {@link ArithmeticException} for a
   * balance beyond the range of a {@code long}) nothing of the call is, and the unit of work may
   * go on. The default checks the whole list first, then calls {@link #post} for each; a database
   * adapter should override it to write them in one batch.
   */
  default void postAll(List<Transfer> transfers) {
    Set<String> ids = new HashSet<>();
    Set<String> reversed = new HashSet<>();
    Map<AccountRef, Long> balances = new HashMap<>();
    for (Transfer t : transfers) {
      if (!ids.add(t.id()) || find(t.id()).isPresent()) {
        throw new DuplicateKeyException("the transfer id is taken / 转账编号已被占用");
      }
      Optional<String> original = t.reverses();
      if (original.isPresent() && (!reversed.add(original.get()) || reversalOf(original.get()).isPresent())) {
        throw new DuplicateKeyException("the transfer named by the reversal is already reversed / 该转账已被冲正");
      }
      long amount = t.amount().fen();
      balances.put(t.from(), Math.subtractExact(balances.computeIfAbsent(t.from(), a -> balance(a).fen()), amount));
      balances.put(t.to(), Math.addExact(balances.computeIfAbsent(t.to(), a -> balance(a).fen()), amount));
    }
    transfers.forEach(this::post);
  }

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

  /**
   * The balances of the accounts, by account, each read as {@link #balanceForUpdate} reads it
   * (批量锁定余额). The default calls {@link #balanceForUpdate} for each; a database adapter should
   * override it to read them in one query.
   */
  default Map<AccountRef, Money> balancesForUpdate(Collection<AccountRef> accounts) {
    Map<AccountRef, Money> found = new HashMap<>();
    for (AccountRef a : accounts) {
      if (!found.containsKey(a)) {
        found.put(a, balanceForUpdate(a));
      }
    }
    return found;
  }

  /** The reversal of a transfer, if it was reversed. */
  Optional<Transfer> reversalOf(String transferId);

  /** The transfers of a county's fund year in order of posting. Valid inside the session; close it. */
  Stream<Transfer> transfers(AreaCode county, int fundYear);
}
