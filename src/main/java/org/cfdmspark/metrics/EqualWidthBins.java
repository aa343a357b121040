package org.cfdmspark.metrics;

import java.util.Arrays;

/**
 * Equal-width bins spanning the range of a real column, with numpy's conventions (np.histogram_bin_edges):
 * bins are [e_k, e_k+1) except the last, which also holds the maximum; a constant column spans
 * [v − 0.5, v + 0.5]; a column with no values spans [0, 1]. Values outside the range (synthetic ones) go to
 * the edge bins, so every value has a bin.
 */
public final class EqualWidthBins {
  private final double[] edges;

  private EqualWidthBins(double[] edges) {
    this.edges = edges;
  }

  /** {@code count} bins over the range of the non-missing {@code values}. */
  public static EqualWidthBins spanning(double[] values, int count) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    if (low > high) {
      low = 0;
      high = 1;
    } else if (low == high) {
      low -= 0.5;
      high += 0.5;
    }
    double width = (high - low) / count;
    double[] edges = new double[count + 1];
    for (int k = 0; k < count; k++) {
      edges[k] = low + k * width;
    }
    edges[count] = high;
    return new EqualWidthBins(edges);
  }

  /** The bin of {@code value} in [0, count), or null for a missing value (its own category). */
  Integer bin(double value) {
    if (Double.isNaN(value)) {
      return null;
    }
    // + 0.0 turns −0.0 into 0.0: binarySearch orders −0.0 below 0.0, but they are the same number here.
    int position = Arrays.binarySearch(edges, value + 0.0);
    // An exact edge opens its bin; otherwise the insertion point is one past the bin.
    int bin = position >= 0 ? position : -position - 2;
    return Math.max(0, Math.min(edges.length - 2, bin));
  }

  /** The bins' mid-points, for plotting. */
  public double[] centres() {
    double[] centres = new double[edges.length - 1];
    for (int k = 0; k < centres.length; k++) {
      centres[k] = (edges[k] + edges[k + 1]) / 2;
    }
    return centres;
  }

  /** The share of the non-missing {@code values} in each bin (zeros when there are none). */
  public double[] shares(double[] values) {
    double[] shares = new double[edges.length - 1];
    int present = 0;
    for (double v : values) {
      Integer bin = bin(v);
      if (bin != null) {
        shares[bin]++;
        present++;
      }
    }
    for (int k = 0; k < shares.length && present > 0; k++) {
      shares[k] /= present;
    }
    return shares;
  }
}
