package org.fangfanpin.adapters.jdbc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.model.Household;
import org.fangfanpin.spi.store.HouseholdRepository;

/**
 * The household register (农户档案) in table {@code ffp_household}. In a write session
 * {@link #find} locks the row, so a unit of work that reads a household to change it runs after
 * any other that does the same.
 */
final class JdbcHouseholds implements HouseholdRepository {

  private static final String WHAT = "ffp_household";
  private static final List<String> COLUMNS = List.of("id", "village", "doc");

  private final JdbcSession session;

  JdbcHouseholds(JdbcSession session) {
    this.session = session;
  }

  @Override
  public void put(Household household) {
    session.checkWritable();
    Objects.requireNonNull(household, "household");
    String id = Columns.text("ffp_household.id", household.id(), Columns.ID);
    String doc = Columns.text("ffp_household.doc", Documents.household(household), Columns.DOCUMENT);
    session.update(WHAT, session.dialect.upsert("ffp_household", List.of("id"), COLUMNS), s -> {
      s.setString(1, id);
      s.setString(2, household.area().code());
      s.setString(3, doc);
    });
  }

  @Override
  public Optional<Household> find(String householdId) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    String sql = "SELECT doc FROM ffp_household WHERE id = ?" + (session.writable ? " FOR UPDATE" : "");
    return session.one(WHAT, sql, s -> s.setString(1, householdId), r -> Documents.household(r.getString(1)));
  }

  /** Locks the household's row in a write session; whether the household is registered. */
  boolean lock(String householdId) {
    return session.one(WHAT, "SELECT id FROM ffp_household WHERE id = ? FOR UPDATE",
        s -> s.setString(1, householdId), r -> Boolean.TRUE).isPresent();
  }

  @Override
  public Stream<Household> inArea(AreaCode area) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    return session.stream(WHAT, "SELECT doc FROM ffp_household WHERE village BETWEEN ? AND ? ORDER BY id", s -> {
      s.setString(1, Areas.low(area));
      s.setString(2, Areas.high(area));
    }, r -> Documents.household(r.getString(1)));
  }
}
