package org.fangfanpin.core.review;

import java.time.LocalDate;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The policy in force for an area on a day, as the rules ask for it: the use cases pass
 * {@code CoreContext::policy}, tests a fixed policy. A function of values, so the rules stay pure.
 */
@FunctionalInterface
public interface PolicyLookup {

  /** The policy for the area on the day. */
  PolicyParameters on(AreaCode area, LocalDate day);
}
