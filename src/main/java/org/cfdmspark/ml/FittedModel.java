package org.cfdmspark.ml;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.privacy.NearCopyGuard;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * What a {@link CfdmModel} holds and broadcasts once per job: the input schema, the codec that decodes to the
 * input's units, and one independent model per stratum (a single stratum without --stratify-by). Everything an
 * executor needs to turn sample ids into rows.
 *
 * @param inputSchema the schema of the table the model was fitted on; sampled rows have it
 * @param stratifyBy the stratification column, or null
 * @param trainingRows rows the model was fitted on (all strata)
 * @param fitSeconds where the fit spent its time ({@link FitProfile}); empty for a model loaded from disk
 * @param categoryDraw how the codec reads categories and why ({@code auto}'s pilot); without the pilot's figures
 *     for a model loaded from disk
 */
record FittedModel(StructType inputSchema, TableCodec codec, String stratifyBy, long trainingRows,
    List<Stratum> strata, Map<String, Double> fitSeconds, CategoryDrawChoice categoryDraw) implements Serializable {

  /**
   * One independent model: samples of a stratum are barycentres of that stratum's rows only. Its neighbour
   * search (IVF cells, probes) is built once on the driver and broadcast with the rows. A stratum of fewer than
   * {@link ModelFitting#MIN_ROWS} rows has no training set: asking it for samples is an error.
   *
   * @param label the stratum's value as text ("all" without stratification)
   * @param training the stratum's encoded rows; null when too few to model
   * @param guard the --guard near-copy check against this stratum's rows; null without --guard
   * @param sigmaCalibration how σ auto was chosen (for the manifest); null for a σ given as a number
   * @param generator draws the stratum's samples from its rows
   */
  record Stratum(String label, long rows, TrainingSet training, SamplerConfig config, NeighbourSearch search,
      NearCopyGuard guard, SigmaCalibration.Result sigmaCalibration, Generator generator) implements Serializable {

    boolean sampleable() {
      return training != null;
    }
  }

  /** The seed the samples are drawn with: every stratum's (the fitted one, or the one given for sampling). */
  long seed() {
    return strata.stream().filter(Stratum::sampleable).findFirst().map(s -> s.config().seed())
        .orElse(SamplerConfig.DEFAULT_SEED);
  }

  /** The position of the stratum labelled {@code label}, or −1. */
  int stratumIndex(String label) {
    for (int k = 0; k < strata.size(); k++) {
      if (strata.get(k).label().equals(label)) {
        return k;
      }
    }
    return -1;
  }

  List<String> labels() {
    return strata.stream().map(Stratum::label).toList();
  }
}
