package org.cfdmspark.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.encoding.CategoryDraw;
import org.cfdmspark.testkit.SparkTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --category-draw auto: the vote where a sample's parents share their categories, drawn shares where they do not,
 * chosen by a pilot of first draws, recorded in the summary and kept by a saved model.
 */
@SparkTest
class CategoryDrawChoiceTest {
  @TempDir
  Path dir;

  @Test
  void categoriesThatFollowSeparatedClustersAreVoted(SparkSession spark) {
    // Three clusters 40 standard deviations apart, each with its own category: every barycentre mixes rows of one
    // cluster, so its block is one category and the vote is the draw.
    StructType schema = new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType)
        .add("c", DataTypes.StringType);
    Random random = new Random(3);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int cluster = i % 3;
      rows.add(RowFactory.create(40.0 * cluster + random.nextGaussian(), random.nextGaussian(), "k" + cluster));
    }
    CfdmModel model = new CfdmSynthesizer().setSeed(1).fit(spark.createDataFrame(rows, schema));
    CategoryDrawChoice choice = model.summary().categoryDraw();
    assertEquals(CategoryDraw.VOTE, choice.draw());
    assertTrue(choice.disagreement() < 0.05, "disagreement " + choice.disagreement());
    assertTrue(choice.firstDrawNearCopies() < CategoryDrawChoice.MOSTLY_NEAR, "near " + choice.firstDrawNearCopies());
  }

  @Test
  void aWideTableOfIndependentAnswersIsDrawnAndASavedModelKeepsTheChoice(SparkSession spark) throws Exception {
    // 40 questions answered 0-4 independently: every row sits far from every other, so the first draws copy one
    // row each and the guard will mix rows at a wider σ, where the vote would hand each question to the
    // commonest answer among the parents.
    StructType schema = new StructType();
    for (int q = 0; q < 40; q++) {
      schema = schema.add("q" + q, DataTypes.StringType);
    }
    Random random = new Random(5);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Object[] answers = new Object[40];
      for (int q = 0; q < 40; q++) {
        answers[q] = "a" + random.nextInt(5);
      }
      rows.add(RowFactory.create(answers));
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    CfdmModel model = new CfdmSynthesizer().setSeed(2).fit(table);
    CategoryDrawChoice choice = model.summary().categoryDraw();
    assertEquals(CategoryDraw.WEIGHTS, choice.draw());
    assertTrue(choice.disagreement() >= CategoryDrawChoice.MIXED
        || choice.firstDrawNearCopies() >= CategoryDrawChoice.MOSTLY_NEAR, choice.toString());

    String path = dir.resolve("model").toString();
    model.write().save(path);
    CfdmModel loaded = CfdmModel.load(path);
    assertEquals(CategoryDraw.WEIGHTS, loaded.summary().categoryDraw().draw(), "the saved codec draws");
    assertEquals(model.sample(50).collectAsList(), loaded.sample(50).collectAsList());
  }

  @Test
  void mixedParentsWhoseVoteKeepsTheSharesAreVoted(SparkSession spark) {
    // A customer table: categories independent of the numbers, so barycentres mix parents of different plans. A
    // draw of their shares smooths the plans toward uniform (pro 10 % of rows, 13 % drawn in a new user's run),
    // while the vote's pull to the majority offsets it.
    StructType schema = new StructType().add("region", DataTypes.StringType).add("plan", DataTypes.StringType)
        .add("age", DataTypes.IntegerType).add("income", DataTypes.DoubleType)
        .add("balance", DataTypes.DoubleType).add("churned", DataTypes.StringType);
    Random random = new Random(7);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      double u = random.nextDouble();
      String plan = u < 0.6 ? "basic" : u < 0.9 ? "plus" : "pro";
      double balance = random.nextDouble() < 0.3 ? 0 : Math.round(2000 + 800 * random.nextGaussian());
      boolean churned = random.nextDouble() < (plan.equals("pro") ? 0.1 : 0.25);
      rows.add(RowFactory.create("r" + random.nextInt(5), plan, 18 + random.nextInt(63),
          Math.round(Math.exp(10.5 + 0.5 * random.nextGaussian())) / 1.0, balance, churned ? "yes" : "no"));
    }
    CfdmModel model = new CfdmSynthesizer().setSeed(1).fit(spark.createDataFrame(rows, schema));
    CategoryDrawChoice choice = model.summary().categoryDraw();
    assertTrue(choice.disagreement() >= CategoryDrawChoice.MIXED, choice.toString());
    assertTrue(choice.voteShareError() < choice.weightsShareError(), choice.toString());
    assertEquals(CategoryDraw.VOTE, choice.draw(), choice.toString());
  }

  @Test
  void mixedParentsWhoseVoteSeeksTheModeAreDrawn(SparkSession spark) {
    // Ten categorical columns of 11 categories with shares 1/(k + 1) (Zipf's), independent of each other and of a
    // number: a barycentre of parents that disagree votes each column's commonest category (pilot: shares moved
    // 0.09 voted, 0.04 drawn). With three categories at 70/20/10 the vote still kept the shares better.
    StructType schema = new StructType().add("x", DataTypes.DoubleType);
    for (int c = 0; c < 10; c++) {
      schema = schema.add("c" + c, DataTypes.StringType);
    }
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      Object[] cells = new Object[11];
      cells[0] = random.nextGaussian();
      for (int c = 1; c <= 10; c++) {
        double u = random.nextDouble() * 3.0;
        int k = 0;
        for (double cum = 1; cum < u; cum += 1.0 / (k + 2)) {
          k++;
        }
        cells[c] = "k" + k;
      }
      rows.add(RowFactory.create(cells));
    }
    CfdmModel model = new CfdmSynthesizer().setSeed(1).fit(spark.createDataFrame(rows, schema));
    CategoryDrawChoice choice = model.summary().categoryDraw();
    assertEquals(CategoryDraw.WEIGHTS, choice.draw(), choice.toString());
    assertTrue(choice.firstDrawNearCopies() >= CategoryDrawChoice.MOSTLY_NEAR
        || choice.weightsShareError() < choice.voteShareError(), choice.toString());
  }

  @Test
  void oneDrawnRowOnATableOfCategoriesAloneIsRefused(SparkSession spark) {
    StructType schema = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create("a" + (i % 5), "b" + (i % 7)));
    }
    Dataset<Row> table = spark.createDataFrame(rows, schema);
    BadInputException error = assertThrows(BadInputException.class,
        () -> new CfdmSynthesizer().setSeed(1).setKnob("category-draw", "row").fit(table));
    assertTrue(error.getMessage().contains("every modelled column of this table is categorical"), error.getMessage());
  }

  @Test
  void aGivenDrawRunsNoPilot(SparkSession spark) {
    StructType schema = new StructType().add("x", DataTypes.DoubleType).add("c", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RowFactory.create(i * 0.01, "k" + (i % 4)));
    }
    CfdmModel model = new CfdmSynthesizer().setSeed(1).setKnob("category-draw", "vote")
        .fit(spark.createDataFrame(rows, schema));
    CategoryDrawChoice choice = model.summary().categoryDraw();
    assertEquals(CategoryDraw.VOTE, choice.draw());
    assertNull(choice.disagreement());
    assertNull(choice.firstDrawNearCopies());
  }
}
