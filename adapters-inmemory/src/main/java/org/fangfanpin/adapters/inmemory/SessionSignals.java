package org.fangfanpin.adapters.inmemory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.fangfanpin.spi.intake.Channel;
import org.fangfanpin.spi.intake.StoredSignal;
import org.fangfanpin.spi.model.AreaCode;
import org.fangfanpin.spi.store.DuplicateKeyException;
import org.fangfanpin.spi.store.SignalRepository;

/** The signals as one session sees them: the committed table and the session's additions. */
final class SessionSignals implements SignalRepository {

  private final Session session;
  private final SignalTable table;
  private Staged<SignalTable.Key, StoredSignal> staged;

  SessionSignals(Session session, SignalTable table) {
    this.session = session;
    this.table = table;
  }

  @Override
  public Optional<StoredSignal> find(Channel channel, String sourceRef) {
    session.checkOpen();
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(sourceRef, "sourceRef");
    StoredSignal s = staged == null ? null : staged.get(new SignalTable.Key(channel, sourceRef));
    return Optional.ofNullable(s != null ? s : table.find(channel, sourceRef));
  }

  @Override
  public void add(StoredSignal signal) {
    session.checkWritable();
    SignalTable.Key key = SignalTable.Key.of(Objects.requireNonNull(signal, "signal"));
    if (table.find(key.channel(), key.sourceRef()) != null || (staged != null && staged.containsKey(key))) {
      throw new DuplicateKeyException("a signal with this channel and source reference is already stored");
    }
    if (staged == null) {
      staged = new Staged<>();
    }
    staged.put(key, signal);
  }

  @Override
  public Stream<StoredSignal> receivedIn(AreaCode area, LocalDate from, LocalDate to) {
    session.checkOpen();
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<SignalTable.Entry> found = new ArrayList<>();
    for (SignalTable.Village village : Villages.within(table.byVillage, area)) {
      for (int i = 0; i < village.size(); i++) {
        if (receivedWithin(village.signal(i), from, to)) {
          found.add(new SignalTable.Entry(village.number(i), village.signal(i)));
        }
      }
    }
    if (staged != null) {
      long number = table.nextNumber();
      for (StoredSignal s : staged.values()) {
        if (area.contains(s.area()) && receivedWithin(s, from, to)) {
          found.add(new SignalTable.Entry(number, s));
        }
        number++;
      }
    }
    found.sort(SignalTable.Entry.RECEIPT_ORDER);
    return found.stream().map(SignalTable.Entry::signal).toList().stream();
  }

  void commit() {
    if (staged != null) {
      staged.forEachValue(table.adder);
    }
  }

  private static boolean receivedWithin(StoredSignal s, LocalDate from, LocalDate to) {
    return !s.receivedOn().isBefore(from) && !s.receivedOn().isAfter(to);
  }
}
