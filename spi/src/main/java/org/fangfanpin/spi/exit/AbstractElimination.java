package org.fangfanpin.spi.exit;

import java.util.Optional;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.TownshipVerification;
import org.immutables.value.Value;

/**
 * The elimination review of a case (风险消除程序), along the same tiers as recognition: the village
 * proposes after a home visit, holds an appraisal, posts a notice (5 days, objections answered),
 * the township verifies, the county decides.
 */
@Value.Immutable
public abstract class AbstractElimination {

  /** The village's proposal. */
  public abstract EliminationProposal proposal();

  /** The village's appraisal. */
  public abstract Optional<Appraisal> appraisal();

  /** The public notice. */
  public abstract Optional<PublicNotice> notice();

  /** The township's verification. */
  public abstract Optional<TownshipVerification> verification();

  /** The county's decision. */
  public abstract Optional<EliminationDecision> decision();
}
