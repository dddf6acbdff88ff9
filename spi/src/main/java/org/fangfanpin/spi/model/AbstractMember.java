package org.fangfanpin.spi.model;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A member of a household (家庭成员), as far as the rules need to know them. Only the
 * household's counts enter the assessment; member details are kept when the register has them.
 */
@Value.Immutable
abstract class AbstractMember {

  /** The member's resident ID number, when registered. */
  public abstract Optional<ResidentId> residentId();

  /** Relation to the head of household. */
  public abstract MemberRelation relation();

  /** Able to work (有劳动能力). */
  public abstract boolean ableToWork();

  /** In senior secondary school or above (高中及以上在读). */
  public abstract boolean seniorStudent();

  /** Holds a disability certificate (残疾). */
  public abstract boolean disabled();

  /** Has a serious or chronic illness (大病/慢性病). */
  public abstract boolean seriouslyIll();
}
