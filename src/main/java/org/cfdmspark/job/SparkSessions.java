package org.cfdmspark.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The session for a command-line run: spark-submit's settings, or local[*] when started without them. */
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
    return SparkSession.builder().appName(appName).config(conf).getOrCreate();
  }
}
