package org.fangfanpin.spi.fund;

import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;

/**
 * An account of the fund (资金账户): county, fund year, kind, and for aid paid the household.
 *
 * @param county the county whose fund it is
 * @param fundYear the fund year
 * @param kind the kind
 * @param householdId the household, present exactly for {@link AccountKind#AID_PAID}
 */
public record AccountRef(AreaCode county, int fundYear, AccountKind kind, Optional<String> householdId) {

  /** Checks the parts fit together. */
  public AccountRef {
    Objects.requireNonNull(county, "county");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(householdId, "householdId");
    if (county.level() != AreaLevel.COUNTY) {
      throw new IllegalArgumentException("a fund account belongs to a county, not to " + county);
    }
    if (fundYear < 2000 || fundYear > 2999) {
      throw new IllegalArgumentException("fund year out of range: " + fundYear);
    }
    if ((kind == AccountKind.AID_PAID) != householdId.isPresent()) {
      throw new IllegalArgumentException("a household is named exactly on an aid-paid account");
    }
  }

  /** The county's fiscal appropriation account. */
  public static AccountRef appropriation(AreaCode county, int year) {
    return new AccountRef(county, year, AccountKind.APPROPRIATION, Optional.empty());
  }

  /** The county's donation account. */
  public static AccountRef donation(AreaCode county, int year) {
    return new AccountRef(county, year, AccountKind.DONATION, Optional.empty());
  }

  /** The county's fund pool. */
  public static AccountRef pool(AreaCode county, int year) {
    return new AccountRef(county, year, AccountKind.POOL, Optional.empty());
  }

  /** The aid paid to one household. */
  public static AccountRef aidPaid(AreaCode county, int year, String householdId) {
    return new AccountRef(county, year, AccountKind.AID_PAID, Optional.of(householdId));
  }

  /** A stable text key, e.g. {@code 611022000000/2025/AID_PAID/H1}. */
  public String key() {
    // Without Optional.map: the ledger asks for keys several times per posting.
    return householdId.isPresent() ? county.code() + "/" + fundYear + "/" + kind.name() + "/" + householdId.get()
        : county.code() + "/" + fundYear + "/" + kind.name();
  }
}
