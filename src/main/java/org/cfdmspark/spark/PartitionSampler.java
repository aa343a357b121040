package org.cfdmspark.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.data.TableCodec;

/**
 * Turns a partition of sample ids into output rows: one {@link FlowSampler} and one set of buffers per partition,
 * trajectories sampled a block at a time as the writer pulls rows. The sample id is the trajectory index, so a
 * row's values depend only on its id, never on the partitioning or on task retries.
 */
final class PartitionSampler implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SamplingModel> model;
  private final LongAccumulator sampled;

  PartitionSampler(Broadcast<SamplingModel> model, LongAccumulator sampled) {
    this.model = model;
    this.sampled = sampled;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> ids) {
    return new Rows(model.value(), ids, sampled);
  }

  /** Lazily sampled rows: a block of ids is pulled and sampled when the previous block's rows are used up. */
  private static final class Rows implements Iterator<Row> {
    private final Iterator<Long> ids;
    private final LongAccumulator sampled;
    private final FlowSampler sampler;
    private final TableCodec codec;
    private final boolean withSampleId;
    private final int d;
    private final long[] block = new long[FlowSampler.DEFAULT_BLOCK_SIZE];
    private final double[] z;
    private int size;
    private int next;

    Rows(SamplingModel model, Iterator<Long> ids, LongAccumulator sampled) {
      this.ids = ids;
      this.sampled = sampled;
      this.sampler = FlowSampler.create(model.training(), model.config());
      this.codec = model.codec();
      this.withSampleId = model.withSampleId();
      this.d = sampler.dimension();
      this.z = new double[block.length * d];
    }

    @Override
    public boolean hasNext() {
      if (next == size) {
        sampleNextBlock();
      }
      return next < size;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int columns = codec.columns().size();
      int first = withSampleId ? 1 : 0;
      Object[] cells = new Object[first + columns];
      if (withSampleId) {
        cells[0] = block[next];
      }
      codec.decode(z, next * d, cells, first);
      next++;
      return RowFactory.create(cells);
    }

    private void sampleNextBlock() {
      size = 0;
      next = 0;
      while (size < block.length && ids.hasNext()) {
        block[size++] = ids.next();
      }
      if (size > 0) {
        sampler.sampleBlock(block, size, z, 0);
        sampled.add(size);
      }
    }
  }
}
