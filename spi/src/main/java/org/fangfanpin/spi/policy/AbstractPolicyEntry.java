package org.fangfanpin.spi.policy;

import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * One version of the policy (政策版本): the parameters a region applies from a date on. A missing
 * region means the national default.
 */
@Value.Immutable
public abstract class AbstractPolicyEntry {

  /** The region the entry applies to (a province, city, county…); empty for the whole country. */
  public abstract Optional<AreaCode> region();

  /** The first day the entry applies. */
  public abstract LocalDate effectiveFrom();

  /** The parameters. */
  public abstract PolicyParameters parameters();

  /** Whether the entry covers the area. */
  public final boolean covers(AreaCode area) {
    return region().map(r -> r.contains(area)).orElse(true);
  }

  /** How specific the region is: 0 for national, else the region's significant digits. */
  public final int specificity() {
    return region().map(r -> r.level().significantDigits()).orElse(0);
  }
}
