package org.cfdmspark.engine;

/** How the nn estimator finds the K nearest training rows. */
public enum IndexKind {
  /** Scan every row (exact). */
  EXACT,
  /** Inverted file: k-means cells, probe the nearest few, rank their rows exactly (approximate). */
  IVF,
  /** IVF from {@link NeighbourSearch#AUTO_IVF_ROWS} training rows on, else exact. */
  AUTO
}
