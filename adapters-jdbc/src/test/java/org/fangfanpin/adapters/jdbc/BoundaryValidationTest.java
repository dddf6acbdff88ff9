package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.spi.assistance.GridVisit;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.RiskSignal;
import org.fangfanpin.spi.model.Money;
import org.fangfanpin.spi.model.RiskType;
import org.fangfanpin.spi.review.ScreeningVisit;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Bad input at the boundary (边界输入校验): through core, a text too long, an id too long or an
 * amount out of range gets the same answer on H2 and PostgreSQL as on the in-memory store, and
 * never a raw SQL error; what the library's own checks let through to a repository but a column
 * cannot hold is refused with an {@link IllegalArgumentException} naming the column, in Chinese
 * and English, before it reaches the database, so the unit of work can go on.
 */
class BoundaryValidationTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

  @Test
  void aNoteTooLongForAReviewStepGetsTheSameRejectionOnEveryStore() {
    sameOnEveryStore(county -> {
      county.household("H1", JdbcCounty.VILLAGE_A1);
      String caseId = county.ffp.intake().receive(signal("H1", "sd-1")).get().caseId();
      String answer = describe(county.ffp.review().recordScreeningVisit(caseId,
          new ScreeningVisit(TODAY, JdbcCounty.VILLAGE_GROUP_A1, true, true, "风".repeat(501))));
      long version = county.store.read(s -> s.cases().find(caseId)).orElseThrow().version();
      return answer + " / case version " + version;
    });
  }

  @Test
  void aTransferIdTooLongAndAnAmountBeyondTheLedgerGetTheSameAnswerOnEveryStore() {
    sameOnEveryStore(county -> {
      String tooLong = describe(county.ffp.fund().appropriate("f".repeat(65), JdbcCounty.COUNTY, 2025,
          Money.ofYuan(1), TODAY, JdbcCounty.COUNTY_OFFICER, ""));
      String first = describe(county.ffp.fund().appropriate("fin-1", JdbcCounty.COUNTY, 2025,
          Money.ofFen(Long.MAX_VALUE - 1), TODAY, JdbcCounty.COUNTY_OFFICER, ""));
      String beyond = outcomeOf(() -> describe(county.ffp.fund().appropriate("fin-2", JdbcCounty.COUNTY, 2025,
          Money.ofFen(Long.MAX_VALUE - 1), TODAY, JdbcCounty.COUNTY_OFFICER, "")));
      return tooLong + " | " + first + " | " + beyond;
    });
  }

  @Test
  void aSourceReferenceTooLongIsRefusedBeforeAnyStoreIsReached() {
    sameOnEveryStore(county -> {
      county.household("H1", JdbcCounty.VILLAGE_A1);
      String refused = outcomeOf(() -> describe(county.ffp.intake().receive(signal("H1", "r".repeat(129)))));
      long signals = county.store.read(s -> s.signals().receivedIn(JdbcCounty.COUNTY, TODAY.minusYears(1),
          TODAY.plusYears(1)).count());
      return refused + " / signals stored " + signals;
    });
  }

  @Test
  void aValueNoColumnCanHoldIsRefusedNamingTheColumnAndTheUnitGoesOn() {
    for (JdbcStore store : List.of(H2Databases.newStore(), EmbeddedPostgresServer.newStore())) {
      store.write(s -> {
        assertThatThrownBy(() -> s.grid().assign("H1", "w".repeat(256)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ffp_grid_assignment.worker_id").hasMessageContaining("超过")
            .hasMessageContaining("longer than 255 characters");
        assertThatThrownBy(() -> s.grid().recordVisit(new GridVisit("w-1", "H1", LocalDate.of(10_000, 1, 1), "")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffp_grid_visit.visited_on");
        assertThatThrownBy(() -> s.signals().add(StoreFixtures.storedSignal("s-1", StoreFixtures.VILLAGE,
            Instant.parse("2300-01-01T00:00:00Z"))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ffp_signal.received_at");
        s.grid().assign("H1", "w-1");
        return null;
      });

      java.util.Optional<String> worker = store.read(s -> s.grid().workerOf("H1"));
      assertThat(worker).as("the unit went on and committed").contains("w-1");
    }
  }

  /** Runs the scenario on a fresh county of each store and expects one answer from all. */
  private static void sameOnEveryStore(Function<JdbcCounty, String> scenario) {
    Map<String, UnitOfWork> stores = new LinkedHashMap<>();
    stores.put("in memory", new InMemoryStore());
    stores.put("H2", H2Databases.newStore());
    stores.put("PostgreSQL", EmbeddedPostgresServer.newStore());
    Map<String, String> answers = new LinkedHashMap<>();
    stores.forEach((name, store) -> answers.put(name, scenario.apply(new JdbcCounty(store, TODAY))));

    String reference = answers.get("in memory");
    assertThat(answers).allSatisfy((name, answer) -> assertThat(answer).as(name).isEqualTo(reference)
        .doesNotContain("SQL"));
  }

  private static String describe(Either<org.fangfanpin.spi.model.Rejection, ?> outcome) {
    return outcome.isRight() ? "accepted" : "rejected " + outcome.getLeft().code() + " " + outcome.getLeft();
  }

  private static String outcomeOf(java.util.function.Supplier<String> move) {
    try {
      return move.get();
    } catch (RuntimeException e) {
      return "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static RiskSignal signal(String householdId, String sourceRef) {
    return RiskSignal.builder().channel(Channel.SELF_DECLARATION).sourceRef(sourceRef).householdId(householdId)
        .observedOn(TODAY.minusDays(1)).riskTypes(Set.of(RiskType.ILLNESS)).reportedBy(JdbcCounty.VILLAGE_GROUP_A1)
        .build();
  }
}
