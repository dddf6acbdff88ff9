package org.fangfanpin.spi.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;

/**
 * The village working group's home visit (入户核实): whether the risk is real, and whether the
 * household authorised the check of its income and property data (授权核查).
 *
 * @param visitedOn the day of the visit
 * @param by the village actor who visited
 * @param riskReal whether the risk was found real
 * @param consentToDataCheck whether the household signed the authorisation
 * @param note what was found; never a health detail or an ID number
 */
public record ScreeningVisit(LocalDate visitedOn, Actor by, boolean riskReal, boolean consentToDataCheck,
    String note) {

  /** Checks presence. */
  public ScreeningVisit {
    Objects.requireNonNull(visitedOn, "visitedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(note, "note");
  }
}
