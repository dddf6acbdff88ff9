package org.fangfanpin.core.review;

import org.fangfanpin.core.internal.CoreContext;

/** Moves cases through the tiered review (分级审核). */
public final class ReviewService {

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public ReviewService(CoreContext ctx) {
    this.ctx = ctx;
  }
}
