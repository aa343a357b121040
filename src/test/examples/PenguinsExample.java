import java.io.IOException;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cfdmspark.ml.CfdmModel;
import org.cfdmspark.ml.CfdmSummary;
import org.cfdmspark.ml.CfdmSynthesizer;

/** Usage: PenguinsExample TABLE.csv MODEL_DIR OUTPUT_DIR */
public class PenguinsExample {
  public static void main(String[] args) throws IOException {
    SparkSession spark = SparkSession.builder().appName("penguins-example").getOrCreate();
    Dataset<Row> penguins = spark.read().option("header", "true").option("inferSchema", "true")
        .option("nullValue", "NA").csv(args[0]);

    // Each species is fitted and sampled from its own rows only; year stays in the schema, sampled as null.
    CfdmModel model = new CfdmSynthesizer().setSeed(7).setSteps(20).setStratifyBy("species").setIgnore("year")
        .fit(penguins);
    for (CfdmSummary.StratumSummary stratum : model.summary().strata()) {
      System.out.printf("%s: %d training rows, sigma %.3f%n", stratum.label(), stratum.rows(), stratum.sigma());
    }

    // A balanced table of two species: 60 rows each, none of the third.
    Map<String, Long> counts = Map.of("Adelie", 60L, "Gentoo", 60L);
    Dataset<Row> balanced = model.sample(counts).cache();
    balanced.groupBy("species", "island").count().orderBy("species", "island").show();
    balanced.write().option("header", "true").csv(args[2]);

    // A saved model, loaded again, samples the same rows.
    model.write().save(args[1]);
    Dataset<Row> again = CfdmModel.load(args[1]).sample(counts);
    boolean same = balanced.exceptAll(again).isEmpty() && again.exceptAll(balanced).isEmpty();
    System.out.println("the loaded model samples the same rows: " + same);
    spark.stop();
  }
}
