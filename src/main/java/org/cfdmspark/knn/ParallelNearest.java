package org.cfdmspark.knn;

import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour search for many queries on the driver, spread over its cores: the queries are cut into
 * blocks of {@value #QUERY_BLOCK}, and each core scans its share of the blocks with its own
 * {@link BruteForceIndex}. A query's answer depends on that query alone (its heap sees the rows in the same order
 * and every {@link DotProductKernel} gives the same dot product whatever the blocking), so the answers are those
 * of one index searching every query, on any number of cores. For the fit's scans (k-means, the spacing rule, the
 * near-copy threshold), which run while no Spark task does; not for code inside tasks, whose cores Spark assigns.
 */
public final class ParallelNearest {
  /** Queries per index call: enough to fill the kernel's blocks, few enough that the dot products stay in cache. */
  static final int QUERY_BLOCK = 64;

  /** Where the queries come from. */
  @FunctionalInterface
  public interface Queries {
    /** Copies the {@code d} values of query {@code query} into {@code block[offset .. offset + d)}. */
    void copy(int query, double[] block, int offset);
  }

  private ParallelNearest() {
  }

  /** Queries that are rows of {@code points}. */
  public static Queries rowsOf(RowMatrix points) {
    int d = points.dimension();
    float[] values = points.values();
    return (query, block, offset) -> {
      for (int j = 0; j < d; j++) {
        block[offset + j] = values[query * d + j];
      }
    };
  }

  /**
   * The {@code k} rows of {@code matrix} nearest to each of queries 0 .. count − 1, nearest first: query q's in
   * out[q·k .. q·k + k), exactly as {@link BruteForceIndex#nearest} orders them.
   *
   * @param queries the queries, each of {@code matrix.dimension()} values
   * @param out at least count·k entries
   */
  public static void nearest(RowMatrix matrix, Queries queries, int count, int k, int[] out) {
    int d = matrix.dimension();
    int blocks = (count + QUERY_BLOCK - 1) / QUERY_BLOCK;
    int shares = Math.max(1, Math.min(blocks, Runtime.getRuntime().availableProcessors()));
    // Contiguous shares of blocks, one per core: a parallel stream runs them on the common pool and this thread.
    IntStream.range(0, shares).parallel().forEach(share -> {
      BruteForceIndex index = new BruteForceIndex(matrix, DotProductKernel.best()); // both own scratch buffers
      double[] block = new double[QUERY_BLOCK * d];
      int[] found = new int[QUERY_BLOCK * k];
      for (int b = (int) ((long) share * blocks / shares); b < (long) (share + 1) * blocks / shares; b++) {
        int first = b * QUERY_BLOCK;
        int size = Math.min(QUERY_BLOCK, count - first);
        for (int q = 0; q < size; q++) {
          queries.copy(first + q, block, q * d);
        }
        index.nearest(block, 0, size, k, found);
        System.arraycopy(found, 0, out, first * k, size * k);
      }
    });
  }
}
