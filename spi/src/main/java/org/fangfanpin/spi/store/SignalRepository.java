package org.fangfanpin.spi.store;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
   * The signals stored under the channel and any of the source references, by source reference
   * (references with no signal are absent): a batch's look-up in one step. The default calls
   * {@link #find} for each; a database adapter should override it with one query.
   */
  default Map<String, StoredSignal> findAll(Channel channel, Collection<String> sourceRefs) {
    Map<String, StoredSignal> found = new HashMap<>();
    for (String ref : sourceRefs) {
      if (!found.containsKey(ref)) {
        find(channel, ref).ifPresent(s -> found.put(ref, s));
      }
    }
    return found;
  }

  /**
   * Stores every signal, in order, as {@link #add} would one by one. Throws
   * {@link DuplicateKeyException} when a key is taken, by a stored signal or by an earlier one in
   * the list; the unit of work must then end without committing, since an adapter may have stored
   * some of them or aborted its transaction. The default calls {@link #add}; a database adapter
   * should override it to write in one batch.
   */
  default void addAll(Collection<StoredSignal> signals) {
    signals.forEach(this::add);
  }

  /**
   * The signals of households in {@code area} received from {@code from} to {@code to}
   * inclusive, in order of receipt. Valid only inside the session; must be closed.
   */
  Stream<StoredSignal> receivedIn(AreaCode area, LocalDate from, LocalDate to);
}
