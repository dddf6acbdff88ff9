package org.fangfanpin.spi.intake;

import io.vavr.collection.List;
import java.time.LocalDate;
import java.util.Set;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.InvalidValueException;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * A risk signal (风险线索): one channel's report that a household may be at risk. The pair
 * (channel, source reference) identifies it; delivering it again is idempotent.
 */
@Value.Immutable
public abstract class AbstractRiskSignal {

  /** The longest source reference accepted. */
  public static final int MAX_SOURCE_REF_LENGTH = 128;

  /** The channel it came through. */
  public abstract Channel channel();

  /** The channel's own reference, unique within the channel (a hotline ticket, a record id). */
  public abstract String sourceRef();

  /** The household's register id. */
  public abstract String householdId();

  /** The day the risk was observed. */
  public abstract LocalDate observedOn();

  /** The causes the reporter names; may be empty when unknown. */
  public abstract Set<RiskType> riskTypes();

  /** Evidence, in the order given. */
  public abstract java.util.List<Evidence> evidence();

  /** Who reported it. */
  public abstract Actor reportedBy();

  /** Whether the two signals say the same thing: same content under the same key. */
  public final boolean samePayload(AbstractRiskSignal other) {
    return equals(other);
  }

  @Value.Check
  final void check() {
    List<Problem> p = List.empty();
    if (sourceRef().isBlank() || sourceRef().length() > MAX_SOURCE_REF_LENGTH) {
      p = p.append(Problem.of("source_ref", "signal.source_ref.length",
          "线索来源编号不能为空且不超过 " + MAX_SOURCE_REF_LENGTH + " 个字符",
          "source reference must not be blank and at most " + MAX_SOURCE_REF_LENGTH + " characters"));
    }
    if (householdId().isBlank() || householdId().length() > 64) {
      p = p.append(Problem.of("household_id", "signal.household_id.length",
          "户编号不能为空且不超过 64 个字符", "household id must not be blank and at most 64 characters"));
    }
    for (Evidence e : evidence()) {
      if (e.text().length() > AbstractEvidence.MAX_TEXT_LENGTH) {
        p = p.append(Problem.of("evidence", "signal.evidence.length",
            "佐证说明不超过 " + AbstractEvidence.MAX_TEXT_LENGTH + " 个字符",
            "evidence text must be at most " + AbstractEvidence.MAX_TEXT_LENGTH + " characters"));
      }
      if (e.amount().isPresent() && e.amount().get().isNegative()) {
        p = p.append(Problem.of("evidence", "signal.evidence.negative_amount",
            "佐证金额不能为负", "evidence amount must not be negative"));
      }
    }
    if (!p.isEmpty()) {
      throw new InvalidValueException(p);
    }
  }
}
