package org.cfdmspark.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.core.NeighbourSearch;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.data.TableCodec;

/**
 * Everything an executor needs to turn sample ids into output rows, broadcast once per job: one model per
 * stratum (its training rows and resolved engine settings; a single stratum without --stratify-by) and the codec
 * that decodes to the input's units. Stratum k owns the sample ids [firstId, firstId + count).
 */
record SamplingModel(List<Stratum> strata, TableCodec codec, boolean withSampleId) implements Serializable {

  static final String SAMPLE_ID = "sample_id";

  /**
   * One independent model: samples of a stratum are barycentres of that stratum's rows only. Its neighbour
   * search (IVF cells, probes) is built once on the driver and broadcast with the rows.
   *
   * @param guard the --guard near-copy check against this stratum's rows; null without --guard
   * @param sigmaCalibration how σ auto was chosen (for the manifest); null for a σ given as a number
   */
  record Stratum(String label, TrainingSet training, SamplerConfig config, NeighbourSearch search, long firstId,
      long count, NearCopyGuard guard, SigmaCalibration.Result sigmaCalibration) implements Serializable {
  }

  /** The stratum that owns sample {@code id}. */
  int stratumOf(long id) {
    for (int k = strata.size() - 1; k > 0; k--) {
      if (id >= strata.get(k).firstId()) {
        return k;
      }
    }
    return 0;
  }

  /** The output schema of the modelled columns: the codec's, after a {@value #SAMPLE_ID} column if asked for. */
  StructType schema() {
    StructType columns = codec.schema();
    if (!withSampleId) {
      return columns;
    }
    StructField[] fields = new StructField[columns.size() + 1];
    fields[0] = DataTypes.createStructField(SAMPLE_ID, DataTypes.LongType, false);
    System.arraycopy(columns.fields(), 0, fields, 1, columns.size());
    return DataTypes.createStructType(fields);
  }
}
