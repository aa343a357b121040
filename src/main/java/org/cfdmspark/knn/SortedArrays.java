package org.cfdmspark.knn;

/**
 * Binary searches of an ascending double array that count equal values as a block: where a value's run of equals
 * starts and ends ({@link java.util.Arrays#binarySearch} finds any one of them).
 */
public final class SortedArrays {
  private SortedArrays() {
  }

  /** The first index whose value is ≥ x ({@code sorted.length} when none is): the count of values below x. */
  public static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The first index whose value is > x ({@code sorted.length} when none is): the count of values at or below x. */
  public static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
