package org.cfdmspark.bench;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.InputTable;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSynthesizer;
import org.cfdmspark.ml.ModelKnobs;

/**
 * Fits the same table several times in one JVM, as a notebook or the Spark ML API does when it fits again, and
 * prints each fit's wall seconds and steps ({@code CfdmModel#fitSeconds}): the first fit pays for class loading
 * and the JIT's compiling of the fit's code, the later ones show what the fit itself costs. Usage: {@code --repeats
 * R} (default 4) first, then the generate options ({@code --input … --exclude …}); prints one line per fit,
 * {@code fit=i wall_seconds=S collect=… codec=… …}.
 */
public final class FitTiming {
  private FitTiming() {
  }

  public static void main(String[] args) {
    int repeats = 4;
    int from = 0;
    if (args.length >= 2 && args[0].equals("--repeats")) {
      repeats = Integer.parseInt(args[1]);
      from = 2;
    }
    Settings settings = Settings.defaults(JobKnobs.GENERATE).withText("output", "unused");
    for (int i = from; i + 1 < args.length; i += 2) {
      settings = settings.withText(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    SparkSession spark = SparkSessions.getOrCreate("cfdm-spark fit timing");
    for (int fit = 1; fit <= repeats; fit++) {
      // Read anew each time, so every fit collects from the file as the job's fit does (no cached rows).
      Dataset<Row> table = InputTable.read(spark, settings).table();
      long start = System.nanoTime();
      CfdmModel model = CfdmSynthesizer.of(ModelKnobs.select(settings)).fit(table);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println("fit=" + fit + " wall_seconds=" + String.format("%.2f", seconds) + " "
          + steps(model.fitSeconds()));
    }
    spark.stop();
  }

  private static String steps(Map<String, Double> seconds) {
    return seconds.entrySet().stream().map(e -> e.getKey() + "=" + String.format("%.2f", e.getValue()))
        .collect(Collectors.joining(" "));
  }
}
