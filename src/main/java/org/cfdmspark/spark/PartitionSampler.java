package org.cfdmspark.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.cfdmspark.core.FlowSampler;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.data.TableCodec;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;

/**
 * Turns a partition of sample ids into output rows: one {@link FlowSampler} per stratum and one set of buffers per
 * partition, trajectories sampled a block at a time as the writer pulls rows (a block never spans two strata). The sample id is the trajectory index, so a
 * row's values depend only on its id, never on the partitioning or on task retries.
 */
final class PartitionSampler implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<SamplingModel> model;
  private final LongAccumulator sampled;
  private final GuardTally guardTally;

  /** {@code guardTally} counts what the guard did with near-copies. */
  PartitionSampler(Broadcast<SamplingModel> model, LongAccumulator sampled, GuardTally guardTally) {
    this.model = model;
    this.sampled = sampled;
    this.guardTally = guardTally;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> ids) {
    return new Rows(model.value(), ids, sampled, guardTally);
  }

  /** Lazily sampled rows: a block of ids is pulled and sampled when the previous block's rows are used up. */
  private static final class Rows implements Iterator<Row> {
    private final Iterator<Long> ids;
    private final LongAccumulator sampled;
    private final GuardTally guardTally;
    private final SamplingModel model;
    /** samplers[stratum][k]: σ · {@link SigmaSteps#multiple}(k); k > 0 only for --guard's attempts. */
    private final FlowSampler[][] samplers;
    private final NeighbourIndex[] guardIndexes;
    private final TableCodec codec;
    private final boolean withSampleId;
    private final int d;
    private final long[] block = new long[FlowSampler.DEFAULT_BLOCK_SIZE];
    private final double[] z;
    private int size;
    private int next;
    private long pending = -1;

    Rows(SamplingModel model, Iterator<Long> ids, LongAccumulator sampled, GuardTally guardTally) {
      this.ids = ids;
      this.sampled = sampled;
      this.guardTally = guardTally;
      this.model = model;
      this.samplers = new FlowSampler[model.strata().size()][NearCopyGuard.ATTEMPTS + 1];
      this.guardIndexes = new NeighbourIndex[model.strata().size()];
      this.codec = model.codec();
      this.withSampleId = model.withSampleId();
      this.d = codec.width();
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

    /** Fills the block with the next ids of one stratum (an id of the next stratum waits in {@code pending}). */
    private void sampleNextBlock() {
      size = 0;
      next = 0;
      if (pending < 0 && ids.hasNext()) {
        pending = ids.next();
      }
      if (pending < 0) {
        return;
      }
      int stratum = model.stratumOf(pending);
      while (pending >= 0 && size < block.length && model.stratumOf(pending) == stratum) {
        block[size++] = pending;
        pending = ids.hasNext() ? ids.next() : -1;
      }
      sampler(stratum, 0).sampleBlock(block, size, z, 0);
      NearCopyGuard guard = model.strata().get(stratum).guard();
      if (guard != null) {
        guardTally.add(guard.apply(attempt -> sampler(stratum, attempt), guardIndex(stratum), codec, block, size,
            z));
      }
      sampled.add(size);
    }

    /** Built on first use: a partition touches one or two strata, rarely all, and the guard's σ rarely. */
    private FlowSampler sampler(int stratum, int attempt) {
      if (samplers[stratum][attempt] == null) {
        SamplingModel.Stratum s = model.strata().get(stratum);
        SamplerConfig config = s.config().withSigma(s.config().sigma() * SigmaSteps.multiple(attempt));
        samplers[stratum][attempt] = FlowSampler.create(s.training(), config, s.search());
      }
      return samplers[stratum][attempt];
    }

    /** The --guard's searcher over the stratum's rows (its own scratch: a sampler's index is busy mid-block). */
    private NeighbourIndex guardIndex(int stratum) {
      if (guardIndexes[stratum] == null) {
        SamplingModel.Stratum s = model.strata().get(stratum);
        guardIndexes[stratum] = s.search().newIndex(s.training(), DotProductKernel.best());
      }
      return guardIndexes[stratum];
    }
  }
}
