package org.cfdmspark.encoding;

import org.apache.spark.sql.Row;

/** Encoded rows mixed as a posterior mean mixes them: what the decoding tests of relations between columns decode. */
final class Barycentres {
  private Barycentres() {
  }

  /** w · encode(a) + (1 − w) · encode(b), in {@code codec}'s space. */
  static double[] of(TableCodec codec, Row a, Row b, double w) {
    float[] x = new float[codec.width()];
    float[] y = new float[codec.width()];
    codec.encode(a, x, 0);
    codec.encode(b, y, 0);
    double[] z = new double[x.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = w * x[j] + (1 - w) * y[j];
    }
    return z;
  }
}
