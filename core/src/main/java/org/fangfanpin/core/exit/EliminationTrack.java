package org.fangfanpin.core.exit;

import io.vavr.collection.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.core.review.ReviewChecks;
import org.fangfanpin.core.review.ReviewTrack;
import org.fangfanpin.core.review.Transition;
import org.fangfanpin.spi.exit.Elimination;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * The elimination review's track (风险消除): its steps live in the case's {@link Elimination}, its
 * notice runs the policy's {@code eliminationNoticeDays}, its actions are {@code exit.*}, its
 * notice events say {@code review=elimination}, and a refusal returns the case to monitoring
 * ({@link CaseState#CONFIRMED}) with the refused elimination kept on it.
 */
enum EliminationTrack implements ReviewTrack {
  /** The one track. */
  INSTANCE;

  @Override
  public String actionPrefix() {
    return "exit";
  }

  @Override
  public Map<String, String> eventAttributes() {
    return Map.of("review", "elimination");
  }

  @Override
  public CaseState awaitingAppraisal() {
    return CaseState.ELIMINATION_PROPOSED;
  }

  @Override
  public CaseState awaitingNotice() {
    return CaseState.ELIMINATION_AWAITING_NOTICE;
  }

  @Override
  public CaseState inNotice() {
    return CaseState.ELIMINATION_IN_NOTICE;
  }

  @Override
  public CaseState awaitingTownship() {
    return CaseState.ELIMINATION_AWAITING_TOWNSHIP;
  }

  @Override
  public CaseState awaitingCounty() {
    return CaseState.ELIMINATION_AWAITING_COUNTY;
  }

  @Override
  public int noticeDays(PolicyParameters policy) {
    return policy.eliminationNoticeDays();
  }

  /** The day of the village's home visit that led to the proposal. */
  @Override
  public LocalDate openingStepOn(MonitoringCase c) {
    return elimination(c).proposal().visitedOn();
  }

  @Override
  public String openingStepZh() {
    return "风险消除入户核实";
  }

  @Override
  public String openingStepEn() {
    return "elimination home visit";
  }

  @Override
  public Set<String> openingActorIds(MonitoringCase c) {
    return Set.of(elimination(c).proposal().by().id());
  }

  @Override
  public Optional<Appraisal> appraisal(MonitoringCase c) {
    return c.elimination().flatMap(Elimination::appraisal);
  }

  @Override
  public Optional<PublicNotice> notice(MonitoringCase c) {
    return c.elimination().flatMap(Elimination::notice);
  }

  @Override
  public Optional<TownshipVerification> verification(MonitoringCase c) {
    return c.elimination().flatMap(Elimination::verification);
  }

  @Override
  public MonitoringCase withAppraisal(MonitoringCase c, Appraisal appraisal) {
    return c.withElimination(elimination(c).withAppraisal(appraisal));
  }

  @Override
  public MonitoringCase withNotice(MonitoringCase c, PublicNotice notice) {
    return c.withElimination(elimination(c).withNotice(notice));
  }

  @Override
  public MonitoringCase withVerification(MonitoringCase c, TownshipVerification verification) {
    return c.withElimination(elimination(c).withVerification(verification));
  }

  /** Monitoring continues: the case goes back to {@link CaseState#CONFIRMED}, its elimination kept. */
  @Override
  public Transition refused(MonitoringCase before, MonitoringCase withStep, Actor by, LocalDate on, String reason,
      String action) {
    return ReviewChecks.moved(before, withStep, CaseState.CONFIRMED, by, action, List.empty());
  }

  /** The case's elimination review; a case in an elimination state always has one. */
  static Elimination elimination(MonitoringCase c) {
    return c.elimination().orElseThrow(() -> new IllegalStateException("case " + c.id() + " is "
        + c.state() + " without an elimination review"));
  }
}
