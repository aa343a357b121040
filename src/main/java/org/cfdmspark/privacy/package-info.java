/**
 * What keeps samples from being training rows: the near-copy check against a stratum's rows, the guard that
 * redraws a near-copy along its own trajectory with σ raised in √2 steps, and σ calibration by pilot runs.
 *
 * <p>May use: {@code config}, {@code knn}, {@code encoding}, {@code engine}, {@code metrics} (the near-copy
 * threshold is the report's own definition, so the guard and the report agree).
 */
package org.cfdmspark.privacy;
