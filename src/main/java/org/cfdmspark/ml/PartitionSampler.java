package org.cfdmspark.ml;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.knn.DotProductKernel;
import org.cfdmspark.knn.NeighbourIndex;
import org.cfdmspark.privacy.NearCopyGuard;

/**
 * Turns a partition of sample-id rows into sampled rows: one {@link BlockSampler} per stratum and one set of buffers
 * per partition, trajectories sampled a block at a time as the consumer pulls rows (a block never spans two
 * strata). The sample id is the trajectory index, so a row's values depend only on its id and stratum, never on
 * the partitioning or on task retries. An output row is the id row's cells followed by the input schema's cells:
 * the modelled columns decoded, the ignored ones null.
 */
final class PartitionSampler implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<FittedModel> model;
  private final int idField;
  private final int stratumField;
  private final SamplingMonitor monitor;

  /** @param stratumField the position of the stratum label in an id row; −1 for a model of one stratum */
  PartitionSampler(Broadcast<FittedModel> model, int idField, int stratumField, SamplingMonitor monitor) {
    this.model = model;
    this.idField = idField;
    this.stratumField = stratumField;
    this.monitor = monitor;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> ids) {
    return new Rows(model.value(), ids);
  }

  /** Lazily sampled rows: a block of ids is pulled and sampled when the previous block's rows are used up. */
  private final class Rows implements Iterator<Row> {
    private final Iterator<Row> ids;
    private final FittedModel model;
    /** samplers[stratum][k]: the generator's attempt k; k > 0 only for --guard's redraws. */
    private final BlockSampler[][] samplers;
    private final NeighbourIndex[] guardIndexes;
    private final Map<String, Integer> stratumOfLabel = new HashMap<>();
    private final TableCodec codec;
    /** The run's seed, which (with the sample id) makes the key columns' cells. */
    private final long seed;
    /** outputSlot[c]: where codec column c goes among the input schema's cells. */
    private final int[] outputSlot;
    private final int outputWidth;
    private final int d;
    private final Row[] blockRows = new Row[FlowSampler.DEFAULT_BLOCK_SIZE];
    private final long[] block = new long[FlowSampler.DEFAULT_BLOCK_SIZE];
    private final double[] z;
    private final Object[] decoded;
    private int size;
    private int next;
    private Row pending;
    /** Decoding time not yet added to the monitor (added once per block, not per row). */
    private long decodeNanos;

    Rows(FittedModel model, Iterator<Row> ids) {
      this.ids = ids;
      this.model = model;
      this.samplers = new BlockSampler[model.strata().size()][NearCopyGuard.ATTEMPTS + 1];
      this.guardIndexes = new NeighbourIndex[model.strata().size()];
      for (int k = 0; k < model.strata().size(); k++) {
        stratumOfLabel.put(model.strata().get(k).label(), k);
      }
      this.codec = model.codec();
      this.seed = model.seed();
      StructField[] fields = model.inputSchema().fields();
      this.outputWidth = fields.length;
      this.outputSlot = new int[codec.columns().size()];
      for (int c = 0; c < outputSlot.length; c++) {
        outputSlot[c] = model.inputSchema().fieldIndex(codec.columns().get(c).name());
      }
      this.d = codec.width();
      this.z = new double[block.length * d];
      this.decoded = new Object[codec.columns().size()];
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
      Row ids = blockRows[next];
      Object[] cells = new Object[ids.size() + outputWidth];
      for (int i = 0; i < ids.size(); i++) {
        cells[i] = ids.get(i);
      }
      long start = System.nanoTime();
      codec.decode(z, next * d, decoded, 0, seed, block[next]);
      decodeNanos += System.nanoTime() - start;
      for (int c = 0; c < decoded.length; c++) {
        cells[ids.size() + outputSlot[c]] = decoded[c];
      }
      next++;
      return RowFactory.create(cells);
    }

    /** Fills the block with the next ids of one stratum (an id of the next stratum waits in {@code pending}). */
    private void sampleNextBlock() {
      monitor.addDecode(decodeNanos);
      decodeNanos = 0;
      size = 0;
      next = 0;
      if (pending == null && ids.hasNext()) {
        pending = ids.next();
      }
      if (pending == null) {
        return;
      }
      int stratum = stratumOf(pending);
      while (pending != null && size < block.length && stratumOf(pending) == stratum) {
        blockRows[size] = pending;
        block[size++] = pending.getLong(idField);
        pending = ids.hasNext() ? ids.next() : null;
      }
      BlockSampler first = sampler(stratum, 0);
      long searchBefore = first.searchNanos();
      long meanBefore = first.posteriorMeanNanos();
      long start = System.nanoTime();
      first.sampleBlock(block, size, z, 0);
      long sampled = System.nanoTime();
      monitor.addFlow(sampled - start, first.searchNanos() - searchBefore, first.posteriorMeanNanos() - meanBefore);
      NearCopyGuard guard = model.strata().get(stratum).guard();
      if (guard != null) {
        monitor.guardTally().add(guard.apply(attempt -> sampler(stratum, attempt), guardIndex(stratum), codec,
            block, size, z, seed));
        monitor.addGuard(System.nanoTime() - sampled);
      }
      monitor.sampled().add(size);
    }

    private int stratumOf(Row ids) {
      if (stratumField < 0) {
        return 0;
      }
      String label = ids.getString(stratumField);
      Integer stratum = stratumOfLabel.get(label);
      if (stratum == null || !model.strata().get(stratum).sampleable()) {
        throw new IllegalArgumentException("sample " + ids.getLong(idField) + " asks for stratum '" + label + "', "
            + (stratum == null ? "which the model does not have; strata: " + model.labels()
            : "whose training rows are too few to model"));
      }
      return stratum;
    }

    /** Built on first use: a partition touches one or two strata, rarely all, and the guard's σ rarely. */
    private BlockSampler sampler(int stratum, int attempt) {
      if (samplers[stratum][attempt] == null) {
        FittedModel.Stratum s = model.strata().get(stratum);
        samplers[stratum][attempt] = s.generator().sampler(s.training(), s.config(), s.search(), attempt);
      }
      return samplers[stratum][attempt];
    }

    /** The --guard's searcher over the stratum's rows (its own scratch: a sampler's index is busy mid-block). */
    private NeighbourIndex guardIndex(int stratum) {
      if (guardIndexes[stratum] == null) {
        FittedModel.Stratum s = model.strata().get(stratum);
        guardIndexes[stratum] = s.search().newIndex(s.training(), DotProductKernel.best());
      }
      return guardIndexes[stratum];
    }
  }
}
