package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.CategoricalColumnCodec;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.CategoryRedraw;
import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.Shuffle;

/**
 * Chooses the categorical columns σ-CFDM redraws after its last step, and their k ({@link CategoryRedraw};
 * --redraw-categories). For each categorical column c, the information the other columns hold about it is estimated
 * on the reference rows, each left out in turn: the k nearest other reference rows on every slot but c's give c's
 * conditional distribution (their counts of each category plus one pseudo-row of the training shares), k from
 * {@link #K_LADDER} by the best mean log-likelihood of the left-out rows' categories; the information is that
 * log-likelihood less the training shares', in nats (a k-nearest-neighbour estimate of the mutual information
 * I(c; rest)). {@code auto} redraws the columns under {@link #MAX_INFORMATION} nats, loosely tied to the rest; the
 * estimate can miss a dependence that trees find (a label) or one on a single column, which the redraw then blurs
 * (README, "Redrawing the loosely tied categories"). A column is redrawn from its best k, at least
 * {@link #MIN_NEIGHBOURS}.
 */
final class CategoryRedrawFit {
  /** The rows a redraw searches: one pass over them per sample, whatever the table's size. */
  static final int REFERENCE_ROWS = 2048;
  /** auto redraws columns that share less information with the rest than this, in nats. */
  static final double MAX_INFORMATION = 0.15;
  static final int[] K_LADDER = {1, 2, 3, 5, 10, 20, 50, 100};
  /** The fewest neighbours a column is redrawn from: fewer would copy the nearest rows' categories. */
  static final int MIN_NEIGHBOURS = 10;
  /** The value of --redraw-categories that lets the information choose. */
  static final String AUTO = "auto";

  private CategoryRedrawFit() {
  }

  /** A categorical column's estimate, and whether it is redrawn. */
  record Column(String name, double information, int neighbours, boolean redrawn) {
  }

  /** The redraw and every categorical column's estimate (empty when nothing was asked). */
  record Result(CategoryRedraw redraw, List<Column> columns) {
    static final Result NONE = new Result(CategoryRedraw.NONE, List.of());
  }

  /**
   * @param requested --redraw-categories: empty for none, [auto], or categorical column names
   * @throws BadInputException when a requested name is not a categorical column
   */
  static Result fit(TrainingSet training, TableCodec codec, List<String> requested, long seed) {
    if (requested.isEmpty()) {
      return Result.NONE;
    }
    boolean auto = requested.size() == 1 && requested.get(0).equalsIgnoreCase(AUTO);
    List<String> categorical = new ArrayList<>();
    List<int[]> blocks = new ArrayList<>();
    int offset = 0;
    for (ColumnCodec column : codec.columns()) {
      if (column instanceof CategoricalColumnCodec) {
        categorical.add(column.name());
        blocks.add(new int[] {offset, offset + column.width()});
      }
      offset += column.width();
    }
    if (!auto) {
      for (String name : requested) {
        if (!categorical.contains(name)) {
          throw new BadInputException(ModelKnobs.REDRAW_CATEGORIES.option() + " names "
              + ColumnNames.quotedList(List.of(name)) + ", which is not a categorical column; give auto or some of " + (categorical.isEmpty() ? "(none: the table has no "
              + "categorical column)" : ColumnNames.quotedList(categorical)));
        }
      }
    }
    if (categorical.isEmpty() || training.size() < 2) {
      return Result.NONE;
    }
    int[] reference = referenceRows(training.size(), seed);
    int[] distanceSlots = codec.metricSlots();
    double[][] distances = squaredDistances(training.points(), reference, distanceSlots);
    List<Column> columns = new ArrayList<>();
    List<Integer> redrawn = new ArrayList<>();
    for (int c = 0; c < categorical.size(); c++) {
      int[] block = blocks.get(c);
      Estimate estimate = information(training.points(), reference, distances, block[0], block[1]);
      int k = Math.min(Math.max(estimate.neighbours(), MIN_NEIGHBOURS), reference.length - 1);
      boolean redraw = auto ? estimate.nats() < MAX_INFORMATION : requested.contains(categorical.get(c));
      columns.add(new Column(categorical.get(c), estimate.nats(), k, redraw));
      if (redraw) {
        redrawn.add(c);
      }
    }
    if (redrawn.isEmpty()) {
      return new Result(CategoryRedraw.NONE, List.copyOf(columns));
    }
    int[] from = redrawn.stream().mapToInt(c -> blocks.get(c)[0]).toArray();
    int[] to = redrawn.stream().mapToInt(c -> blocks.get(c)[1]).toArray();
    int[] neighbours = redrawn.stream().mapToInt(c -> columns.get(c).neighbours()).toArray();
    return new Result(new CategoryRedraw(reference, distanceSlots, from, to, neighbours), List.copyOf(columns));
  }

  /** All rows of a small table; a seeded uniform sample of {@link #REFERENCE_ROWS} of a larger one, in row order. */
  static int[] referenceRows(int rows, long seed) {
    if (rows <= REFERENCE_ROWS) {
      int[] all = new int[rows];
      Arrays.setAll(all, i -> i);
      return all;
    }
    RandomStream random = new RandomStream(RandomStream.key(seed, -1, -1, RandomStream.Purpose.CATEGORY_REDRAW));
    int[] chosen = Shuffle.firstOf(rows, REFERENCE_ROWS, bound -> (int) Math.floor(random.nextDouble() * bound));
    Arrays.sort(chosen);
    return chosen;
  }

  /** Squared distances between the reference rows on the given slots. */
  private static double[][] squaredDistances(RowMatrix points, int[] reference, int[] slots) {
    double[][] out = new double[reference.length][reference.length];
    for (int i = 0; i < reference.length; i++) {
      for (int j = i + 1; j < reference.length; j++) {
        double sum = 0;
        for (int s : slots) {
          double diff = points.get(reference[i], s) - points.get(reference[j], s);
          sum += diff * diff;
        }
        out[i][j] = sum;
        out[j][i] = sum;
      }
    }
    return out;
  }

  /** The k whose k-NN conditional predicts a left-out row's category best, and the information it gives, in nats. */
  private record Estimate(int neighbours, double nats) {
  }

  /** The estimate for the column in slots [from, to), each reference row left out in turn. */
  private static Estimate information(RowMatrix points, int[] reference, double[][] distances, int from, int to) {
    int n = reference.length;
    int[] codes = new int[n];
    double[] shares = new double[to - from];
    for (int i = 0; i < n; i++) {
      codes[i] = category(points, reference[i], from, to);
      shares[codes[i]] += 1.0 / n;
    }
    int largest = Math.min(K_LADDER[K_LADDER.length - 1], n - 1);
    double[] logLikelihood = new double[K_LADDER.length];
    double marginal = 0;
    double[] keys = new double[n - 1];
    int[] others = new int[n - 1];
    int[] order = new int[n - 1];
    for (int i = 0; i < n; i++) {
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          keys[m] = distances[i][j] - blockDistance(points, reference[i], reference[j], from, to);
          others[m++] = j;
        }
      }
      Arrays.setAll(order, p -> p);
      CategoryRedraw.select(keys, order, largest - 1);
      Integer[] nearest = new Integer[largest];
      for (int p = 0; p < largest; p++) {
        nearest[p] = order[p];
      }
      Arrays.sort(nearest, (a, b) -> keys[a] != keys[b] ? Double.compare(keys[a], keys[b]) : Integer.compare(a, b));
      int same = 0;
      int rung = 0;
      for (int p = 0; p < largest && rung < K_LADDER.length; p++) {
        same += codes[others[nearest[p]]] == codes[i] ? 1 : 0;
        while (rung < K_LADDER.length && K_LADDER[rung] == p + 1) {
          logLikelihood[rung++] += Math.log((same + shares[codes[i]]) / (p + 2));
        }
      }
      marginal += Math.log(shares[codes[i]]);
    }
    int best = 0;
    for (int r = 1; r < K_LADDER.length && K_LADDER[r] <= largest; r++) {
      best = logLikelihood[r] > logLikelihood[best] ? r : best;
    }
    return new Estimate(K_LADDER[best], (logLikelihood[best] - marginal) / n);
  }

  /** The slot of the block's largest value (its one-hot category). */
  private static int category(RowMatrix points, int row, int from, int to) {
    int best = 0;
    for (int s = from + 1; s < to; s++) {
      best = points.get(row, s) > points.get(row, from + best) ? s - from : best;
    }
    return best;
  }

  private static double blockDistance(RowMatrix points, int a, int b, int from, int to) {
    double sum = 0;
    for (int s = from; s < to; s++) {
      double diff = points.get(a, s) - points.get(b, s);
      sum += diff * diff;
    }
    return sum;
  }
}
