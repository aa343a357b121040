package org.cfdmspark.bench;

import org.apache.spark.sql.SparkSession;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.InputTable;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.SparkSessions;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSynthesizer;
import org.cfdmspark.ml.ModelKnobs;

/**
 * The fitted first stratum of a {@code generate} run, for bench tools that time or export the engine outside the
 * job: the knobs from {@code --name value} pairs, the table read and the model fitted as the job does them, then
 * Spark stopped.
 *
 * @param settings the generate settings the pairs give
 * @param stratum the first stratum's training rows and engine settings
 */
record BenchFit(Settings settings, CfdmModel.StratumEngine stratum) {

  /** Fits from {@code args[from..]}, alternating {@code --name value}; {@code app} names the Spark application. */
  static BenchFit of(String[] args, int from, String app) {
    Settings settings = Settings.defaults(JobKnobs.GENERATE).withText("output", "unused");
    for (int i = from; i + 1 < args.length; i += 2) {
      settings = settings.withText(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    SparkSession spark = SparkSessions.getOrCreate(app);
    CfdmModel.StratumEngine stratum = CfdmSynthesizer.of(ModelKnobs.select(settings))
        .fit(InputTable.read(spark, settings).table()).engine(0);
    spark.stop();
    return new BenchFit(settings, stratum);
  }
}
