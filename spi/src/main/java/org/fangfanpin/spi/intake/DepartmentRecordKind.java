package org.fangfanpin.spi.intake;

import org.fangfanpin.spi.model.RiskType;

/**
 * The kinds of record industry departments deliver for the monthly comparison (行业部门数据比对),
 * each with the risk it points to.
 */
public enum DepartmentRecordKind {
  /** Out-of-pocket medical expense, from medical insurance (医保自付费用). Amount required. */
  MEDICAL_EXPENSE("医疗自付费用", "out-of-pocket medical expense", RiskType.ILLNESS),
  /** A change of 低保 status, from civil affairs (低保变动). Detail GRANTED or REVOKED. */
  DIBAO_CHANGE("低保变动", "dibao status change", RiskType.OTHER),
  /** A dangerous-house rating, from housing (危房鉴定). Detail the grade A–D. */
  DANGEROUS_HOUSE("危房鉴定", "dangerous-house rating", RiskType.HOUSING_SAFETY),
  /** A disability certificate, from the disabled persons' federation (残疾证). Detail grade 1–4. */
  DISABILITY_CERTIFICATE("残疾证办理", "disability certificate", RiskType.DISABILITY),
  /** The death of a member, from public security (死亡注销). */
  MEMBER_DEATH("家庭成员死亡", "death of a member", RiskType.LACK_OF_LABOUR),
  /** Enrolment in senior school or college, from education (高中及以上入学). */
  SCHOOL_ENROLMENT("高中及以上入学", "enrolment in senior school or college", RiskType.EDUCATION),
  /** Loss of employment, from human resources (失业). */
  EMPLOYMENT_LOSS("务工失业", "loss of employment", RiskType.UNSTABLE_EMPLOYMENT),
  /** Disaster loss, from emergency management (灾害损失). Amount required. */
  DISASTER_LOSS("灾害损失", "disaster loss", RiskType.DISASTER);

  private final String zh;
  private final String en;
  private final RiskType risk;

  DepartmentRecordKind(String zh, String en, RiskType risk) {
    this.zh = zh;
    this.en = en;
    this.risk = risk;
  }

  /** The Chinese name. */
  public String zh() {
    return zh;
  }

  /** The English name. */
  public String en() {
    return en;
  }

  /** The risk a record of this kind points to. */
  public RiskType risk() {
    return risk;
  }
}
