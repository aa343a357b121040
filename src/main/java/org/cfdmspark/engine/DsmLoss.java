package org.cfdmspark.engine;

import org.cfdmspark.knn.RowMatrix;

/**
 * The denoising score-matching loss in the posterior-mean parametrisation (method.md §9):
 * L = mean over rows x, grid times t and draws ε of ‖x̂(t·x + (1−t)·ε, t) − x‖², the squared error summed over
 * the d coordinates. On rows the model was not fitted on, with fresh noise, it is the test loss of George,
 * Veiga, Macris (arXiv 2502.00336, §3) up to their score scaling (1−t)²/t² per time.
 */
public final class DsmLoss {
  private DsmLoss() {
  }

  /**
   * L of {@code posteriorMean} over {@code rows}, the grid times n = from … S−1 and {@code draws} noise draws
   * per row and time, the noise from {@code seed} (use a seed other than the fit's for a test loss).
   */
  public static double of(PosteriorMean posteriorMean, RowMatrix rows, TimeGrid grid, int from, int draws,
      long seed) {
    int n = rows.rows();
    int d = rows.dimension();
    DsmNoise noise = new DsmNoise(seed);
    double[] x = new double[d];
    double[] z = new double[d];
    double[] estimate = new double[d];
    long[] keys = new long[1];
    float[] values = rows.values();
    double sum = 0;
    long terms = 0;
    for (int step = from; step < grid.steps(); step++) {
      double t = grid.time(step);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          x[j] = values[i * d + j];
        }
        for (int draw = 0; draw < draws; draw++) {
          noise.noisyCopy(i, step, draw, t, x, 0, d, z, 0);
          posteriorMean.estimate(z, 1, t, keys, estimate);
          for (int j = 0; j < d; j++) {
            sum += (estimate[j] - x[j]) * (estimate[j] - x[j]);
          }
          terms++;
        }
      }
    }
    return sum / terms;
  }
}
