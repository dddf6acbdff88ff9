package org.fangfanpin.core.fund;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Money;

/**
 * A household's application for aid (个人申请), as the village takes it down (镇村代办).
 *
 * @param householdId the household
 * @param purpose the purpose
 * @param amount the amount asked
 * @param generalPoliciesReceived the general policies it already receives (基本医疗、教育救助…); the
 *     fund pays only after them, so an application that lists none is refused
 * @param appliedOn the day of the application; its year is the fund year
 * @param applicant the household, or the village working group on its behalf
 */
public record AidRequest(String householdId, AidPurpose purpose, Money amount, List<String> generalPoliciesReceived,
    LocalDate appliedOn, Actor applicant) {

  /** Checks presence and copies the list. */
  public AidRequest {
    Objects.requireNonNull(householdId, "householdId");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(amount, "amount");
    generalPoliciesReceived = List.copyOf(generalPoliciesReceived);
    Objects.requireNonNull(appliedOn, "appliedOn");
    Objects.requireNonNull(applicant, "applicant");
  }
}
