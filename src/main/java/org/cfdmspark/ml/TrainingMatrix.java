package org.cfdmspark.ml;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.knn.RowMatrix;

/**
 * The encoded training rows, brought to the driver as one {@link RowMatrix}. Executors encode their partitions
 * into flat float blocks (a few large arrays travel, not one object per cell); the size is checked against
 * --broadcast-budget-mb before anything is collected, because the matrix is held by the driver and by every
 * executor.
 */
final class TrainingMatrix {
  private TrainingMatrix() {
  }

  /** Refuses a training matrix of {@code rows} x {@code width} floats over the budget, before it is collected. */
  static void checkBudget(long rows, int width, long budgetBytes) {
    long values = rows * width;
    long bytes = values * Float.BYTES;
    if (bytes > budgetBytes || values > Integer.MAX_VALUE - 8) {
      throw new BadInputException(String.format("the encoded training matrix (%,d rows x %d values = %,.1f MB) "
          + "exceeds %s %d; raise it, or model fewer rows or columns", rows, width, bytes / (1024.0 * 1024.0),
          ModelKnobs.BROADCAST_BUDGET_MB.option(), budgetBytes / (1024 * 1024)));
    }
  }

  /**
   * Encodes the {@code rows} rows of {@code table} (the codec's columns, nulls for missing cells), in the table's
   * order. The caller has checked the budget.
   */
  static RowMatrix collect(Dataset<Row> table, TableCodec codec, long rows) {
    int width = codec.width();
    long values = rows * width;
    List<float[]> blocks = table.javaRDD().mapPartitions(new EncodePartition(codec)).collect();
    float[] all = new float[(int) values];
    int at = 0;
    for (float[] block : blocks) {
      if (at + block.length > all.length) {
        throw new IllegalStateException("the input grew while it was read: expected " + rows + " rows");
      }
      System.arraycopy(block, 0, all, at, block.length);
      at += block.length;
    }
    if (at != all.length) {
      throw new IllegalStateException("the input shrank while it was read: expected " + rows + " rows, got "
          + at / width);
    }
    return RowMatrix.of((int) rows, width, all);
  }

  /** One partition's rows encoded into a single row-major float block. */
  private static final class EncodePartition implements FlatMapFunction<Iterator<Row>, float[]> {
    private static final long serialVersionUID = 1L;
    private final TableCodec codec;

    EncodePartition(TableCodec codec) {
      this.codec = codec;
    }

    @Override
    public Iterator<float[]> call(Iterator<Row> rows) {
      int width = codec.width();
      float[] block = new float[1024 * width];
      int used = 0;
      while (rows.hasNext()) {
        if (used + width > block.length) {
          block = Arrays.copyOf(block, (int) Math.min(Integer.MAX_VALUE - 8, 2L * block.length));
        }
        codec.encode(rows.next(), block, used);
        used += width;
      }
      return List.of(Arrays.copyOf(block, used)).iterator();
    }
  }
}
