package org.fangfanpin.spi.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfanpin.spi.contract.FundFixtures.YEAR;
import static org.fangfanpin.spi.contract.FundFixtures.accountsOf;
import static org.fangfanpin.spi.contract.FundFixtures.aidPaid;
import static org.fangfanpin.spi.contract.FundFixtures.appropriation;
import static org.fangfanpin.spi.contract.FundFixtures.appropriationAccount;
import static org.fangfanpin.spi.contract.FundFixtures.donation;
import static org.fangfanpin.spi.contract.FundFixtures.donationAccount;
import static org.fangfanpin.spi.contract.FundFixtures.payment;
import static org.fangfanpin.spi.contract.FundFixtures.pool;
import static org.fangfanpin.spi.contract.FundFixtures.reversal;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.NEIGHBOUR_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.OTHER_TOWNSHIP_VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.drain;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;
import static org.fangfanpin.spi.contract.Work.failureOf;
import static org.fangfanpin.spi.contract.Work.reading;
import static org.fangfanpin.spi.contract.Work.writing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.LedgerRepository;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link LedgerRepository} (资金台账契约): transfers appended once under their id and
 * never changed, at most one reversal per transfer, each account's balance its credits minus its
 * debits (a source account's the negative of what it brought in, so the accounts of a fund always
 * sum to zero), and a county's fund year listed in order of posting. Balances read for update hold
 * while units of work race. Extend it with a factory for a fresh, empty store.
 */
public abstract class LedgerRepositoryContract {

  private static final int THREADS = 8;
  private static final String H1 = householdId(VILLAGE, 1);
  private static final String H2 = householdId(NEIGHBOUR_VILLAGE, 1);
  private static final String H3 = householdId(OTHER_TOWNSHIP_VILLAGE, 1);
  private static final List<String> HOUSEHOLDS = List.of(H1, H2, H3);

  /** A fresh, empty store; called once per test or property try. */
  protected abstract UnitOfWork newStore();

  /**
   * How many units each of the eight threads runs in the concurrency tests. Lower it for an
   * adapter whose transactions are slow; keep it high enough that the threads overlap.
   */
  protected int unitsPerThread() {
    return 250;
  }

  // ---------------------------------------------------------------- find and post

  @Test
  final void findsNothingAndOnlyZeroBalancesInAnEmptyLedger() {
    UnitOfWork store = newStore();

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).isEmpty();
      assertThat(s.ledger().reversalOf("t-1")).isEmpty();
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).isEmpty();
      for (AccountRef account : accountsOf(COUNTY, YEAR, HOUSEHOLDS)) {
        assertThat(s.ledger().balance(account)).as("balance of %s", account.key()).isEqualTo(Money.ZERO);
        assertThat(s.ledger().balanceForUpdate(account)).as("balance for update of %s", account.key())
            .isEqualTo(Money.ZERO);
      }
    });
  }

  @Test
  final void findsAPostedTransferOfEveryKindWithEveryFieldUnchanged() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofFen(12_345_678));
    Transfer gift = donation("t-2", Money.ofFen(1));
    Transfer paid = payment("t-3", H1, Money.ofFen(500_001)).withPurpose(AidPurpose.COLLEGE_STUDENT)
        .withBatchId("batch-2025-03").withMemo("大学生就学救助 college aid");
    Transfer undone = reversal("t-4", paid);

    writing(store, s -> List.of(in, gift, paid, undone).forEach(s.ledger()::post));

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).contains(in);
      assertThat(s.ledger().find("t-2")).contains(gift);
      assertThat(s.ledger().find("t-3")).contains(paid);
      assertThat(s.ledger().find("t-4")).contains(undone);
    });
  }

  @Test
  final void rejectsAPostUnderATakenIdWithTheSameContentAndCountsTheTransferOnce() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    writing(store, s -> s.ledger().post(in));

    assertThatThrownBy(() -> writing(store, s -> s.ledger().post(in))).isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.ledger().post(in.withRecordedAt(in.recordedAt().plusSeconds(5)))))
        .isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).contains(in);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in);
    });
  }

  @Test
  final void rejectsAPostUnderATakenIdWithOtherContentAndKeepsTheOriginal() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    writing(store, s -> s.ledger().post(in));
    List<Transfer> others = List.of(in.withAmount(Money.ofYuan(2_000)), donation("t-1", Money.ofYuan(1_000)),
        payment("t-1", H1, Money.ofYuan(1)), appropriation("t-1", OTHER_COUNTY, YEAR, Money.ofYuan(1_000)));

    for (Transfer other : others) {
      assertThatThrownBy(() -> writing(store, s -> s.ledger().post(other))).as("%s", other)
          .isInstanceOf(DuplicateKeyException.class);
    }

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).contains(in);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(s.ledger().balance(donationAccount())).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
      assertThat(drain(s.ledger().transfers(OTHER_COUNTY, YEAR))).isEmpty();
    });
  }

  @Test
  final void rejectsAPostUnderAnIdTakenEarlierInTheSameSession() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));

    assertThatThrownBy(() -> writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(donation("t-1", Money.ofYuan(5)));
    })).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> assertThat(s.ledger().find("t-1")).isEmpty());
  }

  @Test
  final void aRefusedPostStagesNothingAndTheRestOfTheUnitCommits() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(100));
    Transfer undone = reversal("t-3", paid);

    writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(paid);
      s.ledger().post(undone);
      assertThatThrownBy(() -> s.ledger().post(in.withAmount(Money.ofYuan(9_000))))
          .isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> s.ledger().post(reversal("t-4", paid))).isInstanceOf(DuplicateKeyException.class);
    });

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).contains(in);
      assertThat(s.ledger().find("t-4")).isEmpty();
      assertThat(s.ledger().reversalOf("t-2")).contains(undone);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, paid, undone);
    });
  }

  // ---------------------------------------------------------------- balances

  @Test
  final void aSourceAccountsBalanceIsTheNegativeOfWhatItBroughtIn() {
    UnitOfWork store = newStore();

    writing(store, s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(1_000_000)));
      s.ledger().post(appropriation("t-2", Money.ofFen(250)));
      s.ledger().post(donation("t-3", Money.ofYuan(30_000)));
    });

    reading(store, s -> {
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ofFen(-100_000_250));
      assertThat(s.ledger().balance(donationAccount())).isEqualTo(Money.ofYuan(-30_000));
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofFen(103_000_250));
    });
  }

  @Test
  final void aPaymentMovesMoneyFromThePoolToTheAidAccountOfItsHouseholdOnly() {
    UnitOfWork store = newStore();
    writing(store, s -> s.ledger().post(appropriation("t-1", Money.ofYuan(10_000))));

    writing(store, s -> {
      s.ledger().post(payment("t-2", H1, Money.ofYuan(3_000)));
      s.ledger().post(payment("t-3", H1, Money.ofFen(1)));
      s.ledger().post(payment("t-4", H2, Money.ofYuan(500)));
    });

    reading(store, s -> {
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofFen(649_999));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ofFen(300_001));
      assertThat(s.ledger().balance(aidPaid(H2))).isEqualTo(Money.ofYuan(500));
      assertThat(s.ledger().balance(aidPaid(H3))).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ofYuan(-10_000));
    });
  }

  @Test
  final void balanceIsCreditsMinusDebitsForAnAccountBothCreditedAndDebited() {
    UnitOfWork store = newStore();

    writing(store, s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(1_000)));
      s.ledger().post(payment("t-2", H1, Money.ofYuan(300)));
      s.ledger().post(donation("t-3", Money.ofYuan(500)));
      s.ledger().post(payment("t-4", H2, Money.ofYuan(200)));
    });

    assertThat(store.<Money>read(s -> s.ledger().balance(pool()))).isEqualTo(Money.ofYuan(1_000 - 300 + 500 - 200));
  }

  @Test
  final void theBalancesOfEveryAccountOfAFundSumToZero() {
    UnitOfWork store = newStore();

    writing(store, s -> {
      Transfer paid = payment("t-3", H2, Money.ofFen(77_777));
      s.ledger().post(appropriation("t-1", Money.ofFen(1_000_003)));
      s.ledger().post(donation("t-2", Money.ofFen(5)));
      s.ledger().post(paid);
      s.ledger().post(payment("t-4", H1, Money.ofFen(13)));
      s.ledger().post(reversal("t-5", paid));
    });

    reading(store, s -> assertThat(sum(s, accountsOf(COUNTY, YEAR, HOUSEHOLDS))).isEqualTo(Money.ZERO));
  }

  @Test
  final void aFundsTransfersLeaveTheAccountsOfOtherCountiesAndYearsUntouched() {
    UnitOfWork store = newStore();

    writing(store, s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(1_000)));
      s.ledger().post(payment("t-2", H1, Money.ofYuan(100)));
      s.ledger().post(appropriation("t-3", COUNTY, YEAR + 1, Money.ofYuan(7)));
    });

    reading(store, s -> {
      for (AccountRef account : accountsOf(OTHER_COUNTY, YEAR, HOUSEHOLDS)) {
        assertThat(s.ledger().balance(account)).as(account.key()).isEqualTo(Money.ZERO);
      }
      assertThat(s.ledger().balance(AccountRef.pool(COUNTY, YEAR + 1))).isEqualTo(Money.ofYuan(7));
      assertThat(s.ledger().balance(AccountRef.aidPaid(COUNTY, YEAR + 1, H1))).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(AccountRef.pool(COUNTY, YEAR - 1))).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(900));
    });
  }

  @Test
  final void balanceForUpdateReadsTheSameBalanceAsBalanceIncludingTheSessionsOwnPostings() {
    UnitOfWork store = newStore();
    writing(store, s -> s.ledger().post(appropriation("t-1", Money.ofYuan(1_000))));

    writing(store, s -> {
      assertThat(s.ledger().balanceForUpdate(pool())).isEqualTo(Money.ofYuan(1_000));
      s.ledger().post(payment("t-2", H1, Money.ofYuan(400)));
      for (AccountRef account : accountsOf(COUNTY, YEAR, HOUSEHOLDS)) {
        assertThat(s.ledger().balanceForUpdate(account)).as(account.key()).isEqualTo(s.ledger().balance(account));
      }
      assertThat(s.ledger().balanceForUpdate(pool())).isEqualTo(Money.ofYuan(600));
      assertThat(s.ledger().balanceForUpdate(aidPaid(H1))).isEqualTo(Money.ofYuan(400));
    });
  }

  // ---------------------------------------------------------------- bulk

  @Test
  final void findAllFindsThePostedTransfersAmongTheIdsAndNothingForOthers() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(100)).withBatchId("b-1");
    Transfer elsewhere = appropriation("t-3", OTHER_COUNTY, YEAR + 1, Money.ofYuan(5));
    writing(store, s -> List.of(in, paid, elsewhere).forEach(s.ledger()::post));

    reading(store, s -> {
      assertThat(s.ledger().findAll(List.of("t-3", "t-x", "t-1", "t-3", "x".repeat(300))))
          .isEqualTo(Map.of("t-1", in, "t-3", elsewhere));
      assertThat(s.ledger().findAll(List.of("t-x"))).isEmpty();
      assertThat(s.ledger().findAll(List.of())).isEmpty();
    });
    Transfer undone = reversal("t-4", paid);
    writing(store, s -> {
      assertThat(s.ledger().findAll(List.of("t-4", "t-5"))).isEmpty();
      s.ledger().post(undone);
      assertThat(s.ledger().findAll(List.of("t-2", "t-4", "t-5")))
          .as("a write session sees its own postings").isEqualTo(Map.of("t-2", paid, "t-4", undone));
    });
  }

  @Test
  final void balancesForUpdateReadEveryAccountAsBalanceDoesIncludingTheSessionsOwnPostings() {
    UnitOfWork store = newStore();
    writing(store, s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(1_000)));
      s.ledger().post(payment("t-2", H2, Money.ofYuan(30)));
      s.ledger().post(appropriation("t-3", OTHER_COUNTY, YEAR, Money.ofYuan(7)));
    });
    List<AccountRef> accounts = new ArrayList<>(accountsOf(COUNTY, YEAR, HOUSEHOLDS));
    accounts.addAll(accountsOf(OTHER_COUNTY, YEAR, List.of(H1)));
    accounts.add(pool());

    reading(store, s -> {
      Map<AccountRef, Money> read = s.ledger().balancesForUpdate(accounts);
      assertThat(read).containsOnlyKeys(accounts);
      accounts.forEach(a -> assertThat(read.get(a)).as(a.key()).isEqualTo(s.ledger().balance(a)));
      assertThat(read.get(pool())).isEqualTo(Money.ofYuan(970));
      assertThat(s.ledger().balancesForUpdate(List.of())).isEmpty();
    });
    writing(store, s -> {
      assertThat(s.ledger().balancesForUpdate(List.of(pool(), aidPaid(H1))))
          .isEqualTo(Map.of(pool(), Money.ofYuan(970), aidPaid(H1), Money.ZERO));
      s.ledger().post(payment("t-4", H1, Money.ofYuan(400)));
      Map<AccountRef, Money> read = s.ledger().balancesForUpdate(accounts);
      accounts.forEach(a -> assertThat(read.get(a)).as(a.key()).isEqualTo(s.ledger().balance(a)));
      assertThat(read.get(pool())).isEqualTo(Money.ofYuan(570));
      assertThat(read.get(aidPaid(H1))).isEqualTo(Money.ofYuan(400));
    });
  }

  @Test
  final void postAllPostsEveryTransferInOrderAsPostWouldOneAfterTheOther() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(100));
    Transfer gift = donation("t-0", Money.ofFen(1));
    Transfer undone = reversal("t-3", paid);
    Transfer again = payment("t-4", H1, Money.ofYuan(60));
    Transfer elsewhere = appropriation("t-5", OTHER_COUNTY, YEAR, Money.ofYuan(5));

    writing(store, s -> {
      s.ledger().postAll(List.of(in, paid));
      s.ledger().postAll(List.of());
      s.ledger().postAll(List.of(gift, undone, again, elsewhere));
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofFen(94_001));
    });

    reading(store, s -> {
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, paid, gift, undone, again);
      assertThat(drain(s.ledger().transfers(OTHER_COUNTY, YEAR))).containsExactly(elsewhere);
      assertThat(s.ledger().reversalOf("t-2")).contains(undone);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofFen(94_001));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ofYuan(60));
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ofYuan(-1_000));
      assertThat(s.ledger().balance(donationAccount())).isEqualTo(Money.ofFen(-1));
    });
  }

  @Test
  final void aRefusedPostAllPostsNoneOfItsTransfersAndTheRestOfTheUnitCommits() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(100));
    writing(store, s -> s.ledger().postAll(List.of(in, paid)));
    Transfer fresh = payment("t-3", H2, Money.ofYuan(10));
    Transfer undone = reversal("t-4", paid);

    writing(store, s -> {
      assertThatThrownBy(() -> s.ledger().postAll(List.of(fresh, in.withAmount(Money.ofYuan(9)))))
          .as("an id taken in the store").isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> s.ledger().postAll(List.of(fresh, payment("t-3", H1, Money.ofYuan(1)))))
          .as("an id taken earlier in the list").isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> s.ledger().postAll(List.of(fresh, undone, reversal("t-5", paid))))
          .as("a second reversal in the list").isInstanceOf(DuplicateKeyException.class);
      assertThatThrownBy(() -> s.ledger().postAll(List.of(fresh,
          appropriation("t-6", Money.ofFen(Long.MAX_VALUE)), appropriation("t-7", Money.ofFen(Long.MAX_VALUE)))))
          .as("a balance beyond a long").isInstanceOf(ArithmeticException.class);
      assertThat(s.ledger().findAll(List.of("t-3", "t-4", "t-5", "t-6", "t-7"))).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(900));
      s.ledger().post(undone);
      assertThatThrownBy(() -> s.ledger().postAll(List.of(fresh, reversal("t-5", paid))))
          .as("a reversal of a transfer reversed earlier in the session").isInstanceOf(DuplicateKeyException.class);
      s.ledger().postAll(List.of(fresh));
    });

    reading(store, s -> {
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, paid, undone, fresh);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(990));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(aidPaid(H2))).isEqualTo(Money.ofYuan(10));
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ofYuan(-1_000));
    });
  }

  @Test
  final void aReadSessionRefusesPostAllAndStoresNothing() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> reading(store, s -> s.ledger().postAll(List.of(appropriation("t-1", Money.ofYuan(1))))))
        .isInstanceOf(IllegalStateException.class);

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ZERO);
    });
  }

  // ---------------------------------------------------------------- reversals

  @Test
  final void aReversalRestoresTheBalancesItsOriginalChanged() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofFen(12_345));
    writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(paid);
    });

    writing(store, s -> s.ledger().post(reversal("t-3", paid)));
    reading(store, s -> {
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
    });

    writing(store, s -> s.ledger().post(reversal("t-4", in)));
    reading(store, s -> {
      for (AccountRef account : accountsOf(COUNTY, YEAR, HOUSEHOLDS)) {
        assertThat(s.ledger().balance(account)).as(account.key()).isEqualTo(Money.ZERO);
      }
    });
  }

  @Test
  final void reversalOfFindsTheReversalOfAReversedTransferAndNothingForAnyOther() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(10));
    Transfer undone = reversal("t-3", paid);

    writing(store, s -> List.of(in, paid, undone).forEach(s.ledger()::post));

    reading(store, s -> {
      assertThat(s.ledger().reversalOf("t-2")).contains(undone);
      assertThat(s.ledger().reversalOf("t-1")).isEmpty();
      assertThat(s.ledger().reversalOf("t-3")).as("nothing reversed the reversal").isEmpty();
      assertThat(s.ledger().reversalOf("t-unknown")).isEmpty();
    });
  }

  @Test
  final void rejectsASecondReversalOfTheSameTransferAndKeepsTheFirst() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer paid = payment("t-2", H1, Money.ofYuan(10));
    Transfer first = reversal("t-3", paid);
    writing(store, s -> List.of(in, paid, first).forEach(s.ledger()::post));

    assertThatThrownBy(() -> writing(store, s -> s.ledger().post(reversal("t-4", paid))))
        .isInstanceOf(DuplicateKeyException.class);
    assertThatThrownBy(() -> writing(store, s -> s.ledger().post(reversal("t-5", paid).withAmount(Money.ofYuan(1)))))
        .isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.ledger().reversalOf("t-2")).contains(first);
      assertThat(s.ledger().find("t-4")).isEmpty();
      assertThat(s.ledger().find("t-5")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
    });
  }

  @Test
  final void rejectsASecondReversalOfATransferReversedEarlierInTheSameSession() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    writing(store, s -> s.ledger().post(in));

    assertThatThrownBy(() -> writing(store, s -> {
      s.ledger().post(reversal("t-2", in));
      s.ledger().post(reversal("t-3", in));
    })).isInstanceOf(DuplicateKeyException.class);

    reading(store, s -> {
      assertThat(s.ledger().reversalOf("t-1")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
    });
  }

  @Test
  final void aTransferAndItsReversalMayBePostedInOneUnit() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer undone = reversal("t-2", in);

    writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(undone);
      assertThat(s.ledger().reversalOf("t-1")).contains(undone);
    });

    reading(store, s -> {
      assertThat(s.ledger().reversalOf("t-1")).contains(undone);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ZERO);
    });
  }

  // ---------------------------------------------------------------- listing

  @Test
  final void transfersListsAFundsTransfersInOrderOfPostingNotOfIdOrDay() {
    UnitOfWork store = newStore();
    Transfer c = appropriation("t-c", Money.ofYuan(1_000)).withBookedOn(DAY0.plusDays(9));
    Transfer a = donation("t-a", Money.ofYuan(10)).withBookedOn(DAY0.plusDays(5));
    Transfer b = payment("t-b", H1, Money.ofYuan(20)).withBookedOn(DAY0);
    Transfer zero = payment("t-0", H2, Money.ofYuan(30)).withBookedOn(DAY0.minusDays(30));
    Transfer z = reversal("t-z", b).withBookedOn(DAY0.minusDays(31));
    writing(store, s -> s.ledger().post(c));
    writing(store, s -> s.ledger().post(a));
    writing(store, s -> s.ledger().post(b));

    writing(store, s -> {
      s.ledger().post(zero);
      s.ledger().post(z);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(c, a, b, zero, z);
    });

    assertThat(store.<List<Transfer>>read(s -> drain(s.ledger().transfers(COUNTY, YEAR))))
        .containsExactly(c, a, b, zero, z);
  }

  @Test
  final void transfersListsOnlyTheTransfersOfTheCountyAndFundYearAsked() {
    UnitOfWork store = newStore();
    Transfer here = appropriation("t-1", Money.ofYuan(1_000));
    Transfer nextYear = appropriation("t-2", COUNTY, YEAR + 1, Money.ofYuan(1_000));
    Transfer otherCounty = appropriation("t-3", OTHER_COUNTY, YEAR, Money.ofYuan(1_000));
    Transfer herePaid = payment("t-4", H1, Money.ofYuan(1));
    Transfer otherPaid = payment("t-5", OTHER_COUNTY, YEAR, H1, Money.ofYuan(1));
    writing(store, s -> List.of(here, nextYear, otherCounty, herePaid, otherPaid).forEach(s.ledger()::post));

    reading(store, s -> {
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(here, herePaid);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR + 1))).containsExactly(nextYear);
      assertThat(drain(s.ledger().transfers(OTHER_COUNTY, YEAR))).containsExactly(otherCounty, otherPaid);
      assertThat(drain(s.ledger().transfers(OTHER_COUNTY, YEAR + 1))).isEmpty();
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR - 1))).isEmpty();
    });
  }

  // ---------------------------------------------------------------- sessions

  @Test
  final void aWriteSessionSeesItsOwnPostingsInEveryQuery() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer gift = donation("t-2", Money.ofYuan(100));
    writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(gift);
    });
    Transfer paid = payment("t-3", H1, Money.ofYuan(250));
    Transfer undone = reversal("t-4", gift);

    writing(store, s -> {
      s.ledger().post(paid);
      assertThat(s.ledger().find("t-3")).contains(paid);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(850));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ofYuan(250));
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, gift, paid);
      s.ledger().post(undone);
      assertThat(s.ledger().reversalOf("t-2")).contains(undone);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(750));
      assertThat(s.ledger().balance(donationAccount())).isEqualTo(Money.ZERO);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, gift, paid, undone);
    });
  }

  @Test
  final void rollsBackEveryPostingWhenTheWorkThrows() {
    UnitOfWork store = newStore();
    Transfer in = appropriation("t-1", Money.ofYuan(1_000));
    Transfer gift = donation("t-2", Money.ofYuan(100));
    writing(store, s -> {
      s.ledger().post(in);
      s.ledger().post(gift);
    });
    Transfer paid = payment("t-3", H1, Money.ofYuan(250));

    assertThatThrownBy(() -> writing(store, s -> {
      s.ledger().post(paid);
      s.ledger().post(reversal("t-4", gift));
      s.ledger().post(donation("t-5", OTHER_COUNTY, YEAR, Money.ofYuan(9)));
      throw new Work.Boom();
    })).isInstanceOf(Work.Boom.class);

    reading(store, s -> {
      assertThat(s.ledger().find("t-3")).isEmpty();
      assertThat(s.ledger().find("t-4")).isEmpty();
      assertThat(s.ledger().reversalOf("t-2")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_100));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
      assertThat(s.ledger().balance(donationAccount())).isEqualTo(Money.ofYuan(-100));
      assertThat(s.ledger().balance(AccountRef.pool(OTHER_COUNTY, YEAR))).isEqualTo(Money.ZERO);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactly(in, gift);
      assertThat(drain(s.ledger().transfers(OTHER_COUNTY, YEAR))).isEmpty();
    });
    writing(store, s -> {
      s.ledger().post(paid);
      s.ledger().post(reversal("t-4", gift));
    });
  }

  @Test
  final void aReadSessionRefusesToPostAndStoresNothing() {
    UnitOfWork store = newStore();

    assertThatThrownBy(() -> reading(store, s -> s.ledger().post(appropriation("t-1", Money.ofYuan(1)))))
        .isInstanceOf(IllegalStateException.class);

    reading(store, s -> {
      assertThat(s.ledger().find("t-1")).isEmpty();
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ZERO);
    });
  }

  // ---------------------------------------------------------------- against a model

  @Property(tries = 100)
  final void conservesMoneyAndAgreesWithAModelAfterEveryPosting(@ForAll("ledgerChains") ActionChain<LedgerWorld> chain) {
    chain.withInvariant("money is conserved and every balance is the model's", LedgerWorld::checkAgainstModel).run();
  }

  @Provide
  Arbitrary<ActionChain<LedgerWorld>> ledgerChains() {
    return ActionChain.startWith(() -> new LedgerWorld(newStore()))
        .withAction(3, new Appropriate())
        .withAction(2, new Donate())
        .withAction(6, new Pay())
        .withAction(2, new Reverse())
        .withAction(1, new RepostATakenId())
        .withAction(2, new PostSeveralInOneUnit())
        .withAction(1, new RollBackAUnit())
        .withMaxTransformations(30);
  }

  /** A county's fund of one year, as the property's model keys it. */
  record Fund(AreaCode county, int year) {

    /** Every account of the fund the property may touch. */
    List<AccountRef> accounts() {
      return accountsOf(county, year, HOUSEHOLDS);
    }
  }

  /**
   * A store and the ledger it should hold: every posting decides, as the fund's use cases do, on
   * the balance of the account it debits read for update, and is skipped when that account is not
   * a source and cannot cover it.
   */
  static final class LedgerWorld {

    static final List<Fund> FUNDS = List.of(new Fund(COUNTY, YEAR), new Fund(COUNTY, YEAR + 1),
        new Fund(OTHER_COUNTY, YEAR));

    final UnitOfWork store;
    final Map<AccountRef, Long> balances = new HashMap<>();
    final Map<String, Transfer> posted = new LinkedHashMap<>();
    final Map<String, Transfer> reversals = new HashMap<>();
    private int issued;

    LedgerWorld(UnitOfWork store) {
      this.store = store;
    }

    String nextId() {
      issued++;
      return "t-" + String.format("%03d", issued);
    }

    long balance(AccountRef account) {
      return balances.getOrDefault(account, 0L);
    }

    /** Posts the transfer in one unit unless the account it debits, not a source, cannot cover it. */
    void postIfCovered(Transfer t) {
      boolean covered = t.from().kind().isSource() || balance(t.from()) >= t.amount().fen();
      boolean done = store.write(s -> postUnlessOverdrawn(s.ledger(), t));
      assertThat(done).as("posting %s (debited account covers it: %s)", t.id(), covered).isEqualTo(covered);
      if (done) {
        record(t);
      }
    }

    /**
     * Posts the transfers in one unit, each unless the account it debits, not a source, cannot
     * cover it as the unit sees it after the earlier ones.
     */
    void postTogether(List<Transfer> transfers) {
      Map<AccountRef, Long> trial = new HashMap<>(balances);
      List<Boolean> covered = new ArrayList<>();
      for (Transfer t : transfers) {
        boolean c = t.from().kind().isSource() || trial.getOrDefault(t.from(), 0L) >= t.amount().fen();
        covered.add(c);
        if (c) {
          trial.merge(t.from(), -t.amount().fen(), Long::sum);
          trial.merge(t.to(), t.amount().fen(), Long::sum);
        }
      }
      List<Boolean> done = store.write(s -> transfers.stream().map(t -> postUnlessOverdrawn(s.ledger(), t))
          .collect(Collectors.toList()));
      assertThat(done).as("which of %s were posted", transfers.stream().map(Transfer::id).collect(Collectors.toList()))
          .isEqualTo(covered);
      for (int i = 0; i < transfers.size(); i++) {
        if (done.get(i)) {
          record(transfers.get(i));
        }
      }
    }

    void reverse(Transfer original) {
      Transfer r = reversal(nextId(), original);
      if (reversals.containsKey(original.id())) {
        assertThat(failureOf(() -> writing(store, s -> s.ledger().post(r))))
            .as("second reversal of %s", original.id()).isInstanceOf(DuplicateKeyException.class);
      } else {
        postIfCovered(r);
      }
    }

    void repost(Transfer t) {
      assertThat(failureOf(() -> writing(store, s -> s.ledger().post(t))))
          .as("posting again under %s", t.id()).isInstanceOf(DuplicateKeyException.class);
    }

    void rollBack(List<Transfer> transfers) {
      RuntimeException f = failureOf(() -> writing(store, s -> {
        transfers.forEach(s.ledger()::post);
        posted.values().stream().filter(t -> t.kind() != TransferKind.REVERSAL && !reversals.containsKey(t.id())
                && (t.to().kind().isSource() || balance(t.to()) >= t.amount().fen()))
            .findFirst().ifPresent(t -> s.ledger().post(reversal("rolled-back-reversal", t)));
        throw new Work.Boom();
      }));
      assertThat(f).isInstanceOf(Work.Boom.class);
    }

    void checkAgainstModel() {
      reading(store, s -> {
        for (Fund fund : FUNDS) {
          long storeSum = 0;
          for (AccountRef account : fund.accounts()) {
            Money b = s.ledger().balance(account);
            assertThat(b.fen()).as("balance of %s", account.key()).isEqualTo(balance(account));
            if (!account.kind().isSource()) {
              assertThat(b.isNegative()).as("%s is overdrawn", account.key()).isFalse();
            }
            storeSum = Math.addExact(storeSum, b.fen());
          }
          assertThat(storeSum).as("the sum over the accounts of %s", fund).isZero();
          assertThat(drain(s.ledger().transfers(fund.county(), fund.year()))).as("transfers of %s", fund)
              .isEqualTo(posted.values().stream()
                  .filter(t -> t.county().equals(fund.county()) && t.fundYear() == fund.year())
                  .collect(Collectors.toList()));
        }
        for (Transfer t : posted.values()) {
          assertThat(s.ledger().find(t.id())).as("find %s", t.id()).contains(t);
          assertThat(s.ledger().reversalOf(t.id())).as("reversal of %s", t.id())
              .isEqualTo(Optional.ofNullable(reversals.get(t.id())));
        }
      });
    }

    private void record(Transfer t) {
      posted.put(t.id(), t);
      balances.merge(t.from(), -t.amount().fen(), Long::sum);
      balances.merge(t.to(), t.amount().fen(), Long::sum);
      t.reverses().ifPresent(original -> reversals.put(original, t));
    }

    @Override
    public String toString() {
      return "LedgerWorld" + posted.values().stream()
          .map(t -> t.id() + ":" + t.kind() + ":" + t.from().key() + "->" + t.to().key() + ":" + t.amount().fen())
          .collect(Collectors.toList());
    }
  }

  /** Posts {@code t} unless its debited account, not a source, holds less than its amount; says whether it did. */
  private static boolean postUnlessOverdrawn(LedgerRepository ledger, Transfer t) {
    if (!t.from().kind().isSource() && ledger.balanceForUpdate(t.from()).isLessThan(t.amount())) {
      return false;
    }
    ledger.balanceForUpdate(t.to());
    ledger.post(t);
    return true;
  }

  private static Arbitrary<Fund> funds() {
    return Arbitraries.of(LedgerWorld.FUNDS);
  }

  private static Arbitrary<Money> amounts() {
    return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.longs().between(1, 500_000)),
            Tuple.of(1, Arbitraries.longs().between(1, 100)),
            Tuple.of(1, Arbitraries.longs().between(500_000, 10_000_000)))
        .map(Money::ofFen);
  }

  private static final class Appropriate implements Action.Independent<LedgerWorld> {
    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer() {
      return Combinators.combine(funds(), amounts()).as((fund, amount) -> Transformer.mutate(
          "appropriate " + amount.fen() + " fen to " + fund,
          w -> w.postIfCovered(appropriation(w.nextId(), fund.county(), fund.year(), amount))));
    }
  }

  private static final class Donate implements Action.Independent<LedgerWorld> {
    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer() {
      return Combinators.combine(funds(), amounts()).as((fund, amount) -> Transformer.mutate(
          "donate " + amount.fen() + " fen to " + fund,
          w -> w.postIfCovered(donation(w.nextId(), fund.county(), fund.year(), amount))));
    }
  }

  private static final class Pay implements Action.Independent<LedgerWorld> {
    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer() {
      return Combinators.combine(funds(), Arbitraries.of(HOUSEHOLDS), amounts()).as((fund, h, amount) ->
          Transformer.mutate("pay " + amount.fen() + " fen to " + h + " from " + fund,
              w -> w.postIfCovered(payment(w.nextId(), fund.county(), fund.year(), h, amount))));
    }
  }

  private static final class Reverse implements Action.Dependent<LedgerWorld> {
    @Override
    public boolean precondition(LedgerWorld w) {
      return w.posted.values().stream().anyMatch(t -> t.kind() != TransferKind.REVERSAL);
    }

    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer(LedgerWorld w) {
      List<Transfer> reversible = w.posted.values().stream().filter(t -> t.kind() != TransferKind.REVERSAL)
          .collect(Collectors.toList());
      return Arbitraries.of(reversible).map(t -> Transformer.mutate("reverse " + t.id(), world -> world.reverse(t)));
    }
  }

  private static final class RepostATakenId implements Action.Dependent<LedgerWorld> {
    @Override
    public boolean precondition(LedgerWorld w) {
      return !w.posted.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer(LedgerWorld w) {
      return Combinators.combine(Arbitraries.of(new ArrayList<>(w.posted.values())), Arbitraries.of(false, true))
          .as((t, changed) -> Transformer.mutate("post again under " + t.id() + (changed ? " with another amount" : ""),
              world -> world.repost(changed ? t.withAmount(t.amount().plus(Money.ofFen(1))) : t)));
    }
  }

  private static final class PostSeveralInOneUnit implements Action.Independent<LedgerWorld> {
    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer() {
      return Combinators.combine(funds(), Arbitraries.of(HOUSEHOLDS), amounts(), amounts(), amounts())
          .as((fund, h, in, first, second) -> Transformer.mutate(
              "in one unit to " + fund + ": donate " + in.fen() + ", pay " + h + " " + first.fen() + " and "
                  + second.fen() + " fen",
              w -> w.postTogether(List.of(payment(w.nextId(), fund.county(), fund.year(), h, first),
                  donation(w.nextId(), fund.county(), fund.year(), in),
                  payment(w.nextId(), fund.county(), fund.year(), h, second)))));
    }
  }

  private static final class RollBackAUnit implements Action.Independent<LedgerWorld> {
    @Override
    public Arbitrary<Transformer<LedgerWorld>> transformer() {
      return Combinators.combine(funds(), Arbitraries.of(HOUSEHOLDS), amounts()).as((fund, h, amount) ->
          Transformer.mutate("post to " + fund + ", reverse, and roll back",
              w -> w.rollBack(List.of(appropriation(w.nextId(), fund.county(), fund.year(), amount),
                  payment(w.nextId(), fund.county(), fund.year(), h, amount)))));
    }
  }

  // ---------------------------------------------------------------- races

  @Test
  final void eightThreadsPayingFromOnePoolNeverOverdrawAnAccountAndConserveMoney() throws InterruptedException {
    UnitOfWork store = newStore();
    Transfer seed = appropriation("seed", Money.ofYuan(1_000));
    writing(store, s -> s.ledger().post(seed));
    int units = unitsPerThread();

    List<List<Transfer>> succeeded = Work.race(THREADS, i -> () -> {
      Random random = new Random(i);
      List<Transfer> mine = new ArrayList<>();
      List<Transfer> myPayments = new ArrayList<>();
      for (int n = 0; n < units; n++) {
        Transfer t = nextRacingTransfer("t-" + i + "-" + n, random, myPayments);
        if (store.<Boolean>write(s -> postUnlessOverdrawn(s.ledger(), t))) {
          mine.add(t);
          if (t.kind() == TransferKind.PAYMENT) {
            myPayments.add(t);
          }
        }
      }
      return mine;
    });

    Map<AccountRef, Long> model = new HashMap<>();
    List<Transfer> all = new ArrayList<>(List.of(seed));
    succeeded.forEach(all::addAll);
    for (Transfer t : all) {
      model.merge(t.from(), -t.amount().fen(), Long::sum);
      model.merge(t.to(), t.amount().fen(), Long::sum);
    }
    reading(store, s -> {
      long sum = 0;
      for (AccountRef account : accountsOf(COUNTY, YEAR, HOUSEHOLDS)) {
        Money b = s.ledger().balance(account);
        assertThat(b.fen()).as("balance of %s", account.key()).isEqualTo(model.getOrDefault(account, 0L));
        if (!account.kind().isSource()) {
          assertThat(b.isNegative()).as("%s is overdrawn", account.key()).isFalse();
        }
        sum += b.fen();
      }
      assertThat(sum).as("the sum over all accounts").isZero();
      List<Transfer> listed = drain(s.ledger().transfers(COUNTY, YEAR));
      assertThat(listed).containsExactlyInAnyOrderElementsOf(all);
      for (List<Transfer> ofThread : succeeded) {
        assertThat(listed.stream().filter(ofThread::contains).collect(Collectors.toList()))
            .as("a thread's transfers in the order it posted them").isEqualTo(ofThread);
      }
    });
  }

  @Test
  final void eightThreadsPayingInBulkFromOnePoolNeverOverdrawItAndConserveMoney() throws InterruptedException {
    UnitOfWork store = newStore();
    Transfer seed = appropriation("seed", Money.ofYuan(2_000));
    writing(store, s -> s.ledger().post(seed));
    int units = Math.max(1, unitsPerThread() / 5);

    List<List<Transfer>> succeeded = Work.race(THREADS, i -> () -> {
      Random random = new Random(100 + i);
      List<Transfer> mine = new ArrayList<>();
      for (int n = 0; n < units; n++) {
        List<Transfer> wanted = new ArrayList<>();
        for (int k = 0; k < 1 + random.nextInt(6); k++) {
          wanted.add(payment("b-" + i + "-" + n + "-" + k, HOUSEHOLDS.get(random.nextInt(HOUSEHOLDS.size())),
              Money.ofFen(1 + random.nextInt(20_000))));
        }
        mine.addAll(store.<List<Transfer>>write(s -> {
          List<AccountRef> accounts = new ArrayList<>(List.of(pool()));
          wanted.forEach(t -> accounts.add(t.to()));
          Money left = s.ledger().balancesForUpdate(accounts).get(pool());
          List<Transfer> fitting = new ArrayList<>();
          for (Transfer t : wanted) {
            if (!left.isLessThan(t.amount())) {
              left = left.minus(t.amount());
              fitting.add(t);
            }
          }
          s.ledger().postAll(fitting);
          return fitting;
        }));
      }
      return mine;
    });

    Map<AccountRef, Long> model = new HashMap<>();
    List<Transfer> all = new ArrayList<>(List.of(seed));
    succeeded.forEach(all::addAll);
    for (Transfer t : all) {
      model.merge(t.from(), -t.amount().fen(), Long::sum);
      model.merge(t.to(), t.amount().fen(), Long::sum);
    }
    assertThat(all.size()).as("some payments went through").isGreaterThan(1);
    reading(store, s -> {
      for (AccountRef account : accountsOf(COUNTY, YEAR, HOUSEHOLDS)) {
        Money b = s.ledger().balance(account);
        assertThat(b.fen()).as("balance of %s", account.key()).isEqualTo(model.getOrDefault(account, 0L));
        if (!account.kind().isSource()) {
          assertThat(b.isNegative()).as("%s is overdrawn", account.key()).isFalse();
        }
      }
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).containsExactlyInAnyOrderElementsOf(all);
    });
  }

  /**
   * The next transfer a racing thread tries: mostly payments to one of three households, now and
   * then money in, or the reversal of one of the thread's own payments (taken from the list).
   */
  private static Transfer nextRacingTransfer(String id, Random random, List<Transfer> myPayments) {
    int pick = random.nextInt(10);
    if (pick == 0) {
      return appropriation(id, Money.ofYuan(1 + random.nextInt(300)));
    }
    if (pick == 1) {
      return donation(id, Money.ofFen(1 + random.nextInt(10_000)));
    }
    if (pick <= 3 && !myPayments.isEmpty()) {
      return reversal(id, myPayments.remove(random.nextInt(myPayments.size())));
    }
    return payment(id, HOUSEHOLDS.get(random.nextInt(HOUSEHOLDS.size())), Money.ofFen(1 + random.nextInt(20_000)));
  }

  @Test
  final void exactlyOneOfEightRacingReversalsOfOneTransferSucceeds() throws InterruptedException {
    UnitOfWork store = newStore();
    Transfer paid = payment("t-2", H1, Money.ofYuan(100));
    writing(store, s -> {
      s.ledger().post(appropriation("t-1", Money.ofYuan(1_000)));
      s.ledger().post(paid);
    });

    List<RuntimeException> failures = Work.race(THREADS, i -> () ->
        failureOf(() -> writing(store, s -> s.ledger().post(reversal("rev-" + i, paid)))));

    assertThat(failures).filteredOn(f -> f == null).hasSize(1);
    assertThat(failures).filteredOn(f -> f != null).hasSize(THREADS - 1)
        .allSatisfy(f -> assertThat(f).isInstanceOf(DuplicateKeyException.class));
    String winner = "rev-" + failures.indexOf(null);
    reading(store, s -> {
      assertThat(s.ledger().reversalOf("t-2").map(Transfer::id)).contains(winner);
      assertThat(s.ledger().balance(pool())).isEqualTo(Money.ofYuan(1_000));
      assertThat(s.ledger().balance(aidPaid(H1))).isEqualTo(Money.ZERO);
      assertThat(drain(s.ledger().transfers(COUNTY, YEAR))).hasSize(3);
    });
  }

  @Test
  final void exactlyOneOfEightRacingPostsUnderOneIdSucceeds() throws InterruptedException {
    UnitOfWork store = newStore();

    List<RuntimeException> failures = Work.race(THREADS, i -> () ->
        failureOf(() -> writing(store, s -> s.ledger().post(appropriation("t-1", Money.ofYuan(i + 1L))))));

    assertThat(failures).filteredOn(f -> f == null).hasSize(1);
    assertThat(failures).filteredOn(f -> f != null).hasSize(THREADS - 1)
        .allSatisfy(f -> assertThat(f).isInstanceOf(DuplicateKeyException.class));
    Money won = Money.ofYuan(failures.indexOf(null) + 1L);
    reading(store, s -> {
      assertThat(s.ledger().find("t-1").map(Transfer::amount)).contains(won);
      assertThat(s.ledger().balance(pool())).isEqualTo(won);
      assertThat(s.ledger().balance(appropriationAccount())).isEqualTo(Money.ZERO.minus(won));
    });
  }

  // ---------------------------------------------------------------- helpers

  private static Money sum(StoreSession s, List<AccountRef> accounts) {
    Money total = Money.ZERO;
    for (AccountRef account : accounts) {
      total = total.plus(s.ledger().balance(account));
    }
    return total;
  }
}
