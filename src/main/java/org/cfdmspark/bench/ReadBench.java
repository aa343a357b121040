package org.cfdmspark.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.InputTable;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.SparkSessions;

/**
 * The input read's fixed cost (issue 16): wall seconds and the process's CPU seconds (all threads: the local
 * executor's tasks, the driver, GC and JIT; on a shared machine CPU time is the steadier figure) of
 * {@link InputTable#read} (the CSV read's type inference, its one aggregation over the cells as text, the row
 * count) on one file, each of {@code reps} runs after one warm-up in the same session; prints the medians. Run as {@code ReadBench REPS --input PATH
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
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] wall = new double[reps];
    double[] cpu = new double[reps];
    for (int r = 0; r < reps; r++) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      InputTable.read(spark, settings);
      wall[r] = (System.nanoTime() - start) / 1e9;
      cpu[r] = (os.getProcessCpuTime() - cpuStart) / 1e9;
    }
    spark.stop();
    System.out.printf(Locale.ROOT, "read %s: median of %d: wall %.3f s, cpu %.3f s%n", settings.get(JobKnobs.INPUT),
        reps, median(wall), median(cpu));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
