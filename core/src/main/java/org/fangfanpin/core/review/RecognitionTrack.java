package org.fangfanpin.core.review;

import io.vavr.collection.List;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.Dismissal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * The recognition review's track (认定): its steps live in the case's own fields, its notice runs
 * the policy's {@code recognitionNoticeDays}, its actions are {@code review.*}, its notice events
 * carry no extra attribute (as released), and a refusal dismisses the case (排除) with the reason
 * sent back to the village.
 */
enum RecognitionTrack implements ReviewTrack {
  /** The one track. */
  INSTANCE;

  @Override
  public String actionPrefix() {
    return "review";
  }

  @Override
  public Map<String, String> eventAttributes() {
    return Map.of();
  }

  @Override
  public CaseState awaitingAppraisal() {
    return CaseState.AWAITING_APPRAISAL;
  }

  @Override
  public CaseState awaitingNotice() {
    return CaseState.AWAITING_NOTICE;
  }

  @Override
  public CaseState inNotice() {
    return CaseState.IN_NOTICE;
  }

  @Override
  public CaseState awaitingTownship() {
    return CaseState.AWAITING_TOWNSHIP;
  }

  @Override
  public CaseState awaitingCounty() {
    return CaseState.AWAITING_COUNTY;
  }

  @Override
  public int noticeDays(PolicyParameters policy) {
    return policy.recognitionNoticeDays();
  }

  /** The screening visit's day, or the day the case opened before it. */
  @Override
  public LocalDate openingStepOn(MonitoringCase c) {
    return c.screeningVisit().map(ScreeningVisit::visitedOn).orElse(c.openedOn());
  }

  @Override
  public String openingStepZh() {
    return "入户核实";
  }

  @Override
  public String openingStepEn() {
    return "screening visit";
  }

  @Override
  public Set<String> openingActorIds(MonitoringCase c) {
    Set<String> ids = new HashSet<>(2);
    c.screeningVisit().ifPresent(v -> ids.add(v.by().id()));
    c.emergency().ifPresent(e -> ids.add(e.by().id()));
    return ids;
  }

  @Override
  public Optional<Appraisal> appraisal(MonitoringCase c) {
    return c.appraisal();
  }

  @Override
  public Optional<PublicNotice> notice(MonitoringCase c) {
    return c.notice();
  }

  @Override
  public Optional<TownshipVerification> verification(MonitoringCase c) {
    return c.verification();
  }

  @Override
  public MonitoringCase withAppraisal(MonitoringCase c, Appraisal appraisal) {
    return c.withAppraisal(appraisal);
  }

  @Override
  public MonitoringCase withNotice(MonitoringCase c, PublicNotice notice) {
    return c.withNotice(notice);
  }

  @Override
  public MonitoringCase withVerification(MonitoringCase c, TownshipVerification verification) {
    return c.withVerification(verification);
  }

  /** Dismisses the case (排除): the reason goes back to the village with a CASE_DISMISSED event. */
  @Override
  public Transition refused(MonitoringCase before, MonitoringCase withStep, Actor by, LocalDate on, String reason,
      String action) {
    Dismissal dismissal = new Dismissal(on, by, before.state(), reason);
    return ReviewChecks.moved(before, withStep.withDismissal(dismissal), CaseState.DISMISSED, by, action,
        List.of(new Transition.Raised(EventType.CASE_DISMISSED, ReviewChecks.attributes(
            "atState", before.state().name(),
            "dismissedOn", on.toString(),
            "byRole", by.role().name(),
            "reason", reason))));
  }
}
