package org.fangfanpin.core.assistance;

import java.util.List;
import org.fangfanpin.spi.model.AreaCode;
import org.immutables.value.Value;

/**
 * A monitored household with fewer responsible cadres (帮扶责任人) than the policy's
 * {@code minCadresPerHousehold}.
 */
@Value.Immutable
public abstract class AbstractCadreShortfall {

  /** The household's monitoring case. */
  @Value.Parameter
  public abstract String caseId();

  /** The household's register id. */
  @Value.Parameter
  public abstract String householdId();

  /** The household's village. */
  @Value.Parameter
  public abstract AreaCode village();

  /** The cadres it has, possibly none. */
  @Value.Parameter
  public abstract List<String> cadreIds();

  /** The number of cadres the policy requires at least. */
  @Value.Parameter
  public abstract int required();

  @Value.Check
  final void check() {
    if (cadreIds().size() >= required()) {
      throw new IllegalStateException("a shortfall has fewer cadres than required");
    }
  }
}
