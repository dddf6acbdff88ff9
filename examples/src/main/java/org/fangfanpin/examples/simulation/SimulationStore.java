package org.fangfanpin.examples.simulation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fangfanpin.adapters.inmemory.InMemoryStore;
import org.fangfanpin.adapters.jdbc.JdbcStore;
import org.fangfanpin.spi.store.StoreSession;
import org.fangfanpin.spi.store.UnitOfWork;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store a simulation runs on (模拟存储): in memory, an embedded H2 database made fresh in the
 * output folder, or an empty database behind a JDBC URL. Closing it closes its connections.
 */
public final class SimulationStore implements AutoCloseable {

  /** The embedded database's file name in the output folder, without H2's extension. */
  public static final String H2_FILE = "store";

  private static final Logger LOG = LoggerFactory.getLogger(SimulationStore.class);
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s\"']+");

  private final String name;
  private final UnitOfWork unitOfWork;
  private final HikariDataSource pool;

  private SimulationStore(String name, UnitOfWork unitOfWork, HikariDataSource pool) {
    this.name = name;
    this.unitOfWork = unitOfWork;
    this.pool = pool;
  }

  /** The in-memory store. */
  public static SimulationStore memory() {
    return new SimulationStore("memory", new InMemoryStore(), null);
  }

  /** A fresh embedded H2 database {@code dir/store.mv.db}, replacing one left by an earlier run. */
  public static SimulationStore h2(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(H2_FILE + ".mv.db"));
    Files.deleteIfExists(dir.resolve(H2_FILE + ".trace.db"));
    // Each session keeps its parsed statements (H2 keeps 8 by default, fewer than the library's
    // statements in one unit of work); a 256 MB page cache holds a county of 20,000 for the year,
    // so its pages are not read back and decoded again (H2's default is 16 MB). RETENTION_TIME=0
    // lets H2 write over a chunk as soon as no page in it is live, instead of 45 s later: this
    // database is made for one run and thrown away, and without it the file of a county of 20,000
    // grew past 3.6 GB (the default is there for a power cut while the disk reorders writes).
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(H2_FILE)
        + ";LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256;CACHE_SIZE=262144;RETENTION_TIME=0";
    SimulationStore opened = jdbc("h2", url);
    MVStore file;
    try (Connection c = opened.pool.getConnection()) {
      file = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
    } catch (SQLException | RuntimeException e) {
      opened.close();
      throw new IllegalStateException("无法打开 H2 数据库文件 / could not reach the H2 file's store: " + e, e);
    }
    return new SimulationStore(opened.name, new Compacting(opened.unitOfWork, file), opened.pool);
  }

  /**
   * The H2 store, compacted every {@value #UNITS_BETWEEN_COMPACTIONS} write units. With
   * {@code WRITE_DELAY 0}, as the JDBC store wants it, H2 stops its background thread and with it
   * the housekeeping that rewrites the live pages of sparse chunks, so each commit's chunk stays
   * in the file while any page of it is live and the file only grows. This store does that
   * housekeeping itself, between units of work, through H2's embedded API.
   *
   * <p>The file only has to stay bounded, not dense: a county of 20,000 ends at about 0.53 GB
   * with these settings and its compactions rewrite 0.27 GB of live pages; compacting every 64
   * units towards 80 % kept it at 0.36 GB but rewrote 1.14 GB, a fifth of all H2 wrote.
   */
  private static final class Compacting implements UnitOfWork {

    static final int UNITS_BETWEEN_COMPACTIONS = 256;
    /**
     * Compacts only while the file is less full than this, rewriting the sparsest chunks first
     * (H2's own housekeeping aims at 90 %): the file stays within about twice its live data.
     */
    private static final int TARGET_FILL_RATE = 50;
    /** At most this much live data is rewritten per compaction. */
    private static final int MAX_REWRITE_BYTES = 16 << 20;

    private final UnitOfWork store;
    private final MVStore file;
    private final AtomicInteger writes = new AtomicInteger();

    Compacting(UnitOfWork store, MVStore file) {
      this.store = store;
      this.file = file;
    }

    @Override
    public <T> T write(Function<StoreSession, T> work) {
      T result = store.write(work);
      if (writes.incrementAndGet() % UNITS_BETWEEN_COMPACTIONS == 0) {
        compact();
      }
      return result;
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
      return store.read(work);
    }

    private void compact() {
      try {
        // Thread-safe in H2: it takes the store's own lock while it rewrites.
        file.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
      } catch (RuntimeException e) {
        // The unit of work has committed: a failed compaction only leaves the file larger.
        LOG.warn("无法整理 H2 数据库文件 / could not compact the H2 file: {}", e.toString());
      }
    }
  }

  /**
   * The database behind the URL, migrated to the library's schema; it must hold no simulated
   * county yet, since the simulation numbers its cases from 1.
   *
   * @throws IllegalStateException when the database already holds the county's households
   */
  public static SimulationStore jdbc(String url) {
    return jdbc(withoutCredentials(url), url);
  }

  private static SimulationStore jdbc(String name, String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    // The simulation runs one unit of work at a time, but the monthly screening reads the register on
    // one connection while its signals are written on another; one more for the ids' own transactions.
    config.setMaximumPoolSize(3);
    config.setPoolName("fangfanpin-simulation");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      JdbcStore store = JdbcStore.migrate(pool);
      boolean empty = store.read(s -> {
        try (Stream<?> households = s.households().inArea(Simulation.county())) {
          return households.findAny().isEmpty();
        }
      });
      if (!empty) {
        throw new IllegalStateException("数据库中已有模拟县的数据，请使用空数据库 / the database already holds the simulated"
            + " county: use an empty database");
      }
      return new SimulationStore(name, store, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The URL as it may be shown: no query parameters and no user information, which may hold a password. */
  public static String withoutCredentials(String url) {
    String shown = url;
    int cut = indexOfAny(shown, '?', ';');
    if (cut >= 0) {
      shown = shown.substring(0, cut);
    }
    return shown.replaceFirst("//[^/@]*@", "//");
  }

  /** The text with every JDBC URL in it shown {@link #withoutCredentials without credentials}. */
  public static String withoutCredentialsIn(String text) {
    return JDBC_URL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(withoutCredentials(m.group())));
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }

  /** The store's name as the report shows it: {@code memory}, {@code h2}, or the URL without credentials. */
  public String name() {
    return name;
  }

  /** The store's unit of work. */
  public UnitOfWork unitOfWork() {
    return unitOfWork;
  }

  /** Closes the database's connections; nothing for the in-memory store. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
