package org.fangfanpin.spi.model;

/**
 * The category a monitored household is recognised under (监测对象类别).
 */
public enum MonitoringCategory {
  /** 脱贫不稳定户 — a lifted household whose escape is not stable. */
  UNSTABLE_LIFTED("脱贫不稳定户", "unstable lifted household"),
  /** 边缘易致贫户 — an ordinary household just above the line, at risk. */
  MARGINAL("边缘易致贫户", "marginal household at risk"),
  /** 突发严重困难户 — any household hit by a sudden severe hardship. */
  SUDDEN_HARDSHIP("突发严重困难户", "sudden severe hardship household");

  private final String zh;
  private final String en;

  MonitoringCategory(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The Chinese name used in forms and messages. */
  public String zh() {
    return zh;
  }

  /** The English name used in messages. */
  public String en() {
    return en;
  }
}
