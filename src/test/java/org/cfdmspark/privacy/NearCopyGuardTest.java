package org.cfdmspark.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cfdmspark.engine.BlockSampler;
import org.cfdmspark.engine.FlowSampler;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.NumericType;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.knn.BruteForceIndex;
import org.cfdmspark.knn.DotProductKernel;
import org.junit.jupiter.api.Test;

/**
 * A copy of a training row that occurs once never leaves the guard, even where no σ can move it; copies of
 * repeated rows are redrawn in the share asked, by id.
 */
class NearCopyGuardTest {
  /** Two rows, 0 and 5, 10 copies each. */
  private static final TrainingSet TWO_REPEATED_ROWS = TrainingSet.of(
      java.util.stream.IntStream.range(0, 20).mapToObj(i -> new double[] {i < 10 ? 0 : 5}).toArray(double[][]::new));
  private static final TableCodec TWO_ROWS_CODEC = new TableCodec(List.of(new NumericColumnCodec("x",
      NumericType.DOUBLE, 0, 1, 0, 5, NumericColumnCodec.UNROUNDED, null, null, false)), 20);

  @Test
  void anIsolatedRowIsNeverKeptAsACopy() {
    // 20 rows 0.1 apart and one row at 50: trajectories that start by the isolated row end on it at every σ up to
    // 16 · 0.05 = 0.8, so only a fresh trajectory makes them new. Numbers are not rounded, so a sample among the
    // 20 rows is a barycentre, not a copy.
    double[][] rows = new double[21][1];
    for (int i = 0; i < 20; i++) {
      rows[i][0] = 0.1 * i;
    }
    rows[20][0] = 50;
    TrainingSet training = TrainingSet.of(rows);
    TableCodec codec = new TableCodec(List.of(new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, 0, 50,
        NumericColumnCodec.UNROUNDED, null, null, false)), 21);
    SamplerConfig config = SamplerConfig.defaults(0.05).withSeed(3); // M = 4 draws
    BruteForceIndex index = new BruteForceIndex(training.points(), DotProductKernel.best());
    NearCopyGuard guard = new NearCopyGuard(NearCopyCheck.withThreshold(0.001, training, codec));

    int count = 200;
    long[] ids = new long[count];
    for (int s = 0; s < count; s++) {
      ids[s] = s;
    }
    double[] z = new double[count];
    FlowSampler plain = FlowSampler.create(training, config);
    for (int first = 0; first < count; first += 50) {
      plain.sampleBlock(java.util.Arrays.copyOfRange(ids, first, first + 50), 50, z, first);
    }
    int isolated = 0;
    for (double v : z) {
      isolated += Math.abs(v - 50) < 1e-6 ? 1 : 0;
    }
    assertTrue(isolated > 0, "some first draws copy the isolated row");

    double[] guarded = new double[count];
    int[] outcomes = new int[NearCopyGuard.ATTEMPTS + 1];
    for (int first = 0; first < count; first += 50) {
      double[] block = java.util.Arrays.copyOfRange(z, first, first + 50);
      int[] blockOutcomes = guard.apply(k -> FlowSampler.create(training, config.withSigma(0.05
          * SigmaSteps.multiple(k))), index, codec, java.util.Arrays.copyOfRange(ids, first, first + 50), 50, block,
          config.seed());
      System.arraycopy(block, 0, guarded, first, 50);
      for (int k = 0; k < outcomes.length; k++) {
        outcomes[k] += blockOutcomes[k];
      }
    }
    boolean[] copies = NearCopyCheck.withThreshold(0, training, codec).singleRowCopies(index, codec, guarded, count,
        config.seed(), ids);
    assertEquals(0, NearCopyCheck.flagged(copies), "no sample copies a row that occurs once");
    assertEquals(0, outcomes[NearCopyGuard.ATTEMPTS], "none kept as a near-copy");
    assertTrue(outcomes[NearCopyGuard.ATTEMPTS - 1] >= isolated, "the isolated row's copies settle at 16σ");
  }

  @Test
  void aShareOfTheCopiesOfRepeatedRowsIsRedrawnTheSameWhateverTheBlocks() {
    // At σ 0.05 every draw copies one of the two rows, and so does every redraw.
    TrainingSet training = TWO_REPEATED_ROWS;
    TableCodec codec = TWO_ROWS_CODEC;
    SamplerConfig config = SamplerConfig.defaults(0.05).withSeed(5);
    BruteForceIndex index = new BruteForceIndex(training.points(), DotProductKernel.best());
    NearCopyGuard plain = new NearCopyGuard(NearCopyCheck.withThreshold(0.001, training, codec));
    assertEquals(0, redrawn(plain, training, config, index, codec, 100), "copies of repeated rows pass");
    NearCopyGuard thinning = plain.withRepeatedCopyRedraw(0.3);
    int inBlocksOf100 = redrawn(thinning, training, config, index, codec, 100);
    // Binomial(400, 0.3): mean 120, sd 9.2.
    assertTrue(inBlocksOf100 > 90 && inBlocksOf100 < 150, "about 30 % redrawn: " + inBlocksOf100);
    assertEquals(inBlocksOf100, redrawn(thinning, training, config, index, codec, 40), "by id, not by block");
    assertEquals(400, redrawn(plain.withRepeatedCopyRedraw(1), training, config, index, codec, 100));
  }

  @Test
  void aRedrawnCopyOfARepeatedRowIsDrawnAgainWhileItCopiesOne() {
    // Every first draw copies 0. The first redraw copies 0 again, the second lands at 2.5, a new value: with every
    // copy redrawn, no sample may stay on 0.
    TrainingSet training = TWO_REPEATED_ROWS;
    TableCodec codec = TWO_ROWS_CODEC;
    BruteForceIndex index = new BruteForceIndex(training.points(), DotProductKernel.best());
    NearCopyGuard guard = new NearCopyGuard(NearCopyCheck.withThreshold(0.001, training, codec))
        .withRepeatedCopyRedraw(1);
    long[] ids = java.util.stream.LongStream.range(0, 50).toArray();
    double[] z = new double[50];
    int[] outcomes = guard.apply(attempt -> constant(attempt == 1 ? 0 : 2.5), index, codec, ids, 50, z, 1);
    for (double v : z) {
      assertEquals(2.5, v, 0, "the second redraw is kept");
    }
    assertEquals(50, outcomes[1], "all settled at the second attempt");
  }

  /**
   * A sampler whose samples do not follow their trajectories (every column redrawn from any row) is not asked again:
   * its copies are kept and counted as still near, and the samples stay as drawn.
   */
  @Test
  void samplesThatDoNotFollowTheirTrajectoriesAreKeptAndCounted() {
    // Ten rows 0, 1, … 9, each once.
    TrainingSet training = TrainingSet.of(java.util.stream.IntStream.range(0, 10).mapToObj(i -> new double[] {i})
        .toArray(double[][]::new));
    TableCodec codec = new TableCodec(List.of(new NumericColumnCodec("x", NumericType.DOUBLE, 0, 1, 0, 9,
        NumericColumnCodec.UNROUNDED, null, null, false)), 10);
    BruteForceIndex index = new BruteForceIndex(training.points(), DotProductKernel.best());
    NearCopyGuard guard = new NearCopyGuard(NearCopyCheck.withThreshold(0.001, training, codec));
    long[] ids = java.util.stream.LongStream.range(0, 20).toArray();
    double[] z = new double[20];
    java.util.Arrays.fill(z, 0, 10, 5); // ten copies of row 5, ten samples at 0.5 (new)
    java.util.Arrays.fill(z, 10, 20, 0.5);
    int[] calls = new int[1];
    BlockSampler fixed = new BlockSampler() {
      @Override
      public int blockSize() {
        return 128;
      }

      @Override
      public void sampleBlock(long[] blockIds, int count, double[] out, int outOffset) {
        calls[0]++;
        java.util.Arrays.fill(out, outOffset, outOffset + count, 2.5);
      }

      @Override
      public boolean followsTrajectory() {
        return false;
      }
    };
    int[] outcomes = guard.apply(attempt -> fixed, index, codec, ids, 20, z, 1);
    assertEquals(0, calls[0], "no redraw asked of a sampler that would give the samples back");
    assertEquals(10, outcomes[NearCopyGuard.ATTEMPTS], "the ten copies counted as still near");
    assertEquals(10, java.util.Arrays.stream(outcomes).sum());
    assertEquals(5, z[0], 0);
    assertEquals(0.5, z[19], 0);
  }

  /** A sampler whose every sample is {@code value} (one column). */
  private static BlockSampler constant(double value) {
    return new BlockSampler() {
      @Override
      public int blockSize() {
        return 128;
      }

      @Override
      public void sampleBlock(long[] ids, int count, double[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + count, value);
      }
    };
  }

  /** First draws of ids 0 … 399 the guard redrew (the sum of its outcomes), sampled in blocks of {@code block}. */
  private static int redrawn(NearCopyGuard guard, TrainingSet training, SamplerConfig config, BruteForceIndex index,
      TableCodec codec, int block) {
    int total = 0;
    for (int first = 0; first < 400; first += block) {
      long[] ids = java.util.stream.LongStream.range(first, first + block).toArray();
      double[] z = new double[block];
      FlowSampler.create(training, config).sampleBlock(ids, block, z, 0);
      int[] outcomes = guard.apply(k -> FlowSampler.create(training, config.withSigma(0.05
          * SigmaSteps.multiple(k))), index, codec, ids, block, z, config.seed());
      for (int outcome : outcomes) {
        total += outcome;
      }
    }
    return total;
  }
}
