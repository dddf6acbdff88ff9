package org.fangfanpin.examples.simulation;

/** Receives a simulation's progress (模拟进度), a simulated day at a time, to show it. */
public interface SimulationProgress {

  /** Shows nothing. */
  SimulationProgress NONE = new SimulationProgress() {
    @Override
    public void start(long days) {
      // nothing to show
    }

    @Override
    public void day(String month) {
      // nothing to show
    }
  };

  /** The run is about to simulate {@code days} days. */
  void start(long days);

  /** One more simulated day is done; {@code month} names its month, e.g. {@code 2025-03}. */
  void day(String month);
}
