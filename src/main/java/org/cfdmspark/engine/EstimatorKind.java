package org.cfdmspark.engine;

/** Which posterior-mean estimator the sampler uses. */
public enum EstimatorKind {
  /** All N training points (method.md §2). */
  EXACT,
  /** K nearest + L random points (method.md §5). */
  NN
}
