package org.fangfanpin.core.fund;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fangfanpin.spi.fund.AccountKind;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;
import org.fangfanpin.spi.model.Money;

/**
 * The fund statement of a county's fund year (专项资金使用情况): money in, aid paid by purpose and by
 * township, reversals, the pool's balance, and how many households were aided and the most one
 * received. {@code balance = appropriated + donated − disbursed + reversedPayments}, where
 * appropriated and donated are net of their own reversals.
 *
 * @param county the county
 * @param fundYear the fund year
 * @param appropriated fiscal money in, net of reversals
 * @param donated donations in, net of reversals
 * @param disbursed every payment made
 * @param reversedPayments payments returned to the pool
 * @param paidByPurpose net aid by purpose
 * @param paidByTownship net aid by township
 * @param balance the pool's balance
 * @param debitsTotal the sum of every transfer's debit
 * @param creditsTotal the sum of every transfer's credit (equal to the debits)
 * @param householdsAided households with net aid above zero
 * @param largestHouseholdAid the most net aid one household received
 */
public record FundStatement(AreaCode county, int fundYear, Money appropriated, Money donated, Money disbursed,
    Money reversedPayments, Map<AidPurpose, Money> paidByPurpose, Map<AreaCode, Money> paidByTownship,
    Money balance, Money debitsTotal, Money creditsTotal, int householdsAided, Money largestHouseholdAid) {

  /** Copies the maps. */
  public FundStatement {
    paidByPurpose = Map.copyOf(paidByPurpose);
    paidByTownship = java.util.Collections.unmodifiableMap(new TreeMap<>(paidByTownship));
  }

  static FundStatement of(AreaCode county, int fundYear, List<Transfer> transfers, List<AidApplication> applications,
      Money poolBalance) {
    Map<String, AidApplication> byId = new HashMap<>();
    applications.forEach(a -> byId.put(a.id(), a));
    Map<String, Transfer> transferById = new HashMap<>();
    transfers.forEach(t -> transferById.put(t.id(), t));
    Money appropriated = Money.ZERO;
    Money donated = Money.ZERO;
    Money disbursed = Money.ZERO;
    Money reversed = Money.ZERO;
    Money total = Money.ZERO;
    Map<AidPurpose, Money> byPurpose = new EnumMap<>(AidPurpose.class);
    for (AidPurpose p : AidPurpose.values()) {
      byPurpose.put(p, Money.ZERO);
    }
    Map<AreaCode, Money> byTownship = new HashMap<>();
    Map<String, Money> byHousehold = new HashMap<>();
    for (Transfer t : transfers) {
      total = total.plus(t.amount());
      TransferKind kind = t.kind() == TransferKind.REVERSAL
          ? transferById.get(t.reverses().orElseThrow()).kind() : t.kind();
      Money signed = t.kind() == TransferKind.REVERSAL ? Money.ZERO.minus(t.amount()) : t.amount();
      switch (kind) {
        case APPROPRIATION -> appropriated = appropriated.plus(signed);
        case DONATION -> donated = donated.plus(signed);
        case PAYMENT -> {
          if (t.kind() == TransferKind.REVERSAL) {
            reversed = reversed.plus(t.amount());
          } else {
            disbursed = disbursed.plus(t.amount());
          }
          t.purpose().ifPresent(p -> byPurpose.merge(p, signed, Money::plus));
          AccountKind paidSide = AccountKind.AID_PAID;
          String household = (t.to().kind() == paidSide ? t.to() : t.from()).householdId().orElseThrow();
          byHousehold.merge(household, signed, Money::plus);
          t.applicationId().map(byId::get).ifPresent(a -> byTownship.merge(
              a.area().ancestor(AreaLevel.TOWNSHIP).get(), signed, Money::plus));
        }
        default -> throw new IllegalStateException("a reversal reverses a transfer that is not a reversal");
      }
    }
    int aided = 0;
    Money largest = Money.ZERO;
    for (Money m : byHousehold.values()) {
      if (m.isGreaterThan(Money.ZERO)) {
        aided++;
      }
      if (m.isGreaterThan(largest)) {
        largest = m;
      }
    }
    return new FundStatement(county, fundYear, appropriated, donated, disbursed, reversed, byPurpose, byTownship,
        poolBalance, total, total, aided, largest);
  }
}
