package org.fangfanpin.core.audit;

import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.AreaLevel;

/** Reads and verifies the stored audit trail of a county (审计查询与校验). */
public final class AuditService {

  private final CoreContext ctx;

  /** A service over the wired ports. */
  public AuditService(CoreContext ctx) {
    this.ctx = ctx;
  }

  /** Verifies the county's chain as stored. */
  public ChainVerification verify(AreaCode county) {
    return verify(county, Optional.empty());
  }

  /** Verifies the county's chain and that it ends at the anchored hash. */
  public ChainVerification verify(AreaCode county, Optional<String> anchor) {
    AreaCode c = requireCounty(county);
    return ctx.store().read(s -> {
      try (Stream<AuditRecord> chain = s.audit().chain(c)) {
        return AuditChain.verify(chain.iterator(), anchor);
      }
    });
  }

  /** The county's chain as stored, in order. */
  public java.util.List<AuditRecord> records(AreaCode county) {
    AreaCode c = requireCounty(county);
    return ctx.store().read(s -> {
      try (Stream<AuditRecord> chain = s.audit().chain(c)) {
        return chain.toList();
      }
    });
  }

  private static AreaCode requireCounty(AreaCode area) {
    if (area.level() != AreaLevel.COUNTY) {
      throw new IllegalArgumentException("audit chains are kept per county; " + area + " is a " + area.level());
    }
    return area;
  }
}
