package org.fangfanpin.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfanpin.spi.contract.StoreFixtures.DAY0;
import static org.fangfanpin.spi.contract.StoreFixtures.VILLAGE;
import static org.fangfanpin.spi.contract.StoreFixtures.householdId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fangfanpin.spi.contract.FundFixtures;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.fund.AidApplicationState;
import org.fangfanpin.spi.fund.AidStep;
import org.fangfanpin.spi.contract.StoreFixtures;
import org.fangfanpin.spi.model.Actor;
import org.fangfanpin.spi.store.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * The bulk update of aid applications (批量更新救助申请) on PostgreSQL sends each text array as its
 * texts joined by a separator when none holds it, and as an array literal otherwise: both store
 * every character, on H2 too (which updates in a batch).
 */
class AidApplicationUpdateArraysTest {

  @Test
  void textsAreJoinedUnlessOneHoldsTheSeparatorOrIsEmpty() {
    assertThat(JdbcAidApplications.joined(new Object[] {"a", "{\"v\":1,\"q\":\"\\\"\"}", "村"}))
        .isEqualTo("a\u001e{\"v\":1,\"q\":\"\\\"\"}\u001e村");
    assertThat(JdbcAidApplications.joined(new Object[] {"one"})).isEqualTo("one");
    assertThat(JdbcAidApplications.joined(new Object[] {"a", "b\u001ec"})).isNull();
    assertThat(JdbcAidApplications.joined(new Object[] {""})).isNull();
  }

  @Test
  void applicationsAreStoredWhole_joinedOrAsALiteral() {
    for (UnitOfWork store : List.of(H2Databases.newStore(), EmbeddedPostgresServer.newStore())) {
      // Joined: documents full of quotes, backslashes and escaped control characters.
      assertStoredWhole(store, "aid-", List.of("\"quoted\" \\ back\\slash", "tab\tnew\nline \u001e rs", "村民 😀"));
      // A literal: an id holding the separator.
      assertStoredWhole(store, "aid\u001e", List.of("one", "two"));
    }
  }

  private static void assertStoredWhole(UnitOfWork store, String idPrefix, List<String> notes) {
    List<AidApplication> stored = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      stored.add(FundFixtures.aidApplication(idPrefix + i, householdId(VILLAGE, i + 1), VILLAGE));
    }
    store.write(s -> {
      stored.forEach(s.aidApplications()::insert);
      return null;
    });
    Actor worker = StoreFixtures.VILLAGE_WORKER;
    List<AidApplication> next = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      next.add(FundFixtures.advanced(stored.get(i), AidApplicationState.VILLAGE_STUDIED)
          .withVillage(new AidStep(DAY0, worker, true, notes.get(i))));
    }
    store.write(s -> {
      s.aidApplications().updateAll(next);
      return null;
    });
    Map<String, AidApplication> read = store.read(s -> s.aidApplications().findAll(
        next.stream().map(AidApplication::id).toList()));
    assertThat(read).containsExactlyInAnyOrderEntriesOf(
        next.stream().collect(Collectors.toMap(AidApplication::id, Function.identity())));
  }
}
