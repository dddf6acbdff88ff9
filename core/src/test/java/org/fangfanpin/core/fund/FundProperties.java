package org.fangfanpin.core.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.core.fund.FundKit.APPLIED;
import static org.fangfanpin.core.fund.FundKit.APPROVED;
import static org.fangfanpin.core.fund.FundKit.PAID;
import static org.fangfanpin.core.fund.FundKit.POLICIES;
import static org.fangfanpin.core.fund.FundKit.REVIEWED;
import static org.fangfanpin.core.fund.FundKit.STUDIED;
import static org.fangfanpin.core.fund.FundKit.YEAR;
import static org.fangfanpin.core.testing.TestCounty.COUNTY;

import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;
import org.fangfanpin.core.audit.ChainVerification;
import org.fangfanpin.core.testing.TestCounty;
import org.fangfanpin.spi.fund.AccountRef;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidPurpose;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.fund.Transfer;
import org.fangfanpin.spi.fund.TransferKind;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.Rejection;
import org.fangfanpin.spi.model.Role;

/**
 * Stateful properties of the special fund (专项资金的性质): random sequences of appropriations,
 * donations, applications, the three tiers passing or refusing, batch payments and reversals, by
 * random actors of right and wrong roles and jurisdictions, with retries of the same transfer id
 * (same content and other content). After every step the invariants of DOMAIN.md hold:
 * <ul>
 *   <li><b>invariant 5</b>, the fund ledger balances (Σ debits = Σ credits, every balance is its
 *       account's credits minus debits, the balances of the fund sum to zero) and no account of
 *       the fund goes below zero (the pool after every prefix of the ledger too);
 *   <li><b>invariant 6</b>, no household receives more fund aid in a year than the caps allow
 *       (household, college student, hardship), nor has more paid and approved;
 *   <li><b>invariant 3</b>, a move by a role that may not make it is refused with
 *       {@code actor.role_not_allowed}, one outside the actor's jurisdiction is refused, and no
 *       actor acts at two tiers of one application;
 *   <li><b>invariant 8</b>, nothing is deleted (transfers, applications and audit records are only
 *       added to) and the county's audit chain verifies;
 *   <li>a retried transfer is stored once and returns the original; a reversal restores every
 *       balance to what it would be without the original; a rejected action changes nothing (ledger,
 *       balances, applications, audit).
 * </ul>
 */
class FundProperties {

  @Property(tries = 200)
  void theFundsInvariantsHoldAfterEveryStepOfAnySequenceOfMoves(@ForAll("fundChains") ActionChain<FundWorld> chain) {
    chain.withInvariant("invariant 5: the fund ledger balances", w -> FundChecks.ledgerBalances(w.current))
        .withInvariant("invariant 5: no account of the fund goes below zero",
            w -> FundChecks.noAccountBelowZero(w.current))
        .withInvariant("invariant 6: no household receives more fund aid in a year than the caps allow",
            w -> FundChecks.capsHold(w.current, w.households, YEAR))
        .withInvariant("applications agree with the ledger; invariant 3: no actor at two tiers",
            w -> FundChecks.applicationsAgreeWithTheLedger(w.current))
        .withInvariant("invariant 8: the audit trail can be verified", FundWorld::auditVerifies)
        .run();
  }

  /**
   * Invariant 6 against a model: applications of one household, each within its caps when it was
   * made, reach the county together; whatever order the county approves them in, with batches paid
   * and payments reversed in between, it approves exactly those that fit under the household cap
   * and the purpose's cap counting what is paid or approved (and no longer what was reversed), and
   * refuses the others with the cap they would break.
   */
  @Property(tries = 300)
  void theCountyApprovesExactlyWhatFitsUnderTheCaps(
      @ForAll("requests") List<Tuple.Tuple2<AidPurpose, Money>> requests,
      @ForAll("countyMoves") List<Tuple.Tuple2<Integer, Integer>> moves) {
    FundKit kit = new FundKit();
    Household h = kit.monitored(Household.builder().from(kit.county.household("H1", TestCounty.VILLAGE_A1))
        .seniorStudents(1).build());
    kit.appropriate("fin-1", Money.ofYuan(10_000_000));
    List<String> ids = new ArrayList<>();
    for (Tuple.Tuple2<AidPurpose, Money> r : requests) {
      ids.add(kit.reviewed(h, r.get1(), r.get2()).id());
    }
    Map<AidPurpose, Long> committed = new EnumMap<>(AidPurpose.class);
    Map<String, Tuple.Tuple2<AidPurpose, Money>> paidById = new LinkedHashMap<>();
    int batch = 0;
    for (Tuple.Tuple2<Integer, Integer> move : moves) {
      if (move.get1() == 0) {
        String id = ids.get(move.get2() % ids.size());
        AidApplication a = kit.application(id);
        Either<Rejection, AidApplication> out = kit.fund.countyApprove(id, FundKit.countyPasses());
        String expected;
        if (a.state() != AidApplicationState.TOWNSHIP_REVIEWED) {
          expected = "fund.wrong_state";
        } else {
          long total = committed.values().stream().mapToLong(Long::longValue).sum() + a.amount().fen();
          long purpose = committed.getOrDefault(a.purpose(), 0L) + a.amount().fen();
          expected = total > FundChecks.POLICY.householdAidCapPerYear().fen() ? "fund.household_cap_exceeded"
              : purpose > FundRules.purposeCap(FundChecks.POLICY, h, a.purpose()).fen() ? "fund.purpose_cap_exceeded"
              : "accepted";
        }
        assertThat(out.isLeft() ? out.getLeft().code() : "accepted").as("approving %s %s with %s committed",
            a.purpose(), a.amount(), committed).isEqualTo(expected);
        Statistics.label("county approval").collect(expected);
        if (out.isRight()) {
          committed.merge(a.purpose(), a.amount().fen(), Long::sum);
        }
      } else if (move.get1() == 1) {
        BatchStatement b = kit.pay("batch-" + (++batch));
        assertThat(b.lines()).allSatisfy(l -> assertThat(l.paid()).isTrue());
        b.lines().forEach(l -> paidById.put(l.application().paymentId().orElseThrow(),
            Tuple.of(l.application().purpose(), l.application().amount())));
      } else if (!paidById.isEmpty()) {
        String payment = new ArrayList<>(paidById.keySet()).get(move.get2() % paidById.size());
        FundKit.ok(kit.fund.reverse("rev-" + payment, payment, PAID, TestCounty.COUNTY_OFFICER, "退票"));
        Tuple.Tuple2<AidPurpose, Money> undone = paidById.remove(payment);
        committed.merge(undone.get1(), -undone.get2().fen(), Long::sum);
      }
      FundKit.Snapshot now = kit.snapshot();
      FundChecks.capsHold(now, Map.of(h.id(), h), YEAR);
      FundChecks.ledgerBalances(now);
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<AidPurpose, Money>>> requests() {
    Arbitrary<Tuple.Tuple2<AidPurpose, Money>> general = Arbitraries.longs().between(10_000, 100_000)
        .map(y -> Tuple.of(AidPurpose.GENERAL, Money.ofYuan(y)));
    Arbitrary<Tuple.Tuple2<AidPurpose, Money>> hardship = Arbitraries.longs().between(1, 2_000_000)
        .map(f -> Tuple.of(AidPurpose.HARDSHIP, Money.ofFen(f)));
    Arbitrary<Tuple.Tuple2<AidPurpose, Money>> college = Arbitraries.longs().between(1, 500_000)
        .map(f -> Tuple.of(AidPurpose.COLLEGE_STUDENT, Money.ofFen(f)));
    return Arbitraries.frequencyOf(Tuple.of(3, general), Tuple.of(2, hardship), Tuple.of(1, college))
        .list().ofMinSize(2).ofMaxSize(10);
  }

  /** Moves of the county: approve the n-th application (0), pay a batch (1), reverse the n-th payment (2). */
  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, Integer>>> countyMoves() {
    return Combinators.combine(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(0)),
            Tuple.of(2, Arbitraries.just(1)), Tuple.of(1, Arbitraries.just(2))), Arbitraries.integers().between(0, 99))
        .as(Tuple::of).list().ofMinSize(1).ofMaxSize(25);
  }

  @Provide
  Arbitrary<ActionChain<FundWorld>> fundChains() {
    return ActionChain.startWith(FundWorld::new)
        .withAction(3, new MoneyIn())
        .withAction(2, new RetryMoneyIn())
        .withAction(5, new Apply())
        .withAction(8, new Tier())
        .withAction(3, new PayBatch())
        .withAction(2, new Reverse())
        .withAction(1, new RetryReversal())
        .withMaxTransformations(60);
  }

  // ================================================================ the world

  /** Money in as called: kept to call it again. */
  record MoneyInCall(boolean donation, String id, Money amount, Actor by, String memo) {
    Either<Rejection, Transfer> run(FundService fund) {
      return donation ? fund.donate(id, COUNTY, YEAR, amount, APPLIED, by, memo)
          : fund.appropriate(id, COUNTY, YEAR, amount, APPLIED, by, memo);
    }
  }

  /** A reversal as called: kept to call it again. */
  record ReverseCall(String id, String originalId, Actor by, String reason) {
    Either<Rejection, Transfer> run(FundService fund) {
      return fund.reverse(id, originalId, PAID, by, reason);
    }
  }

  /**
   * The county under test, its households (H1 with a college student, H2, H3 of two members, H4
   * in the other township, H5 not monitored), what was accepted so far and the snapshot after the
   * last step.
   */
  static final class FundWorld {
    final FundKit kit = new FundKit();
    final Map<String, Household> households = new LinkedHashMap<>();
    final List<String> applications = new ArrayList<>();
    final List<MoneyInCall> moneyIn = new ArrayList<>();
    final List<ReverseCall> reversals = new ArrayList<>();
    final List<String> batches = new ArrayList<>();
    FundKit.Snapshot current;
    private int next;

    FundWorld() {
      TestCounty c = kit.county;
      add(kit.monitored(Household.builder().from(c.household("H1", TestCounty.VILLAGE_A1)).seniorStudents(1).build()));
      add(kit.monitored("H2", TestCounty.VILLAGE_A1));
      add(kit.monitored(Household.builder().from(c.household("H3", TestCounty.VILLAGE_A2)).memberCount(2).workers(1)
          .build()));
      add(kit.monitored("H4", TestCounty.VILLAGE_B1));
      add(kit.unmonitored("H5", TestCounty.VILLAGE_B1));
      current = kit.snapshot();
    }

    private void add(Household h) {
      households.put(h.id(), h);
    }

    String nextId(String prefix) {
      return prefix + "-" + (++next);
    }

    void auditVerifies() {
      ChainVerification v = kit.county.ffp.audit().verify(COUNTY);
      assertThat(v.valid()).as("%s", v).isTrue();
      assertThat(v.recordsChecked()).isEqualTo(current.audit().size());
    }

    /**
     * Runs one move and checks what every move must: nothing stored before is lost; a refused
     * move changes nothing; a role that may not make the move is refused as such, an actor
     * outside its jurisdiction is refused.
     */
    <T> Either<Rejection, T> step(String move, boolean roleAllowed, boolean inJurisdiction,
        Supplier<Either<Rejection, T>> call) {
      FundKit.Snapshot before = current;
      Either<Rejection, T> outcome = call.get();
      FundKit.Snapshot after = kit.snapshot();
      FundChecks.onlyAppended(before, after);
      if (!roleAllowed) {
        assertThat(outcome.isLeft() ? outcome.getLeft().code() : "accepted").as("%s by a wrong role", move)
            .isEqualTo("actor.role_not_allowed");
      } else if (!inJurisdiction) {
        assertThat(outcome.isLeft()).as("%s outside the actor's jurisdiction is refused", move).isTrue();
      }
      if (outcome.isLeft()) {
        assertThat(after).as("a refused %s (%s) changes nothing", move, outcome.getLeft()).isEqualTo(before);
      }
      Statistics.label("outcome").collect(move, outcome.isLeft() ? outcome.getLeft().code() : "accepted");
      current = after;
      return outcome;
    }

    int newAuditRecords(FundKit.Snapshot before) {
      return current.audit().size() - before.audit().size();
    }

    List<Transfer> newTransfers(FundKit.Snapshot before) {
      return current.transfers().subList(before.transfers().size(), current.transfers().size());
    }

    @Override
    public String toString() {
      return "FundWorld" + current.transfers().stream().map(t -> t.id() + ":" + t.kind() + ":" + t.amount().fen())
          .toList();
    }
  }

  // ================================================================ actors and amounts

  /** Actors of every kind: right and wrong roles, two of another area, two that reuse an id across roles. */
  static final List<Actor> ANYONE = List.of(TestCounty.VILLAGE_GROUP_A1, TestCounty.VILLAGE_GROUP_A1_OTHER,
      TestCounty.VILLAGE_GROUP_A2, TestCounty.VILLAGE_GROUP_B1, TestCounty.GRID_WORKER_A1,
      TestCounty.TOWNSHIP_OFFICER_A, TestCounty.TOWNSHIP_OFFICER_A_OTHER, TestCounty.TOWNSHIP_OFFICER_B,
      TestCounty.TOWNSHIP_HEAD_A, TestCounty.COUNTY_OFFICER, TestCounty.COUNTY_OFFICER_OTHER,
      Actor.of("county-sz", Role.COUNTY_OFFICE, AreaCode.of("611002000000")),
      Actor.of(TestCounty.VILLAGE_GROUP_A1.id(), Role.TOWNSHIP_OFFICER, TestCounty.TOWNSHIP_A),
      Actor.of(TestCounty.TOWNSHIP_OFFICER_A.id(), Role.COUNTY_OFFICE, COUNTY),
      Actor.of("hh-H1", Role.HOUSEHOLD, TestCounty.VILLAGE_A1));

  /** Mostly one of the actors who may make the move, now and then anyone. */
  static Arbitrary<Actor> actors(List<Actor> usual) {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of(usual)), Tuple.of(1, Arbitraries.of(ANYONE)));
  }

  static final List<Actor> COUNTY_OFFICERS = List.of(TestCounty.COUNTY_OFFICER, TestCounty.COUNTY_OFFICER_OTHER);

  static Arbitrary<Money> aidAmounts() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.longs().between(100, 30_000).map(Money::ofYuan)),
        Tuple.of(4, Arbitraries.longs().between(2_000, 8_000).map(Money::ofYuan)),
        Tuple.of(4, Arbitraries.longs().between(30_000, 70_000).map(Money::ofYuan)),
        Tuple.of(2, Arbitraries.of(5_000L, 10_000L, 20_000L, 50_000L, 100_000L).map(Money::ofYuan)),
        Tuple.of(1, Arbitraries.longs().between(1, 10_000).map(Money::ofFen)),
        Tuple.of(1, Arbitraries.longs().between(-100, 0).map(Money::ofFen)));
  }

  static Arbitrary<Money> moneyInAmounts() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.longs().between(10_000, 300_000).map(Money::ofYuan)),
        Tuple.of(1, Arbitraries.longs().between(1, 100_000).map(Money::ofFen)),
        Tuple.of(1, Arbitraries.longs().between(-100, 0).map(Money::ofFen)));
  }

  static boolean isCountyOfficer(Actor a) {
    return a.role() == Role.COUNTY_OFFICE;
  }

  // ================================================================ actions

  /** An appropriation or a donation under a fresh id. */
  static final class MoneyIn implements Action.Independent<FundWorld> {
    @Override
    public Arbitrary<Transformer<FundWorld>> transformer() {
      return Combinators.combine(Arbitraries.of(false, true), moneyInAmounts(), actors(COUNTY_OFFICERS))
          .as((donation, amount, by) -> Transformer.mutate(
              (donation ? "donate " : "appropriate ") + amount.fen() + " fen by " + by.id(), w -> {
                MoneyInCall call = new MoneyInCall(donation, w.nextId(donation ? "don" : "fin"), amount, by, "入账");
                FundKit.Snapshot before = w.current;
                Either<Rejection, Transfer> t = w.step(donation ? "donate" : "appropriate", isCountyOfficer(by),
                    by.covers(COUNTY), () -> call.run(w.kit.fund));
                if (t.isRight()) {
                  assertThat(w.newTransfers(before)).containsExactly(t.get());
                  assertThat(w.newAuditRecords(before)).isEqualTo(1);
                  assertThat(w.current.balances().get(AccountRef.pool(COUNTY, YEAR)))
                      .isEqualTo(before.balances().get(AccountRef.pool(COUNTY, YEAR)).plus(amount));
                  w.moneyIn.add(call);
                } else if (isCountyOfficer(by) && by.covers(COUNTY)) {
                  assertThat(t.getLeft().code()).as("only a non-positive amount is refused").isEqualTo("input.invalid");
                  assertThat(amount.isGreaterThan(Money.ZERO)).isFalse();
                }
              }));
    }
  }

  /** Money in again under an id already used: the same call, or one with another amount or kind. */
  static final class RetryMoneyIn implements Action.Dependent<FundWorld> {
    @Override
    public boolean precondition(FundWorld w) {
      return !w.moneyIn.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<FundWorld>> transformer(FundWorld w) {
      return Combinators.combine(Arbitraries.of(w.moneyIn), Arbitraries.of(0, 0, 1, 2)).as((call, change) ->
          Transformer.mutate("retry " + call.id() + (change == 0 ? "" : change == 1 ? " with another amount"
              : " as the other kind"), world -> {
                MoneyInCall again = switch (change) {
                  case 0 -> call;
                  case 1 -> new MoneyInCall(call.donation(), call.id(), call.amount().plus(Money.ofFen(1)), call.by(),
                      call.memo());
                  default -> new MoneyInCall(!call.donation(), call.id(), call.amount(), call.by(), call.memo());
                };
                Transfer original = world.current.transfers().stream().filter(t -> t.id().equals(call.id()))
                    .findFirst().orElseThrow();
                Either<Rejection, Transfer> t = world.step("retry money in", true, true,
                    () -> again.run(world.kit.fund));
                if (change == 0) {
                  assertThat(t.isRight() ? t.get() : t.getLeft()).as("a retry returns the original").isEqualTo(original);
                } else {
                  assertThat(t.isLeft() ? t.getLeft().code() : "accepted").isEqualTo("fund.transfer_conflict");
                }
                assertThat(world.current.transfers()).filteredOn(x -> x.id().equals(call.id())).hasSize(1);
              }));
    }
  }

  /** An application of a random household, purpose and amount, by a random applicant. */
  static final class Apply implements Action.Independent<FundWorld> {
    @Override
    public Arbitrary<Transformer<FundWorld>> transformer() {
      List<Actor> applicants = List.of(TestCounty.VILLAGE_GROUP_A1, TestCounty.VILLAGE_GROUP_A2,
          TestCounty.VILLAGE_GROUP_B1);
      return Combinators.combine(Arbitraries.of("H1", "H1", "H1", "H2", "H3", "H3", "H4", "H5"), Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(AidPurpose.GENERAL)),
          Tuple.of(3, Arbitraries.just(AidPurpose.HARDSHIP)), Tuple.of(1, Arbitraries.just(AidPurpose.COLLEGE_STUDENT))),
          aidAmounts(), actors(applicants), Arbitraries.of(true, true, true, false))
          .as((hid, purpose, amount, by, own) -> Transformer.mutate(
              "apply for " + hid + " " + purpose + " " + amount.fen() + " fen by "
                  + (own ? "the household" : by.id()), w -> {
                Household h = w.households.get(hid);
                Actor applicant = own ? FundKit.householdActor(h) : by;
                boolean role = applicant.role() == Role.HOUSEHOLD || applicant.role() == Role.VILLAGE_WORKING_GROUP;
                FundKit.Snapshot before = w.current;
                Either<Rejection, AidApplication> a = w.step("apply", role, applicant.covers(h.area()),
                    () -> w.kit.fund.apply(new AidRequest(hid, purpose, amount, POLICIES, APPLIED, applicant)));
                if (a.isRight()) {
                  w.applications.add(a.get().id());
                  assertThat(w.newAuditRecords(before)).isEqualTo(1);
                  assertThat(w.newTransfers(before)).isEmpty();
                } else if (hid.equals("H5") && role && applicant.covers(h.area()) && amount.isGreaterThan(Money.ZERO)) {
                  assertThat(a.getLeft().code()).isEqualTo("fund.not_monitored");
                }
              }));
    }
  }

  /**
   * One of the three tiers, passing or refusing, on any application in any state (mostly one still
   * in review, at its next tier), by mostly an actor who may act at that tier, sometimes one who
   * acted at an earlier tier under another role, sometimes anyone.
   */
  static final class Tier implements Action.Dependent<FundWorld> {
    @Override
    public boolean precondition(FundWorld w) {
      return w.current.applications().stream().anyMatch(a -> nextTier(a) < 3);
    }

    @Override
    public Arbitrary<Transformer<FundWorld>> transformer(FundWorld w) {
      List<Tuple.Tuple2<Integer, Arbitrary<AidApplication>>> weighted = new ArrayList<>();
      for (AidApplication a : w.current.applications()) {
        weighted.add(Tuple.of(nextTier(a) < 3 ? 30 : 1, Arbitraries.just(a)));
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      Arbitrary<AidApplication> applications = Arbitraries.frequencyOf(weighted.toArray(new Tuple.Tuple2[0]))
          .withoutEdgeCases();
      return applications.flatMap(a -> {
        Arbitrary<Integer> tiers = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Math.min(nextTier(a), 2))),
            Tuple.of(1, Arbitraries.integers().between(0, 2))).withoutEdgeCases();
        return tiers.flatMap(t -> Combinators.combine(actorsAt(a.area(), t), Arbitraries.of(true, true, true, true,
            false)).as((by, pass) -> Transformer.<FundWorld>mutate(TIERS.get(t) + " of " + a.id() + " by " + by.id()
                + "/" + by.role() + (pass ? " passing" : " refusing"), world -> tierMove(world, a.id(), t, by, pass))));
      });
    }

    private static int nextTier(AidApplication a) {
      return switch (a.state()) {
        case APPLIED -> 0;
        case VILLAGE_STUDIED -> 1;
        case TOWNSHIP_REVIEWED -> 2;
        default -> 3;
      };
    }

    private static Arbitrary<Actor> actorsAt(AreaCode village, int tier) {
      Actor villageGroup = FundKit.villageGroup(village);
      Actor townshipOfficer = FundKit.townshipOfficer(village);
      List<Actor> right = switch (tier) {
        case 0 -> List.of(villageGroup);
        case 1 -> List.of(townshipOfficer, TestCounty.TOWNSHIP_HEAD_A);
        default -> List.of(TestCounty.COUNTY_OFFICER, TestCounty.COUNTY_OFFICER_OTHER);
      };
      List<Actor> earlier = switch (tier) {
        case 0 -> List.of(villageGroup);
        case 1 -> List.of(Actor.of(villageGroup.id(), Role.TOWNSHIP_OFFICER, townshipOfficer.jurisdiction()));
        default -> List.of(Actor.of(villageGroup.id(), Role.COUNTY_OFFICE, COUNTY),
            Actor.of(townshipOfficer.id(), Role.COUNTY_OFFICE, COUNTY),
            Actor.of(TestCounty.TOWNSHIP_HEAD_A.id(), Role.COUNTY_OFFICE, COUNTY));
      };
      return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(right)), Tuple.of(1, Arbitraries.of(earlier)),
          Tuple.of(2, Arbitraries.of(ANYONE)));
    }
  }

  static final List<String> TIERS = List.of("village study", "township review", "county approval");

  static final Set<Role> TOWNSHIP_ROLES = EnumSet.of(Role.TOWNSHIP_OFFICER, Role.TOWNSHIP_HEAD);

  /** A batch under a fresh id or one used before. */
  static final class PayBatch implements Action.Independent<FundWorld> {
    @Override
    public Arbitrary<Transformer<FundWorld>> transformer() {
      return Combinators.combine(Arbitraries.of(true, true, false), actors(COUNTY_OFFICERS)).as((fresh, by) ->
          Transformer.mutate((fresh ? "pay a new batch" : "pay a batch again") + " by " + by.id(), w -> {
            String batchId = fresh || w.batches.isEmpty() ? w.nextId("batch") : w.batches.get(w.batches.size() - 1);
            FundKit.Snapshot before = w.current;
            Either<Rejection, BatchStatement> b = w.step("pay batch", isCountyOfficer(by), by.covers(COUNTY),
                () -> w.kit.fund.payBatch(batchId, COUNTY, YEAR, PAID, by));
            if (b.isLeft()) {
              return;
            }
            w.batches.add(batchId);
            BatchStatement s = b.get();
            s.lines().forEach(l -> Statistics.label("batch line").collect(
                l.paid() ? "paid" : l.reason().map(Rejection::code).orElse("?")));
            List<Transfer> paid = w.newTransfers(before);
            assertThat(paid).hasSize(s.paidCount()).allSatisfy(t -> {
              assertThat(t.kind()).isEqualTo(TransferKind.PAYMENT);
              assertThat(t.batchId()).contains(batchId);
            });
            assertThat(paid.stream().map(Transfer::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(s.paidTotal());
            assertThat(w.newAuditRecords(before)).isEqualTo(s.paidCount());
            assertThat(s.lines()).filteredOn(l -> !l.paid())
                .as("approval reserved room under the caps, so only the pool can leave one unpaid")
                .allSatisfy(l -> assertThat(l.reason().map(Rejection::code)).contains("fund.pool_insufficient"));
            assertThat(w.current.applications()).as("nothing approved is left that the pool could pay")
                .filteredOn(a -> a.state() == AidApplicationState.COUNTY_APPROVED)
                .allSatisfy(a -> assertThat(a.amount()).isGreaterThan(
                    w.current.balances().get(AccountRef.pool(COUNTY, YEAR))));
          }));
    }
  }

  /** The reversal of any transfer stored (a reversal too), under a fresh id. */
  static final class Reverse implements Action.Dependent<FundWorld> {
    @Override
    public boolean precondition(FundWorld w) {
      return !w.current.transfers().isEmpty();
    }

    @Override
    public Arbitrary<Transformer<FundWorld>> transformer(FundWorld w) {
      return Combinators.combine(Arbitraries.of(w.current.transfers()), actors(COUNTY_OFFICERS)).as((original, by) ->
          Transformer.mutate("reverse " + original.id() + " by " + by.id(), world -> {
            ReverseCall call = new ReverseCall(world.nextId("rev"), original.id(), by, "冲正");
            FundKit.Snapshot before = world.current;
            Either<Rejection, Transfer> r = world.step("reverse", isCountyOfficer(by), by.covers(COUNTY),
                () -> call.run(world.kit.fund));
            boolean reversedBefore = before.transfers().stream()
                .anyMatch(t -> t.reverses().filter(original.id()::equals).isPresent());
            if (original.kind() == TransferKind.REVERSAL || reversedBefore) {
              assertThat(r.isLeft()).as("a reversal, or a transfer already reversed, is not reversed").isTrue();
            }
            if (r.isLeft()) {
              return;
            }
            world.reversals.add(call);
            assertThat(world.newTransfers(before)).containsExactly(r.get());
            assertThat(world.newAuditRecords(before)).isEqualTo(1);
            Map<AccountRef, Money> expected = new HashMap<>(before.balances());
            expected.merge(original.from(), original.amount(), Money::plus);
            expected.merge(original.to(), original.amount(), Money::minus);
            assertThat(world.current.balances()).as("a reversal restores the balances as before its original")
                .isEqualTo(expected);
          }));
    }
  }

  /** A reversal called again: the same call returns the original reversal, another reason conflicts. */
  static final class RetryReversal implements Action.Dependent<FundWorld> {
    @Override
    public boolean precondition(FundWorld w) {
      return !w.reversals.isEmpty();
    }

    @Override
    public Arbitrary<Transformer<FundWorld>> transformer(FundWorld w) {
      return Combinators.combine(Arbitraries.of(w.reversals), Arbitraries.of(true, true, false)).as((call, same) ->
          Transformer.mutate("retry reversal " + call.id() + (same ? "" : " with another reason"), world -> {
            Transfer original = world.current.transfers().stream().filter(t -> t.id().equals(call.id()))
                .findFirst().orElseThrow();
            ReverseCall again = same ? call : new ReverseCall(call.id(), call.originalId(), call.by(), "另一原因");
            Either<Rejection, Transfer> r = world.step("retry reversal", true, true, () -> again.run(world.kit.fund));
            if (same) {
              assertThat(r.isRight() ? r.get() : r.getLeft()).as("a retry returns the original").isEqualTo(original);
            } else {
              assertThat(r.isLeft() ? r.getLeft().code() : "accepted").isEqualTo("fund.transfer_conflict");
            }
          }));
    }
  }

  // ================================================================ the tier move

  /** Runs tier {@code t} (0 village, 1 township, 2 county) on the application and checks its outcome. */
  private static void tierMove(FundWorld w, String id, int t, Actor by, boolean pass) {
    AidApplication a = w.kit.application(id);
    boolean role = switch (t) {
      case 0 -> by.role() == Role.VILLAGE_WORKING_GROUP;
      case 1 -> TOWNSHIP_ROLES.contains(by.role());
      default -> by.role() == Role.COUNTY_OFFICE;
    };
    AidStep step = new AidStep(List.of(STUDIED, REVIEWED, APPROVED).get(t), by, pass, pass ? "同意" : "不同意");
    FundKit.Snapshot before = w.current;
    Either<Rejection, AidApplication> out = w.step(TIERS.get(t), role, by.covers(a.area()), () -> switch (t) {
          case 0 -> w.kit.fund.villageStudy(id, step);
          case 1 -> w.kit.fund.townshipReview(id, step);
          default -> w.kit.fund.countyApprove(id, step);
        });
    if (out.isRight()) {
      assertThat(out.get().version()).isEqualTo(a.version() + 1);
      assertThat(w.newAuditRecords(before)).isEqualTo(1);
      assertThat(w.newTransfers(before)).isEmpty();
    }
  }
}
