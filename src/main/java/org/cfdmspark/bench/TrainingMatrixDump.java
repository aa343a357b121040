package org.cfdmspark.bench;

import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.ml.CfdmModel;

/**
 * Writes the encoded, standardised training matrix that a {@code generate} run samples from (first stratum) as
 * a NumPy {@code .npy} file of float32, shape (N, d): the input of the independent NumPy reference of the exact
 * sampler, {@code src/bench/exact_reference.py}, so both sample from the same vectors. Reads and fits as the job
 * does (same knobs, same holdout). Usage: {@code TrainingMatrixDump OUT.npy [generate options]}.
 */
public final class TrainingMatrixDump {
  private TrainingMatrixDump() {
  }

  public static void main(String[] args) throws IOException {
    CfdmModel.StratumEngine stratum = BenchFit.of(args, 1, "cfdm-spark training matrix dump").stratum();
    RowMatrix x = stratum.training().points();
    try (OutputStream out = new FileOutputStream(args[0])) {
      writeNpy(x, out);
    }
    System.out.println("rows=" + x.rows() + " dimension=" + x.dimension() + " sigma=" + stratum.config().sigma());
  }

  /** NPY format 1.0: magic, header length, a Python dict literal padded to 64 bytes, then the data. */
  private static void writeNpy(RowMatrix x, OutputStream stream) throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + x.rows() + ", " + x.dimension() + "), }";
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    DataOutputStream out = new DataOutputStream(stream);
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) header.length()).array());
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    float[] values = x.values();
    ByteBuffer data = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(values);
    out.write(data.array());
    out.flush();
  }
}
