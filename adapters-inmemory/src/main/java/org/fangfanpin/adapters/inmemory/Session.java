package org.fangfanpin.adapters.inmemory;

import org.fangfanpin.spi.store.AidApplicationRepository;
import org.fangfanpin.spi.store.AuditRepository;
import org.fangfanpin.spi.store.CaseRepository;
import org.fangfanpin.spi.store.GridRepository;
import org.fangfanpin.spi.store.HouseholdRepository;
import org.fangfanpin.spi.store.LedgerRepository;
import org.fangfanpin.spi.store.OutboxRepository;
import org.fangfanpin.spi.store.SignalRepository;
import org.fangfanpin.spi.store.StoreSession;

/**
 * One session of an {@link InMemoryStore}. Its repositories are made on first use; those of a
 * write session stage their writes until {@link #commit()}. Not thread-safe: it belongs to the
 * thread running the work, under the store's lock.
 */
final class Session implements StoreSession {

  private final Tables tables;
  private final boolean writable;
  private boolean open = true;

  private SessionHouseholds households;
  private SessionSignals signals;
  private SessionCases cases;
  private SessionAudit audit;
  private SessionOutbox outbox;
  private SessionLedger ledger;
  private SessionAidApplications aidApplications;
  private SessionGrid grid;

  Session(Tables tables, boolean writable) {
    this.tables = tables;
    this.writable = writable;
  }

  @Override
  public HouseholdRepository households() {
    checkOpen();
    if (households == null) {
      households = new SessionHouseholds(this, tables.households);
    }
    return households;
  }

  @Override
  public SignalRepository signals() {
    checkOpen();
    if (signals == null) {
      signals = new SessionSignals(this, tables.signals);
    }
    return signals;
  }

  @Override
  public CaseRepository cases() {
    checkOpen();
    if (cases == null) {
      cases = new SessionCases(this, tables.cases);
    }
    return cases;
  }

  @Override
  public AuditRepository audit() {
    checkOpen();
    if (audit == null) {
      audit = new SessionAudit(this, tables.audit);
    }
    return audit;
  }

  @Override
  public OutboxRepository outbox() {
    checkOpen();
    if (outbox == null) {
      outbox = new SessionOutbox(this, tables.outbox);
    }
    return outbox;
  }

  @Override
  public LedgerRepository ledger() {
    checkOpen();
    if (ledger == null) {
      ledger = new SessionLedger(this, tables.ledger);
    }
    return ledger;
  }

  @Override
  public AidApplicationRepository aidApplications() {
    checkOpen();
    if (aidApplications == null) {
      aidApplications = new SessionAidApplications(this, tables.aidApplications);
    }
    return aidApplications;
  }

  @Override
  public GridRepository grid() {
    checkOpen();
    if (grid == null) {
      grid = new SessionGrid(this, tables.grid);
    }
    return grid;
  }

  /** Throws unless the work of this session is still running. */
  void checkOpen() {
    if (!open) {
      throw new IllegalStateException("the session ended when its work returned");
    }
  }

  /** Throws unless this is an open write session. */
  void checkWritable() {
    checkOpen();
    if (!writable) {
      throw new IllegalStateException("a read session cannot write");
    }
  }

  /** Ends the session: every later call through it throws. */
  void close() {
    open = false;
  }

  /**
   * Applies the staged writes to the committed tables. Every check ran when the write was staged
   * and the write lock kept the tables unchanged since, so applying cannot fail half-way.
   */
  void commit() {
    if (households != null) {
      households.commit();
    }
    if (signals != null) {
      signals.commit();
    }
    if (cases != null) {
      cases.commit();
    }
    if (audit != null) {
      audit.commit();
    }
    if (outbox != null) {
      outbox.commit();
    }
    if (ledger != null) {
      ledger.commit();
    }
    if (aidApplications != null) {
      aidApplications.commit();
    }
    if (grid != null) {
      grid.commit();
    }
  }
}
