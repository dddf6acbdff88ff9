package org.fangfanpin.core.review;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.CountyDecision;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * One entry of a bulk entry of review steps (识别程序批量录入), such as a county platform takes a
 * day's visits, appraisals, notices, verifications and decisions from its villages and townships:
 * each on one case, by its own actor, as the one-by-one calls of {@link ReviewService} take it.
 */
public sealed interface ReviewEntry {

  /** The case the entry moves. */
  String caseId();

  /**
   * The home visit (入户核实), as {@link ReviewService#recordScreeningVisit}.
   *
   * @param caseId the case
   * @param visit the visit
   */
  record Visit(String caseId, ScreeningVisit visit) implements ReviewEntry {

    /** Checks presence. */
    public Visit {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(visit, "visit");
    }
  }

  /**
   * The democratic appraisal (民主评议), as {@link ReviewService#recordAppraisal}.
   *
   * @param caseId the case
   * @param appraisal the appraisal
   */
  record Appraise(String caseId, Appraisal appraisal) implements ReviewEntry {

    /** Checks presence. */
    public Appraise {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(appraisal, "appraisal");
    }
  }

  /**
   * The notice (公示) posted, as {@link ReviewService#startNotice}.
   *
   * @param caseId the case
   * @param by who posts it
   * @param startsOn its first day
   */
  record StartNotice(String caseId, Actor by, LocalDate startsOn) implements ReviewEntry {

    /** Checks presence. */
    public StartNotice {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(startsOn, "startsOn");
    }
  }

  /**
   * The notice closed and sent to the township, as {@link ReviewService#closeNotice}.
   *
   * @param caseId the case
   * @param by who closes it
   * @param on the day it arrives at the township
   */
  record CloseNotice(String caseId, Actor by, LocalDate on) implements ReviewEntry {

    /** Checks presence. */
    public CloseNotice {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(on, "on");
    }
  }

  /**
   * The township verification (乡镇审核), as {@link ReviewService#verify}.
   *
   * @param caseId the case
   * @param verification the verification
   */
  record Verify(String caseId, TownshipVerification verification) implements ReviewEntry {

    /** Checks presence. */
    public Verify {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(verification, "verification");
    }
  }

  /**
   * The county decision (县级审定), as {@link ReviewService#decide}.
   *
   * @param caseId the case
   * @param decision the decision
   */
  record Decide(String caseId, CountyDecision decision) implements ReviewEntry {

    /** Checks presence. */
    public Decide {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(decision, "decision");
    }
  }
}
