package org.fangfanpin.core.reporting;

import java.util.Map;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.RiskType;
import org.immutables.value.Value;

/**
 * One village's row of a warning form (预警情况统计表), for one month. Seed 001 names the two forms
 * but does not print their columns; these are the figures its procedure asks the township to
 * report: new warnings with their households, persons and causes (风险原因), the democratic
 * appraisal's and the township's results, the county's confirmations, the alerts lifted (解除预警)
 * and the cases still under review at the month's end.
 */
@Value.Immutable
public abstract class AbstractWarningFormRow {

  /** The form the row belongs to. */
  public abstract WarningForm form();

  /** The township (乡镇). */
  public abstract AreaCode township();

  /** The village (村). */
  public abstract AreaCode village();

  /** Households whose case opened in the month (新增预警户数). */
  public abstract int newWarningHouseholds();

  /** Members of those households, as the register counts them (新增预警人数). */
  public abstract int newWarningPersons();

  /** The new warnings by cause (预警原因), every risk type present; a case counts under each of its causes. */
  public abstract Map<RiskType, Integer> newWarningsByRiskType();

  /** Cases whose democratic appraisal agreed in the month (民主评议通过户数). */
  public abstract int appraisalAgreed();

  /** Cases the township verified and upheld in the month (乡镇核查属实户数). */
  public abstract int townshipUpheld();

  /** Cases the county confirmed in the month (县级认定户数). */
  public abstract int countyConfirmed();

  /** Cases dismissed in the month: the alert lifted (解除预警户数). */
  public abstract int alertsLifted();

  /** Cases still in recognition at the month's end (月末在审户数). */
  public abstract int underReviewAtMonthEnd();
}
