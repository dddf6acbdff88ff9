package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.BasicNeed;
import org.fangfanpin.spi.model.Money;

/**
 * What a monthly follow-up visit (月度跟踪回访) found in a monitored household: its income and rigid
 * expenditure (刚性支出) of the last 12 months and the basic needs not secure.
 *
 * @param month the month the follow-up speaks for; not after the month of {@code recordedOn}
 * @param recordedOn the day it was recorded; not after today
 * @param by who recorded it
 * @param incomeLast12Months the household's net income of the last 12 months, not negative
 * @param rigidExpenditure the rigid expenditure of the last 12 months, not negative
 * @param unmetNeeds the basic needs not secure; empty when all hold
 */
public record FollowUpFacts(YearMonth month, LocalDate recordedOn, Actor by, Money incomeLast12Months,
    Money rigidExpenditure, Set<BasicNeed> unmetNeeds) {

  /** Checks presence and copies the set. */
  public FollowUpFacts {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(recordedOn, "recordedOn");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(incomeLast12Months, "incomeLast12Months");
    Objects.requireNonNull(rigidExpenditure, "rigidExpenditure");
    unmetNeeds = Set.copyOf(unmetNeeds);
  }
}
