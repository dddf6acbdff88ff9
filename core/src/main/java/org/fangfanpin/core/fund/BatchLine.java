package org.fangfanpin.core.fund;

import java.util.Objects;
import java.util.Optional;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.model.Rejection;

/**
 * One line of a batch statement (批次明细): an application, paid or not, and why not.
 *
 * @param application the application as it stands after the batch
 * @param paid whether this batch paid it
 * @param reason why it was not paid
 */
public record BatchLine(AidApplication application, boolean paid, Optional<Rejection> reason) {

  /** Checks presence. */
  public BatchLine {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(reason, "reason");
  }

  static BatchLine paid(AidApplication a) {
    return new BatchLine(a, true, Optional.empty());
  }

  static BatchLine notPaid(AidApplication a, Rejection why) {
    return new BatchLine(a, false, Optional.of(why));
  }
}
