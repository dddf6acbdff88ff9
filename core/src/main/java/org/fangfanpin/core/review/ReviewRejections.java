package org.fangfanpin.core.review;

import io.vavr.collection.Seq;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.CaseState;

/**
 * The rejections of the tiered review, with their stable codes ({@code review.*}). The codes
 * shared with other capabilities (role, jurisdiction, same actor, input) come from
 * {@code Rejections}.
 */
final class ReviewRejections {

  private ReviewRejections() {}

  /** {@code review.wrong_state}: the case is not in the state the move needs. */
  static Rejection wrongState(CaseState actual, String neededZh, String neededEn) {
    return Rejection.of("review.wrong_state",
        "案件当前处于「" + actual.zh() + "」，此操作需在「" + neededZh + "」时进行",
        "the case is " + actual.en() + "; this move needs it " + neededEn);
  }

  /** {@code review.wrong_state} for a move that needs exactly one state. */
  static Rejection wrongState(CaseState actual, CaseState needed) {
    return wrongState(actual, needed.zh(), needed.en());
  }

  /** {@code review.date_out_of_order}: the move's date lies after today. */
  static Rejection dateAfterToday(String field, LocalDate day, LocalDate today) {
    return Rejection.of("review.date_out_of_order",
        field + " 日期 " + day + " 晚于今天 " + today,
        field + " " + day + " lies after today, " + today);
  }

  /** {@code review.date_out_of_order}: the move's date lies before the previous step's. */
  static Rejection dateBeforePrevious(String field, LocalDate day, String previousZh, String previousEn,
      LocalDate previous) {
    return Rejection.of("review.date_out_of_order",
        field + " 日期 " + day + " 早于" + previousZh + "日期 " + previous,
        field + " " + day + " lies before the " + previousEn + ", " + previous);
  }

  /** {@code review.consent_missing}: a real risk needs the household's authorisation of the data check. */
  static Rejection consentMissing() {
    return Rejection.of("review.consent_missing",
        "风险属实的，须由农户签署家庭收入和财产信息核查授权书",
        "a real risk needs the household's signed authorisation to check its income and property data");
  }

  /** {@code review.appraisal_votes}: the meeting's figures do not add up; every problem is listed. */
  static Rejection appraisalVotes(Seq<Problem> problems) {
    return Rejection.of("review.appraisal_votes",
        "民主评议票数有误：" + problems.map(p -> p.field() + " " + p.zh()).collect(Collectors.joining("；")),
        "the appraisal's figures are wrong: "
            + problems.map(p -> p.field() + " " + p.en()).collect(Collectors.joining("; ")));
  }

  /** {@code review.objection_outside_notice}: an objection filed after the notice's last day. */
  static Rejection objectionOutsideNotice(LocalDate filedOn, LocalDate startsOn, LocalDate lastDay) {
    return Rejection.of("review.objection_outside_notice",
        "异议日期 " + filedOn + " 不在公示期 " + startsOn + " 至 " + lastDay + " 内",
        "an objection filed on " + filedOn + " lies outside the notice, " + startsOn + " to " + lastDay);
  }

  /** {@code review.objection_not_found}: the notice has no objection of that number. */
  static Rejection objectionNotFound(int number) {
    return Rejection.of("review.objection_not_found", "公示中没有第 " + number + " 号异议",
        "the notice has no objection number " + number);
  }

  /** {@code review.objection_already_answered}: an objection is answered once. */
  static Rejection objectionAlreadyAnswered(int number) {
    return Rejection.of("review.objection_already_answered", "第 " + number + " 号异议已答复",
        "objection number " + number + " has already been answered");
  }

  /** {@code review.notice_still_running}: the notice closes only after its last day. */
  static Rejection noticeStillRunning(LocalDate on, LocalDate lastDay) {
    return Rejection.of("review.notice_still_running",
        "公示期至 " + lastDay + " 结束，" + on + " 不能结束公示",
        "the notice runs through " + lastDay + " and cannot close on " + on);
  }

  /** {@code review.objections_unanswered}: every objection must be answered before the notice closes. */
  static Rejection objectionsUnanswered(long count) {
    return Rejection.of("review.objections_unanswered",
        "尚有 " + count + " 条异议未答复，不能结束公示",
        count + " objection(s) are not answered yet; the notice cannot close");
  }

  /** {@code review.category_mismatch}: the category does not fit the household's status. */
  static Rejection categoryMismatch(String categoryZh, String categoryEn, String statusZh, String statusEn) {
    return Rejection.of("review.category_mismatch",
        "「" + categoryZh + "」不适用于" + statusZh,
        "the category " + categoryEn + " does not apply to a " + statusEn);
  }

  /** {@code review.emergency_already_approved}: emergency aid is approved at most once per case. */
  static Rejection emergencyAlreadyApproved(LocalDate approvedOn) {
    return Rejection.of("review.emergency_already_approved",
        "本案已于 " + approvedOn + " 批准先行救助",
        "emergency aid was already approved for this case on " + approvedOn);
  }
}
