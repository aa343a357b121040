package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.CategoricalColumnCodec;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.ColumnNames;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.RandomStream;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.BoundedNeighbourHeap;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.knn.Shuffle;

/**
 * Chooses the columns σ-CFDM redraws after its last step, and their k ({@link ColumnRedraw}; --redraw-columns). For
 * each categorical and number column c, the information the other columns hold about it is estimated on the reference
 * rows, each left out in turn, from the k nearest other reference rows on every measured slot but c's (k from
 * {@link #K_LADDER}, the best): for a categorical column, their counts of each category plus one pseudo-row of the
 * training shares give c's conditional distribution, and the information is the mean log-likelihood of the left-out
 * rows' categories less the training shares', in nats (a k-nearest-neighbour estimate of the mutual information
 * I(c; rest)); for a number column, their mean predicts its slots, and with R² the share of their variance so
 * explained the information is −½ ln(1 − R²), the mutual information of two Gaussian variables that correlate as
 * much. {@code auto} redraws the columns under {@link #MAX_INFORMATION} nats, loosely tied to the rest, whose redraw
 * changes at least {@link #MIN_CHANGED} of their cells; the estimate can miss a dependence that trees find (a label)
 * or one on a single column, which the redraw then blurs (README, "Redrawing the loosely tied columns"). A column is
 * redrawn from its best k, at least {@link #MIN_NEIGHBOURS}, or from any training row (k = every reference row) when
 * all the other rows, the column's own shares, predict the left-out rows at least as well as any k nearest do and no
 * column is kept by name (a draw from any row would ignore the --target).
 */
final class ColumnRedrawFit {
  /** The rows a redraw searches: one pass over them per sample, whatever the table's size. */
  static final int REFERENCE_ROWS = 2048;
  /** auto redraws columns that share less information with the rest than this, in nats. */
  static final double MAX_INFORMATION = 0.15;
  /**
   * auto first estimates each column on this many of the reference rows (every n/512-th), a sixteenth of the work
   * when there are 2,048 of them, and keeps without more a column whose screen shows at least {@link #SCREEN_CLEAR}
   * nats: most of a table's columns are tied to the others far above the line. The screen's k-NN neighbours are
   * farther, so it mostly reads less than the full estimate: on the 60 columns of credit default, Adult, California
   * housing and credit_data it read 0.00-0.20 nats under it, at most 0.06 over (credit_data's Amount 0.528 against
   * 0.467), where skipping a column auto would redraw takes 0.15 over.
   */
  static final int SCREEN_ROWS = 512;
  /** A screen estimate from which a column is kept as tied to the others, in nats: twice auto's line. */
  static final double SCREEN_CLEAR = 2 * MAX_INFORMATION;
  /**
   * auto redraws only columns whose redraw would change at least this share of cells: one that changes fewer moves
   * few samples off their parent rows, and costs its rare values (k-NN draws favour the rows of dense regions, and
   * with a dominant value the rare ones are the ones moved: Adult's race, 21 % of cells, native-country 14 %, cost
   * native-country's shares 0.988 → 0.952 and Pair Trends 1.82 → 2.66 %).
   */
  static final double MIN_CHANGED = 1.0 / 3;
  static final int[] K_LADDER = {1, 2, 3, 5, 10, 20, 50, 100};
  /** The fewest neighbours a column is redrawn from: fewer would copy the nearest rows' values. */
  static final int MIN_NEIGHBOURS = 10;
  /**
   * The fewest rows (of a table or stratum) auto estimates on: over fewer, a column's estimate is mostly noise (a
   * 15-row table had every column under the threshold, and its redraw turned a correlation of 0.38 into −0.14).
   */
  static final int AUTO_ROWS = 200;
  /**
   * The most multiply-adds auto's estimates may take ({@link #estimateWork}): about a second on two cores. Over it (a
   * table of hundreds of columns or of one-hot slots) auto redraws nothing and says why, so that a wide table's fit
   * stays seconds: such a table's columns are seldom loose (a survey's answers share their latent traits).
   */
  static final double AUTO_WORK = 2e10;
  /** The value of --redraw-columns that lets the information choose. */
  static final String AUTO = "auto";
  /** After auto, the prefix of a column auto must keep. */
  static final String EXCLUDE = "-";

  private ColumnRedrawFit() {
  }

  /**
   * A column's estimate (nats ≥ 0: a negative estimate is the estimate's noise about a column the rest says nothing
   * about), its k, the share of cells a redraw from its k nearest rows changes (on the reference rows, each left out
   * in turn), whether it is redrawn, and whether auto kept it because it was given as -COL ({@code excluded}: not
   * estimated, NaN and 0), and whether its {@link #SCREEN_ROWS}-row screen kept it ({@code screened}: information, k
   * and share from the screen).
   */
  record Column(String name, double information, int neighbours, double changed, boolean redrawn,
      boolean excluded, boolean screened) {
  }

  /**
   * The redraw and the estimates: of every categorical and number column under auto but those constant on the
   * reference rows, of the named ones otherwise (in the table's order; empty when nothing was asked, and under auto
   * when the rows are under {@link #AUTO_ROWS} or the estimates would cost over {@link #AUTO_WORK}: then
   * {@code skipped} says why, else it is null).
   */
  record Result(ColumnRedraw redraw, List<Column> columns, String skipped) {
    /** The loose columns a note names before "and N more" (the log has every estimate). */
    private static final int NAMED_IN_NOTE = 6;

    static final Result NONE = new Result(ColumnRedraw.NONE, List.of(), null);

    /** auto's empty result, and why it redraws nothing. */
    static Result skipped(String why) {
      return new Result(ColumnRedraw.NONE, List.of(), why);
    }

    /**
     * "redraws A (0.011 nats, from 100 neighbours, 100 % of cells changed), ...; keeps N columns sharing a to b nats
     * with the others; keeps R (0.056 nats, 21 %), ...: a redraw would change under 33 % of their cells; never "T"
     * (...)": the redrawn columns (one above {@link #MAX_INFORMATION} flagged as tied), the range of those auto kept
     * as tied, those it kept because a redraw would change too few cells, and the columns kept by -COL.
     */
    String describe() {
      List<Column> redrawn = columns.stream().filter(Column::redrawn).toList();
      List<String> excluded = columns.stream().filter(Column::excluded).map(Column::name).toList();
      List<Column> kept = columns.stream().filter(c -> !c.redrawn() && !c.excluded()).toList();
      DoubleSummaryStatistics tied = kept.stream().filter(c -> c.information() >= MAX_INFORMATION)
          .mapToDouble(Column::information).summaryStatistics();
      List<Column> steady = kept.stream().filter(c -> c.information() < MAX_INFORMATION).toList();
      int rows = redraw.referenceRows().length;
      String redraws = redrawn.isEmpty() ? "no column" : redrawn.stream().map(c -> String.format(Locale.ROOT,
          "%s (%.3f nats%s, from %s, %.0f %% of cells changed)", c.name(), c.information(),
          c.information() < MAX_INFORMATION ? "" : String.format(Locale.ROOT,
          ": over auto's line of %.2f, tied to the others", MAX_INFORMATION),
          c.neighbours() == rows ? "any row: its shares" : c.neighbours() + " neighbours",
          100 * c.changed())).collect(Collectors.joining(", "));
      String keeps = tied.getCount() == 0 ? "" : String.format(Locale.ROOT,
          "; keeps %d column%s sharing %.3f to %.3f nats with the others", tied.getCount(),
          tied.getCount() == 1 ? "" : "s", tied.getMin(), tied.getMax());
      String seldom = steady.isEmpty() ? "" : "; keeps " + steady.stream().limit(NAMED_IN_NOTE)
          .map(c -> String.format(Locale.ROOT, "%s (%.3f nats, %.0f %%)", c.name(), c.information(),
              100 * c.changed())).collect(Collectors.joining(", "))
          + (steady.size() > NAMED_IN_NOTE ? " and " + (steady.size() - NAMED_IN_NOTE) + " more" : "")
          + String.format(Locale.ROOT, ": a redraw would change under %.0f %% of %s cells", 100 * MIN_CHANGED,
          steady.size() == 1 ? "its" : "their");
      String never = excluded.isEmpty() ? "" : "; never " + ColumnNames.quotedList(excluded)
          + " (-COL after auto, or --target)";
      return "redraws " + redraws + keeps + seldom + never;
    }
  }

  /**
   * @param requested --redraw-columns: empty for none; [auto] or auto followed by -COL exclusions (generate adds its
   *     --target: a label's k-NN information can look as low as a loosely tied column's, credit default's 0.067 nats
   *     against MARRIAGE's 0.135); or names of categorical and number columns
   * @throws BadInputException when a requested name is not a categorical or number column, or auto and names mix
   */
  static Result fit(TrainingSet training, TableCodec codec, List<String> requested, long seed) {
    if (requested.isEmpty()) {
      return Result.NONE;
    }
    boolean auto = requested.get(0).equalsIgnoreCase(AUTO);
    List<String> excluded = auto ? namedColumns(requested) : List.of();
    String option = ModelKnobs.REDRAW_COLUMNS.option();
    String stray = auto ? null : requested.stream().filter(name -> name.startsWith(EXCLUDE) && !codecHas(codec, name))
        .findFirst().orElse(null);
    if (stray != null && requested.stream().noneMatch(name -> name.equalsIgnoreCase(AUTO))) {
      throw new BadInputException(option + " " + ColumnNames.quotedList(List.of(stray)) + ": a -COL keeps a column "
          + "from auto and comes after it; give auto," + stray + ", or the names of the columns to redraw");
    }
    // Without auto first, a stray -COL has been refused above unless auto comes later: names and auto mixed.
    boolean mixed = auto ? excluded.size() != requested.size() - 1
        : requested.stream().anyMatch(name -> name.equalsIgnoreCase(AUTO));
    if (mixed) {
      throw new BadInputException(option + " takes auto (then -COL for each column auto must keep), or column "
          + "names, not both");
    }
    List<ColumnCodec> candidates = new ArrayList<>();
    List<int[]> blocks = new ArrayList<>();
    int offset = 0;
    for (ColumnCodec column : codec.columns()) {
      if (column instanceof CategoricalColumnCodec || column instanceof NumericColumnCodec) {
        candidates.add(column);
        blocks.add(new int[] {offset, offset + column.width()});
      }
      offset += column.width();
    }
    List<String> names = candidates.stream().map(ColumnCodec::name).toList();
    // auto's -COL names were checked against the input's modelled columns before the fit (ModelFitting): one that
    // is a key or has no value, which auto never redraws, asks nothing (generate's -TARGET of an empty column
    // was refused as "not a modelled column").
    for (String name : auto ? List.<String>of() : requested) {
      check(name, names, codec);
    }
    if (auto && training.size() < AUTO_ROWS) {
      return Result.skipped(String.format(Locale.ROOT, "%,d rows are too few to estimate how the columns tie (at "
          + "least %d)", training.size(), AUTO_ROWS));
    }
    if (candidates.size() < 2 || training.size() < 2) {
      return Result.NONE;
    }
    int[] reference = referenceRows(training.size(), seed);
    int[] slots = codec.metricSlots();
    double work = estimateWork(auto ? candidates.size() - (int) excluded.stream().filter(names::contains).count()
        : requested.size(), reference.length, slots.length);
    if (auto && work > AUTO_WORK) {
      return Result.skipped(String.format(Locale.ROOT, "estimating how %d columns (%d slots) tie on %,d rows would "
          + "take %.1e multiply-adds, over the %.0e auto spends", candidates.size(), slots.length, reference.length,
          work, AUTO_WORK));
    }
    boolean[] measured = new boolean[codec.width()];
    for (int slot : slots) {
      measured[slot] = true;
    }
    int[] columnOfSlot = new int[codec.width()];
    for (int c = 0, at = 0; c < codec.columns().size(); c++) {
      for (int w = 0; w < codec.columns().get(c).width(); w++) {
        columnOfSlot[at++] = c;
      }
    }
    ColumnAssociation association = new ColumnAssociation(training.points(), reference, slots,
        Arrays.stream(slots).map(slot -> columnOfSlot[slot]).toArray());
    int[] screen = screenRows(reference);
    List<Column> columns = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    List<int[]> redrawnBlocks = new ArrayList<>();
    // A column's estimate needs nothing of the others': one column per task, on the driver's cores.
    Estimate[] estimates = new Estimate[candidates.size()];
    boolean[] cleared = new boolean[candidates.size()];
    double[][] slotWeights = new double[candidates.size()][];
    // A draw from any row would ignore the columns kept by name (the --target): with them, k nearest rows only.
    boolean anyRowAllowed = Arrays.stream(slots)
        .noneMatch(slot -> excluded.contains(codec.columns().get(columnOfSlot[slot]).name()));
    IntStream.range(0, candidates.size()).parallel().forEach(c -> {
      boolean asked = auto ? !excluded.contains(names.get(c)) && !constant(training.points(), reference, blocks.get(c))
          : requested.contains(names.get(c));
      if (asked) { // another's estimate would cost a pass over the reference rows and decide nothing
        int[] block = blocks.get(c);
        slotWeights[c] = association.slotWeights(columnOfSlot[block[0]]);
        for (int j = 0; j < slots.length; j++) {
          if (excluded.contains(codec.columns().get(columnOfSlot[slots[j]]).name())) {
            slotWeights[c][j] = 1; // a kept column (the --target) counts whole: its ties to this one are kept
          }
        }
        boolean categorical = candidates.get(c) instanceof CategoricalColumnCodec;
        Estimate screened = auto && screen != null
            ? estimate(categorical, training.points(), screen, slots, slotWeights[c], measured, block, anyRowAllowed)
            : null;
        cleared[c] = screened != null && screened.nats() >= SCREEN_CLEAR;
        estimates[c] = cleared[c] ? screened
            : estimate(categorical, training.points(), reference, slots, slotWeights[c], measured, block,
                anyRowAllowed);
      }
    });
    for (int c = 0; c < candidates.size(); c++) {
      Estimate estimate = estimates[c];
      if (estimate == null) {
        if (auto && excluded.contains(names.get(c))) {
          columns.add(new Column(names.get(c), Double.NaN, 0, Double.NaN, false, true, false));
        }
        continue;
      }
      int k = estimate.neighbours() == reference.length ? reference.length
          : Math.min(Math.max(estimate.neighbours(), MIN_NEIGHBOURS), reference.length - 1);
      double nats = Math.max(0, estimate.nats());
      double changed = estimate.changed()[k - 1];
      boolean redraw = !auto || (nats < MAX_INFORMATION && changed >= MIN_CHANGED);
      columns.add(new Column(names.get(c), nats, k, changed, redraw, false, cleared[c]));
      if (redraw) {
        weights.add(slotWeights[c]);
        redrawnBlocks.add(blocks.get(c));
      }
    }
    if (redrawnBlocks.isEmpty()) {
      return new Result(ColumnRedraw.NONE, List.copyOf(columns), null);
    }
    int[] from = redrawnBlocks.stream().mapToInt(block -> block[0]).toArray();
    int[] to = redrawnBlocks.stream().mapToInt(block -> block[1]).toArray();
    int[] neighbours = columns.stream().filter(Column::redrawn).mapToInt(Column::neighbours).toArray();
    return new Result(new ColumnRedraw(reference, slots, weights.toArray(double[][]::new), from, to, neighbours),
        List.copyOf(columns), null);
  }

  /**
   * The columns a --redraw-columns value names: after auto, those its -COL exclusions keep; else the names given,
   * but for a -COL without auto ({@link #fit} refuses that with its own message). Empty for none.
   */
  static List<String> namedColumns(List<String> requested) {
    if (requested.isEmpty()) {
      return List.of();
    }
    boolean auto = requested.get(0).equalsIgnoreCase(AUTO);
    return requested.stream().skip(auto ? 1 : 0)
        .filter(name -> auto ? name.startsWith(EXCLUDE) : !name.startsWith(EXCLUDE) && !name.equalsIgnoreCase(AUTO))
        .map(name -> auto ? name.substring(EXCLUDE.length()) : name).toList();
  }

  /**
   * The multiply-adds of estimating {@code columns} columns on {@code rows} reference rows of {@code slots} measured
   * slots: each column's weighted distances between the rows, and the slots' correlations for the weights.
   */
  static double estimateWork(int columns, int rows, int slots) {
    return (double) columns * rows * rows * slots + 0.5 * rows * (double) slots * slots;
  }

  /** Refuses a requested name that is not a redrawable column, saying why and what to give. */
  private static void check(String name, List<String> names, TableCodec codec) {
    if (names.contains(name)) {
      return;
    }
    String option = ModelKnobs.REDRAW_COLUMNS.option();
    String why = codecHas(codec, name)
        ? "a key column (new values are written for it), which is never redrawn"
        : "not a modelled column (not in the input, left out by --columns, --exclude or --ignore, or without a value)";
    throw new BadInputException(option + " names " + ColumnNames.quotedList(List.of(name)) + ", " + why
        + "; give auto or some of " + (names.isEmpty() ? "(none: the table has no categorical or number column)"
        : ColumnNames.quotedList(names)));
  }

  private static boolean codecHas(TableCodec codec, String name) {
    return codec.columns().stream().anyMatch(c -> c.name().equals(name));
  }

  /**
   * All rows of a small table, a seeded uniform sample of {@link #REFERENCE_ROWS} of a larger one, in a seeded random
   * order: rows equally far from a query are told apart by their position, and the training rows come sorted by
   * value, so in row order a tie went to the values that sort first (a table of repeated rows redrew 84 % of its
   * samples into the region that sorts first, 14 % of training rows).
   */
  static int[] referenceRows(int rows, long seed) {
    RandomStream random = new RandomStream(RandomStream.key(seed, -1, -1, RandomStream.Purpose.COLUMN_REDRAW));
    return Shuffle.firstOf(rows, Math.min(rows, REFERENCE_ROWS),
        bound -> (int) Math.floor(random.nextDouble() * bound));
  }

  /** Every (n / SCREEN_ROWS)-th reference row, or null when there are under 2 · SCREEN_ROWS. */
  static int[] screenRows(int[] reference) {
    if (reference.length < 2 * SCREEN_ROWS) {
      return null;
    }
    int step = reference.length / SCREEN_ROWS;
    return IntStream.range(0, SCREEN_ROWS).map(i -> reference[i * step]).toArray();
  }

  /** The column's estimate; with {@code anyRow}, all rows are a rung of the ladder too (the column's own shares). */
  private static Estimate estimate(boolean categorical, RowMatrix points, int[] rows, int[] slots, double[] weights,
      boolean[] measured, int[] block, boolean anyRow) {
    double[][] distances = weightedDistances(points, rows, slots, weights);
    return categorical ? categoryInformation(points, rows, distances, block[0], block[1], anyRow)
        : numberInformation(points, rows, distances, measured, block[0], block[1], anyRow);
  }

  /**
   * Squared distances between the reference rows, Σ weight · difference² over the given slots: one dot-product
   * kernel pass over the rows scaled by √weight.
   */
  private static double[][] weightedDistances(RowMatrix points, int[] reference, int[] slots, double[] weights) {
    int n = reference.length;
    int m = slots.length;
    float[] scaled = new float[n * m];
    double[] queries = new double[n * m];
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < m; j++) {
        scaled[r * m + j] = (float) (Math.sqrt(weights[j]) * points.get(reference[r], slots[j]));
        queries[r * m + j] = scaled[r * m + j];
      }
    }
    RowMatrix matrix = RowMatrix.of(n, m, scaled);
    double[] norms = matrix.squaredNorms();
    DotProductKernel kernel = DotProductKernel.best();
    double[][] out = new double[n][n];
    int block = 256;
    double[] dots = new double[block * n];
    for (int first = 0; first < n; first += block) {
      int count = Math.min(block, n - first);
      kernel.dots(queries, first, count, matrix, 0, n, dots);
      for (int b = 0; b < count; b++) {
        for (int r = 0; r < n; r++) {
          out[first + b][r] = first + b == r ? 0 : Math.max(0, norms[first + b] + norms[r] - 2 * dots[b * n + r]);
        }
      }
    }
    return out;
  }

  /**
   * The k whose k-NN conditional predicts a left-out row's value best, the information it gives, in nats, and for
   * each k from 1 the share of the k nearest rows whose block differs from the left-out row's, averaged over the rows
   * ({@code changed[k - 1]}: the share of cells a redraw from k neighbours changes).
   */
  private record Estimate(int neighbours, double nats, double[] changed) {
    /** This estimate, or the draw from all rows if that predicts the left-out rows at least as well. */
    Estimate orAllRows(boolean allBetter, int n, double allNats, double allChanged) {
      if (!allBetter) {
        return this;
      }
      double[] withAll = Arrays.copyOf(changed, n);
      withAll[n - 1] = allChanged;
      return new Estimate(n, allNats, withAll);
    }
  }

  /**
   * Reference row i's nearest other reference rows by {@code distances} (which leave the redrawn column out), nearest
   * first (positions in the reference rows). Ties go to the positions that follow i's, cyclically: equally near rows
   * (repeated rows, a few categorical columns) are shared out among the left-out rows instead of every row taking
   * the same first ones, whose fixed k would stand for the whole tie in every estimate.
   */
  private static int[] nearestOthers(int i, double[][] distances, int count) {
    int n = distances.length;
    BoundedNeighbourHeap heap = new BoundedNeighbourHeap(count);
    for (int j = 0; j < n; j++) {
      if (j != i) {
        heap.offer(distances[i][j], Math.floorMod(j - i, n));
      }
    }
    int[] out = new int[count];
    heap.drainNearestFirst(out, 0);
    for (int p = 0; p < count; p++) {
      out[p] = (out[p] + i) % n;
    }
    return out;
  }

  /**
   * The estimate for the categorical column in slots [from, to), each reference row left out in turn: the mean
   * log-likelihood of its category under the k nearest rows' counts plus one pseudo-row of the shares, less the
   * shares' own.
   */
  private static Estimate categoryInformation(RowMatrix points, int[] reference, double[][] distances, int from,
      int to, boolean anyRow) {
    int n = reference.length;
    int[] codes = new int[n];
    double[] shares = new double[to - from];
    for (int i = 0; i < n; i++) {
      codes[i] = category(points, reference[i], from, to);
      shares[codes[i]] += 1.0 / n;
    }
    int largest = Math.min(K_LADDER[K_LADDER.length - 1], n - 1);
    double[] logLikelihood = new double[K_LADDER.length];
    double[] changed = new double[largest];
    double marginal = 0;
    for (int i = 0; i < n; i++) {
      int[] nearest = nearestOthers(i, distances, largest);
      int same = 0;
      int rung = 0;
      for (int p = 0; p < largest; p++) {
        same += codes[nearest[p]] == codes[i] ? 1 : 0;
        changed[p] += (p + 1.0 - same) / (p + 1) / n;
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
    // All the other rows as the neighbours: the column's own shares, left-out row apart.
    int[] counts = new int[to - from];
    for (int code : codes) {
      counts[code]++;
    }
    double allLogLikelihood = 0;
    double allChanged = 0;
    for (int i = 0; i < n; i++) {
      allLogLikelihood += Math.log((counts[codes[i]] - 1 + shares[codes[i]]) / n);
      allChanged += (1 - (counts[codes[i]] - 1.0) / (n - 1)) / n;
    }
    return new Estimate(K_LADDER[best], (logLikelihood[best] - marginal) / n, changed).orAllRows(
        anyRow && allLogLikelihood >= logLikelihood[best], n, (allLogLikelihood - marginal) / n, allChanged);
  }

  /**
   * The estimate for the number column in slots [from, to), each reference row left out in turn: the k nearest
   * rows' mean predicts its measured slots (the value, and the missing indicator if any), k by the least squared
   * error; with R² = 1 − that error / the slots' variance, the information is −½ ln(1 − R²), that of two Gaussian
   * variables with correlation √R² (0 when the rest predicts nothing, and for a constant column).
   */
  private static Estimate numberInformation(RowMatrix points, int[] reference, double[][] distances,
      boolean[] measured, int from, int to, boolean anyRow) {
    int n = reference.length;
    int largest = Math.min(K_LADDER[K_LADDER.length - 1], n - 1);
    double[] squaredError = new double[K_LADDER.length];
    double total = 0;
    for (int s = from; s < to; s++) {
      if (measured[s]) {
        double mean = 0;
        for (int row : reference) {
          mean += points.get(row, s) / n;
        }
        for (int row : reference) {
          total += (points.get(row, s) - mean) * (points.get(row, s) - mean);
        }
      }
    }
    double[] changed = new double[largest];
    if (!(total > 0)) {
      return new Estimate(K_LADDER[0], 0, changed);
    }
    double[] sums = new double[to - from];
    for (int i = 0; i < n; i++) {
      int[] nearest = nearestOthers(i, distances, largest);
      Arrays.fill(sums, 0);
      int rung = 0;
      int same = 0;
      for (int p = 0; p < largest; p++) {
        boolean differs = false;
        for (int s = from; s < to; s++) {
          float value = points.get(reference[nearest[p]], s);
          sums[s - from] += value;
          differs |= measured[s] && value != points.get(reference[i], s);
        }
        same += differs ? 0 : 1;
        changed[p] += (p + 1.0 - same) / (p + 1) / n;
        while (rung < K_LADDER.length && K_LADDER[rung] == p + 1) {
          for (int s = from; s < to; s++) {
            if (measured[s]) {
              double error = points.get(reference[i], s) - sums[s - from] / (p + 1);
              squaredError[rung] += error * error;
            }
          }
          rung++;
        }
      }
    }
    int best = 0;
    for (int r = 1; r < K_LADDER.length && K_LADDER[r] <= largest; r++) {
      best = squaredError[r] < squaredError[best] ? r : best;
    }
    double explained = Math.max(0, 1 - squaredError[best] / total);
    // All the other rows as the neighbours: their mean, (Σ − x)/(n − 1), has error (x − mean) · n/(n − 1).
    double allError = total * n / (n - 1.0) * n / (n - 1.0);
    return new Estimate(K_LADDER[best], -0.5 * Math.log(Math.max(1 - explained, 1e-12)), changed).orAllRows(
        anyRow && allError <= squaredError[best], n, 0, allChanged(points, reference, measured, from, to));
  }

  /** The share of the other reference rows whose measured slots in [from, to) differ from a row's, on average. */
  private static double allChanged(RowMatrix points, int[] reference, boolean[] measured, int from, int to) {
    Map<List<Float>, Integer> counts = new HashMap<>();
    List<List<Float>> blocks = new ArrayList<>();
    for (int row : reference) {
      List<Float> block = new ArrayList<>();
      for (int s = from; s < to; s++) {
        if (measured[s]) {
          block.add(points.get(row, s));
        }
      }
      blocks.add(block);
      counts.merge(block, 1, Integer::sum);
    }
    int n = reference.length;
    return blocks.stream().mapToDouble(block -> 1 - (counts.get(block) - 1.0) / (n - 1)).sum() / n;
  }

  /**
   * Whether every reference row holds the same values in the block: auto passes over such a column (a stratum's
   * --stratify-by column), whose redraw would change nothing.
   */
  private static boolean constant(RowMatrix points, int[] reference, int[] block) {
    for (int row : reference) {
      for (int s = block[0]; s < block[1]; s++) {
        if (points.get(row, s) != points.get(reference[0], s)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The slot of the block's largest value (its one-hot category). */
  private static int category(RowMatrix points, int row, int from, int to) {
    int best = 0;
    for (int s = from + 1; s < to; s++) {
      best = points.get(row, s) > points.get(row, from + best) ? s - from : best;
    }
    return best;
  }
}
