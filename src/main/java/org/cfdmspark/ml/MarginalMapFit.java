package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cfdmspark.encoding.MarginalMap;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ParallelSampler;

/**
 * Fits every number column's {@link MarginalMap} (--marginal-map) on a pilot of the model's first draws: the
 * columns' readings under the codec as decoding will use it (the chosen category draw, final noise included)
 * against the training rows' own values of the slot, both over the rows that hold a value other than a point
 * mass. The pilot's {@value #PILOT_SAMPLES} samples are shared among the sampleable strata in proportion to their
 * rows, so the pooled readings follow the table's marginal, as the pooled training rows do. Runs on the driver, on
 * every core; deterministic for given rows and seed.
 */
final class MarginalMapFit {
  /** Samples in the pilot: a standard deviation from n readings is off by about 1/√(2n), 1.6 % for 2,000. */
  static final int PILOT_SAMPLES = 2000;
  /** Columns with fewer readings than this (mostly masses or missing) keep their readings as they are. */
  static final int MIN_READINGS = 200;
  /** Pilot trajectory ids: apart from sample ids (below 2^48) and the other pilots' (5, 6 and 7 · 2^60). */
  static final long PILOT_FIRST_ID = 4L << 60;

  private MarginalMapFit() {
  }

  /**
   * {@code codec} with a map on each number column that has enough readings, fitted on the sampleable strata of
   * σ-CFDM; {@code codec} itself when no stratum samples.
   */
  static TableCodec fit(TableCodec codec, List<FittedModel.Stratum> strata) {
    List<FittedModel.Stratum> sampled = strata.stream().filter(FittedModel.Stratum::sampleable).toList();
    if (sampled.isEmpty()) {
      return codec;
    }
    double rows = sampled.stream().mapToLong(FittedModel.Stratum::rows).sum();
    List<double[]> pilots = new ArrayList<>();
    int[] counts = new int[sampled.size()];
    for (int k = 0; k < sampled.size(); k++) {
      FittedModel.Stratum stratum = sampled.get(k);
      counts[k] = (int) Math.max(1, Math.round(PILOT_SAMPLES * stratum.rows() / rows));
      pilots.add(ParallelSampler.sample(() -> stratum.generator().sampler(stratum.training(), stratum.config(),
          stratum.search(), 0), codec.width(), PILOT_FIRST_ID, counts[k], Runtime.getRuntime().availableProcessors()));
    }
    MarginalMap[] maps = new MarginalMap[codec.columns().size()];
    for (int c = 0; c < maps.length; c++) {
      if (codec.columns().get(c) instanceof NumericColumnCodec) {
        List<double[]> readings = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (int k = 0; k < sampled.size(); k++) {
          FittedModel.Stratum stratum = sampled.get(k);
          readings.add(codec.readings(c, pilots.get(k), counts[k], stratum.config().seed(), PILOT_FIRST_ID));
          targets.add(codec.trainingReadings(c, stratum.training().points().values(), stratum.training().size()));
        }
        double[] pooled = concatenate(readings);
        if (pooled.length >= MIN_READINGS) {
          maps[c] = MarginalMap.fit(pooled, concatenate(targets));
        }
      }
    }
    return codec.mapped(maps);
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
