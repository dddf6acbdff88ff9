package org.fangfanpin.spi.intake;

import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.spi.model.Money;
import org.immutables.value.Value;

/**
 * One record an industry department delivers for comparison (行业部门比对数据). The comparison turns
 * the records that cross a policy threshold into {@link RiskSignal}s of channel
 * {@link Channel#INDUSTRY_DEPARTMENT}, with the record id as source reference.
 */
@Value.Immutable
public abstract class AbstractDepartmentRecord {

  /** The department's id of the record, unique within the department channel. */
  public abstract String recordId();

  /** What the record reports. */
  public abstract DepartmentRecordKind kind();

  /** The household's register id. */
  public abstract String householdId();

  /** The day the fact arose. */
  public abstract LocalDate observedOn();

  /** The amount, for medical expense and disaster loss. */
  public abstract Optional<Money> amount();

  /** A short code the kind defines: GRANTED/REVOKED, a house grade A–D, a disability grade 1–4. */
  public abstract Optional<String> detail();
}
