package org.cfdmspark.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/** Test data and an independent double-precision reference for the posterior mean. */
final class Fixtures {
  private Fixtures() {
  }

  /** A file of the test data sets (src/test/resources/data from the project root). */
  static Path testData(String file) {
    String folder = System.getProperty("cfdm.test.data", "src/test/resources/data");
    return Path.of(folder, file);
  }

  /**
   * The named columns of a shared CSV as doubles, rows with a missing or non-numeric value dropped, each column
   * standardised to mean 0 and standard deviation 1.
   */
  static double[][] standardisedColumns(String file, String... columns) throws IOException {
    Path path = testData(file);
    List<double[]> rows = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(reader.readLine().split(","));
      int[] positions = Arrays.stream(columns).mapToInt(header::indexOf).toArray();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        double[] row = new double[columns.length];
        boolean complete = true;
        for (int c = 0; c < columns.length && complete; c++) {
          try {
            row[c] = Double.parseDouble(cells[positions[c]]);
          } catch (NumberFormatException e) {
            complete = false;
          }
        }
        if (complete) {
          rows.add(row);
        }
      }
    }
    double[][] data = rows.toArray(new double[0][]);
    for (int c = 0; c < columns.length; c++) {
      double mean = 0;
      for (double[] row : data) {
        mean += row[c] / data.length;
      }
      double variance = 0;
      for (double[] row : data) {
        variance += (row[c] - mean) * (row[c] - mean) / data.length;
      }
      double sd = Math.sqrt(variance);
      for (double[] row : data) {
        row[c] = (row[c] - mean) / sd;
      }
    }
    return data;
  }

  /** n points of N(0, diag(scales²)). */
  static double[][] gaussian(int n, double[] scales, long seed) {
    Random random = new Random(seed);
    double[][] out = new double[n][scales.length];
    for (double[] row : out) {
      for (int j = 0; j < scales.length; j++) {
        row[j] = scales[j] * random.nextGaussian();
      }
    }
    return out;
  }

  static double[] constant(int d, double value) {
    double[] out = new double[d];
    Arrays.fill(out, value);
    return out;
  }

  /** Rows of the training set as doubles (exactly the stored floats). */
  static double[][] rowsOf(TrainingSet training) {
    double[][] rows = new double[training.size()][training.dimension()];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < rows[i].length; j++) {
        rows[i][j] = training.points().get(i, j);
      }
    }
    return rows;
  }

  /**
   * x̂(q, t) computed the plain way: logits −‖q − t·x_i‖² / (2(1−t)²) from the distances themselves (not the
   * dot-product expansion the estimators use), max-subtracted, in double.
   */
  static double[] referencePosteriorMean(double[][] x, double[] q, double t) {
    double[] weights = referenceWeights(x, q, t);
    double[] mean = new double[q.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < q.length; j++) {
        mean[j] += weights[i] * x[i][j];
      }
    }
    return mean;
  }

  /** The weights w_i(q, t) of {@link #referencePosteriorMean}, normalised to sum 1. */
  static double[] referenceWeights(double[][] x, double[] q, double t) {
    double[] logits = new double[x.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      double distance = 0;
      for (int j = 0; j < q.length; j++) {
        double diff = q[j] - t * x[i][j];
        distance += diff * diff;
      }
      logits[i] = -distance / (2 * (1 - t) * (1 - t));
      max = Math.max(max, logits[i]);
    }
    double sum = 0;
    double[] weights = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      weights[i] = Math.exp(logits[i] - max);
      sum += weights[i];
    }
    for (int i = 0; i < x.length; i++) {
      weights[i] /= sum;
    }
    return weights;
  }

  /** A point of the noised mixture at t: t·x_i + (1−t)·ξ for a random training row. */
  static double[] noisedPoint(double[][] x, double t, Random random) {
    double[] row = x[random.nextInt(x.length)];
    double[] q = new double[row.length];
    for (int j = 0; j < q.length; j++) {
      q[j] = t * row[j] + (1 - t) * random.nextGaussian();
    }
    return q;
  }

  static double norm(double[] v) {
    double sum = 0;
    for (double value : v) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  static double distance(double[] a, int aOffset, double[] b, int bOffset, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double diff = a[aOffset + j] - b[bOffset + j];
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }

  /** sqrt(mean ‖x_i‖²). */
  static double rmsNorm(double[][] x) {
    double sum = 0;
    for (double[] row : x) {
      double n = norm(row);
      sum += n * n;
    }
    return Math.sqrt(sum / x.length);
  }

  /** One query's estimate from a posterior-mean estimator. */
  static double[] estimate(PosteriorMean estimator, double[] q, double t, long key) {
    double[] out = new double[q.length];
    estimator.estimate(q, 1, t, new long[] {key}, out);
    return out;
  }

  /** The exact configuration with the given σ, M, S, T. */
  static SamplerConfig config(double sigma, int draws, int steps, double startTime) {
    return config(sigma, draws, steps, startTime, SamplerConfig.DEFAULT_NOISE_POLICY);
  }

  /** As above with the given noise policy. */
  static SamplerConfig config(double sigma, int draws, int steps, double startTime, NoisePolicy noisePolicy) {
    return new SamplerConfig(sigma, draws, steps, startTime, noisePolicy, EstimatorKind.EXACT,
        SamplerConfig.DEFAULT_NEIGHBORS, SamplerConfig.DEFAULT_RANDOM_POINTS, SamplerConfig.DEFAULT_INDEX, 0, 0,
        SamplerConfig.DEFAULT_SEED);
  }
}
