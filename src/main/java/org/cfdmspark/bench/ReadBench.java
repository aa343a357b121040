package org.cfdmspark.bench;

import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.InputTable;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.SparkSessions;

/**
 * The input read's fixed cost (issue 16): wall seconds of {@link InputTable#read} (the CSV read's type inference,
 * its one aggregation over the cells as text, the row count) on one file, each of {@code reps} runs after one
 * warm-up in the same session; prints every run and the median. Run as {@code ReadBench REPS --input PATH
 * [--name value]...} (the generate knobs); BENCHMARKS.md "Fixed costs" gives the command.
 */
public final class ReadBench {
  private ReadBench() {
  }

  public static void main(String[] args) {
    int reps = Integer.parseInt(args[0]);
    Settings settings = Settings.defaults(JobKnobs.GENERATE).withText("output", "unused");
    for (int i = 1; i + 1 < args.length; i += 2) {
      settings = settings.withText(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    SparkSession spark = SparkSessions.getOrCreate("cfdm-read-bench");
    InputTable.read(spark, settings); // warm-up: class loading, code generation
    double[] seconds = new double[reps];
    for (int r = 0; r < reps; r++) {
      long start = System.nanoTime();
      InputTable.read(spark, settings);
      seconds[r] = (System.nanoTime() - start) / 1e9;
    }
    spark.stop();
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "read %s: runs %s, median %.3f s%n", settings.get(JobKnobs.INPUT),
        Arrays.toString(seconds), sorted[reps / 2]);
  }
}
