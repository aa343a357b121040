package org.cfdmspark.encoding;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;

/**
 * One fitted input column: how it is written into the model's standardised vector space and read back. A column
 * takes {@link #width()} consecutive floats of an encoded row (1 for a number plus one per point mass, one per
 * category for a one-hot column, plus one for a missing-value indicator), so a {@link TableCodec} is just these
 * side by side.
 * Serializable because executors decode with it.
 */
public interface ColumnCodec extends Serializable {

  /** The input column's name, also the output column's. */
  String name();

  /** Encoded floats this column occupies. */
  int width();

  /** The Spark type of the decoded column: the input column's type. */
  DataType outputType();

  /**
   * Whether encoded slot k of this column is part of the report's distance space (standardised numbers, one-hot,
   * missing indicators; metrics.md): all are but a number column's point-mass indicators, which only the model
   * uses.
   */
  default boolean isMetricSlot(int k) {
    return true;
  }

  /** Whether the column has missing cells (then the decoded column can hold nulls). */
  boolean hasMissing();

  /** Encodes {@code value} (a cell of this column, null when missing) into out[offset .. offset + width). */
  void encode(Object value, float[] out, int offset);

  /**
   * Decodes z[offset .. offset + width) to a cell of {@link #outputType()}, in the input's units and range;
   * {@code tieBreak}: the row's bits that settle a tied vote between states (see {@link Vote}).
   */
  Object decode(double[] z, int offset, long tieBreak);

  /**
   * Decodes as {@link #decode(double[], int, long)} for sample {@code sampleId} of a run with {@code seed}: only a
   * column whose cells are made per sample rather than decoded (a {@link KeyColumnCodec}) looks at them.
   */
  default Object decode(double[] z, int offset, long tieBreak, long seed, long sampleId) {
    return decode(z, offset, tieBreak);
  }
}
