package org.fangfanpin.core.assistance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.fangfanpin.spi.assistance.MeasureStatus;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.CaseState;

/**
 * The rejections of assistance, with their stable codes ({@code assistance.*}). The codes shared
 * with other capabilities (role, jurisdiction, same actor, input, not found) come from
 * {@code Rejections}.
 */
final class AssistanceRejections {

  private AssistanceRejections() {}

  /** {@code assistance.wrong_state}: the household is not monitored (confirmed through gradual exit). */
  static Rejection wrongState(CaseState actual) {
    return Rejection.of("assistance.wrong_state",
        "案件当前处于「" + actual.zh() + "」，帮扶操作只适用于已确认至渐退期的监测对象",
        "the case is " + actual.en() + "; assistance applies only to a monitored household, confirmed through"
            + " gradual exit");
  }

  /** {@code assistance.date_out_of_order}: the field's date lies after today. */
  static Rejection dateAfterToday(String field, LocalDate day, LocalDate today) {
    return Rejection.of("assistance.date_out_of_order",
        field + " 日期 " + day + " 晚于今天 " + today,
        field + " " + day + " lies after today, " + today);
  }

  /** {@code assistance.date_out_of_order}: the field's date lies before an earlier step's. */
  static Rejection dateBefore(String field, Object day, String earlierZh, String earlierEn, Object earlier) {
    return Rejection.of("assistance.date_out_of_order",
        field + " " + day + " 早于" + earlierZh + " " + earlier,
        field + " " + day + " lies before the " + earlierEn + ", " + earlier);
  }

  /** {@code assistance.date_out_of_order}: the field's date lies after a later bound. */
  static Rejection dateAfter(String field, Object day, String boundZh, String boundEn, Object bound) {
    return Rejection.of("assistance.date_out_of_order",
        field + " " + day + " 晚于" + boundZh + " " + bound,
        field + " " + day + " lies after the " + boundEn + ", " + bound);
  }

  /** {@code assistance.date_out_of_order}: a measure's end must lie after its planned day. */
  static Rejection endsNotAfterPlanned(LocalDate endsOn, LocalDate plannedOn) {
    return Rejection.of("assistance.date_out_of_order",
        "endsOn 结束日期 " + endsOn + " 应晚于计划日期 plannedOn " + plannedOn,
        "endsOn " + endsOn + " must lie after plannedOn, " + plannedOn);
  }

  /** {@code assistance.cadre_count}: the number of cadres lies outside the policy's range. */
  static Rejection cadreCount(int count, int min, int max) {
    return Rejection.of("assistance.cadre_count",
        "cadreIds 每户帮扶责任人应为 " + min + "–" + max + " 名，实为 " + count + " 名",
        "cadreIds: a household has " + min + " to " + max + " responsible cadres, not " + count);
  }

  /** {@code assistance.cadre_duplicate}: a cadre is named twice. */
  static Rejection cadreDuplicate(String cadreId) {
    return Rejection.of("assistance.cadre_duplicate",
        "cadreIds 中帮扶责任人 " + cadreId + " 重复",
        "cadreIds names the cadre " + cadreId + " more than once");
  }

  /** {@code assistance.cadres_unchanged}: the cadres named are those the household already has. */
  static Rejection cadresUnchanged(List<String> cadreIds) {
    return Rejection.of("assistance.cadres_unchanged",
        "cadreIds 与该户现有帮扶责任人 " + cadreIds + " 相同，无需变更",
        "cadreIds are the household's responsible cadres already, " + cadreIds);
  }

  /** {@code assistance.cadre_not_responsible}: a measure's cadre must be one of the case's cadres. */
  static Rejection cadreNotResponsible(String cadreId, List<String> cadreIds) {
    return cadreIds.isEmpty()
        ? Rejection.of("assistance.cadre_not_responsible",
            "cadreId 该户尚未确定帮扶责任人，不能指定 " + cadreId,
            "cadreId: the household has no responsible cadre yet, so " + cadreId + " cannot be named")
        : Rejection.of("assistance.cadre_not_responsible",
            "cadreId " + cadreId + " 不是该户的帮扶责任人 " + cadreIds,
            "cadreId " + cadreId + " is not one of the household's responsible cadres, " + cadreIds);
  }

  /** {@code assistance.measure_not_found}: the plan has no measure of that number. */
  static Rejection measureNotFound(int number) {
    return Rejection.of("assistance.measure_not_found", "帮扶计划中没有第 " + number + " 号措施",
        "the plan has no measure number " + number);
  }

  /** {@code assistance.measure_wrong_status}: the measure is not in the status the move needs. */
  static Rejection measureWrongStatus(int number, MeasureStatus actual, MeasureStatus needed) {
    return Rejection.of("assistance.measure_wrong_status",
        "第 " + number + " 号措施状态为「" + zh(actual) + "」，此操作需在「" + zh(needed) + "」时进行",
        "measure number " + number + " is " + actual.name().toLowerCase(Locale.ROOT) + "; this move needs it "
            + needed.name().toLowerCase(Locale.ROOT));
  }

  /** {@code assistance.follow_up_exists}: one follow-up per household and month. */
  static Rejection followUpExists(YearMonth month) {
    return Rejection.of("assistance.follow_up_exists", "month " + month + " 的跟踪回访已记录",
        "month: the follow-up of " + month + " is already recorded");
  }

  /** {@code assistance.grid_full}: the grid worker already covers as many households as allowed. */
  static Rejection gridFull(String gridWorkerId, int covered, int max) {
    return Rejection.of("assistance.grid_full",
        "gridWorkerId 网格员 " + gridWorkerId + " 已联系 " + covered + " 户，每名网格员最多 " + max + " 户",
        "gridWorkerId: grid worker " + gridWorkerId + " already covers " + covered + " households; at most " + max);
  }

  /** {@code assistance.grid_already_assigned}: the household is already the worker's. */
  static Rejection gridAlreadyAssigned(String householdId, String gridWorkerId) {
    return Rejection.of("assistance.grid_already_assigned",
        "gridWorkerId 农户 " + householdId + " 已由网格员 " + gridWorkerId + " 联系",
        "gridWorkerId: household " + householdId + " is already assigned to grid worker " + gridWorkerId);
  }

  /** {@code assistance.visit_by_other_worker}: a grid worker records only their own visits. */
  static Rejection visitByOtherWorker(String actorId, String gridWorkerId) {
    return Rejection.of("assistance.visit_by_other_worker",
        "gridWorkerId 走访记录属于网格员 " + gridWorkerId + "，经办人 " + actorId + " 不能代为登记",
        "gridWorkerId: the visit is grid worker " + gridWorkerId + "'s; actor " + actorId + " cannot record it");
  }

  /** {@code assistance.household_not_assigned}: the household is not the grid worker's. */
  static Rejection householdNotAssigned(String householdId, String gridWorkerId) {
    return Rejection.of("assistance.household_not_assigned",
        "householdId 农户 " + householdId + " 不由网格员 " + gridWorkerId + " 联系",
        "householdId: household " + householdId + " is not assigned to grid worker " + gridWorkerId);
  }

  /** {@code assistance.visit_exists}: one visit per household and day. */
  static Rejection visitExists(String householdId, LocalDate on) {
    return Rejection.of("assistance.visit_exists",
        "visitedOn 农户 " + householdId + " 在 " + on + " 的走访已登记",
        "visitedOn: the visit to household " + householdId + " on " + on + " is already recorded");
  }

  private static String zh(MeasureStatus s) {
    return switch (s) {
      case PLANNED -> "计划";
      case IMPLEMENTED -> "已落实";
      case VERIFIED -> "已核实";
    };
  }
}
