/**
 * The figures users compare generators by (metrics.md): fidelity (KS and TV complements, correlation and
 * contingency similarity), detection (C2ST), sliced Wasserstein-2, MMD², PCA, and the distance-based privacy
 * figures (DCR, closer-to-train share, near-copy threshold and rate, exact copies), and the published protocol's
 * utility, harsher detection, memorisation and validity figures (TSTR, gradient-boosted detection, identical-match
 * share, memorised fraction, boundary, category and key checks), on in-memory tables.
 *
 * <p>May use: {@code config}, {@code knn}, {@code encoding}, {@code engine} (its counter-based random streams, so
 * subsamples and folds are seeded like the sampler); Spark ML only where a model is trained.
 */
package org.cfdmspark.metrics;
