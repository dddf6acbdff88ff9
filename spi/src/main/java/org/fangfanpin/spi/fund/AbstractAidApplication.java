package org.fangfanpin.spi.fund;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Money;
import org.immutables.value.Value;

/**
 * An application for aid from the special fund (防返贫资金救助申请). The household applies after the
 * general policies (基本医疗、产业就业、教育救助…) it already receives; the village studies it, the
 * township reviews it, the county approves it, and it is paid in a batch. Emergency aid approved
 * on the emergency path (遇困即扶) enters already approved and marked as emergency.
 */
@Value.Immutable
public abstract class AbstractAidApplication {

  /** The application id. */
  public abstract String id();

  /** The household. */
  public abstract String householdId();

  /** The household's village. */
  public abstract AreaCode area();

  /** The household's monitoring case. */
  public abstract Optional<String> caseId();

  /** The fund year it is paid from. */
  public abstract int fundYear();

  /** The purpose, deciding the cap. */
  public abstract AidPurpose purpose();

  /** The amount asked and approved. */
  public abstract Money amount();

  /** The general policies the household already receives; never empty. */
  public abstract List<String> generalPoliciesReceived();

  /** Whether it was approved on the emergency path. */
  public abstract boolean emergency();

  /** Where it stands. */
  public abstract AidApplicationState state();

  /** The stored version, from 1. */
  public abstract long version();

  /** The day it was applied for. */
  public abstract LocalDate appliedOn();

  /** The village's study. */
  public abstract Optional<AidStep> village();

  /** The township's review. */
  public abstract Optional<AidStep> township();

  /** The county's approval. */
  public abstract Optional<AidStep> county();

  /** The payment transfer, once paid. */
  public abstract Optional<String> paymentId();

  /** The batch it was paid in. */
  public abstract Optional<String> batchId();

  /** The reversal transfer, if the payment was reversed. */
  public abstract Optional<String> reversalId();
}
