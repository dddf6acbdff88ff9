package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.policy.PolicyParameters;

/**
 * The policy in force for an area on a day, as the rules ask for it, only once the dates they
 * are asked for have passed their checks: the use cases pass {@code CoreContext::policy}, tests a
 * fixed policy.
 */
@FunctionalInterface
interface PolicyLookup {

  /** The policy for the area on the day. */
  PolicyParameters on(AreaCode area, LocalDate day);
}
