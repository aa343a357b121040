package org.cfdmspark.spark;

import java.io.Serializable;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.data.TableCodec;

/**
 * Everything an executor needs to turn sample ids into output rows, broadcast once per job: the training set
 * (the model), the resolved engine settings and the codec that decodes to the input's units.
 */
record SamplingModel(TrainingSet training, SamplerConfig config, TableCodec codec, boolean withSampleId)
    implements Serializable {

  static final String SAMPLE_ID = "sample_id";

  /** The output schema: the codec's columns, after a {@value #SAMPLE_ID} column if asked for. */
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
