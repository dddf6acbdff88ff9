package org.fangfanpin.spi.store;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.fund.AidApplication;
import org.fangfanpin.spi.model.AreaCode;

/** Aid applications (救助申请). */
public interface AidApplicationRepository {

  /** The application with the id. */
  Optional<AidApplication> find(String applicationId);

  /**
   * Stores a new application; {@link DuplicateKeyException} when the id is taken,
   * {@link IllegalArgumentException} when its version is not 1.
   */
  void insert(AidApplication application);

  /**
   * Replaces the stored application; its version must be the stored one plus one, otherwise
   * {@link StaleVersionException} (also for an unknown id).
   */
  void update(AidApplication application);

  /** The household's applications of a fund year, in order of id. */
  List<AidApplication> ofHousehold(String householdId, int fundYear);

  /**
   * The applications whose recorded village lies in {@code area}, for the fund year, in order of id. Valid
   * inside the session; close it.
   */
  Stream<AidApplication> inArea(AreaCode area, int fundYear);
}
