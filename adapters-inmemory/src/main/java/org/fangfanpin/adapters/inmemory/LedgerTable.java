package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;

/**
 * The committed fund ledger (资金台账): transfers by id, the reversal of each reversed transfer, the
 * transfers of each county's fund year in order of posting, and a running balance per account, so
 * that a balance is read without summing the transfers.
 */
final class LedgerTable {

  /** A county's fund of one year. */
  record Fund(AreaCode county, int year) {

    static Fund of(Transfer t) {
      return new Fund(t.county(), t.fundYear());
    }
  }

  /** The running balance of one account in fen, changed in place when a session commits. */
  static final class Running {
    long fen;
  }

  final Map<String, Transfer> byId = new HashMap<>();
  final Map<String, Transfer> reversalByOriginal = new HashMap<>();
  final Map<Fund, List<Transfer>> byFund = new HashMap<>();
  final Map<AccountRef, Running> balances = new HashMap<>();

  /** The account's committed balance in fen; 0 for an account no transfer has touched. */
  long balance(AccountRef account) {
    Running r = balances.get(account);
    return r == null ? 0 : r.fen;
  }

  /** Appends the transfer; its effect on the balances is applied by {@link #setBalance}. */
  void add(Transfer t) {
    byId.put(t.id(), t);
    t.reverses().ifPresent(original -> reversalByOriginal.put(original, t));
    byFund.computeIfAbsent(Fund.of(t), f -> new ArrayList<>()).add(t);
  }

  void setBalance(AccountRef account, long fen) {
    balances.computeIfAbsent(account, a -> new Running()).fen = fen;
  }
}
