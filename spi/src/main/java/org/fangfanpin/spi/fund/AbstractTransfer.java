package org.fangfanpin.spi.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.InvalidValueException;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Problem;
import org.immutables.value.Value;

/**
 * A transfer (转账): moves an exact, positive amount from one account of a county's fund year to
 * another. Transfers are never changed or deleted; a correction is a {@link TransferKind#REVERSAL}
 * naming the original. Its id makes posting idempotent.
 */
@Value.Immutable
public abstract class AbstractTransfer {

  /**
   * The id. The fund's use cases are idempotent on it (the same id with the same content returns
   * the original, with other content it is refused); the ledger itself refuses a taken id.
   */
  public abstract String id();

  /** What the transfer records. */
  public abstract TransferKind kind();

  /** The account debited (money leaves it). */
  public abstract AccountRef from();

  /** The account credited (money enters it). */
  public abstract AccountRef to();

  /** The amount, positive. */
  public abstract Money amount();

  /** The booking day. */
  public abstract LocalDate bookedOn();

  /** When it was recorded. */
  public abstract Instant recordedAt();

  /** Who recorded it. */
  public abstract String actorId();

  /** For a payment: the purpose of the aid. */
  public abstract Optional<AidPurpose> purpose();

  /** For a payment: the application it pays. */
  public abstract Optional<String> applicationId();

  /** For a payment: the batch (批次) it was paid in. */
  public abstract Optional<String> batchId();

  /** For a reversal: the transfer it undoes. */
  public abstract Optional<String> reverses();

  /** A short note. */
  public abstract String memo();

  /** The county whose fund it is. */
  public final AreaCode county() {
    return from().county();
  }

  /** The fund year. */
  public final int fundYear() {
    return from().fundYear();
  }

  /** Whether two transfers under one id say the same thing (the time recorded aside). */
  public final boolean sameContent(AbstractTransfer o) {
    return id().equals(o.id()) && kind() == o.kind() && from().equals(o.from()) && to().equals(o.to())
        && amount().equals(o.amount()) && bookedOn().equals(o.bookedOn()) && actorId().equals(o.actorId())
        && purpose().equals(o.purpose()) && applicationId().equals(o.applicationId())
        && batchId().equals(o.batchId()) && reverses().equals(o.reverses()) && memo().equals(o.memo());
  }

  @Value.Check
  final void check() {
    io.vavr.collection.List<Problem> p = io.vavr.collection.List.empty();
    if (!amount().isGreaterThan(Money.ZERO)) {
      p = p.append(Problem.of("amount", "transfer.amount_not_positive", "转账金额必须大于 0",
          "a transfer's amount must be greater than 0"));
    }
    if (!from().county().equals(to().county()) || from().fundYear() != to().fundYear()) {
      p = p.append(Problem.of("to", "transfer.across_funds", "转账只能在同一县同一资金年度内进行",
          "a transfer stays within one county's fund year"));
    }
    if (from().equals(to())) {
      p = p.append(Problem.of("to", "transfer.same_account", "转出与转入账户不能相同",
          "a transfer needs two different accounts"));
    }
    if ((kind() == TransferKind.REVERSAL) != reverses().isPresent()) {
      p = p.append(Problem.of("reverses", "transfer.reversal_target", "冲正必须且只有冲正才注明原转账",
          "a reversal, and only a reversal, names the transfer it undoes"));
    }
    if (id().isBlank() || id().length() > 64) {
      p = p.append(Problem.of("id", "transfer.id_length", "转账编号不能为空且不超过 64 个字符",
          "transfer id must not be blank and at most 64 characters"));
    }
    if (!p.isEmpty()) {
      throw new InvalidValueException(p);
    }
  }
}
