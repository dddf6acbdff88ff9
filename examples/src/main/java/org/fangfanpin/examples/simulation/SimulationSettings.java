package org.fangfanpin.examples.simulation;

/**
 * What a county simulation run is asked to do (模拟参数).
 *
 * @param households households in the county, at least 1
 * @param months months simulated from January 2025, 1 to {@link #MAX_MONTHS}
 * @param seed the seed of the random source: the same seed gives the same run
 * @param store the name of the store the run uses, as written to the report
 */
public record SimulationSettings(long households, int months, long seed, String store) {

  /** The months the loaded working calendar covers (2025 and 2026). */
  public static final int MAX_MONTHS = 24;

  /** The most households a run takes: household ids carry an 8-digit sequence number. */
  public static final long MAX_HOUSEHOLDS = 99_999_999L;

  /** Checks the ranges. */
  public SimulationSettings {
    if (households < 1 || households > MAX_HOUSEHOLDS) {
      throw new IllegalArgumentException("households must lie between 1 and " + MAX_HOUSEHOLDS + ": " + households);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months must lie between 1 and " + MAX_MONTHS + ": " + months);
    }
    if (store == null || store.isBlank()) {
      throw new IllegalArgumentException("the store needs a name");
    }
  }
}
