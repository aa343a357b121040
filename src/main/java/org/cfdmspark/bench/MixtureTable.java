package org.cfdmspark.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cfdmspark.knn.RowMatrix;

/**
 * Writes the benchmark's Gaussian mixture as a CSV table (columns x0 .. x{d-1}), so the engine figures of
 * {@link Bench} can be checked end to end through {@code ./submit.sh generate}: the same rows for the same
 * arguments. Usage: {@code MixtureTable ROWS DIMS OUTPUT.csv [COMPONENTS SPREAD SEED]}, defaults as the bench's.
 */
public final class MixtureTable {
  private MixtureTable() {
  }

  public static void main(String[] args) {
    if (args.length != 3 && args.length != 6) {
      System.err.println("usage: MixtureTable ROWS DIMS OUTPUT.csv [COMPONENTS SPREAD SEED]");
      System.exit(2);
    }
    BenchOptions defaults = BenchOptions.defaults();
    int rows = Integer.parseInt(args[0]);
    int dims = Integer.parseInt(args[1]);
    RowMatrix data = args.length == 6
        ? GaussianMixture.sample(rows, dims, Integer.parseInt(args[3]), Double.parseDouble(args[4]),
            Long.parseLong(args[5]))
        : GaussianMixture.sample(rows, dims, defaults);
    write(data, Path.of(args[2]));
  }

  static void write(RowMatrix data, Path output) {
    try (BufferedWriter out = Files.newBufferedWriter(output)) {
      for (int j = 0; j < data.dimension(); j++) {
        out.write(j == 0 ? "x0" : ",x" + j);
      }
      out.newLine();
      for (int i = 0; i < data.rows(); i++) {
        for (int j = 0; j < data.dimension(); j++) {
          if (j > 0) {
            out.write(',');
          }
          out.write(Float.toString(data.get(i, j)));
        }
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output, e);
    }
  }
}
