package org.fangfanpin.core.exit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.fangfanpin.spi.assistance.MeasureType;
import org.fangfanpin.spi.exit.GradualExit;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.HouseholdStatus;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.MonitoringCategory;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.CaseState;
import org.immutables.value.Value;

/**
 * One row of the elimination register (返贫致贫预警解除登记表, seed 001 附件3): a case whose alert the
 * county lifted. Seed 001 names the form without printing its columns; these are what its
 * procedure records — whether it was a return-to-poverty (返贫) or a fall-into-poverty (致贫)
 * warning, the household and its risk causes, the assistance that removed the risk (通过帮扶实现稳定
 * 脱贫或消除致贫风险), the steps of the elimination and their days, the alert's lifting (警情解除),
 * the gradual exit that follows, and the day the township's monthly report of it is due at the
 * county (每月5日前报送县扶贫办). No resident ID number, phone or health detail appears.
 */
@Value.Immutable
public abstract class AbstractEliminationRegisterRow {

  /** The township (乡镇). */
  public abstract AreaCode township();

  /** The village (村). */
  public abstract AreaCode village();

  /** The household's register id (户编号). */
  public abstract String householdId();

  /** The case. */
  public abstract String caseId();

  /** The household's status when the case opened: lifted (脱贫户) or not. */
  public abstract HouseholdStatus householdStatus();

  /** The monitoring category the county confirmed (监测对象类别). */
  public abstract Optional<MonitoringCategory> category();

  /** Members as the register counts them now (家庭人口); empty when the household is not in it. */
  public abstract OptionalInt members();

  /** The risk causes (返贫致贫风险类型). */
  public abstract Set<RiskType> riskTypes();

  /** The day the county confirmed the case (纳入监测日期). */
  public abstract LocalDate confirmedOn();

  /** The types of the measures implemented, in the order of their numbers (落实的帮扶措施). */
  public abstract List<MeasureType> measuresImplemented();

  /**
   * The per-capita income of the latest follow-up before the decision's month (人均纯收入); empty
   * when no follow-up was recorded.
   */
  public abstract Optional<Money> perCapitaIncome();

  /** The day of the village's home visit and proposal (入户核实). */
  public abstract LocalDate proposedOn();

  /** The day of the democratic appraisal (民主评议). */
  public abstract LocalDate appraisedOn();

  /** The notice's first day (公示开始). */
  public abstract LocalDate noticeStartsOn();

  /** The notice's last day (公示结束). */
  public abstract LocalDate noticeLastDay();

  /** The number of objections filed against the notice (异议件数). */
  public abstract int objections();

  /** The day of the township verification (乡镇审核). */
  public abstract LocalDate verifiedOn();

  /** The day the county decided the elimination: the alert lifted (警情解除日期). */
  public abstract LocalDate eliminatedOn();

  /** The gradual exit (渐退期); empty once a relapse ended it. */
  public abstract Optional<GradualExit> gradualExit();

  /** The day the register is due at the county office: the report day of the next month (报送期限). */
  public abstract LocalDate reportDueOn();

  /** Where the case stands now: in its gradual exit, closed, or monitored again after a relapse. */
  public abstract CaseState state();

  /** Whether the row is a return-to-poverty warning lifted (返贫预警解除), else fall-into-poverty (致贫). */
  public final boolean returnToPoverty() {
    return householdStatus() == HouseholdStatus.LIFTED;
  }
}
