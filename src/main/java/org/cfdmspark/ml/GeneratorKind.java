package org.cfdmspark.ml;

/** The generators --generator chooses among (see {@link Generator}). */
public enum GeneratorKind {
  /** σ-CFDM: the smoothed closed-form posterior mean on the probability-flow ODE (method.md). */
  CFDM
}
