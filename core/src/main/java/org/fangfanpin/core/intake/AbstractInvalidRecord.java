package org.fangfanpin.core.intake;

import java.util.List;
import org.fangfanpin.spi.intake.DepartmentRecord;
import org.fangfanpin.spi.model.Problem;
import org.immutables.value.Value;

/** A department record that could not be judged (无效记录), with every problem found. */
@Value.Immutable
public abstract class AbstractInvalidRecord {

  /** The record as delivered. */
  @Value.Parameter
  public abstract DepartmentRecord record();

  /** What is wrong with it: the field and a message in Chinese and English. */
  @Value.Parameter
  public abstract List<Problem> problems();
}
