package org.fangfanpin.adapters.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.LedgerRepository;

/**
 * The fund ledger as one session sees it: the committed transfers followed by the session's
 * postings, with the balances of the accounts it touched and the reversals it posted kept beside
 * the committed indices. Every read and every posting costs the same however long the ledger is.
 *
 * <p>A balance read for update is the plain balance: write sessions of the store run one at a
 * time, so no other unit of work can change it before this one ends.
 */
final class SessionLedger implements LedgerRepository {

  private final Session session;
  private final LedgerTable table;
  private Map<String, Transfer> staged;
  private Map<String, Transfer> stagedReversals;
  private Map<AccountRef, Long> stagedBalances;

  SessionLedger(Session session, LedgerTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<Transfer> find(String transferId) {
    session.checkOpen();
    return Optional.ofNullable(current(Objects.requireNonNull(transferId, "transferId")));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The balances stay exact: a posting that would take a balance beyond the range of a
   * {@code long} throws {@link ArithmeticException} and is not staged.
   */
  @Override
  public void post(Transfer transfer) {
    session.checkWritable();
    Objects.requireNonNull(transfer, "transfer");
    if (current(transfer.id()) != null) {
      throw new DuplicateKeyException("the transfer id is taken");
    }
    Optional<String> original = transfer.reverses();
    if (original.isPresent() && reversal(original.get()) != null) {
      throw new DuplicateKeyException("the transfer named by the reversal is already reversed");
    }
    long amount = transfer.amount().fen();
    long from = Math.subtractExact(fen(transfer.from()), amount);
    long to = Math.addExact(fen(transfer.to()), amount);
    if (staged == null) {
      staged = new LinkedHashMap<>();
      stagedBalances = new HashMap<>();
    }
    staged.put(transfer.id(), transfer);
    stagedBalances.put(transfer.from(), from);
    stagedBalances.put(transfer.to(), to);
    if (original.isPresent()) {
      if (stagedReversals == null) {
        stagedReversals = new HashMap<>();
      }
      stagedReversals.put(original.get(), transfer);
    }
  }

  @Override
  public Money balance(AccountRef account) {
    session.checkOpen();
    return Money.ofFen(fen(Objects.requireNonNull(account, "account")));
  }

  @Override
  public Optional<Transfer> reversalOf(String transferId) {
    session.checkOpen();
    return Optional.ofNullable(reversal(Objects.requireNonNull(transferId, "transferId")));
  }

  @Override
  public Stream<Transfer> transfers(AreaCode county, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    List<Transfer> committed = table.byFund.get(new LedgerTable.Fund(county, fundYear));
    List<Transfer> found = new ArrayList<>(committed == null ? 0 : committed.size());
    if (committed != null) {
      found.addAll(committed);
    }
    if (staged != null) {
      for (Transfer t : staged.values()) {
        if (t.fundYear() == fundYear && t.county().equals(county)) {
          found.add(t);
        }
      }
    }
    return found.stream();
  }

  /**
   * Appends the staged transfers in order of posting and sets the final balance of every account
   * they touched. Each balance was computed exactly when its transfer was staged, so nothing here
   * can fail.
   */
  void commit() {
    if (staged != null) {
      staged.values().forEach(table::add);
      stagedBalances.forEach(table::setBalance);
    }
  }

  private Transfer current(String id) {
    Transfer t = staged == null ? null : staged.get(id);
    return t != null ? t : table.byId.get(id);
  }

  private Transfer reversal(String originalId) {
    Transfer t = stagedReversals == null ? null : stagedReversals.get(originalId);
    return t != null ? t : table.reversalByOriginal.get(originalId);
  }

  private long fen(AccountRef account) {
    Long mine = stagedBalances == null ? null : stagedBalances.get(account);
    return mine != null ? mine : table.balance(account);
  }
}
