package org.cfdmspark.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.cfdmspark.core.BadInputException;
import org.cfdmspark.core.NeighbourSearch;
import org.cfdmspark.core.SamplerConfig;
import org.cfdmspark.core.SamplerKnobs;
import org.cfdmspark.core.Settings;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.data.ColumnNames;
import org.cfdmspark.data.TableCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From the training rows to the broadcastable model: fit the codec on all rows, split them into strata, encode and
 * collect each stratum's rows (within the broadcast budget) and resolve its engine settings.
 */
final class ModelFitting {
  /** A model of one row can only copy it. */
  static final int MIN_ROWS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(ModelFitting.class);

  private ModelFitting() {
  }

  /** The model and the number of training rows it holds. */
  record Fitted(SamplingModel model, long rows) {
    long samples() {
      List<SamplingModel.Stratum> strata = model.strata();
      SamplingModel.Stratum last = strata.get(strata.size() - 1);
      return last.firstId() + last.count();
    }
  }

  static Fitted fit(InputTable input, Settings settings) {
    Dataset<Row> table = input.table();
    // The model must not depend on how the input happens to be split into files and partitions (that changes
    // with the cluster): sorted by value, the training rows come in one order, and fitted in a single task the
    // floating-point statistics are summed in that order, identical to the last bit on any cluster.
    Dataset<Row> canonical = table.orderBy(Arrays.stream(table.columns()).map(ColumnNames::column)
        .map(Column::asc_nulls_first).toArray(Column[]::new)).coalesce(1).cache();
    try {
      long rows = canonical.count();
      requireRows(rows, "the training table", input, settings);
      TableCodec codec = TableCodec.fit(canonical, JobKnobs.overrides(settings));
      // Progress for large tables, where sorting, collecting and building the search take minutes.
      LOG.info("fitting: {} rows, {} columns in {} encoded values", rows, codec.columns().size(), codec.width());
      List<StratumPlan> plans = StratumPlan.of(canonical, rows, settings.get(JobKnobs.STRATIFY_BY),
          settings.get(JobKnobs.COUNTS), settings.get(SamplerKnobs.NUM_SAMPLES));
      long budgetBytes = settings.get(JobKnobs.BROADCAST_BUDGET_MB) * 1024L * 1024L;
      TrainingMatrix.checkBudget(rows, codec.width(), budgetBytes);
      List<SamplingModel.Stratum> strata = new ArrayList<>();
      for (StratumPlan plan : plans) {
        if (plan.count() == 0) {
          continue;
        }
        requireRows(plan.rows(), "stratum " + settings.get(JobKnobs.STRATIFY_BY) + " = " + plan.label(), input,
            settings);
        Dataset<Row> stratumRows = plans.size() == 1 ? canonical : canonical.where(plan.filter());
        TrainingSet training = new TrainingSet(TrainingMatrix.collect(stratumRows, codec, plan.rows()));
        LOG.info("stratum {}: {} rows collected; choosing sigma and building the neighbour search", plan.label(),
            training.size());
        SamplerConfig config = SamplerConfig.from(settings, training);
        NeighbourSearch search = NeighbourSearch.prepare(training, config);
        // σ = 0 or one draw makes every sample a training row: nothing for σ auto to tune or --guard to redraw.
        boolean smoothing = config.sigma() > 0 && config.draws() > 1;
        boolean calibrate = smoothing && settings.get(SamplerKnobs.SIGMA).auto();
        boolean guarded = smoothing && settings.get(JobKnobs.GUARD);
        Double guardThreshold = settings.get(JobKnobs.GUARD_THRESHOLD);
        double target = settings.get(JobKnobs.NEAR_COPY_TARGET);
        // The threshold costs 5,000 · N · d: estimated only for a pilot target below 1 or the guard's "auto".
        NearCopyCheck check = calibrate && target < 1 || guarded && guardThreshold == null
            ? NearCopyCheck.of(training, codec, config.seed()) : null;
        SigmaCalibration.Result sigma = null;
        if (calibrate) {
          sigma = SigmaCalibration.calibrate(training, config, search, codec, check, target);
          config = config.withSigma(sigma.sigma());
        }
        LOG.info("stratum {}: {} training rows x {} encoded values, {} samples, sigma {}, {}", plan.label(),
            training.size(), training.dimension(), plan.count(), config.sigma(), search);
        NearCopyGuard guard = !guarded ? null
            : new NearCopyGuard(guardThreshold != null ? NearCopyCheck.withThreshold(guardThreshold, codec) : check);
        strata.add(new SamplingModel.Stratum(plan.label(), training, config, search, plan.firstId(),
            plan.count(), guard, sigma));
      }
      return new Fitted(new SamplingModel(strata, codec, settings.get(JobKnobs.SAMPLE_ID)), rows);
    } finally {
      canonical.unpersist();
    }
  }

  private static void requireRows(long rows, String what, InputTable input, Settings settings) {
    if (rows >= MIN_ROWS) {
      return;
    }
    String where = settings.get(JobKnobs.WHERE);
    if (input.rowsRead() == 0) {
      throw new BadInputException("input '" + settings.get(JobKnobs.INPUT) + "' has no rows");
    }
    if (rows == 0 && where != null) {
      throw new BadInputException(JobKnobs.WHERE.option() + " \"" + where + "\" matches none of the "
          + input.rowsRead() + " input rows; check the predicate's column names and values");
    }
    throw new BadInputException(what + " has " + rows + " row" + (rows == 1 ? "" : "s") + ", too few to model: "
        + "every sample would copy it; give at least " + MIN_ROWS + " rows");
  }
}
