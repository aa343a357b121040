package org.cfdmspark.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;

/** The command line's session: local defaults, and the start-up phases it records for the manifest. */
class SparkSessionsTest {
  @Test
  void sessionMadeElsewhereIsReusedWithoutStartUpPhases() {
    SparkSession existing = TestSpark.local(2);
    SparkSession spark = SparkSessions.getOrCreate("test");
    assertSame(existing, spark);
    assertEquals(Map.of(), SparkSessions.startSeconds(spark), "its start-up was not measured here");
  }

  @Test
  void newSessionRecordsItsStartUpAndLocalDefaults() {
    TestSpark.local(2).stop();
    SparkSession spark = SparkSessions.getOrCreate("test");
    try {
      Map<String, Double> seconds = SparkSessions.startSeconds(spark);
      assertEquals(List.of("jvm", "spark_start"), List.copyOf(seconds.keySet()));
      assertTrue(seconds.get("jvm") > 0 && seconds.get("spark_start") > 0, seconds.toString());
      assertEquals("false", spark.conf().get("spark.ui.enabled"));
      assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()),
          spark.conf().get("spark.sql.shuffle.partitions"));
    } finally {
      spark.stop(); // TestSpark starts its own again
    }
  }
}
