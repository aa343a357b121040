/**
 * Neighbour search for the nearest-neighbour posterior mean (method.md §5): the dot-product kernels (Vector API
 * and scalar, rounding identically), brute force, IVF cells over k-means, recall tuning, and the row-major
 * {@link org.cfdmspark.knn.RowMatrix} every hot loop works on.
 *
 * <p>May use: nothing of ours; no Spark.
 */
package org.cfdmspark.knn;
