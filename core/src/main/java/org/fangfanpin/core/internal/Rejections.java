package org.fangfanpin.core.internal;

import io.vavr.collection.Seq;
import java.util.stream.Collectors;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;

/**
 * The rejections every capability shares, with their stable codes. Not API; the codes are.
 */
public final class Rejections {

  private Rejections() {}

  /** {@code case.not_found}: no case with the id. */
  public static Rejection caseNotFound(String caseId) {
    return Rejection.of("case.not_found", "未找到案件 " + caseId, "no case " + caseId);
  }

  /** {@code household.not_found}: the household is not in the register. */
  public static Rejection householdNotFound(String householdId) {
    return Rejection.of("household.not_found", "农户档案中无此户 " + householdId,
        "household " + householdId + " is not in the register");
  }

  /** {@code actor.role_not_allowed}: the actor's role may not make the move. */
  public static Rejection roleNotAllowed(Actor actor, String actionZh, String actionEn) {
    return Rejection.of("actor.role_not_allowed",
        actor.role().zh() + "无权" + actionZh,
        "a " + actor.role().en() + " may not " + actionEn);
  }

  /** {@code actor.outside_jurisdiction}: the household lies outside the actor's area. */
  public static Rejection outsideJurisdiction(Actor actor) {
    return Rejection.of("actor.outside_jurisdiction",
        "该户不在经办人 " + actor.id() + " 的辖区 " + actor.jurisdiction() + " 内",
        "the household lies outside the jurisdiction " + actor.jurisdiction() + " of actor " + actor.id());
  }

  /** {@code actor.same_as_proposer}: the one who proposed a step may not approve it. */
  public static Rejection sameActor(Actor actor) {
    return Rejection.of("actor.same_as_proposer",
        "经办人 " + actor.id() + " 已参与此前步骤，不能审核或审定本案",
        "actor " + actor.id() + " acted on an earlier step and may not verify or decide this case");
  }

  /** {@code input.invalid}: the command's input has problems; every one is listed. */
  public static Rejection invalid(Seq<Problem> problems) {
    return Rejection.of("input.invalid",
        "输入有误：" + problems.map(p -> p.field() + " " + p.zh()).collect(Collectors.joining("；")),
        "invalid input: " + problems.map(p -> p.field() + " " + p.en()).collect(Collectors.joining("; ")));
  }

  /** {@code input.invalid} for one field. */
  public static Rejection invalid(String field, String code, String zh, String en) {
    return invalid(io.vavr.collection.List.of(Problem.of(field, code, zh, en)));
  }
}
