package org.cfdmspark.testkit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The test tables of src/test/resources/data (see its README for sources and licences), read as the job reads. */
public final class TestData {
  private TestData() {
  }

  /** The absolute path of a test table. */
  public static String path(String name) {
    return TestSpark.testData(name);
  }

  /** A CSV test table with a header, types inferred, "NA" and "?" cells missing as the shared tables use them. */
  public static Dataset<Row> csv(SparkSession spark, String name) {
    return spark.read().option("header", "true").option("inferSchema", "true")
        .option("nullValue", name.startsWith("adult") ? "?" : "NA").csv(path(name));
  }
}
