package org.fangfanpin.core.review;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.policy.PolicyParameters;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CaseState;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * One tiered review (审核轨道) that {@link ReviewSteps} runs: where its appraisal, public notice and
 * township verification live on the case, which states they move it through, how long its notice
 * runs, the audit actions it records and what a refusal does. Recognition (认定) keeps its steps in
 * the case's own fields and dismisses on refusal; risk elimination (风险消除, {@code core.exit})
 * keeps them in the case's {@code Elimination} and returns the case to monitoring.
 *
 * <p>Used by the capabilities of {@code core}; hosts call the services, not the tracks.
 */
public interface ReviewTrack {

  /** The prefix of the track's audit actions, e.g. {@code review} for {@code review.appraisal}. */
  String actionPrefix();

  /**
   * Attributes appended to the notice's events (NOTICE_STARTED, OBJECTION_FILED), in order: the
   * elimination notice's say {@code review=elimination}.
   */
  Map<String, String> eventAttributes();

  /** The state in which the appraisal is due. */
  CaseState awaitingAppraisal();

  /** The state in which the notice is due to start. */
  CaseState awaitingNotice();

  /** The state while the notice runs. */
  CaseState inNotice();

  /** The state in which the township verification is due. */
  CaseState awaitingTownship();

  /** The state in which the county decides. */
  CaseState awaitingCounty();

  /** How many days the track's notice runs under the policy. */
  int noticeDays(PolicyParameters policy);

  /** The day of the step the appraisal follows: the village's home visit or proposal. */
  LocalDate openingStepOn(MonitoringCase c);

  /** That step's name in Chinese, for a date out of order. */
  String openingStepZh();

  /** That step's name in English. */
  String openingStepEn();

  /**
   * The ids of the actors who acted on the track's steps other than the appraisal, the notice and
   * the verification: the visit and the emergency approval, or the proposal.
   */
  Set<String> openingActorIds(MonitoringCase c);

  /** The track's appraisal on the case. */
  Optional<Appraisal> appraisal(MonitoringCase c);

  /** The track's notice on the case. */
  Optional<PublicNotice> notice(MonitoringCase c);

  /** The track's township verification on the case. */
  Optional<TownshipVerification> verification(MonitoringCase c);

  /** The case with the track's appraisal set. */
  MonitoringCase withAppraisal(MonitoringCase c, Appraisal appraisal);

  /** The case with the track's notice set. */
  MonitoringCase withNotice(MonitoringCase c, PublicNotice notice);

  /** The case with the track's verification set. */
  MonitoringCase withVerification(MonitoringCase c, TownshipVerification verification);

  /**
   * What a refused appraisal or verification does to the case.
   *
   * @param before the case before the move
   * @param withStep the case with the refusing step recorded
   * @param by who refused
   * @param on the day of the refusal
   * @param reason the minutes or the note
   * @param action the audit action
   */
  Transition refused(MonitoringCase before, MonitoringCase withStep, Actor by, LocalDate on, String reason,
      String action);
}
