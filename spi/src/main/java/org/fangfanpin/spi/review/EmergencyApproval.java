package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Money;

/**
 * The township head's approval of emergency aid first (遇困即扶): aid is given before recognition
 * ends; recognition continues.
 *
 * @param approvedOn the day
 * @param by the township head
 * @param amount the aid approved
 * @param reason why basic life has collapsed
 */
public record EmergencyApproval(LocalDate approvedOn, Actor by, Money amount, String reason) {

  /** Checks presence. */
  public EmergencyApproval {
    Objects.requireNonNull(approvedOn, "approvedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(reason, "reason");
  }
}
