package org.cfdmspark.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;

/**
 * Trains a {@link ScoreNetwork} by denoising score matching with Adam, in this JVM on one thread (deterministic
 * for a seed), with early stopping on a held-out DSM loss (Han, Razaviyayn, Xu, arXiv 2401.15604, §4):
 * <ul>
 *   <li>a seeded share of the training rows is held out; each held-out row gets one fixed noisy point at one
 *       grid time, so the held-out loss is a deterministic function of θ;</li>
 *   <li>Adam's step size follows a cosine from α down to nearly 0 over the epochs ({@link #learningRate});
 *   <li>each epoch visits the fit rows in a seeded order, in batches; every visit draws a fresh grid time
 *       t_n (n = max(n0, 1) … S−1, the times the sampler evaluates) and fresh noise, so with unlimited epochs the
 *       network is pulled toward the empirical (memorising) posterior mean of the fit rows, the closed form;</li>
 *   <li>the loss is the network's training objective, the DSM loss weighted by 1/c(t)² ({@link ScoreNetwork});
 *   <li>after every epoch: the mean training batch loss, the held-out loss and the mean distance
 *       ‖x̂_θ − x̂_closed‖ on the held-out noisy points, with x̂_closed the exact closed form over the fit rows
 *       (method.md §2): how far the network is from memorising.</li>
 * </ul>
 * Cost per epoch: about 6·(#parameters) flops per fit row; the closed form is computed once (held-out rows ×
 * fit rows × d).
 */
public final class ScoreNetworkTraining {
  private ScoreNetworkTraining() {
  }

  /** One epoch's record (serializable: it travels with the fitted model into its summary). */
  public record Epoch(int epoch, double trainLoss, double heldOutLoss, double closedFormDistance)
      implements java.io.Serializable {
  }

  /**
   * The trained network (the best by held-out loss with early stopping, else the last), the per-epoch record,
   * the best epoch and the fit rows (the training rows less the held-out ones).
   */
  public record Result(ScoreNetwork network, List<Epoch> epochs, int bestEpoch, boolean stoppedEarly,
      TrainingSet fitRows, int heldOutRows) {
  }

  /**
   * @throws IllegalArgumentException if the rows are fewer than {@link ScoreNetworkSpec#minimumRows()}
   */
  public static Result train(TrainingSet training, ScoreNetworkSpec spec, TimeGrid grid, long seed) {
    int n = training.size();
    int d = training.dimension();
    if (n < spec.minimumRows()) {
      throw new IllegalArgumentException(n + " rows are too few for a validation fraction of "
          + spec.validationFraction() + ": need at least " + spec.minimumRows());
    }
    int[] order = Permutations.uniform(n, new RandomStream(RandomStream.key(seed, -1, -1,
        RandomStream.Purpose.VALIDATION_SPLIT)));
    int[] heldOut = Arrays.copyOf(order, spec.validationRows(n));
    int[] fit = Arrays.copyOfRange(order, heldOut.length, n);
    Arrays.sort(heldOut);
    Arrays.sort(fit);
    RowMatrix points = training.points();
    TrainingSet fitRows = new TrainingSet(points.select(fit));
    int firstStep = Math.max(grid.firstStep(), 1);
    int times = grid.steps() - firstStep;
    DsmNoise noise = new DsmNoise(seed);
    RandomStream random = new RandomStream();

    // Held-out noisy points, their clean rows and the closed form there.
    int v = heldOut.length;
    double[] heldOutZ = new double[v * d];
    double[] heldOutX = new double[v * d];
    double[] heldOutT = new double[v];
    double[] closedForm = new double[v * d];
    double[] x = new double[d];
    double[] query = new double[d];
    double[] estimate = new double[d];
    long[] queryKey = new long[1];
    ExactPosteriorMean exact = new ExactPosteriorMean(fitRows, DotProductKernel.best());
    for (int h = 0; h < v; h++) {
      int row = heldOut[h];
      copyRow(points, row, x);
      System.arraycopy(x, 0, heldOutX, h * d, d);
      random.reset(RandomStream.key(seed, row, -1, RandomStream.Purpose.TRAINING_ORDER));
      int step = firstStep + random.nextInt(times);
      heldOutT[h] = grid.time(step);
      noise.noisyCopy(row, step, -1, heldOutT[h], x, 0, d, heldOutZ, h * d);
      System.arraycopy(heldOutZ, h * d, query, 0, d);
      exact.estimate(query, 1, heldOutT[h], queryKey, estimate);
      System.arraycopy(estimate, 0, closedForm, h * d, d);
    }

    ScoreNetwork network = new ScoreNetwork(d, spec.width(), spec.depth(), seed);
    ScoreNetwork.Scratch scratch = network.newScratch();
    Adam adam = new Adam(network.parameters().length, spec.learningRate());
    double[] gradient = new double[network.parameters().length];
    int batch = spec.batchSize();
    double[] batchZ = new double[batch * d];
    double[] batchX = new double[batch * d];
    double[] batchT = new double[batch];
    List<Epoch> epochs = new ArrayList<>();
    ScoreNetwork best = network.copy();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    boolean stoppedEarly = false;
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      int[] visit = Permutations.uniform(fit.length, new RandomStream(RandomStream.key(seed, epoch, -1,
          RandomStream.Purpose.TRAINING_ORDER)));
      adam.learningRate(learningRate(spec, epoch));
      double lossSum = 0;
      for (int start = 0; start < fit.length; start += batch) {
        int count = Math.min(batch, fit.length - start);
        for (int b = 0; b < count; b++) {
          int row = fit[visit[start + b]];
          copyRow(points, row, x);
          System.arraycopy(x, 0, batchX, b * d, d);
          random.reset(RandomStream.key(seed, row, epoch, RandomStream.Purpose.TRAINING_ORDER));
          int step = firstStep + random.nextInt(times);
          batchT[b] = grid.time(step);
          noise.noisyCopy(row, step, epoch, batchT[b], x, 0, d, batchZ, b * d);
        }
        Arrays.fill(gradient, 0);
        lossSum += count * network.lossAndGradient(batchZ, batchT, batchX, count, gradient, scratch);
        adam.step(network.parameters(), gradient);
      }
      double[] heldOutFigures = heldOutFigures(network, heldOutZ, heldOutT, heldOutX, closedForm, v, scratch);
      epochs.add(new Epoch(epoch, lossSum / fit.length, heldOutFigures[0], heldOutFigures[1]));
      if (heldOutFigures[0] < bestLoss) {
        bestLoss = heldOutFigures[0];
        bestEpoch = epoch;
        if (spec.patience() > 0) {
          best = network.copy();
        }
      } else if (spec.patience() > 0 && epoch - bestEpoch >= spec.patience()) {
        stoppedEarly = true;
        break;
      }
    }
    return new Result(spec.patience() > 0 ? best : network, List.copyOf(epochs), bestEpoch, stoppedEarly, fitRows,
        v);
  }

  /**
   * The step size of an epoch: α·(1 + cos(π·(e − 1)/E))/2 over the E epochs (Loshchilov, Hutter, "SGDR", ICLR
   * 2017, without restarts): large steps first, small ones to settle the fine structure of late times.
   */
  static double learningRate(ScoreNetworkSpec spec, int epoch) {
    return spec.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (epoch - 1) / spec.epochs()));
  }

  /** {held-out weighted DSM loss, mean ‖x̂_θ − x̂_closed‖} over the held-out noisy points. */
  private static double[] heldOutFigures(ScoreNetwork network, double[] z, double[] t, double[] x,
      double[] closedForm, int count, ScoreNetwork.Scratch scratch) {
    int d = network.dimension();
    double[] estimate = new double[d];
    double loss = 0;
    double distance = 0;
    for (int h = 0; h < count; h++) {
      network.estimate(z, h * d, t[h], estimate, 0, scratch);
      double weight = 1 / (ScoreNetwork.outputScale(t[h]) * ScoreNetwork.outputScale(t[h]));
      double squared = 0;
      for (int j = 0; j < d; j++) {
        loss += weight * (estimate[j] - x[h * d + j]) * (estimate[j] - x[h * d + j]);
        squared += (estimate[j] - closedForm[h * d + j]) * (estimate[j] - closedForm[h * d + j]);
      }
      distance += Math.sqrt(squared);
    }
    return new double[] {loss / count, distance / count};
  }


  private static void copyRow(RowMatrix points, int row, double[] out) {
    float[] values = points.values();
    int d = points.dimension();
    for (int j = 0; j < d; j++) {
      out[j] = values[row * d + j];
    }
  }
}
