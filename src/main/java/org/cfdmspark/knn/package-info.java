/**
 * Neighbour search for the nearest-neighbour posterior mean (method.md §5): the dot-product kernels (Vector API
 * and scalar, rounding identically), brute force, IVF cells over k-means, recall tuning, exact small-radius
 * search by a sorted projection ({@link org.cfdmspark.knn.SortedProjection}), the row-major
 * {@link org.cfdmspark.knn.RowMatrix} every hot loop works on, and the partial Fisher–Yates shuffle
 * ({@link org.cfdmspark.knn.Shuffle}) that k-means and the metrics draw their samples with.
 *
 * <p>May use: nothing of ours; no Spark.
 */
package org.cfdmspark.knn;
