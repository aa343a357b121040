package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel against the scalar one: the same bits for every product and every logit, on random and
 * adversarial values, for shapes with every kind of tail (d across the depth blocks, rows not filling a panel,
 * queries not filling a tile, offsets). Bits, not tolerances: sampling on a machine without the Vector API must
 * give the same rows.
 */
class VectorDotProductKernelTest {

  static RowMatrix randomMatrix(int n, int d, Random random) {
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 3);
    }
    return RowMatrix.of(n, d, values);
  }

  static double[] randomQueries(int count, int d, Random random) {
    double[] q = new double[count * d];
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextGaussian() * 10;
    }
    return q;
  }

  /** Asserts the same bits (NaNs compared as NaN, whatever their payload) and says where they differ. */
  static void assertSameBits(double[] expected, double[] actual, int length, String where) {
    for (int i = 0; i < length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        throw new AssertionError(where + ", element " + i + ": scalar " + expected[i] + " ("
            + Long.toHexString(Double.doubleToLongBits(expected[i])) + "), vector " + actual[i] + " ("
            + Long.toHexString(Double.doubleToLongBits(actual[i])) + ")");
      }
    }
  }

  /** Runs both kernels on one call's shape and asserts the same bits. */
  static void assertKernelsAgree(VectorDotProductKernel kernel, double[] queries, int queryOffset, int queryCount,
      RowMatrix matrix, int firstRow, int rowCount, String where) {
    double[] expected = new double[queryCount * rowCount];
    double[] actual = new double[queryCount * rowCount];
    ScalarDotProductKernel.INSTANCE.dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, expected);
    kernel.dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, actual);
    assertSameBits(expected, actual, expected.length, where);
  }

  /** Dimensions that cross every boundary of the vector kernel: lanes, tile, depth block and its multiples. */
  static int[] dimensions() {
    int lanes = VectorDotProductKernel.LANES;
    int depth = VectorDotProductKernel.DEPTH_BLOCK;
    return new int[] {1, 2, 3, lanes - 1, lanes, lanes + 1, 13, 17, 64, depth - 1, depth, depth + 1, depth + 5,
        2 * depth + 3, 300, 784};
  }

  @Test
  void theBestKernelIsTheVectorOneWhenTheModuleIsLoaded() {
    // Surefire's argLine adds jdk.incubator.vector, so this run must exercise the vector path.
    assertTrue(DotProductKernel.best() instanceof VectorDotProductKernel, "best() = " + DotProductKernel.best());
    assertEquals("vector(" + VectorDotProductKernel.LANES + " double lanes)", DotProductKernel.best().name());
    assertEquals("scalar", ScalarDotProductKernel.INSTANCE.name());
  }

  @Test
  void bothKernelsFuseEachMultiplyAdd() {
    // ⟨(−(1 + 2⁻²³ + 2⁻³⁰), 1 + 2⁻³⁰), (1, 1 + 2⁻²³)⟩: the second product is 1 + 2⁻²³ + 2⁻³⁰ + 2⁻⁵³ exactly.
    // Fused into the running sum it leaves exactly 2⁻⁵³; rounded first (to 1 + 2⁻²³ + 2⁻³⁰, a tie to even)
    // it would cancel to 0.
    double a = 1 + 0x1p-23 + 0x1p-30;
    double[] queries = {-a, 1 + 0x1p-30};
    RowMatrix matrix = RowMatrix.of(1, 2, new float[] {1, 1 + 0x1p-23f});
    double[] out = new double[1];
    ScalarDotProductKernel.INSTANCE.dots(queries, 0, 1, matrix, 0, 1, out);
    assertEquals(0x1p-53, out[0], 0, "scalar");
    new VectorDotProductKernel().dots(queries, 0, 1, matrix, 0, 1, out);
    assertEquals(0x1p-53, out[0], 0, "vector");
  }

  @Test
  void bitIdenticalToTheScalarKernelOnRandomShapesWithTails() {
    Random random = new Random(3);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : dimensions()) {
      RowMatrix matrix = randomMatrix(300, d, random);
      for (int trial = 0; trial < 6; trial++) {
        int queryCount = 1 + random.nextInt(13);
        int queryOffset = random.nextInt(3);
        int firstRow = random.nextInt(40);
        int rowCount = 1 + random.nextInt(matrix.rows() - firstRow);
        double[] queries = randomQueries(queryOffset + queryCount, d, random);
        assertKernelsAgree(kernel, queries, queryOffset, queryCount, matrix, firstRow, rowCount,
            "d=" + d + ", " + queryCount + " queries x " + rowCount + " rows from row " + firstRow);
      }
    }
  }

  @Test
  void bitIdenticalToTheScalarKernelOnAdversarialValues() {
    Random random = new Random(21);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : dimensions()) {
      for (Adversary adversary : Adversary.values()) {
        int rows = 1 + random.nextInt(70);
        int queryCount = 1 + random.nextInt(9);
        float[] x = new float[rows * d];
        for (int i = 0; i < x.length; i++) {
          x[i] = adversary.row(random);
        }
        double[] queries = new double[queryCount * d];
        for (int i = 0; i < queries.length; i++) {
          queries[i] = adversary.query(random);
        }
        assertKernelsAgree(kernel, queries, 0, queryCount, RowMatrix.of(rows, d, x), 0, rows,
            adversary + ", d=" + d + ", " + queryCount + " queries x " + rows + " rows");
      }
    }
  }

  /** Inputs where the order and fusing of roundings show most: each must still give the same bits. */
  enum Adversary {
    /** Large terms of both signs that cancel to a small sum: every rounding of a partial sum shows. */
    CANCELLATION {
      float row(Random r) {
        return (float) ((r.nextBoolean() ? 1 : -1) * Math.scalb(1 + r.nextDouble(), r.nextInt(40)));
      }

      double query(Random r) {
        return (r.nextBoolean() ? 1 : -1) * (1 + Math.scalb(r.nextDouble(), -20)) * Math.scalb(1.0, r.nextInt(30));
      }
    },
    /** Magnitudes from float subnormals to float's top, queries from double subnormals up. */
    WIDE_EXPONENTS {
      float row(Random r) {
        return (float) ((r.nextBoolean() ? 1 : -1) * Math.scalb(1 + r.nextDouble(), r.nextInt(270) - 145));
      }

      double query(Random r) {
        return (r.nextBoolean() ? 1 : -1) * Math.scalb(1 + r.nextDouble(), r.nextInt(2000) - 1070);
      }
    },
    /** Products that overflow to ±∞ and sums ∞ − ∞ = NaN. */
    OVERFLOW {
      float row(Random r) {
        return (r.nextBoolean() ? 1 : -1) * Float.MAX_VALUE * (float) r.nextDouble();
      }

      double query(Random r) {
        return r.nextInt(4) == 0 ? Double.NaN : (r.nextBoolean() ? 1 : -1) * 1e290 * (1 + r.nextDouble());
      }
    },
    /** Signed zeros and exact small integers: sums that are exactly 0, with −0 products. */
    ZEROS {
      float row(Random r) {
        return r.nextInt(3) == 0 ? -0f : r.nextInt(3) - 1;
      }

      double query(Random r) {
        return r.nextInt(3) == 0 ? -0.0 : r.nextInt(5) - 2;
      }
    };

    abstract float row(Random random);

    abstract double query(Random random);
  }

  @Test
  void scatteredRowsGiveTheScalarBitsForEveryBatchSize() {
    Random random = new Random(33);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : new int[] {1, 2, 7, 122, 300}) {
      for (Adversary adversary : Adversary.values()) {
        int rows = 40;
        float[] x = new float[rows * d];
        for (int i = 0; i < x.length; i++) {
          x[i] = adversary.row(random);
        }
        double[] queries = new double[3 * d];
        for (int i = 0; i < queries.length; i++) {
          queries[i] = adversary.query(random);
        }
        for (int count = 1; count <= ScalarDotProductKernel.BATCH; count++) {
          int[] bases = new int[ScalarDotProductKernel.BATCH];
          for (int i = 0; i < count; i++) {
            bases[i] = (i == count - 1 ? rows - 1 : random.nextInt(rows)) * d; // the last row, to the array's end
          }
          double[] expected = new double[ScalarDotProductKernel.BATCH];
          double[] actual = new double[ScalarDotProductKernel.BATCH];
          for (int i = 0; i < count; i++) {
            expected[i] = ScalarDotProductKernel.dot(queries, d, x, bases[i], d);
          }
          kernel.scatteredDots(queries, d, x, bases, count, d, 1, actual);
          assertSameBits(expected, actual, count, adversary + ", d=" + d + ", " + count + " rows");
        }
      }
    }
  }

  @Test
  void eachProductIsBitIdenticalWhateverBlockItIsComputedIn() {
    Random random = new Random(8);
    int d = VectorDotProductKernel.DEPTH_BLOCK + 11;
    RowMatrix matrix = randomMatrix(70, d, random);
    double[] queries = randomQueries(13, d, random);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    double[] whole = new double[13 * 70];
    kernel.dots(queries, 0, 13, matrix, 0, 70, whole);
    double[] one = new double[1];
    for (int q = 0; q < 13; q++) {
      for (int r = 0; r < 70; r += 7) {
        kernel.dots(queries, q, 1, matrix, r, 1, one);
        assertEquals(Double.doubleToRawLongBits(whole[q * 70 + r]), Double.doubleToRawLongBits(one[0]),
            "query " + q + ", row " + r);
      }
    }
    double[] part = new double[5 * 23];
    kernel.dots(queries, 6, 5, matrix, 31, 23, part);
    for (int q = 0; q < 5; q++) {
      for (int r = 0; r < 23; r++) {
        assertEquals(Double.doubleToRawLongBits(whole[(6 + q) * 70 + 31 + r]),
            Double.doubleToRawLongBits(part[q * 23 + r]), "query " + (6 + q) + ", row " + (31 + r));
      }
    }
  }

  @Test
  void logitsAreBitIdenticalToTheScalarPassWithTheExactBlockMaximum() {
    Random random = new Random(12);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : new int[] {1, 2, 9, 64, 130}) {
      for (double t : new double[] {0.05, 0.5, 0.9, 0.999}) {
        RowMatrix matrix = randomMatrix(90, d, random);
        int queryCount = 1 + random.nextInt(7);
        int rowCount = 1 + random.nextInt(89); // rarely a multiple of the lane count: exercises the scalar tail
        double[] queries = randomQueries(queryCount, d, random);
        double dotWeight = t / ((1 - t) * (1 - t));
        double normWeight = 0.5 * t * t / ((1 - t) * (1 - t));
        double[] expected = new double[queryCount * rowCount];
        double[] actual = new double[queryCount * rowCount];
        double[] expectedMaxima = new double[queryCount];
        double[] actualMaxima = new double[queryCount];
        ScalarDotProductKernel.INSTANCE.logits(queries, 0, queryCount, matrix, 1, rowCount, dotWeight, normWeight,
            expected, expectedMaxima);
        kernel.logits(queries, 0, queryCount, matrix, 1, rowCount, dotWeight, normWeight, actual, actualMaxima);
        String where = "d=" + d + ", t=" + t + ", " + queryCount + " queries x " + rowCount + " rows";
        assertSameBits(expected, actual, expected.length, where);
        assertSameBits(expectedMaxima, actualMaxima, queryCount, where + ", maxima");
        for (int q = 0; q < queryCount; q++) {
          double max = Double.NEGATIVE_INFINITY;
          for (int r = 0; r < rowCount; r++) {
            max = Math.max(max, expected[q * rowCount + r]);
          }
          assertEquals(max, actualMaxima[q], 0, "block maximum of query " + q);
        }
      }
    }
  }
}
