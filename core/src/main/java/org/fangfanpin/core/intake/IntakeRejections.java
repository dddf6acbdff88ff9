package org.fangfanpin.core.intake;

import java.time.LocalDate;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Rejection;

/** The rejections of intake, with their stable codes. */
final class IntakeRejections {

  private IntakeRejections() {}

  /** {@code actor.role_not_allowed}: the actor's role may not report through the channel. */
  static Rejection channelNotAllowed(Actor actor, Channel channel) {
    return Rejections.roleNotAllowed(actor, "通过" + channel.zh() + "渠道报告风险线索",
        "report risk signals through the " + channel.en() + " channel");
  }

  /** {@code intake.observed_in_future}: the risk is said to be observed after today. */
  static Rejection observedInFuture(LocalDate observedOn, LocalDate today) {
    return Rejection.of("intake.observed_in_future",
        "发现日期 " + observedOn + " 晚于今天 " + today,
        "the risk is said to be observed on " + observedOn + ", after today " + today);
  }

  /** {@code intake.conflict}: the key is stored with another payload. */
  static Rejection conflict(RiskSignal signal) {
    return Rejection.of("intake.conflict",
        signal.channel().zh() + "渠道的线索 " + signal.sourceRef() + " 已以不同内容登记",
        "signal " + signal.sourceRef() + " of the " + signal.channel().en()
            + " channel was already received with a different content");
  }
}
