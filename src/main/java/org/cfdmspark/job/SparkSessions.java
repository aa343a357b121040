package org.cfdmspark.job;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The session for a command-line run: spark-submit's settings, or local[*] when started without them, with
 * defaults that cut a short run's fixed costs (each one the user can still set with --conf). A session created
 * here carries the start-up's wall seconds in its runtime conf, which the jobs put first in the manifest's phases
 * ({@link #startSeconds}).
 */
public final class SparkSessions {
  /** Runtime-conf keys: seconds from JVM start to the session request, and the session's own start. */
  private static final String JVM_SECONDS = "cfdm.startup.jvmSeconds";
  private static final String SPARK_SECONDS = "cfdm.startup.sparkSeconds";

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
    // Text without a zone is wall-clock time: --date patterns with a time of day (dd/MM/yyyy HH:mm) are parsed, and
    // timestamps written, in the session's zone, which is otherwise the machine's: in New York 02:30 on a
    // spring-forward night became 03:30 and the same run sampled other rows than in UTC. UTC has no such night
    // (--conf spark.sql.session.timeZone=… sets another); CSV's ISO timestamps are read so anyway (TimestampText).
    conf.setIfMissing("spark.sql.session.timeZone", TimestampText.WALL_CLOCK_ZONE);
    if (!SparkSession.getDefaultSession().isDefined()) {
      MasterReachability.check(conf.get("spark.master"));
    }
    if (conf.get("spark.master").startsWith("local")) {
      // Shuffles (holdout splits, report aggregations) of a one-machine run need no more tasks than cores:
      // Spark's default of 200 mostly schedules empty tasks.
      conf.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(Runtime.getRuntime().availableProcessors()));
    }
    boolean existed = SparkSession.getDefaultSession().isDefined();
    double jvmSeconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    long start = System.nanoTime();
    if (!existed) {
      warmUpSqlSessionInBackground();
    }
    SparkSession spark = SparkSession.builder().appName(appName).config(conf).getOrCreate();
    if (!existed) {
      // Spark builds the SQL state at the first query; done here, its cost is the start-up's, not the read's.
      spark.sessionState();
      spark.conf().set(JVM_SECONDS, String.valueOf(jvmSeconds));
      spark.conf().set(SPARK_SECONDS, String.valueOf((System.nanoTime() - start) / 1e9));
    }
    return spark;
  }

  /**
   * Starts, on a daemon thread, the two slowest one-time initialisations of a new SQL session, so that they run on
   * the second core while this thread starts the Spark context (about a second) instead of after it. Spark 4.1's
   * session registers its internal functions as Scala UDFs, whose encoders need Scala's runtime reflection
   * universe, and one of them fails over to an error that loads Spark's error-condition catalogue (a JSON file
   * read with Jackson): together about 1.1 of the 1.2 s between the context and the session in a profile of a
   * local run (BENCHMARKS.md, "Fixed costs"). Both are self-contained (scala-reflect; Jackson and a resource),
   * so they cannot wait on a class this thread is initialising. If a later Spark lacks them, nothing is warmed.
   */
  private static void warmUpSqlSessionInBackground() {
    ClassLoader loader = SparkSessions.class.getClassLoader();
    Thread warmUp = new Thread(() -> {
      try {
        scala.reflect.runtime.package$.MODULE$.universe().runtimeMirror(loader);
        Class.forName("org.apache.spark.SparkThrowableHelper$", true, loader);
      } catch (ReflectiveOperationException | LinkageError e) {
        // Only a head start: the session does the same work itself when it needs it.
      }
    }, "cfdm-sql-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /**
   * The start-up phases of a session made by {@link #getOrCreate}, in order: "jvm" (JVM start, spark-submit
   * and the command line, up to the session request) and "spark_start" (the Spark context and SQL session),
   * wall seconds; empty for a session made elsewhere (tests, a notebook).
   */
  static Map<String, Double> startSeconds(SparkSession spark) {
    Map<String, Double> seconds = new LinkedHashMap<>();
    if (spark.conf().contains(JVM_SECONDS) && spark.conf().contains(SPARK_SECONDS)) {
      seconds.put("jvm", Double.parseDouble(spark.conf().get(JVM_SECONDS)));
      seconds.put("spark_start", Double.parseDouble(spark.conf().get(SPARK_SECONDS)));
    }
    return seconds;
  }
}
