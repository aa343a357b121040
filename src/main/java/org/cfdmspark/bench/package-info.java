/**
 * Benchmarks run on purpose (never timed in tests), with their data generators: kernel GFLOP/s against the
 * measured FMA ceiling, estimator and thread scaling, mixture tables, the engine alone against the job, the fit
 * repeated in one JVM.
 *
 * <p>May use: {@code config}, {@code knn}, {@code engine}, {@code metrics}, {@code ml}, {@code job} (the
 * end-to-end timing reads input as the job does).
 */
package org.cfdmspark.bench;
