package org.cfdmspark.engine;

/** When the M smoothing noise vectors of a trajectory are drawn (method.md §3). */
public enum NoisePolicy {
  /** Once per trajectory, kept for every step (the default). */
  TRAJECTORY,
  /** Redrawn at every step. */
  STEP
}
