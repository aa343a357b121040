package org.cfdmspark.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The session for a command-line run: spark-submit's settings, or local[*] when started without them, with
 * defaults that cut a short run's fixed costs (each one the user can still set with --conf).
 */
public final class SparkSessions {
  private SparkSessions() {
  }

  public static SparkSession getOrCreate(String appName) {
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    // Our own progress line replaces Spark's carriage-return progress bar, which garbles log files.
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // The web UI starts a Jetty server and listeners for every job; a batch run that nobody watches does not
    // need it (--conf spark.ui.enabled=true brings it back).
    conf.setIfMissing("spark.ui.enabled", "false");
    if (conf.get("spark.master").startsWith("local")) {
      // Shuffles (holdout splits, report aggregations) of a one-machine run need no more tasks than cores:
      // Spark's default of 200 mostly schedules empty tasks.
      conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
    return SparkSession.builder().appName(appName).config(conf).getOrCreate();
  }
}
