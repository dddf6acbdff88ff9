package org.fangfanpin.core.workflow;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.CaseState;

/**
 * The recognition workflow (认定流程) as the properties read it from DOMAIN.md and issue 3, written
 * out again here rather than taken from the code under test: the moves, the state each needs, the
 * states it may lead to, the roles that may make it, and the roles that may report through each
 * intake channel.
 */
final class Workflow {

  /** The audit action of a signal that opened a case. */
  static final String CASE_OPENED = "intake.case_opened";
  /** The audit action of a signal that joined an open case. */
  static final String SIGNAL_JOINED = "intake.signal_joined";
  /** The audit action of a signal that ended a gradual exit. */
  static final String MONITORING_RESUMED = "intake.monitoring_resumed";

  private static final Map<Channel, Set<Role>> REPORTERS = new EnumMap<>(Map.of(
      Channel.SELF_DECLARATION, EnumSet.of(Role.HOUSEHOLD, Role.VILLAGE_WORKING_GROUP),
      Channel.GRID_SCREENING, EnumSet.of(Role.GRID_WORKER, Role.VILLAGE_WORKING_GROUP, Role.TOWNSHIP_OFFICER),
      Channel.MEDIA_HOTLINE, EnumSet.of(Role.HOTLINE_OPERATOR, Role.COUNTY_OFFICE),
      Channel.INDUSTRY_DEPARTMENT, EnumSet.of(Role.DEPARTMENT_OFFICER),
      Channel.DATA_PLATFORM, EnumSet.of(Role.DATA_PLATFORM)));

  private Workflow() {}

  /** A move of the tiered review, with its audit action, the state it needs and where it may lead. */
  enum Move {
    VISIT("review.screening_visit", CaseState.AWAITING_VISIT,
        EnumSet.of(CaseState.AWAITING_APPRAISAL, CaseState.DISMISSED), EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    APPRAISAL("review.appraisal", CaseState.AWAITING_APPRAISAL,
        EnumSet.of(CaseState.AWAITING_NOTICE, CaseState.DISMISSED), EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    NOTICE_START("review.notice_start", CaseState.AWAITING_NOTICE, EnumSet.of(CaseState.IN_NOTICE),
        EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    OBJECTION("review.objection_filed", CaseState.IN_NOTICE, EnumSet.of(CaseState.IN_NOTICE),
        EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    ANSWER("review.objection_answered", CaseState.IN_NOTICE, EnumSet.of(CaseState.IN_NOTICE),
        EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    NOTICE_CLOSE("review.notice_close", CaseState.IN_NOTICE, EnumSet.of(CaseState.AWAITING_TOWNSHIP),
        EnumSet.of(Role.VILLAGE_WORKING_GROUP)),
    VERIFY("review.township_verification", CaseState.AWAITING_TOWNSHIP,
        EnumSet.of(CaseState.AWAITING_COUNTY, CaseState.DISMISSED),
        EnumSet.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD)),
    DECIDE("review.county_decision", CaseState.AWAITING_COUNTY, EnumSet.of(CaseState.CONFIRMED, CaseState.DISMISSED),
        EnumSet.of(Role.COUNTY_OFFICE)),
    /** Emergency aid first (遇困即扶): in any state of recognition, which it leaves as it was. */
    EMERGENCY("review.emergency_approval", null, EnumSet.noneOf(CaseState.class), EnumSet.of(Role.TOWNSHIP_HEAD));

    final String action;
    private final CaseState needs;
    private final Set<CaseState> leadsTo;
    final Set<Role> roles;

    Move(String action, CaseState needs, Set<CaseState> leadsTo, Set<Role> roles) {
      this.action = action;
      this.needs = needs;
      this.leadsTo = leadsTo;
      this.roles = roles;
    }

    /** Whether the move may be made on a case in the state. */
    boolean allowedIn(CaseState state) {
      return needs == null ? state.inRecognition() : state == needs;
    }

    /** Whether {@code from → to} is an edge of the workflow for this move. */
    boolean isEdge(CaseState from, CaseState to) {
      return allowedIn(from) && (needs == null ? to == from : leadsTo.contains(to));
    }

    /**
     * Whether the move verifies or decides: the one who acted on an earlier step of the case may
     * not make it.
     */
    boolean approves() {
      return this == VERIFY || this == DECIDE;
    }

    /** The move recorded under the audit action. */
    static Optional<Move> ofAction(String action) {
      for (Move m : values()) {
        if (m.action.equals(action)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** Whether an actor of the role may report through the channel. */
  static boolean mayReport(Role role, Channel channel) {
    return REPORTERS.get(channel).contains(role);
  }

  /** Whether the role may report through some channel. */
  static boolean reportsSomewhere(Role role) {
    return REPORTERS.values().stream().anyMatch(roles -> roles.contains(role));
  }

  /**
   * Whether an intake record's states are an edge: a signal opens a case awaiting the visit, joins
   * an open case without moving it, or takes a case in its gradual exit back to confirmed.
   */
  static boolean isIntakeEdge(String action, Optional<String> before, String after) {
    switch (action) {
      case CASE_OPENED:
        return before.isEmpty() && after.equals(CaseState.AWAITING_VISIT.name());
      case SIGNAL_JOINED:
        return before.isPresent() && before.get().equals(after) && CaseState.valueOf(after).isOpen()
            && CaseState.valueOf(after) != CaseState.GRADUAL_EXIT;
      case MONITORING_RESUMED:
        return before.equals(Optional.of(CaseState.GRADUAL_EXIT.name())) && after.equals(CaseState.CONFIRMED.name());
      default:
        return false;
    }
  }
}
