package org.fangfanpin.core.review;

import static org.fangfanpin.core.review.ReviewChecks.attributes;
import static org.fangfanpin.core.review.ReviewChecks.firstFailing;
import static org.fangfanpin.core.review.ReviewChecks.inJurisdiction;
import static org.fangfanpin.core.review.ReviewChecks.inState;
import static org.fangfanpin.core.review.ReviewChecks.moved;
import static org.fangfanpin.core.review.ReviewChecks.notAfterToday;
import static org.fangfanpin.core.review.ReviewChecks.notAnEarlierActor;
import static org.fangfanpin.core.review.ReviewChecks.notBefore;
import static org.fangfanpin.core.review.ReviewChecks.required;
import static org.fangfanpin.core.review.ReviewChecks.role;
import static org.fangfanpin.core.review.ReviewChecks.texts;
import static org.fangfanpin.core.review.ReviewChecks.unlessRefused;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fangfanpin.spi.event.EventType;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.Problem;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;
import org.fangfanpin.spi.review.Appraisal;
import org.fangfanpin.spi.review.MonitoringCase;
import org.fangfanpin.spi.review.Objection;
import org.fangfanpin.spi.review.PublicNotice;
import org.fangfanpin.spi.review.TownshipVerification;

/**
 * The steps every tiered review shares (分级审核通用环节) as pure functions of a {@link ReviewTrack},
 * the case, the command and the day: the village's democratic appraisal, the public notice with
 * its objections and answers, and the township verification. Recognition and risk elimination
 * run the same steps on their own track; only the opening step (visit or proposal) and the
 * county decision are theirs.
 *
 * <p>Each step checks, in this order and reporting the first that fails, the track's state
 * ({@code review.wrong_state}), the actor's role and jurisdiction, that a verifier did not act on
 * an earlier step of the track ({@code actor.same_as_proposer}), the dates (not after today, not
 * before the previous step: {@code review.date_out_of_order}), then the step's own rules and
 * texts. Used by the capabilities of {@code core}, not by hosts.
 */
public final class ReviewSteps {

  private ReviewSteps() {}

  /**
   * The democratic appraisal (民主评议): the figures must add up and the outcome must be the
   * majority of the votes cast; agreed goes on to the notice, refused does what the track does.
   */
  public static Either<Rejection, Transition> appraise(ReviewTrack track, MonitoringCase c, Appraisal a,
      LocalDate today) {
    Actor by = a.by();
    return unlessRefused(firstFailing(
        () -> inState(c, track.awaitingAppraisal()),
        () -> role(by, "记录民主评议", "record the democratic appraisal", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("heldOn", a.heldOn(), today),
        () -> notBefore("heldOn", a.heldOn(), track.openingStepZh(), track.openingStepEn(), track.openingStepOn(c)),
        () -> votes(a),
        () -> texts(required("minutes", a.minutes()))),
        () -> {
          MonitoringCase appraised = track.withAppraisal(c, a);
          String action = action(track, "appraisal");
          return a.agreed()
              ? moved(c, appraised, track.awaitingNotice(), by, action, List.empty())
              : track.refused(c, appraised, by, a.heldOn(), a.minutes(), action);
        });
  }

  /**
   * Posts the public notice (公示) on {@code startsOn}; it runs for the track's number of days under
   * the policy in force for the village on that day, through {@code startsOn + days - 1}.
   */
  public static Either<Rejection, Transition> startNotice(ReviewTrack track, MonitoringCase c, Actor by,
      LocalDate startsOn, LocalDate today, PolicyLookup policy) {
    return unlessRefused(firstFailing(
        () -> inState(c, track.awaitingNotice()),
        () -> role(by, "张榜公示", "post the public notice", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("startsOn", startsOn, today),
        () -> notBefore("startsOn", startsOn, "民主评议", "democratic appraisal", appraisedOn(track, c))),
        () -> {
          int days = track.noticeDays(policy.on(c.area(), startsOn));
          LocalDate lastDay = startsOn.plusDays(days - 1L);
          PublicNotice notice = new PublicNotice(startsOn, lastDay, by, java.util.List.of(), Optional.empty(),
              Optional.empty());
          return moved(c, track.withNotice(c, notice), track.inNotice(), by, action(track, "notice_start"),
              List.of(new Transition.Raised(EventType.NOTICE_STARTED,
                  withTrack(track, attributes("startsOn", startsOn.toString(), "lastDay", lastDay.toString())))));
        });
  }

  /** Records an objection (异议) filed while the notice runs, numbered from 1. */
  public static Either<Rejection, Transition> fileObjection(ReviewTrack track, MonitoringCase c, Actor by,
      LocalDate filedOn, String text, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, track.inNotice()),
        () -> role(by, "登记公示异议", "record an objection", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("filedOn", filedOn, today),
        () -> notBefore("filedOn", filedOn, "公示开始", "notice's first day", notice(track, c).startsOn()),
        () -> filedOn.isAfter(notice(track, c).lastDay())
            ? Option.some(ReviewRejections.objectionOutsideNotice(filedOn, notice(track, c).startsOn(),
                notice(track, c).lastDay()))
            : Option.none(),
        () -> texts(required("text", text))),
        () -> {
          PublicNotice n = notice(track, c);
          int number = n.objections().size() + 1;
          java.util.List<Objection> objections = new ArrayList<>(n.objections());
          objections.add(new Objection(number, filedOn, by, text, Optional.empty()));
          PublicNotice filed = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), objections, n.closedOn(),
              n.closedBy());
          return moved(c, track.withNotice(c, filed), track.inNotice(), by, action(track, "objection_filed"),
              List.of(new Transition.Raised(EventType.OBJECTION_FILED,
                  withTrack(track, attributes("number", Integer.toString(number), "filedOn", filedOn.toString())))));
        });
  }

  /** Answers an objection (异议答复) once, on or after the day it was filed. */
  public static Either<Rejection, Transition> answerObjection(ReviewTrack track, MonitoringCase c, int number,
      Actor by, LocalDate on, String text, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, track.inNotice()),
        () -> role(by, "答复公示异议", "answer an objection", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> objection(track, c, number).isEmpty()
            ? Option.some(ReviewRejections.objectionNotFound(number)) : Option.none(),
        () -> objection(track, c, number).get().answered()
            ? Option.some(ReviewRejections.objectionAlreadyAnswered(number)) : Option.none(),
        () -> notAfterToday("on", on, today),
        () -> notBefore("on", on, "异议登记", "objection's filing", objection(track, c, number).get().filedOn()),
        () -> texts(required("text", text))),
        () -> {
          PublicNotice n = notice(track, c);
          java.util.List<Objection> objections = new ArrayList<>(n.objections().size());
          for (Objection o : n.objections()) {
            objections.add(o.number() == number
                ? new Objection(o.number(), o.filedOn(), o.recordedBy(), o.text(),
                    Optional.of(new Objection.Answer(on, by, text)))
                : o);
          }
          PublicNotice answered = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), objections,
              n.closedOn(), n.closedBy());
          return moved(c, track.withNotice(c, answered), track.inNotice(), by, action(track, "objection_answered"),
              List.empty());
        });
  }

  /**
   * Closes the notice and sends the result to the township: only after the last day, once every
   * objection is answered, and not before the latest answer. The closing day is the day the
   * result reaches the township.
   */
  public static Either<Rejection, Transition> closeNotice(ReviewTrack track, MonitoringCase c, Actor by,
      LocalDate on, LocalDate today) {
    return unlessRefused(firstFailing(
        () -> inState(c, track.inNotice()),
        () -> role(by, "结束公示", "close the public notice", Role.VILLAGE_WORKING_GROUP),
        () -> inJurisdiction(c, by),
        () -> notAfterToday("on", on, today),
        () -> on.isAfter(notice(track, c).lastDay())
            ? Option.none() : Option.some(ReviewRejections.noticeStillRunning(on, notice(track, c).lastDay())),
        () -> unanswered(notice(track, c)) == 0
            ? Option.none() : Option.some(ReviewRejections.objectionsUnanswered(unanswered(notice(track, c)))),
        () -> latestAnswer(notice(track, c))
            .flatMap(last -> notBefore("on", on, "最后一次异议答复", "latest answer to an objection", last))),
        () -> {
          PublicNotice n = notice(track, c);
          PublicNotice closed = new PublicNotice(n.startsOn(), n.lastDay(), n.postedBy(), n.objections(),
              Optional.of(on), Optional.of(by));
          return moved(c, track.withNotice(c, closed), track.awaitingTownship(), by, action(track, "notice_close"),
              List.empty());
        });
  }

  /**
   * The township verification (乡镇审核), by a township officer or head who has not acted on an
   * earlier step of the track: upheld goes on to the county, not upheld does what the track does.
   */
  public static Either<Rejection, Transition> verify(ReviewTrack track, MonitoringCase c, TownshipVerification v,
      LocalDate today) {
    Actor by = v.by();
    return unlessRefused(firstFailing(
        () -> inState(c, track.awaitingTownship()),
        () -> role(by, "乡镇审核", "verify a case for the township", Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD),
        () -> inJurisdiction(c, by),
        () -> notAnEarlierActor(track, c, by, false),
        () -> notAfterToday("verifiedOn", v.verifiedOn(), today),
        () -> notBefore("verifiedOn", v.verifiedOn(), "公示结束", "notice's closing", closedOn(track, c)),
        () -> texts(required("note", v.note()))),
        () -> {
          MonitoringCase verified = track.withVerification(c, v);
          String action = action(track, "township_verification");
          return v.upheld()
              ? moved(c, verified, track.awaitingCounty(), by, action, List.empty())
              : track.refused(c, verified, by, v.verifiedOn(), v.note(), action);
        });
  }

  // ---- reading a track's steps on the case

  /** The day of the track's appraisal, or of its opening step before it. */
  private static LocalDate appraisedOn(ReviewTrack track, MonitoringCase c) {
    return track.appraisal(c).map(Appraisal::heldOn).orElseGet(() -> track.openingStepOn(c));
  }

  /** The day the track's notice closed, or the appraisal's before it. */
  private static LocalDate closedOn(ReviewTrack track, MonitoringCase c) {
    return track.notice(c).flatMap(PublicNotice::closedOn).orElseGet(() -> appraisedOn(track, c));
  }

  /** The day of the track's verification, or the notice's closing before it. */
  public static LocalDate verifiedOn(ReviewTrack track, MonitoringCase c) {
    return track.verification(c).map(TownshipVerification::verifiedOn).orElseGet(() -> closedOn(track, c));
  }

  /**
   * The ids of every actor who acted on a step of the track: its opening steps, the appraisal,
   * the notice with its objections and answers, and the verification when asked.
   */
  public static Set<String> earlierActorIds(ReviewTrack track, MonitoringCase c, boolean verificationIncluded) {
    Set<String> ids = new HashSet<>(track.openingActorIds(c));
    track.appraisal(c).ifPresent(a -> ids.add(a.by().id()));
    track.notice(c).ifPresent(n -> {
      ids.add(n.postedBy().id());
      n.closedBy().ifPresent(a -> ids.add(a.id()));
      for (Objection o : n.objections()) {
        ids.add(o.recordedBy().id());
        o.answer().ifPresent(ans -> ids.add(ans.by().id()));
      }
    });
    if (verificationIncluded) {
      track.verification(c).ifPresent(v -> ids.add(v.by().id()));
    }
    return ids;
  }

  private static PublicNotice notice(ReviewTrack track, MonitoringCase c) {
    return track.notice(c).orElseThrow(() -> new IllegalStateException("case " + c.id() + " is "
        + c.state() + " without a public notice"));
  }

  private static Option<Objection> objection(ReviewTrack track, MonitoringCase c, int number) {
    return Option.ofOptional(notice(track, c).objections().stream().filter(o -> o.number() == number).findFirst());
  }

  private static long unanswered(PublicNotice n) {
    return n.objections().stream().filter(o -> !o.answered()).count();
  }

  private static Option<LocalDate> latestAnswer(PublicNotice n) {
    return Option.ofOptional(n.objections().stream()
        .flatMap(o -> o.answer().stream())
        .map(Objection.Answer::answeredOn)
        .max(LocalDate::compareTo));
  }

  private static Option<Rejection> votes(Appraisal a) {
    List<Problem> problems = List.empty();
    if (a.attendees() < 1) {
      problems = problems.append(Problem.of("attendees", "appraisal.attendees", "参会人数至少为 1",
          "at least 1 person attends"));
    }
    if (a.votesFor() < 0) {
      problems = problems.append(Problem.of("votesFor", "appraisal.votes_negative", "赞成票不能为负数",
          "votes for cannot be negative"));
    }
    if (a.votesAgainst() < 0) {
      problems = problems.append(Problem.of("votesAgainst", "appraisal.votes_negative", "反对票不能为负数",
          "votes against cannot be negative"));
    }
    if (problems.isEmpty() && (long) a.votesFor() + a.votesAgainst() > a.attendees()) {
      problems = problems.append(Problem.of("votesFor", "appraisal.votes_exceed_attendees",
          "赞成票与反对票之和超过参会人数", "votes for and against add up to more than the attendees"));
    }
    if (problems.isEmpty() && a.agreed() != (a.votesFor() > a.votesAgainst())) {
      problems = problems.append(a.agreed()
          ? Problem.of("agreed", "appraisal.outcome", "赞成票未过投票数半数，结果不能为通过",
              "the votes for are not a majority of the votes cast, so the outcome cannot be agreed")
          : Problem.of("agreed", "appraisal.outcome", "赞成票已过投票数半数，结果应为通过",
              "the votes for are a majority of the votes cast, so the outcome must be agreed"));
    }
    return problems.isEmpty() ? Option.none() : Option.some(ReviewRejections.appraisalVotes(problems));
  }

  private static String action(ReviewTrack track, String step) {
    return track.actionPrefix() + "." + step;
  }

  private static Map<String, String> withTrack(ReviewTrack track, Map<String, String> attributes) {
    Map<String, String> all = new LinkedHashMap<>(attributes);
    all.putAll(track.eventAttributes());
    return all;
  }
}
