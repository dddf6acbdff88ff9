package org.fangfanpin.core.review;

import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.fangfanpin.core.internal.CoreContext;
import org.fangfanpin.core.internal.Recorder;
import org.fangfanpin.core.internal.Rejections;
import org.fangfanpin.core.internal.Transactions;
import org.fangfanpin.core.internal.UnitSession;
import org.fangfanpin.spi.audit.AuditRecord;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.store.StoreSession;
import org.slf4j.Logger;

/**
 * Runs a move of a tiered review — recognition or elimination — in one unit of work (审核流转): load
 * the case, apply the rule, and store the case, one audit record and the move's events, or
 * nothing when the rule refuses. Used by the review and exit services, not by hosts.
 */
public final class CaseMoves {

  /** A rule as a service applies it: with the session, the case as stored, and today. */
  @FunctionalInterface
  public interface Rule {
    /** The rejection, or the move. */
    Either<Rejection, Transition> apply(StoreSession s, MonitoringCase c, LocalDate today);
  }

  private CaseMoves() {}

  /** Moves of a bulk call stored per unit of work. */
  public static final int MOVES_PER_UNIT = 256;

  /**
   * One move of a bulk call: the case, the rule, and what else the accepted move stores.
   *
   * @param caseId the case
   * @param rule the rule
   * @param alsoWrite what else the accepted move stores, in the same unit of work
   */
  public record Move(String caseId, Rule rule, BiConsumer<StoreSession, MonitoringCase> alsoWrite) {

    /** Checks presence. */
    public Move {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(alsoWrite, "alsoWrite");
    }
  }

  /**
   * Runs the rule on the case; {@code alsoWrite} stores what else the accepted move leaves, in the
   * same unit of work. {@code log} and {@code what} name the move in the debug log.
   */
  public static Either<Rejection, MonitoringCase> run(CoreContext ctx, String caseId, Rule rule,
      BiConsumer<StoreSession, MonitoringCase> alsoWrite, Logger log, String what) {
    Objects.requireNonNull(caseId, "caseId");
    Either<Rejection, MonitoringCase> result = Transactions.write(ctx.store(), s -> moveIn(ctx, s, caseId, rule,
        alsoWrite));
    log(log, what, caseId, result);
    return result;
  }

  /**
   * Runs the moves {@value #MOVES_PER_UNIT} to a unit of work, each decided as {@link #run} decides
   * it and on what the moves before it stored; a refused move stores nothing, since every rule
   * decides before anything is written. One result per move, in order.
   */
  public static List<Either<Rejection, MonitoringCase>> runAll(CoreContext ctx, List<Move> moves, Logger log,
      String what) {
    return runAll(ctx, moves, false, log, what);
  }

  /**
   * {@link #runAll(CoreContext, List, Logger, String)}; each unit reads its cases in one step up
   * front, and with {@code withHouseholds} their households too, for rules that read them, and
   * stores the changed cases in one step at its end (see {@link UnitSession}).
   */
  public static List<Either<Rejection, MonitoringCase>> runAll(CoreContext ctx, List<Move> moves,
      boolean withHouseholds, Logger log, String what) {
    List<Either<Rejection, MonitoringCase>> results = Transactions.writeInUnits(ctx.store(), moves, MOVES_PER_UNIT,
        (session, unit) -> {
          UnitSession s = new UnitSession(session);
          List<String> ids = new ArrayList<>(unit.size());
          for (Move m : unit) {
            ids.add(m.caseId());
          }
          s.loadCases(ids);
          if (withHouseholds) {
            s.loadHouseholdsOfCases();
          }
          List<Either<Rejection, MonitoringCase>> done = new ArrayList<>(unit.size());
          for (Move m : unit) {
            done.add(moveIn(ctx, s, m.caseId(), m.rule(), m.alsoWrite()));
          }
          s.flush();
          return done;
        });
    for (int i = 0; i < moves.size(); i++) {
      log(log, what, moves.get(i).caseId(), results.get(i));
    }
    return results;
  }

  private static Either<Rejection, MonitoringCase> moveIn(CoreContext ctx, StoreSession s, String caseId, Rule rule,
      BiConsumer<StoreSession, MonitoringCase> alsoWrite) {
    Optional<MonitoringCase> found = s.cases().find(caseId);
    if (found.isEmpty()) {
      return Either.left(Rejections.caseNotFound(caseId));
    }
    MonitoringCase before = found.get();
    Either<Rejection, Transition> decided = rule.apply(s, before, ctx.today());
    if (decided.isLeft()) {
      return Either.left(decided.getLeft());
    }
    MonitoringCase after = store(ctx, s, before, decided.get());
    alsoWrite.accept(s, after);
    return Either.right(after);
  }

  private static void log(Logger log, String what, String caseId, Either<Rejection, MonitoringCase> result) {
    if (result.isLeft()) {
      log.debug("{} on case {} refused: {}", what, caseId, result.getLeft().code());
    } else {
      log.debug("{} on case {}: now {} (version {})", what, caseId, result.get().state(), result.get().version());
    }
  }

  /** Stores the move: the case, one audit record on the county's chain, and its events. */
  public static MonitoringCase store(CoreContext ctx, StoreSession s, MonitoringCase before, Transition t) {
    s.cases().update(t.after());
    AuditRecord cause = Recorder.audit(s, before.area(), ctx.now(), t.actor(), t.action(), before.id(),
        Optional.of(before.state().name()), t.after().state().name());
    for (int i = 0; i < t.events().size(); i++) {
      Transition.Raised e = t.events().get(i);
      Recorder.event(s, cause, i, e.type(), t.after(), e.attributes());
    }
    return t.after();
  }
}
