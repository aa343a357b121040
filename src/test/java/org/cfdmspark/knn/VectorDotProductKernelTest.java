package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorDotProductKernelTest {

  private static RowMatrix randomMatrix(int n, int d, Random random) {
    float[] values = new float[n * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * 3);
    }
    return RowMatrix.of(n, d, values);
  }

  private static double[] randomQueries(int count, int d, Random random) {
    double[] q = new double[count * d];
    for (int i = 0; i < q.length; i++) {
      q[i] = random.nextGaussian() * 10;
    }
    return q;
  }

  @Test
  void theBestKernelIsTheVectorOneWhenTheModuleIsLoaded() {
    // Surefire's argLine adds jdk.incubator.vector, so this run must exercise the vector path.
    assertTrue(DotProductKernel.best() instanceof VectorDotProductKernel, "best() = " + DotProductKernel.best());
  }

  @Test
  void agreesWithTheScalarReferenceOnRandomShapesWithTails() {
    Random random = new Random(3);
    int lanes = VectorDotProductKernel.LANES;
    int depth = VectorDotProductKernel.DEPTH_BLOCK;
    int[] dimensions = {1, 3, lanes - 1, lanes + 1, 17, depth, depth + 5, 2 * depth + 3, 300};
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : dimensions) {
      RowMatrix matrix = randomMatrix(120, d, random);
      for (int trial = 0; trial < 4; trial++) {
        int queryCount = 1 + random.nextInt(11);
        int queryOffset = random.nextInt(3);
        int firstRow = random.nextInt(40);
        int rowCount = 1 + random.nextInt(matrix.rows() - firstRow);
        double[] queries = randomQueries(queryOffset + queryCount, d, random);
        double[] expected = new double[queryCount * rowCount];
        double[] actual = new double[queryCount * rowCount];
        ScalarDotProductKernel.INSTANCE.dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, expected);
        kernel.dots(queries, queryOffset, queryCount, matrix, firstRow, rowCount, actual);
        for (int q = 0; q < queryCount; q++) {
          for (int r = 0; r < rowCount; r++) {
            double magnitude = 0;
            for (int j = 0; j < d; j++) {
              magnitude += Math.abs(queries[(queryOffset + q) * d + j] * matrix.get(firstRow + r, j));
            }
            int at = q * rowCount + r;
            assertEquals(expected[at], actual[at], 1e-14 * d * magnitude,
                "d=" + d + ", " + queryCount + " queries x " + rowCount + " rows, at (" + q + ", " + r + ")");
          }
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
  void logitsAgreeWithTheScalarPassAndReportTheExactBlockMaximum() {
    Random random = new Random(12);
    VectorDotProductKernel kernel = new VectorDotProductKernel();
    for (int d : new int[] {2, 9, 64}) {
      RowMatrix matrix = randomMatrix(90, d, random);
      int queryCount = 6;
      int rowCount = 1 + random.nextInt(89); // rarely a multiple of the lane count: exercises the scalar tail
      double[] queries = randomQueries(queryCount, d, random);
      double dotWeight = 9 / 0.01; // t = 0.9
      double normWeight = 0.5 * 0.81 / 0.01;
      double[] expected = new double[queryCount * rowCount];
      double[] actual = new double[queryCount * rowCount];
      double[] expectedMaxima = new double[queryCount];
      double[] actualMaxima = new double[queryCount];
      ScalarDotProductKernel.INSTANCE.logits(queries, 0, queryCount, matrix, 1, rowCount, dotWeight, normWeight,
          expected, expectedMaxima);
      kernel.logits(queries, 0, queryCount, matrix, 1, rowCount, dotWeight, normWeight, actual, actualMaxima);
      for (int q = 0; q < queryCount; q++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < rowCount; r++) {
          int at = q * rowCount + r;
          assertEquals(expected[at], actual[at], 1e-12 * (Math.abs(expected[at]) + dotWeight * d * 30),
              "d=" + d + " at (" + q + ", " + r + ")");
          max = Math.max(max, actual[at]);
        }
        assertEquals(max, actualMaxima[q], 0, "block maximum of query " + q);
      }
    }
  }
}
