package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.MarginalMap;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.engine.StartPoints;

/**
 * Fits every number column's {@link MarginalMap} (--marginal-map) on a pilot of the model's first draws: each
 * sample's reading under the codec as decoding will use it (the chosen category draw, final noise included) paired
 * with the value of the training row its trajectory started from ({@link StartPoints}), over the pairs where both
 * hold a value other than a point mass; the center is the mean of the training rows' values. The same pilot gives the
 * column's missing scale: each sample's weight of missing rows against whether its start row is missing
 * ({@link MarginalMap#missingScale}), and each voting column's vote weights: a categorical column's, and a number
 * column's among its value states ({@link org.cfdmspark.encoding.VoteCalibration}). The pilot's
 * {@value #PILOT_SAMPLES} samples (fewer where their searches are costly: {@link #pilotSamples}) are shared among the
 * strata of at least {@value #MIN_ROWS} rows in proportion to their rows, and the map serves every stratum; without
 * such a stratum there is none. Runs on the driver, on every core; deterministic for given rows and seed.
 */
final class MarginalMapFit {
  /** Samples in the pilot, unless a step of them would cost over {@link #PILOT_WORK}. */
  static final int PILOT_SAMPLES = 2000;
  /**
   * The most multiply-adds one step of the pilot's searches may take (samples × rows a query reads × encoded
   * width): on a 1,500 × 305 survey of 0–4 answers (1,510 one-hot slots, an exact search of all rows) the 2,000-sample
   * pilot took 2.5 s of a 3.5 s fit even when compiled; capped, it runs about 660 samples there. Credit default
   * (IVF, 122 slots) spends 2.6·10⁸, California housing (an exact search of 16,512 rows) 6.6·10⁸.
   */
  static final double PILOT_WORK = 1.5e9;
  /** {@link #PILOT_WORK} for people: "1,500,000,000". */
  static String pilotWork() {
    return String.format(Locale.ROOT, "%,d", (long) PILOT_WORK);
  }

  /** The fewest samples a capped pilot runs: well above {@link #MIN_PAIRS}. */
  static final int MIN_PILOT_SAMPLES = 500;
  /** Columns with fewer pairs than this (mostly masses or missing) keep their readings as they are. */
  static final int MIN_PAIRS = 200;
  /**
   * Columns with fewer missing start rows than this keep their missing state's chance: the mean weight of the samples
   * that started from one would be noise.
   */
  static final int MIN_MISSING = 20;
  /**
   * Strata of fewer rows take no part in the pilot: over a few dozen rows a barycentre's spread is set by which few
   * rows it mixes, and the stretch overshot (a new user's 30- and 60-row tables: stretches 1.07–1.34, the output's
   * spread 1.09–1.15 of training's with --leave-one-out; a 5-row table 1.73, 12 % of a column clipped to its min or
   * max).
   */
  static final int MIN_ROWS = 1000;
  /** Pilot trajectory ids: apart from sample ids (below 2^48) and the other pilots' (5, 6 and 7 · 2^60). */
  static final long PILOT_FIRST_ID = 4L << 60;

  private MarginalMapFit() {
  }

  /**
   * {@code codec} with a map on each number column that has enough pairs and vote weights where they help, fitted
   * on σ-CFDM's strata of at least {@value #MIN_ROWS} rows with a pilot of {@code samples} ({@link #pilotSamples});
   * {@code codec} itself when there is none.
   */
  static TableCodec fit(TableCodec codec, List<FittedModel.Stratum> strata, int samples) {
    List<FittedModel.Stratum> sampled = sampled(strata);
    if (sampled.isEmpty()) {
      return codec;
    }
    double rows = sampled.stream().mapToLong(FittedModel.Stratum::rows).sum();
    List<double[]> pilots = new ArrayList<>();
    List<int[]> startRows = new ArrayList<>();
    for (FittedModel.Stratum stratum : sampled) {
      int count = (int) Math.max(1, Math.round(samples * stratum.rows() / rows));
      pilots.add(ParallelSampler.sample(() -> stratum.generator().sampler(stratum.training(), stratum.config(),
          stratum.search(), 0), codec.width(), PILOT_FIRST_ID, count, Runtime.getRuntime().availableProcessors()));
      startRows.add(startRows(stratum, count));
    }
    List<double[][]> readings = new ArrayList<>();
    for (int k = 0; k < sampled.size(); k++) {
      readings.add(codec.readings(pilots.get(k), startRows.get(k).length, sampled.get(k).config().seed(),
          PILOT_FIRST_ID));
    }
    MarginalMap[] maps = new MarginalMap[codec.columns().size()];
    for (int c = 0; c < maps.length; c++) {
      if (codec.columns().get(c) instanceof NumericColumnCodec) {
        maps[c] = fit(codec, c, sampled, pilots, readings, startRows);
      }
    }
    TableCodec mapped = codec.mapped(maps);
    // The same pilot's barycentres calibrate the vote of each column that votes (VoteCalibration).
    double[][] voteWeights = new double[maps.length][];
    double[] pilot = concatenate(pilots);
    for (int c = 0; c < maps.length; c++) {
      int states = mapped.voteStates(c);
      if (states > 1) {
        voteWeights[c] = mapped.voteWeights(c, pilot, pilot.length / codec.width(),
            trainingShares(mapped, c, states, sampled));
      }
    }
    return mapped.weighted(voteWeights);
  }

  /**
   * Which number columns of a fitted codec are mapped, for the log: "2 of 3 number columns mapped (age, hours);
   * not capital-gain: …". A column goes unmapped when under {@value #MIN_PAIRS} of the pilot's samples and their
   * start rows both hold a value off its point masses (a column mostly at 0, such as Adult's capital-gain) and it
   * has too few missing start rows for a missing scale.
   */
  static String describe(TableCodec codec) {
    List<String> mapped = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    for (ColumnCodec column : codec.columns()) {
      if (column instanceof NumericColumnCodec number) {
        (number.marginalMap() != null ? mapped : unmapped).add(column.name());
      }
    }
    return mapped.size() + " of " + (mapped.size() + unmapped.size()) + " number columns mapped"
        + (mapped.isEmpty() ? "" : " (" + String.join(", ", mapped) + ")")
        + (unmapped.isEmpty() ? "" : "; not " + String.join(", ", unmapped) + ": under " + MIN_PAIRS + " of the "
        + "pilot's samples and their start rows hold a value off the column's point masses");
  }

  /**
   * The pilot's samples: {@value #PILOT_SAMPLES}, or fewer (at least {@value #MIN_PILOT_SAMPLES}) where a step of
   * their searches would cost over {@value #PILOT_WORK} multiply-adds (the rows a query of the pilot's strata reads,
   * weighted by their rows, times the encoded width); 0 when no stratum takes part.
   */
  static int pilotSamples(List<FittedModel.Stratum> strata, int width) {
    List<FittedModel.Stratum> sampled = sampled(strata);
    if (sampled.isEmpty()) {
      return 0;
    }
    double rows = sampled.stream().mapToLong(FittedModel.Stratum::rows).sum();
    return pilotSamples(width * sampled.stream().mapToDouble(stratum -> stratum.rows() / rows
        * stratum.search().rowsPerQuery(stratum.training().size())).sum());
  }

  /** The pilot's samples when one sample's step costs {@code workPerSample} multiply-adds. */
  static int pilotSamples(double workPerSample) {
    return (int) Math.max(MIN_PILOT_SAMPLES, Math.min(PILOT_SAMPLES, Math.floor(PILOT_WORK / workPerSample)));
  }

  /** The strata that take part in the pilot: the sampleable ones of at least {@value #MIN_ROWS} rows. */
  private static List<FittedModel.Stratum> sampled(List<FittedModel.Stratum> strata) {
    return strata.stream().filter(s -> s.sampleable() && s.training().size() >= MIN_ROWS).toList();
  }

  /** Column c's share of the sampled strata's training rows in each of its {@code states} vote states. */
  private static double[] trainingShares(TableCodec codec, int c, int states, List<FittedModel.Stratum> sampled) {
    double[] counts = new double[states];
    for (FittedModel.Stratum stratum : sampled) {
      codec.addVoteCounts(c, stratum.training().points().values(), stratum.training().size(), counts);
    }
    double total = Arrays.stream(counts).sum();
    for (int k = 0; k < states; k++) {
      counts[k] /= total;
    }
    return counts;
  }

  /**
   * Column c's map from the strata's pilots: the stretch with at least {@value #MIN_PAIRS} pairs (else 1), the
   * missing scale with at least {@value #MIN_MISSING} missing start rows (else 1); null when it has neither.
   */
  private static MarginalMap fit(TableCodec codec, int c, List<FittedModel.Stratum> sampled, List<double[]> pilots,
      List<double[][]> pilotReadings, List<int[]> startRows) {
    List<double[]> readings = new ArrayList<>();
    List<double[]> starts = new ArrayList<>();
    List<double[]> weights = new ArrayList<>();
    List<double[]> startsMissing = new ArrayList<>();
    List<double[]> trainingValues = new ArrayList<>();
    double sum = 0;
    long values = 0;
    long missingRows = 0;
    long trainingRows = 0;
    for (int k = 0; k < sampled.size(); k++) {
      FittedModel.Stratum stratum = sampled.get(k);
      int[] rows = startRows.get(k);
      float[] points = stratum.training().points().values();
      readings.add(pilotReadings.get(k)[c]);
      weights.add(codec.missingWeights(c, pilots.get(k), rows.length));
      double[] training = codec.trainingReadings(c, points, stratum.training().size());
      trainingValues.add(training);
      double[] missing = codec.trainingMissing(c, points, stratum.training().size());
      double[] start = new double[rows.length];
      double[] startMissing = new double[rows.length];
      for (int s = 0; s < rows.length; s++) {
        start[s] = training[rows[s]];
        startMissing[s] = missing[rows[s]];
      }
      starts.add(start);
      startsMissing.add(startMissing);
      for (int row = 0; row < training.length; row++) {
        if (!Double.isNaN(training[row])) {
          sum += training[row];
          values++;
        }
        missingRows += (long) missing[row];
      }
      trainingRows += training.length;
    }
    double[] r = concatenate(readings);
    double[] x = concatenate(starts);
    double[] w = concatenate(weights);
    if (((NumericColumnCodec) codec.columns().get(c)).levels() != null) {
      leaveOutHeavyLevels(x, concatenate(trainingValues));
    }
    long pairs = IntStream.range(0, r.length).filter(s -> !Double.isNaN(r[s] + x[s])).count();
    MarginalMap stretch = pairs < MIN_PAIRS || values == 0 ? null : MarginalMap.fit(r, x, sum / values);
    double missingScale = Double.isNaN(w[0]) ? Double.NaN : MarginalMap.missingScale(w,
        concatenate(startsMissing), (double) missingRows / trainingRows, MIN_MISSING);
    if (Double.isNaN(missingScale)) {
      return stretch;
    }
    return (stretch != null ? stretch : new MarginalMap(values == 0 ? 0 : sum / values, 1))
        .withMissingScale(missingScale);
  }

  /**
   * Sets to NaN the start values at a level that holds a point mass's share of the training values: such a level is
   * left out of the stretch as a mass state is. The final noise spreads its tied readings, which decoding snaps back
   * to the level, so its pairs shrank the stretch, and the stretch then pulled the column's rare levels into it (a
   * refund column, 0.00 in 99 % of 3,000 rows and 31 other amounts: stretch 0.80, and 0.3 % of the samples held
   * another amount than 0.00 instead of 1.0 %).
   */
  private static void leaveOutHeavyLevels(double[] starts, double[] training) {
    double[] heavy = NumericColumnCodec.heavyValues(training);
    for (int s = 0; s < starts.length; s++) {
      if (Arrays.binarySearch(heavy, starts[s]) >= 0) {
        starts[s] = Double.NaN;
      }
    }
  }

  /** The training rows the pilot's trajectories start from (ids from {@link #PILOT_FIRST_ID}). */
  private static int[] startRows(FittedModel.Stratum stratum, int count) {
    StartPoints starts = new StartPoints(stratum.training(), stratum.config().timeGrid().startTime(),
        stratum.config().seed());
    double[] scratch = new double[stratum.training().dimension()];
    int[] rows = new int[count];
    for (int s = 0; s < count; s++) {
      rows[s] = starts.draw(PILOT_FIRST_ID + s, scratch, 0);
    }
    return rows;
  }

  private static double[] concatenate(List<double[]> parts) {
    double[] all = new double[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
