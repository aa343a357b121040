package org.cfdmspark.ml;

/** The generators --generator chooses among (see {@link Generator}). */
public enum GeneratorKind {
  /** σ-CFDM: the smoothed closed-form posterior mean on the probability-flow ODE (method.md). */
  CFDM,
  /** Random-feature denoising score matching (George, Veiga, Macris 2025): a ridge read-out per grid time. */
  RANDOM_FEATURES,
  /** An MLP denoiser trained by denoising score matching with early stopping (Han, Razaviyayn, Xu 2024). */
  SCORE_NET,
  /** Baseline: a convex combination of a training row and its M − 1 nearest, flat Dirichlet weights. */
  MIXUP,
  /** Baseline: SMOTE, a point on the segment from a training row to one of its 5 nearest. */
  SMOTE,
  /** Baseline: a Gaussian copula with empirical marginals. */
  COPULA,
  /** Baseline: a training row drawn uniformly (memorisation). */
  COPY;

  /** Whether this is one of the baselines (method.md §8): no σ, its guard redraws from fresh streams. */
  public boolean baseline() {
    return this == MIXUP || this == SMOTE || this == COPULA || this == COPY;
  }
}
