package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaSparkContext;
import org.cfdmspark.engine.TimeGrid;
import org.cfdmspark.engine.DsmNoise;
import org.cfdmspark.engine.RandomFeatureMap;
import org.cfdmspark.engine.RandomFeatureModel;
import org.cfdmspark.engine.RandomFeatureSpec;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

class RandomFeatureFitTest {
  private static final int N = 37;
  private static final int D = 3;
  private static final long SEED = 11;
  private static final RandomFeatureSpec SPEC = new RandomFeatureSpec(14, 2, 1e-3);
  private static final TimeGrid GRID = TimeGrid.of(4, 0.5); // fitted at t = 0.5 and 0.75

  @Test
  void distributedFitEqualsADenseSolveWhateverThePartitioning() {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.local(2).sparkContext());
    List<double[]> rows = rows();
    double[][] probes = probes();
    for (int partitions : new int[] {1, 3, 8}) {
      RandomFeatureModel model = RandomFeatureFit.fit(spark.parallelize(rows, partitions), D, SPEC, GRID, SEED);
      for (int step = 2; step < 4; step++) {
        double[][] reference = denseReadout(rows, model.map(), step);
        double[] scratch = new double[SPEC.features()];
        double[] fitted = new double[D];
        double worst = 0;
        double scale = 0;
        for (double[] probe : probes) {
          model.estimate(step, probe, 0, scratch, fitted, 0);
          double[] expected = apply(reference, features(model.map(), probe));
          for (int j = 0; j < D; j++) {
            worst = Math.max(worst, Math.abs(fitted[j] - expected[j]));
            scale = Math.max(scale, Math.abs(expected[j]));
          }
        }
        assertTrue(worst <= 1e-9 * scale, "P = " + partitions + ", step " + step + ": off by " + worst
            + " on values up to " + scale);
      }
    }
  }

  private static List<double[]> rows() {
    Random random = new Random(3);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      double[] row = new double[D];
      for (int j = 0; j < D; j++) {
        row[j] = random.nextGaussian() + (j == 0 ? 2 : 0);
      }
      rows.add(row);
    }
    return rows;
  }

  private static double[][] probes() {
    Random random = new Random(5);
    double[][] probes = new double[6][D];
    for (double[] probe : probes) {
      for (int j = 0; j < D; j++) {
        probe[j] = random.nextGaussian();
      }
    }
    return probes;
  }

  /** φ(z) = tanh(W·[z; 1]/√(d+1))/√p, written out from the definition. */
  private static double[] features(RandomFeatureMap map, double[] z) {
    int p = map.features();
    double[] phi = new double[p];
    for (int k = 0; k < p; k++) {
      double sum = map.weight(k, D);
      for (int j = 0; j < D; j++) {
        sum += map.weight(k, j) * z[j];
      }
      phi[k] = Math.tanh(sum / Math.sqrt(D + 1)) / Math.sqrt(p);
    }
    return phi;
  }

  /**
   * B (p × d) = (ΦᵀΦ + n·m·λ·I)⁻¹ΦᵀY from the explicit n·m × p matrix Φ, by Gaussian elimination with partial
   * pivoting in double precision.
   */
  private static double[][] denseReadout(List<double[]> rows, RandomFeatureMap map, int step) {
    int p = map.features();
    double t = GRID.time(step);
    DsmNoise noise = new DsmNoise(SEED);
    List<double[]> phi = new ArrayList<>();
    List<double[]> targets = new ArrayList<>();
    double[] z = new double[D];
    for (int i = 0; i < rows.size(); i++) {
      for (int draw = 0; draw < SPEC.noiseDraws(); draw++) {
        noise.noisyCopy(i, step, draw, t, rows.get(i), 0, D, z, 0);
        phi.add(features(map, z));
        targets.add(rows.get(i));
      }
    }
    double[][] system = new double[p][p + D];
    for (int s = 0; s < phi.size(); s++) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          system[a][b] += phi.get(s)[a] * phi.get(s)[b];
        }
        for (int j = 0; j < D; j++) {
          system[a][p + j] += phi.get(s)[a] * targets.get(s)[j];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      system[a][a] += phi.size() * SPEC.ridge();
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(system[r][col]) > Math.abs(system[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = system[col];
      system[col] = system[pivot];
      system[pivot] = swap;
      for (int r = 0; r < p; r++) {
        if (r != col) {
          double factor = system[r][col] / system[col][col];
          for (int c = col; c < p + D; c++) {
            system[r][c] -= factor * system[col][c];
          }
        }
      }
    }
    double[][] readout = new double[p][D];
    for (int a = 0; a < p; a++) {
      for (int j = 0; j < D; j++) {
        readout[a][j] = system[a][p + j] / system[a][a];
      }
    }
    return readout;
  }

  private static double[] apply(double[][] readout, double[] phi) {
    double[] out = new double[D];
    for (int a = 0; a < phi.length; a++) {
      for (int j = 0; j < D; j++) {
        out[j] += readout[a][j] * phi[a];
      }
    }
    return out;
  }
}
