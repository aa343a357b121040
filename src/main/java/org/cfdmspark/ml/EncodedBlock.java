package org.cfdmspark.ml;

import java.io.Serializable;

/**
 * A block of encoded training rows as one Parquet record of a saved model: rows {@code first} … {@code first +
 * rows − 1} of a stratum, row-major in {@code values} (rows · d floats). A Java bean, so Spark's encoder reads
 * the floats into a float[] without boxing them.
 */
public final class EncodedBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  private int first;
  private int rows;
  private float[] values;

  public EncodedBlock() {
  }

  EncodedBlock(int first, int rows, float[] values) {
    this.first = first;
    this.rows = rows;
    this.values = values;
  }

  public int getFirst() {
    return first;
  }

  public void setFirst(int first) {
    this.first = first;
  }

  public int getRows() {
    return rows;
  }

  public void setRows(int rows) {
    this.rows = rows;
  }

  public float[] getValues() {
    return values;
  }

  public void setValues(float[] values) {
    this.values = values;
  }
}
