package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * The township's verification (乡镇审核): a township team checks family changes, the cause of the
 * risk and the proposed measures.
 *
 * @param verifiedOn the day
 * @param by the township officer
 * @param upheld whether the township agrees the household should be monitored
 * @param note what was checked
 */
public record TownshipVerification(LocalDate verifiedOn, Actor by, boolean upheld, String note) {

  /** Checks presence. */
  public TownshipVerification {
    Objects.requireNonNull(verifiedOn, "verifiedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
  }
}
