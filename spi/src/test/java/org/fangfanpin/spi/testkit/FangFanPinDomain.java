package org.fangfanpin.spi.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.ResidentId;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The domain of fangfanpin (防返贫) as a jqwik domain context: annotate a property or a test
 * class with {@code @Domain(FangFanPinDomain.class)} and every {@code @ForAll} parameter of an
 * {@link AreaCode}, {@link ResidentId}, {@link Money}, {@link Household} or
 * {@link PolicyParameters} is drawn from {@link DomainArbitraries}.
 *
 * <p>A {@code @Domain} replaces jqwik's default generators: add
 * {@code @Domain(DomainContext.Global.class)} as well when the same property also asks for plain
 * {@code int}s, {@code String}s and the like.
 *
 * <p>Money is drawn from {@link DomainArbitraries#nonNegativeAmounts()}; ask the other
 * generators explicitly where a test needs another range.
 */
public class FangFanPinDomain extends DomainContextBase {

  /** Area codes of every level, villages most often. */
  @Provide
  public Arbitrary<AreaCode> areaCodes() {
    return DomainArbitraries.areaCodes();
  }

  /** Valid resident ID numbers. */
  @Provide
  public Arbitrary<ResidentId> residentIds() {
    return DomainArbitraries.residentIds();
  }

  /** Amounts from 0 to 10,000,000 yuan. */
  @Provide
  public Arbitrary<Money> amounts() {
    return DomainArbitraries.nonNegativeAmounts();
  }

  /** Valid households without member details. */
  @Provide
  public Arbitrary<Household> households() {
    return DomainArbitraries.households();
  }

  /** Valid policy parameters, the defaults with some changed. */
  @Provide
  public Arbitrary<PolicyParameters> policyParameters() {
    return DomainArbitraries.policyParameters();
  }
}
