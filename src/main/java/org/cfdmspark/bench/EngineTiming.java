package org.cfdmspark.bench;

import java.util.ArrayList;
import java.util.List;
import org.cfdmspark.config.Settings;
import org.cfdmspark.engine.ParallelSampler;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.ml.CfdmModel;

/**
 * Times the in-process engine alone on the same knobs as a {@code generate} run: reads and fits the training
 * table as the job does (not timed), then samples {@code num-samples} trajectories of the first stratum with
 * {@link ParallelSampler} on every core, without Spark, decoding or writing — the baseline that
 * {@code src/bench/end-to-end.sh} compares the whole job against. Usage: the generate options
 * ({@code --input … --num-samples …}); prints one line {@code engine_seconds=S}.
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
    long start = System.nanoTime();
    double[] samples = ParallelSampler.sample(stratum.training(), stratum.config(), Math.toIntExact(count), threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> facts = new ArrayList<>(List.of("engine_seconds=" + seconds, "samples=" + count,
        "threads=" + threads, "values=" + samples.length));
    System.out.println(String.join(" ", facts));
  }
}
