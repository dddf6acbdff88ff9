package org.fangfanpin.spi.store;

import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;

/** The signals received (线索登记), one per (channel, source reference). */
public interface SignalRepository {

  /** The signal stored under the key. */
  Optional<StoredSignal> find(Channel channel, String sourceRef);

  /** Stores a signal; throws {@link DuplicateKeyException} when its key is taken. */
  void add(StoredSignal signal);

  /**
   * The signals of households in {@code area} received from {@code from} to {@code to}
   * inclusive, in order of receipt. Valid only inside the session; must be closed.
   */
  Stream<StoredSignal> receivedIn(AreaCode area, LocalDate from, LocalDate to);
}
