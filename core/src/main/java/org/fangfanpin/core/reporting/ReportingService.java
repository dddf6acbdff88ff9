package org.fangfanpin.core.reporting;

import org.fangfanpin.core.internal.CoreContext;

/** Builds reports from the stored cases and signals (统计报表). */
public final class ReportingService {

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public ReportingService(CoreContext ctx) {
    this.ctx = ctx;
  }
}
