/**
 * The paper's math, one class per equation family of method.md: posterior means (exact §2, K nearest + L random
 * §5), the smoothed posterior mean x̂^σ (§3), the time grid, start points and Euler flow (§4), σ's spacing rule,
 * counter-based randomness ({@link org.cfdmspark.engine.RandomStream}) that makes a sample a pure function of
 * (training set, configuration, sample id), and the cheap imitations of §8 that --generator offers beside σ-CFDM
 * (copy, SMOTE, mixup, Gaussian copula).
 *
 * <p>May use: {@code knn}, netlib LAPACK (the copula's eigen-decomposition); no Spark, no I/O, so that the math is
 * testable in milliseconds and usable embedded.
 */
package org.cfdmspark.engine;
