package org.fangfanpin.spi.assistance;

/** A measure's status (措施状态): planned → implemented (with evidence) → verified by another actor. */
public enum MeasureStatus {
  /** 计划. */
  PLANNED,
  /** 已落实. */
  IMPLEMENTED,
  /** 已核实. */
  VERIFIED;

  /** Whether the measure has been carried out (implemented or verified). */
  public boolean isImplemented() {
    return this != PLANNED;
  }
}
