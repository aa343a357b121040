package org.cfdmspark.job;

import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;

/**
 * The report command's own knobs. The command also takes every generate knob: --output (the report directory),
 * --seed (subsamples, folds, projections), --null-value, --exclude and the column-kind overrides apply to the
 * tables it reads, and --input with the sampler knobs drive --sweep.
 */
public final class ReportKnobs {
  private ReportKnobs() {
  }

  public static final Knob<String> TRAIN = Knob.text("train", "PATH", null,
      "Training table the synthetic one was made from (CSV or Parquet file or directory); the codec is fitted on it.");
  public static final Knob<String> SYNTHETIC = Knob.text("synthetic", "PATH", null,
      "Synthetic table to judge (a generate output directory, or any CSV or Parquet table with the same columns).");
  public static final Knob<String> HOLDOUT = Knob.text("holdout", "PATH", null,
      "Rows of the same source never shown to the generator (e.g. <output>/_holdout): the floor and the privacy "
          + "reference.");
  public static final Knob<Integer> MAX_ROWS = Knob.integer("max-rows", 50_000, 10, Integer.MAX_VALUE,
      "Rows per table read into the report (a seeded subsample of larger tables); also the DCR reference size.");
  public static final Knob<Integer> DISTANCE_ROWS = Knob.integer("distance-rows", 5_000, 10, Integer.MAX_VALUE,
      "Rows per table for detection (C2ST), sliced W2, MMD, PCA and as DCR queries.");
  public static final Knob<Integer> PLOT_COLUMNS = Knob.integer("plot-columns", 24, 0, 1000,
      "Most columns that get a marginal plot (the first ones in table order).");
  public static final Knob<String> SWEEP = Knob.text("sweep", "KNOB=V1,V2,...", null,
      "Run generate (with --input and the generate knobs) once per value of one knob and tabulate the "
          + "fidelity/privacy trade-off, e.g. sigma=0,0.05,0.1,0.2,0.4.");

  public static final Knob<Boolean> COMPARE = Knob.flag("compare", false,
      "Run generate (with --input and the generate knobs) once per --generator, σ-CFDM and each baseline, and "
          + "put their figures in one table (compare.json, compare.html) and one plot (compare.png).");

  /** The report command's own knobs. */
  public static final List<Knob<?>> OWN = List.of(TRAIN, SYNTHETIC, HOLDOUT, MAX_ROWS, DISTANCE_ROWS, PLOT_COLUMNS,
      SWEEP, COMPARE);

  /** Every knob the report command takes: its own, then the generate knobs. */
  public static final List<Knob<?>> ALL = concat();

  private static List<Knob<?>> concat() {
    List<Knob<?>> all = new ArrayList<>(OWN);
    all.addAll(JobKnobs.GENERATE);
    return List.copyOf(all);
  }
}
