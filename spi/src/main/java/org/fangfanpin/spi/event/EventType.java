package org.fangfanpin.spi.event;

/** What happened (事件类型). Names are stable; hosts route on them. */
public enum EventType {
  /** A signal opened a new case. */
  CASE_OPENED,
  /** A signal joined an open case. */
  SIGNAL_JOINED,
  /** A public notice started. */
  NOTICE_STARTED,
  /** An objection was filed against a notice. */
  OBJECTION_FILED,
  /** A step's deadline is near. */
  DEADLINE_NEAR,
  /** The county confirmed the household as monitored. */
  CASE_CONFIRMED,
  /** The case was dismissed; the reason goes to the village. */
  CASE_DISMISSED,
  /** The township head approved emergency aid first. */
  EMERGENCY_AID_APPROVED,
  /** The village proposed eliminating the risk. */
  ELIMINATION_PROPOSED,
  /** The county declared the risk eliminated; the gradual exit starts. */
  RISK_ELIMINATED,
  /** A new risk during the gradual exit: monitoring resumed. */
  MONITORING_RESUMED,
  /** The gradual exit ended without a new risk: the case closed. */
  CASE_CLOSED
}
