package org.fangfanpin.core.exit;

import java.time.LocalDate;
import java.util.Objects;
import org.fangfanpin.spi.exit.EliminationDecision;
import org.fangfanpin.spi.exit.EliminationProposal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * One entry of a bulk entry of risk-elimination steps (风险消除批量录入): a proposal, appraisal,
 * notice, verification or decision on one case, by its own actor, as the one-by-one calls of
 * {@link ExitService} take it.
 */
public sealed interface ExitEntry {

  /** The case the entry moves. */
  String caseId();

  /**
   * The village working group's proposal (提出风险消除), as {@link ExitService#propose}.
   *
   * @param caseId the case
   * @param proposal the proposal
   */
  record Propose(String caseId, EliminationProposal proposal) implements ExitEntry {

    /** Checks presence. */
    public Propose {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(proposal, "proposal");
    }
  }

  /**
   * The democratic appraisal (民主评议), as {@link ExitService#recordAppraisal}.
   *
   * @param caseId the case
   * @param appraisal the appraisal
   */
  record Appraise(String caseId, Appraisal appraisal) implements ExitEntry {

    /** Checks presence. */
    public Appraise {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(appraisal, "appraisal");
    }
  }

  /**
   * The elimination notice (公示) posted, as {@link ExitService#startNotice}.
   *
   * @param caseId the case
   * @param by who posts it
   * @param startsOn its first day
   */
  record StartNotice(String caseId, Actor by, LocalDate startsOn) implements ExitEntry {

    /** Checks presence. */
    public StartNotice {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(startsOn, "startsOn");
    }
  }

  /**
   * The elimination notice closed and sent to the township, as {@link ExitService#closeNotice}.
   *
   * @param caseId the case
   * @param by who closes it
   * @param on the day it arrives at the township
   */
  record CloseNotice(String caseId, Actor by, LocalDate on) implements ExitEntry {

    /** Checks presence. */
    public CloseNotice {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(by, "by");
      Objects.requireNonNull(on, "on");
    }
  }

  /**
   * The township's verification (乡镇审核), as {@link ExitService#verify}.
   *
   * @param caseId the case
   * @param verification the verification
   */
  record Verify(String caseId, TownshipVerification verification) implements ExitEntry {

    /** Checks presence. */
    public Verify {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(verification, "verification");
    }
  }

  /**
   * The county's decision (县级审定), as {@link ExitService#decide}.
   *
   * @param caseId the case
   * @param decision the decision
   */
  record Decide(String caseId, EliminationDecision decision) implements ExitEntry {

    /** Checks presence. */
    public Decide {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(decision, "decision");
    }
  }
}
