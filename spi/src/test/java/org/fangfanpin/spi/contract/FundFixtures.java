package org.fangfanpin.spi.contract;

import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY;
import static org.fangfanpin.spi.contract.StoreFixtures.COUNTY_OFFICER;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.T0;
import static org.fangfanpin.spi.contract.StoreFixtures.TOWNSHIP;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE_WORKER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Role;

/**
 * Valid values of the special fund (防返贫专项资金) and the grid to store, for the contract tests
 * of every storage adapter and for any test that needs a transfer, an aid application or a grid
 * visit without caring about its details. Like {@link StoreFixtures}, every method builds a fresh,
 * valid value deterministically from its arguments; the places are those of {@link StoreFixtures}.
 */
public final class FundFixtures {

  /** The fund year (资金年度) the fixtures use unless told otherwise. */
  public static final int YEAR = 2025;

  /** A township officer of {@link StoreFixtures#TOWNSHIP}. */
  public static final Actor TOWNSHIP_OFFICER = Actor.of("twp-611022100", Role.TOWNSHIP_OFFICER, TOWNSHIP);

  /** The general policy every fixture application lists as already received (已享受的基本政策). */
  public static final String GENERAL_POLICY = "基本医疗保险 basic medical insurance";

  private FundFixtures() {}

  // ---------------------------------------------------------------- accounts

  /** The fiscal appropriation account (财政投入) of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static AccountRef appropriationAccount() {
    return AccountRef.appropriation(COUNTY, YEAR);
  }

  /** The donation account (社会捐助) of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static AccountRef donationAccount() {
    return AccountRef.donation(COUNTY, YEAR);
  }

  /** The fund pool (资金池) of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static AccountRef pool() {
    return AccountRef.pool(COUNTY, YEAR);
  }

  /** The aid paid to a household (救助支出) from the fund of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static AccountRef aidPaid(String householdId) {
    return AccountRef.aidPaid(COUNTY, YEAR, householdId);
  }

  /** The four kinds of account of a county's fund year, aid paid for each of the households given. */
  public static List<AccountRef> accountsOf(AreaCode county, int year, List<String> householdIds) {
    List<AccountRef> accounts = new ArrayList<>(List.of(AccountRef.appropriation(county, year),
        AccountRef.donation(county, year), AccountRef.pool(county, year)));
    householdIds.forEach(h -> accounts.add(AccountRef.aidPaid(county, year, h)));
    return accounts;
  }

  // ---------------------------------------------------------------- transfers

  /**
   * A transfer (转账) of the kind between the accounts, booked on {@link StoreFixtures#DAY0},
   * recorded at {@link StoreFixtures#T0} by {@link StoreFixtures#COUNTY_OFFICER}, without payment or
   * reversal details. Any kind but {@link TransferKind#REVERSAL}, which must name its original: use
   * {@link #reversal(String, Transfer)}.
   */
  public static Transfer transfer(String id, TransferKind kind, AccountRef from, AccountRef to, Money amount) {
    return transferBuilder(id, kind, from, to, amount).build();
  }

  /** Fiscal money into the county's pool (财政拨入). */
  public static Transfer appropriation(String id, AreaCode county, int year, Money amount) {
    return transfer(id, TransferKind.APPROPRIATION, AccountRef.appropriation(county, year),
        AccountRef.pool(county, year), amount).withMemo("县财政拨入 county appropriation");
  }

  /** Fiscal money into the pool of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static Transfer appropriation(String id, Money amount) {
    return appropriation(id, COUNTY, YEAR, amount);
  }

  /** A donation into the county's pool (捐赠拨入). */
  public static Transfer donation(String id, AreaCode county, int year, Money amount) {
    return transfer(id, TransferKind.DONATION, AccountRef.donation(county, year), AccountRef.pool(county, year),
        amount).withMemo("企业捐赠 corporate donation");
  }

  /** A donation into the pool of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static Transfer donation(String id, Money amount) {
    return donation(id, COUNTY, YEAR, amount);
  }

  /**
   * General aid paid from the county's pool to the household (救助发放), paying the application
   * {@code "aid-" + id} in batch {@code "batch-1"}.
   */
  public static Transfer payment(String id, AreaCode county, int year, String householdId, Money amount) {
    return transfer(id, TransferKind.PAYMENT, AccountRef.pool(county, year),
        AccountRef.aidPaid(county, year, householdId), amount)
        .withPurpose(AidPurpose.GENERAL)
        .withApplicationId("aid-" + id)
        .withBatchId("batch-1");
  }

  /** General aid paid to the household from the pool of {@link StoreFixtures#COUNTY} in {@link #YEAR}. */
  public static Transfer payment(String id, String householdId, Money amount) {
    return payment(id, COUNTY, YEAR, householdId, amount);
  }

  /**
   * The reversal (冲正) of {@code original}: its accounts swapped, its amount, purpose and
   * application, naming it, booked a day later.
   */
  public static Transfer reversal(String id, Transfer original) {
    return transferBuilder(id, TransferKind.REVERSAL, original.to(), original.from(), original.amount())
        .bookedOn(original.bookedOn().plusDays(1))
        .purpose(original.purpose())
        .applicationId(original.applicationId())
        .reverses(original.id())
        .memo("金额有误 wrong amount")
        .build();
  }

  private static Transfer.Builder transferBuilder(String id, TransferKind kind, AccountRef from, AccountRef to,
      Money amount) {
    return Transfer.builder()
        .id(id)
        .kind(kind)
        .from(from)
        .to(to)
        .amount(amount)
        .bookedOn(DAY0)
        .recordedAt(T0)
        .actorId(COUNTY_OFFICER.id())
        .memo("");
  }

  // ---------------------------------------------------------------- aid applications

  /**
   * A new application (救助申请, version 1, applied on {@link StoreFixtures#DAY0}) of the household
   * in the village for the fund year, listing {@link #GENERAL_POLICY}, without any tier's step.
   */
  public static AidApplication aidApplication(String id, String householdId, AreaCode village, int fundYear,
      AidPurpose purpose, Money amount) {
    return AidApplication.builder()
        .id(id)
        .householdId(householdId)
        .area(village)
        .caseId("case-" + householdId)
        .fundYear(fundYear)
        .purpose(purpose)
        .amount(amount)
        .addGeneralPoliciesReceived(GENERAL_POLICY)
        .emergency(false)
        .state(AidApplicationState.APPLIED)
        .version(1)
        .appliedOn(DAY0)
        .build();
  }

  /** A new application of 5,000 yuan of general aid of the household for {@link #YEAR}. */
  public static AidApplication aidApplication(String id, String householdId, AreaCode village) {
    return aidApplication(id, householdId, village, YEAR, AidPurpose.GENERAL, Money.ofYuan(5_000));
  }

  /** The next version of the application, moved to {@code state}. */
  public static AidApplication advanced(AidApplication a, AidApplicationState state) {
    return a.withState(state).withVersion(a.version() + 1);
  }

  /**
   * An emergency application (遇困即扶) with every optional part filled: three tiers' steps, the
   * payment, its batch and its reversal; for checking that a store keeps every field.
   */
  public static AidApplication detailedAidApplication(String id, String householdId, AreaCode village) {
    LocalDate on = DAY0;
    return AidApplication.builder()
        .id(id)
        .householdId(householdId)
        .area(village)
        .caseId("case-" + householdId)
        .fundYear(YEAR)
        .purpose(AidPurpose.HARDSHIP)
        .amount(Money.ofFen(1_234_567))
        .addGeneralPoliciesReceived(GENERAL_POLICY, "临时救助 temporary assistance")
        .emergency(true)
        .state(AidApplicationState.REVERSED)
        .version(1)
        .appliedOn(on)
        .village(new AidStep(on.plusDays(1), VILLAGE_WORKER, true, "村民代表会议通过 passed by the villagers' meeting"))
        .township(new AidStep(on.plusDays(2), TOWNSHIP_OFFICER, true, "材料齐全 papers complete"))
        .county(new AidStep(on.plusDays(3), COUNTY_OFFICER, true, "同意救助 approved"))
        .paymentId("pay-" + id)
        .batchId("batch-7")
        .reversalId("rev-" + id)
        .build();
  }

  // ---------------------------------------------------------------- grid

  /** A grid worker's visit (网格员走访) to the household on the day. */
  public static GridVisit gridVisit(String gridWorkerId, String householdId, LocalDate on) {
    return new GridVisit(gridWorkerId, householdId, on, "生活正常 all well (" + on + ")");
  }

  /** The id of the {@code n}th grid worker (网格员) of {@link StoreFixtures#COUNTY}. */
  public static String gridWorkerId(int n) {
    return "grid-611022-" + String.format("%03d", n);
  }
}
