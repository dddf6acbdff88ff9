package org.fangfanpin.adapters.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.LedgerRepository;

/**
 * The fund ledger (资金台账) in tables {@code ffp_transfer} (appended in order of posting) and
 * {@code ffp_account_balance} (the running balance of each account, changed with every posting in
 * the same transaction), so a balance is one row whatever the length of the ledger.
 *
 * <p>Write skew on the pool and the caps: {@link #balanceForUpdate} and {@link #post} lock the row
 * of the county's fund year in {@code ffp_fund_lock} and hold it to the end of the unit of work.
 * Every transfer moves money within one fund and nearly every one touches its pool, so decisions
 * on one fund run one after the other anyway; one lock per fund instead of one per account also
 * means two units can never lock two accounts in opposite orders and deadlock (a payment locks the
 * pool then the household, a reversal the household then the pool).
 */
final class JdbcLedger implements LedgerRepository {

  private static final String WHAT = "ffp_transfer";
  private static final List<String> COLUMNS =
      List.of("id", "county", "fund_year", "from_key", "to_key", "amount_fen", "reverses", "doc");

  private final JdbcSession session;
  private final Set<String> lockedFunds = new HashSet<>();
  /**
   * Balances in fen of accounts whose fund this write session locked, as read or as posted: no
   * other unit of work can change them until this one ends.
   */
  private final Map<String, Long> balances = new HashMap<>();
  /** Accounts whose balance this session changed and has not yet written (see {@link #writeBalances}). */
  private Set<String> unwritten;

  JdbcLedger(JdbcSession session) {
    this.session = session;
  }

  /**
   * {@inheritDoc}
   *
   * <p>In a write session a transfer found locks its fund (what the unit decides next, such as
   * whether it was reversed, rests on it), and an id not found is claimed, so that a unit of work
   * posting under the same id first is seen rather than clashed with.
   */
  @Override
  public Optional<Transfer> find(String transferId) {
    session.checkOpen();
    Objects.requireNonNull(transferId, "transferId");
    if (transferId.length() > Columns.ID) {
      return Optional.empty();
    }
    Optional<Transfer> found = read(transferId);
    if (session.writable) {
      if (found.isPresent()) {
        lockFund(found.get().county(), found.get().fundYear());
      } else {
        session.claim("transfer", transferId);
        found = read(transferId);
      }
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>As {@link #find} for each id: one query for the ids; in a write session the funds of the
   * transfers found are locked, and the ids not found are claimed together and read again.
   */
  @Override
  public Map<String, Transfer> findAll(Collection<String> transferIds) {
    session.checkOpen();
    Objects.requireNonNull(transferIds, "transferIds");
    List<String> ids = transferIds.stream().filter(id -> id.length() <= Columns.ID).distinct().toList();
    Map<String, Transfer> found = readAll(ids);
    if (session.writable && !ids.isEmpty()) {
      lockFunds(found.values().stream().map(t -> fundKey(t.county(), t.fundYear())).toList());
      List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
      if (!missing.isEmpty()) {
        session.claimAll("transfer", missing);
        found.putAll(readAll(missing));
      }
    }
    return found;
  }

  private Map<String, Transfer> readAll(List<String> ids) {
    Map<String, Transfer> found = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Transfer t : session.list(WHAT, "SELECT doc FROM ffp_transfer WHERE " + session.dialect.inArray("id"),
          s -> s.setArray(1, session.texts(ids)), r -> Documents.transfer(session.dialect.document(r, 1)))) {
        found.put(t.id(), t);
      }
    }
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * <p>It locks the funds, checks the whole list first (one query for taken ids, one for reversed
   * originals, the balances from one read), then inserts the transfers in one batch; their running
   * balances are written when the unit of work ends, as for {@link #post}.
   */
  @Override
  public void postAll(List<Transfer> transfers) {
    session.checkWritable();
    Objects.requireNonNull(transfers, "transfers");
    if (transfers.isEmpty()) {
      return;
    }
    Set<AccountRef> accounts = new LinkedHashSet<>();
    Set<String> ids = new HashSet<>();
    Set<String> originals = new HashSet<>();
    List<Object[]> rows = new ArrayList<>(transfers.size());
    for (Transfer t : transfers) {
      Objects.requireNonNull(t, "transfer");
      accounts.add(t.from());
      accounts.add(t.to());
      String id = Columns.text("ffp_transfer.id", t.id(), Columns.ID);
      if (!ids.add(id)) {
        throw new DuplicateKeyException("转账编号已被占用 / the transfer id is taken");
      }
      Optional<String> reverses = t.reverses();
      if (reverses.isPresent() && !originals.add(Columns.text("ffp_transfer.reverses", reverses.get(), Columns.ID))) {
        throw new DuplicateKeyException("该转账已被冲正 / the transfer named by the reversal is already reversed");
      }
      // One value per column of COLUMNS.
      rows.add(new Object[] {id, t.county().code(), t.fundYear(),
          Columns.text("ffp_transfer.from_key", t.from().key(), Columns.ACCOUNT_KEY),
          Columns.text("ffp_transfer.to_key", t.to().key(), Columns.ACCOUNT_KEY), t.amount().fen(),
          reverses.orElse(null), Columns.text("ffp_transfer.doc", Documents.transfer(t), Columns.DOCUMENT)});
    }
    // Locks the funds (in order) and reads every balance not yet known in one query.
    Map<AccountRef, Money> before = balancesForUpdate(accounts);
    if (!session.list(WHAT, "SELECT id FROM ffp_transfer WHERE " + session.dialect.inArray("id"),
        s -> s.setArray(1, session.texts(ids)), r -> Boolean.TRUE).isEmpty()) {
      throw new DuplicateKeyException("转账编号已被占用 / the transfer id is taken");
    }
    if (!originals.isEmpty() && !session.list(WHAT,
        // "IS NOT NULL" lets PostgreSQL use its index of reversals, which holds only those.
        "SELECT id FROM ffp_transfer WHERE reverses IS NOT NULL AND " + session.dialect.inArray("reverses"),
        s -> s.setArray(1, session.texts(originals)), r -> Boolean.TRUE).isEmpty()) {
      throw new DuplicateKeyException("该转账已被冲正 / the transfer named by the reversal is already reversed");
    }
    Map<String, Long> after = new LinkedHashMap<>();
    before.forEach((account, balance) -> after.put(account.key(), balance.fen()));
    for (Object[] row : rows) {
      // The row's from_key, to_key and amount (see COLUMNS): each key built once per transfer.
      long amount = (Long) row[5];
      after.compute((String) row[3], (key, fen) -> Math.subtractExact(fen, amount));
      after.compute((String) row[4], (key, fen) -> Math.addExact(fen, amount));
    }
    // Another unit of work may have taken one of the ids since the check (a host posting under it
    // in another fund): the insert then fails the unit, since on H2 the rows before it would stay.
    // On PostgreSQL the rows go in by one COPY (see JdbcSession.insertRows).
    session.insertRows(WHAT, "ffp_transfer", COLUMNS, rows);
    after.forEach(this::setBalance);
  }

  private Optional<Transfer> read(String transferId) {
    return session.one(WHAT, "SELECT doc FROM ffp_transfer WHERE id = ?", s -> s.setString(1, transferId),
        r -> Documents.transfer(session.dialect.document(r, 1)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A posting that would take a balance beyond the range of a {@code long} throws
   * {@link ArithmeticException} and changes nothing, as in memory.
   */
  @Override
  public void post(Transfer transfer) {
    session.checkWritable();
    Objects.requireNonNull(transfer, "transfer");
    lockFund(transfer.county(), transfer.fundYear());
    String id = Columns.text("ffp_transfer.id", transfer.id(), Columns.ID);
    String from = Columns.text("ffp_transfer.from_key", transfer.from().key(), Columns.ACCOUNT_KEY);
    String to = Columns.text("ffp_transfer.to_key", transfer.to().key(), Columns.ACCOUNT_KEY);
    Optional<String> reverses = transfer.reverses();
    if (reverses.isPresent()) {
      Columns.text("ffp_transfer.reverses", reverses.get(), Columns.ID);
    }
    long amount = transfer.amount().fen();
    // Checked before anything is written, under the fund's lock, so a refused posting leaves the
    // unit of work going on unharmed.
    long fromBalance = Math.subtractExact(balanceFen(transfer.from()), amount);
    long toBalance = Math.addExact(balanceFen(transfer.to()), amount);
    String doc = Columns.text("ffp_transfer.doc", Documents.transfer(transfer), Columns.DOCUMENT);
    boolean stored = session.insertIgnoringDuplicates(WHAT, "ffp_transfer", COLUMNS, s -> {
      s.setString(1, id);
      s.setString(2, transfer.county().code());
      s.setInt(3, transfer.fundYear());
      s.setString(4, from);
      s.setString(5, to);
      s.setLong(6, amount);
      s.setString(7, reverses.orElse(null));
      session.dialect.bindDocument(s, 8, doc);
    });
    if (!stored) {
      boolean idTaken = read(id).isPresent();
      throw new DuplicateKeyException(idTaken ? "转账编号已被占用 / the transfer id is taken"
          : "该转账已被冲正 / the transfer named by the reversal is already reversed");
    }
    setBalance(from, fromBalance);
    setBalance(to, toBalance);
  }

  @Override
  public Money balance(AccountRef account) {
    session.checkOpen();
    Objects.requireNonNull(account, "account");
    return Money.ofFen(balanceFen(account));
  }

  @Override
  public Money balanceForUpdate(AccountRef account) {
    session.checkOpen();
    Objects.requireNonNull(account, "account");
    if (session.writable) {
      lockFund(account.county(), account.fundYear());
    }
    return Money.ofFen(balanceFen(account));
  }

  /**
   * {@inheritDoc}
   *
   * <p>In a write session it locks the funds of the accounts in order, then reads the balances it
   * does not know yet in one query.
   */
  @Override
  public Map<AccountRef, Money> balancesForUpdate(Collection<AccountRef> accounts) {
    session.checkOpen();
    Objects.requireNonNull(accounts, "accounts");
    Map<AccountRef, Money> found = new HashMap<>();
    if (session.writable) {
      lockFunds(accounts.stream().map(a -> fundKey(a.county(), a.fundYear())).toList());
    }
    List<String> unknown = new ArrayList<>();
    for (AccountRef a : accounts) {
      Long known = balances.get(a.key());
      if (known != null) {
        found.put(a, Money.ofFen(known));
      } else {
        unknown.add(a.key());
      }
    }
    if (!unknown.isEmpty()) {
      Map<String, Long> stored = new HashMap<>();
      session.list("ffp_account_balance", "SELECT account_key, balance_fen FROM ffp_account_balance"
          + " WHERE " + session.dialect.inArray("account_key"), s -> s.setArray(1, session.texts(unknown)),
          r -> Map.entry(r.getString(1), r.getLong(2))).forEach(e -> stored.put(e.getKey(), e.getValue()));
      for (AccountRef a : accounts) {
        if (!found.containsKey(a)) {
          long fen = stored.getOrDefault(a.key(), 0L);
          if (session.writable && lockedFunds.contains(fundKey(a.county(), a.fundYear()))) {
            balances.put(a.key(), fen);
          }
          found.put(a, Money.ofFen(fen));
        }
      }
    }
    return found;
  }

  /** {@inheritDoc} In a write session it locks the original's fund first, as {@link #find} does. */
  @Override
  public Optional<Transfer> reversalOf(String transferId) {
    session.checkOpen();
    Objects.requireNonNull(transferId, "transferId");
    if (session.writable) {
      Optional<Object[]> fund = session.one(WHAT, "SELECT county, fund_year FROM ffp_transfer WHERE id = ?",
          s -> s.setString(1, transferId), r -> new Object[] {r.getString(1), r.getInt(2)});
      fund.ifPresent(f -> lockFund(AreaCode.of((String) f[0]), (Integer) f[1]));
    }
    return session.one(WHAT, "SELECT doc FROM ffp_transfer WHERE reverses = ?", s -> s.setString(1, transferId),
        r -> Documents.transfer(session.dialect.document(r, 1)));
  }

  @Override
  public Stream<Transfer> transfers(AreaCode county, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(county, "county");
    return session.stream(WHAT, "SELECT doc FROM ffp_transfer WHERE county = ? AND fund_year = ? ORDER BY seq", s -> {
      s.setString(1, county.code());
      s.setInt(2, fundYear);
    }, r -> Documents.transfer(session.dialect.document(r, 1)));
  }

  /** The account's balance: as this session knows it while it holds the fund's lock, else as stored. */
  private long balanceFen(AccountRef account) {
    String key = account.key();
    Long known = balances.get(key);
    if (known != null) {
      return known;
    }
    long stored = storedBalanceFen(key);
    if (session.writable && lockedFunds.contains(fundKey(account.county(), account.fundYear()))) {
      balances.put(key, stored);
    }
    return stored;
  }

  private long storedBalanceFen(String accountKey) {
    return session.one("ffp_account_balance", "SELECT balance_fen FROM ffp_account_balance WHERE account_key = ?",
        s -> s.setString(1, accountKey), r -> r.getLong(1)).orElse(0L);
  }

  /**
   * Notes the account's new balance; it is written when the unit of work ends, once however often
   * the unit posted to it. The fund's lock, held since {@link #post} took it, keeps the row to
   * this session meanwhile, and the session reads its balance from {@link #balances}.
   */
  private void setBalance(String accountKey, long fen) {
    balances.put(accountKey, fen);
    if (unwritten == null) {
      unwritten = new LinkedHashSet<>();
      session.beforeCommit(this::writeBalances);
    }
    unwritten.add(accountKey);
  }

  private void writeBalances() {
    List<String> keys = List.copyOf(unwritten);
    unwritten = null;
    if (session.dialect.unnestsArrays() && keys.size() > 1) {
      // One statement over two arrays: a batch payment writes a balance per household paid, and
      // the driver's rewritten batch of multi-row inserts cost PostgreSQL a parse and a plan per
      // distinct row count, three times the rows' own cost. The keys are distinct (a set).
      Object[] fen = new Object[keys.size()];
      for (int i = 0; i < fen.length; i++) {
        fen[i] = balances.get(keys.get(i));
      }
      session.update("ffp_account_balance", "INSERT INTO ffp_account_balance (account_key, balance_fen)"
          + " SELECT * FROM unnest(?::varchar[], ?::int8[]) ON CONFLICT (account_key)"
          + " DO UPDATE SET balance_fen = EXCLUDED.balance_fen", s -> {
            s.setArray(1, session.texts(keys));
            s.setArray(2, session.array("int8", fen));
          });
      return;
    }
    session.batch("ffp_account_balance",
        session.dialect.upsert("ffp_account_balance", List.of("account_key"), List.of("account_key", "balance_fen")),
        keys, (s, key) -> {
          s.setString(1, key);
          s.setLong(2, balances.get(key));
        });
  }

  /**
   * Locks the fund's row until the session ends, making it on first use. Aid applications take it
   * too, before their own rows, so that every unit of work over a fund locks in the same order.
   */
  void lockFund(AreaCode county, int fundYear) {
    String key = fundKey(county, fundYear);
    if (lockedFunds.contains(key)) {
      return;
    }
    String sql = "SELECT fund_year FROM ffp_fund_lock WHERE county = ? AND fund_year = ? FOR UPDATE";
    JdbcSession.Binder bind = s -> {
      s.setString(1, county.code());
      s.setInt(2, fundYear);
    };
    if (session.one("ffp_fund_lock", sql, bind, r -> Boolean.TRUE).isEmpty()) {
      session.insertIgnoringDuplicates("ffp_fund_lock", "ffp_fund_lock", List.of("county", "fund_year"), bind);
      session.one("ffp_fund_lock", sql, bind, r -> Boolean.TRUE);
    }
    lockedFunds.add(key);
  }

  /** Locks the funds of the keys ({@code county/year}) in order, so units locking several never deadlock. */
  void lockFunds(Collection<String> fundKeys) {
    for (String fund : new TreeSet<>(fundKeys)) {
      int slash = fund.indexOf('/');
      lockFund(AreaCode.of(fund.substring(0, slash)), Integer.parseInt(fund.substring(slash + 1)));
    }
  }

  static String fundKey(AreaCode county, int fundYear) {
    return fundKey(county.code(), fundYear);
  }

  static String fundKey(String countyCode, int fundYear) {
    return countyCode + "/" + fundYear;
  }
}
