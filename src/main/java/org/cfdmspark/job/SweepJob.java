package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Json;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Notices;
import org.cfdmspark.config.Settings;
import org.cfdmspark.ml.GeneratorKind;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.report.SweepReport;

/**
 * report --sweep KNOB=V1,V2,...: one generate run (with its report) per value of one generate knob, all else
 * equal, into {@code <output>/runs/KNOB=V/}; then sweep.json, sweep.html and the trade-off plot sweep.png in
 * {@code <output>}; report --compare: the same over every --generator, into compare.json, compare.html and
 * compare.png. Unless given, runs are small ({@value #DEFAULT_SAMPLES} samples) and hold out
 * {@value #DEFAULT_HOLDOUT} of the training rows, so that every run has its privacy reference.
 */
public final class SweepJob {
  public static final String JSON = "sweep.json";
  public static final String HTML = "sweep.html";
  public static final String PLOT = "sweep.png";
  public static final String COMPARE_JSON = "compare.json";
  public static final String COMPARE_HTML = "compare.html";
  public static final String COMPARE_PLOT = "compare.png";
  static final long DEFAULT_SAMPLES = 2000;
  static final double DEFAULT_HOLDOUT = 0.2;

  private SweepJob() {
  }

  /** Runs the sweep {@code settings} describe; {@code given} names the knobs set on the command line. */
  public static SweepReport run(SparkSession spark, Settings settings, Set<String> given) {
    String spec = settings.get(ReportKnobs.SWEEP);
    int equals = spec.indexOf('=');
    String knob = equals < 0 ? "" : spec.substring(0, equals).trim();
    if (JobKnobs.GENERATE.stream().noneMatch(k -> k.name().equals(knob))) {
      throw new BadInputException(ReportKnobs.SWEEP.option() + " '" + spec + "': expected KNOB=V1,V2,... naming "
          + "a generate option, e.g. sigma=0,0.05,0.1,0.2,0.4");
    }
    List<String> values = Arrays.stream(spec.substring(equals + 1).split(",")).map(String::trim)
        .filter(v -> !v.isEmpty()).toList();
    SweepReport sweep = sweep(spark, settings, given, ReportKnobs.SWEEP, knob, values);
    write(spark, sweep, settings.get(JobKnobs.OUTPUT), new Outputs(JSON, PLOT, HTML, "Sweep over " + knob, false));
    return sweep;
  }

  /**
   * report --compare: the sweep over every --generator (σ-CFDM and the baselines) on the same input and
   * settings, written as compare.json, compare.html and the plot compare.png (sliced W2 against near-copy rate).
   */
  public static SweepReport compare(SparkSession spark, Settings settings, Set<String> given) {
    if (settings.get(ReportKnobs.SWEEP) != null) {
      throw new BadInputException(ReportKnobs.COMPARE.option() + " sweeps " + ModelKnobs.GENERATOR.option()
          + " itself; drop " + ReportKnobs.SWEEP.option() + " or run it separately");
    }
    String knob = ModelKnobs.GENERATOR.name();
    List<String> values = Arrays.stream(GeneratorKind.values()).map(ModelKnobs.GENERATOR::format)
        .toList();
    String ignored = ModelKnobs.ignoredByBaselines(settings);
    if (ignored != null) {
      System.err.println(ignored);
    }
    SweepReport sweep = sweep(spark, settings, given, ReportKnobs.COMPARE, knob, values);
    write(spark, sweep, settings.get(JobKnobs.OUTPUT),
        new Outputs(COMPARE_JSON, COMPARE_PLOT, COMPARE_HTML, "Generators compared", true));
    return sweep;
  }

  /** One generate run and report per value of {@code knob} into {@code <output>/runs/KNOB=V/}. */
  private static SweepReport sweep(SparkSession spark, Settings settings, Set<String> given, Knob<?> mode,
      String knob, List<String> values) {
    String output = settings.get(JobKnobs.OUTPUT);
    if (output == null || settings.get(JobKnobs.INPUT) == null) {
      throw new BadInputException(mode.option() + " needs " + JobKnobs.INPUT.option() + " (the "
          + "training table) and " + JobKnobs.OUTPUT.option() + " (the sweep directory)");
    }
    Settings base = settings;
    // Not beside --counts, which sets the rows itself: a size set here would count as given and be noted as ignored.
    if (!given.contains(JobKnobs.NUM_SAMPLES.name()) && settings.get(JobKnobs.COUNTS) == null) {
      base = base.with(JobKnobs.NUM_SAMPLES, DEFAULT_SAMPLES);
    }
    if (!given.contains(JobKnobs.HOLDOUT_FRACTION.name())) {
      base = base.with(JobKnobs.HOLDOUT_FRACTION, DEFAULT_HOLDOUT);
    }
    Settings sized = base;
    return Notices.onceEach(() -> runs(spark, sized, mode, knob, values));
  }

  /** The runs of a sweep of {@code base} (sized), in order; the input's notes are printed by the first run only. */
  private static SweepReport runs(SparkSession spark, Settings base, Knob<?> mode, String knob, List<String> values) {
    String output = base.get(JobKnobs.OUTPUT);
    List<SweepReport.Row> rows = new ArrayList<>();
    for (String value : values) {
      String run = "runs/" + knob + "=" + value;
      Settings runSettings = base.withText(knob, value).withText(JobKnobs.OUTPUT.name(),
          new Path(output, run).toString());
      if (mode == ReportKnobs.COMPARE && runSettings.get(ModelKnobs.GENERATOR) != GeneratorKind.CFDM) {
        runSettings = ModelKnobs.withoutBarycentreKnobs(runSettings); // ignored there: warned about once
      }
      GenerateResult result = GenerateJob.run(spark, runSettings.select(JobKnobs.GENERATE), runSettings);
      rows.add(SweepReport.Row.of(value, result.samples(), result.report(),
          run + "/" + ReportJob.DIRECTORY + "/" + ReportJob.HTML));
    }
    return new SweepReport(knob, List.copyOf(rows));
  }

  /**
   * The names of the table, plot and page files, the page's title, and which plot: the comparison's (sliced W2
   * against near-copy rate) or the sweep's (fidelity against near-copy rate).
   */
  private record Outputs(String json, String plot, String html, String title, boolean comparison) {
  }

  private static void write(SparkSession spark, SweepReport sweep, String output, Outputs files) {
    try {
      java.nio.file.Path local = Files.createTempDirectory("cfdm-sweep");
      Json.mapper().writeValue(local.resolve(files.json()).toFile(), sweep);
      if (files.comparison()) {
        sweep.writeComparisonPlot(local, files.plot());
      } else {
        sweep.writePlot(local, files.plot());
      }
      Files.writeString(local.resolve(files.html()), sweep.html(files.title(), files.plot()),
          StandardCharsets.UTF_8);
      Path target = new Path(output);
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (String file : List.of(files.json(), files.plot(), files.html())) {
        fs.copyFromLocalFile(true, true, new Path(local.resolve(file).toUri()), new Path(target, file));
      }
      Files.delete(local);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sweep to " + output + ": " + e.getMessage(), e);
    }
  }
}
