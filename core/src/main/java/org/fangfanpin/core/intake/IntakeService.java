package org.fangfanpin.core.intake;

import org.fangfanpin.core.internal.CoreContext;

/** Receives risk signals (线索受理). */
public final class IntakeService {

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public IntakeService(CoreContext ctx) {
    this.ctx = ctx;
  }
}
