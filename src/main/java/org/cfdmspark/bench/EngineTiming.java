package org.cfdmspark.bench;

import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.ml.CfdmModel;

/**
 * Times the in-process engine alone on the same knobs as a {@code generate} run: reads and fits the training
 * table as the job does (not timed), then samples {@code num-samples} trajectories of the first stratum with
 * {@link ParallelSampler} on every core, without Spark, decoding or writing — the baseline that
 * {@code src/bench/end-to-end.sh} compares the whole job against. Usage: the generate options
 * ({@code --input … --num-samples …}); prints one line {@code engine_seconds=S engine_cpu_seconds=C … checksum=H}:
 * C is the process's CPU time while sampling, all threads (steadier than S on a shared machine), H a hash of the
 * samples' bits: two builds that print the same H sampled the same numbers (how a change that must not
 * move any sample, such as a faster exact search, is checked).
 */
public final class EngineTiming {
  private EngineTiming() {
  }

  public static void main(String[] args) {
    BenchFit fit = BenchFit.of(args, 0, "cfdm-spark engine timing");
    Settings settings = fit.settings();
    CfdmModel.StratumEngine stratum = fit.stratum();
    int threads = Runtime.getRuntime().availableProcessors();
    long count = settings.get(JobKnobs.NUM_SAMPLES);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    NeighbourSearch search = NeighbourSearch.prepare(stratum.training(), stratum.config());
    long prepared = System.nanoTime();
    long cpuPrepared = os.getProcessCpuTime();
    double[] samples = ParallelSampler.sample(stratum.training(), stratum.config(), search, 0, Math.toIntExact(count),
        threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    double flowCpuSeconds = (os.getProcessCpuTime() - cpuPrepared) / 1e9;
    double prepareSeconds = (prepared - start) / 1e9;
    List<String> facts = new ArrayList<>(List.of("engine_seconds=" + seconds, "engine_cpu_seconds=" + cpuSeconds,
        "search_prepare_seconds=" + prepareSeconds, "flow_cpu_seconds=" + flowCpuSeconds,
        "samples=" + count, "threads=" + threads, "values=" + samples.length, "checksum=" + Long.toHexString(checksum(samples))));
    System.out.println(String.join(" ", facts));
  }

  /** A 64-bit polynomial hash of the values' exact bits, in order. */
  private static long checksum(double[] values) {
    long hash = 1;
    for (double v : values) {
      hash = 31 * hash + Double.doubleToRawLongBits(v);
    }
    return hash;
  }
}
