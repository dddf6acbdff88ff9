package org.fangfanpin.spi.intake;

import java.util.Optional;
import org.fangfanpin.spi.model.Money;
import org.immutables.value.Value;

/**
 * One piece of evidence (佐证材料) on a signal: what it is, in words, and an amount when it has
 * one (a hospital bill, a disaster loss). Never a resident ID number or a health diagnosis.
 */
@Value.Immutable
public abstract class AbstractEvidence {

  /** The longest text accepted. */
  public static final int MAX_TEXT_LENGTH = 500;

  /** What the evidence says. */
  @Value.Parameter
  public abstract String text();

  /** The amount it documents, if any. */
  @Value.Parameter
  public abstract Optional<Money> amount();
}
