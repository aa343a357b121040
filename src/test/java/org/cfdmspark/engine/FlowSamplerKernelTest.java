package org.cfdmspark.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.ScalarDotProductKernel;
import org.junit.jupiter.api.Test;

/**
 * "Same seed, same rows on one core or a cluster" must hold when an executor runs the scalar kernel (no Vector
 * API flag, or narrow vectors) and the driver the vector one: the flow sampler, forced to either kernel, gives
 * the same bits on the demo table for each estimator and neighbour search.
 */
class FlowSamplerKernelTest {
  private static final String[] CATEGORICAL = {"species", "island", "sex"};
  private static final String[] NUMERIC = {"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
      "year"};

  /**
   * The bundled demo table (src/main/resources/demo/penguins.csv) in a simple encoding: numbers standardised,
   * categories one-hot ("NA" a category of its own), rows with a missing number dropped.
   */
  static double[][] demoTable() throws IOException {
    List<String[]> cells = new ArrayList<>();
    List<String> header;
    try (InputStream in = FlowSamplerKernelTest.class.getResourceAsStream("/demo/penguins.csv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      header = Arrays.asList(reader.readLine().split(","));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] row = line.split(",", -1);
        if (Arrays.stream(NUMERIC).noneMatch(column -> row[header.indexOf(column)].equals("NA"))) {
          cells.add(row);
        }
      }
    }
    List<double[]> columns = new ArrayList<>();
    for (String name : NUMERIC) {
      int at = header.indexOf(name);
      double[] column = cells.stream().mapToDouble(row -> Double.parseDouble(row[at])).toArray();
      double mean = Arrays.stream(column).average().orElseThrow();
      double sd = Math.sqrt(Arrays.stream(column).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
      columns.add(Arrays.stream(column).map(v -> (v - mean) / sd).toArray());
    }
    for (String name : CATEGORICAL) {
      int at = header.indexOf(name);
      Map<String, double[]> levels = new LinkedHashMap<>();
      for (int i = 0; i < cells.size(); i++) {
        levels.computeIfAbsent(cells.get(i)[at], level -> new double[cells.size()])[i] = 1;
      }
      columns.addAll(levels.values());
    }
    double[][] rows = new double[cells.size()][columns.size()];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < columns.size(); j++) {
        rows[i][j] = columns.get(j)[i];
      }
    }
    return rows;
  }

  private static double[] sample(TrainingSet training, SamplerConfig config, NeighbourSearch search,
      DotProductKernel kernel, int count) {
    double[] out = new double[count * training.dimension()];
    PosteriorMean estimator = PosteriorMeans.create(training, config, search, kernel);
    new FlowSampler(training, config, estimator, FlowSampler.DEFAULT_BLOCK_SIZE).sample(0, count, out);
    return out;
  }

  @Test
  void scalarAndVectorKernelsGiveBitIdenticalSamplesOnTheDemoTable() throws IOException {
    TrainingSet training = TrainingSet.of(demoTable());
    assertEquals(342, training.size());
    assertEquals(5 + 3 + 3 + 3, training.dimension());
    DotProductKernel vector = DotProductKernel.best();
    assertTrue(vector.name().startsWith("vector"), "surefire loads the Vector API module; best() = " + vector);
    SamplerConfig nn = SamplerConfig.defaults(0.1).withSeed(7);
    for (SamplerConfig config : new SamplerConfig[] {
        nn.withEstimator(EstimatorKind.EXACT, 1, 0),
        nn,
        nn.withIndex(IndexKind.IVF, 12, 3)}) {
      NeighbourSearch search = NeighbourSearch.prepare(training, config);
      double[] withVector = sample(training, config, search, vector, 300);
      double[] withScalar = sample(training, config, search, ScalarDotProductKernel.INSTANCE, 300);
      assertArrayEquals(withVector, withScalar, config.estimator() + ", " + search);
    }
  }
}
