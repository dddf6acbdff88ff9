package org.fangfanpin.adapters.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.StaleVersionException;

/**
 * Aid applications (救助申请) in table {@code ffp_aid_application}, versioned like the cases: an
 * update names the version it replaces, and in a write session a read locks the row.
 *
 * <p>An application is decided on the fund's balances (the caps, the pool), which a write session
 * locks through the fund's row (see {@link JdbcLedger}). A write session therefore locks the fund
 * of an application before the application's own row: a batch paying several applications and an
 * approval of one of them would otherwise each hold what the other waits for.
 */
final class JdbcAidApplications implements AidApplicationRepository {

  private static final String WHAT = "ffp_aid_application";
  private static final List<String> COLUMNS = List.of("id", "household_id", "fund_year", "village", "version", "doc");

  private final JdbcSession session;
  /** The stored version of each application whose row this write session locked or stored. */
  private final Map<String, Long> lockedVersions = new HashMap<>();

  JdbcAidApplications(JdbcSession session) {
    this.session = session;
  }

  @Override
  public Optional<AidApplication> find(String applicationId) {
    session.checkOpen();
    Objects.requireNonNull(applicationId, "applicationId");
    if (!session.writable) {
      return session.one(WHAT, "SELECT doc FROM ffp_aid_application WHERE id = ?", s -> s.setString(1, applicationId),
          r -> Documents.aidApplication(r.getString(1)));
    }
    Optional<Object[]> fund = session.one(WHAT, "SELECT village, fund_year FROM ffp_aid_application WHERE id = ?",
        s -> s.setString(1, applicationId), r -> new Object[] {r.getString(1), r.getInt(2)});
    if (fund.isEmpty()) {
      return Optional.empty();
    }
    lockFundOf(AreaCode.of((String) fund.get()[0]), (Integer) fund.get()[1]);
    Optional<AidApplication> found = session.one(WHAT, "SELECT doc FROM ffp_aid_application WHERE id = ? FOR UPDATE",
        s -> s.setString(1, applicationId), r -> Documents.aidApplication(r.getString(1)));
    found.ifPresent(a -> lockedVersions.put(a.id(), a.version()));
    return found;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the application's version is not 1
   */
  @Override
  public void insert(AidApplication a) {
    session.checkWritable();
    Objects.requireNonNull(a, "application");
    if (a.version() != 1) {
      throw new IllegalArgumentException("新救助申请的版本应为 1 / a new aid application is stored with version 1, not "
          + a.version());
    }
    String id = Columns.text("ffp_aid_application.id", a.id(), Columns.ID);
    String householdId = Columns.text("ffp_aid_application.household_id", a.householdId(), Columns.ID);
    String doc = Columns.text("ffp_aid_application.doc", Documents.aidApplication(a), Columns.DOCUMENT);
    boolean stored = session.insertIgnoringDuplicates(WHAT, "ffp_aid_application", COLUMNS, s -> {
      s.setString(1, id);
      s.setString(2, householdId);
      s.setInt(3, a.fundYear());
      s.setString(4, a.area().code());
      s.setLong(5, 1);
      s.setString(6, doc);
    });
    if (!stored) {
      throw new DuplicateKeyException("救助申请编号已被占用 / the aid application id is taken");
    }
    lockedVersions.put(id, 1L);
  }

  @Override
  public void update(AidApplication a) {
    session.checkWritable();
    Objects.requireNonNull(a, "application");
    lockFundOf(a.area(), a.fundYear());
    // A row this session locked or stored keeps the version it last saw until the session ends.
    Long locked = lockedVersions.get(a.id());
    Optional<Long> stored = locked != null ? Optional.of(locked) : session.one(WHAT,
        "SELECT version FROM ffp_aid_application WHERE id = ? FOR UPDATE", s -> s.setString(1, a.id()), r -> r.getLong(1));
    if (stored.isEmpty()) {
      throw new StaleVersionException("没有该编号的救助申请 / no aid application is stored under the id");
    }
    long version = stored.get();
    if (a.version() != version + 1) {
      throw new StaleVersionException("救助申请版本冲突 / the aid application is at version " + version
          + "; a change to version " + a.version() + " was made from a stale one");
    }
    String householdId = Columns.text("ffp_aid_application.household_id", a.householdId(), Columns.ID);
    String doc = Columns.text("ffp_aid_application.doc", Documents.aidApplication(a), Columns.DOCUMENT);
    int changed = session.update(WHAT, "UPDATE ffp_aid_application SET household_id = ?, fund_year = ?, village = ?,"
        + " version = ?, doc = ? WHERE id = ? AND version = ?", s -> {
          s.setString(1, householdId);
          s.setInt(2, a.fundYear());
          s.setString(3, a.area().code());
          s.setLong(4, a.version());
          s.setString(5, doc);
          s.setString(6, a.id());
          s.setLong(7, version);
        });
    if (changed != 1) {
      throw new StaleVersionException("救助申请已被另一工作单元修改 / the aid application was changed by another unit of work");
    }
    lockedVersions.put(a.id(), a.version());
  }

  /** Locks the fund of the county the area (a village) lies in, for the fund year. */
  private void lockFundOf(AreaCode area, int fundYear) {
    // A county's code is the first six digits of every code inside it, then zeros.
    ((JdbcLedger) session.ledger()).lockFund(AreaCode.of(area.code().substring(0, 6) + "000000"), fundYear);
  }

  @Override
  public List<AidApplication> ofHousehold(String householdId, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(householdId, "householdId");
    return List.copyOf(session.list(WHAT,
        "SELECT doc FROM ffp_aid_application WHERE household_id = ? AND fund_year = ? ORDER BY id", s -> {
          s.setString(1, householdId);
          s.setInt(2, fundYear);
        }, r -> Documents.aidApplication(r.getString(1))));
  }

  @Override
  public Stream<AidApplication> inArea(AreaCode area, int fundYear) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    return session.stream(WHAT, "SELECT doc FROM ffp_aid_application WHERE fund_year = ? AND village BETWEEN ? AND ?"
        + " ORDER BY id", s -> {
          s.setInt(1, fundYear);
          s.setString(2, Areas.low(area));
          s.setString(3, Areas.high(area));
        }, r -> Documents.aidApplication(r.getString(1)));
  }
}
