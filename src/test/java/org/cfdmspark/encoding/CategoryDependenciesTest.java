package org.cfdmspark.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Functional dependencies between categorical columns: found only with evidence, kept by every decoded row. */
class CategoryDependenciesTest {
  private static final StructType LOANS = DataTypes.createStructType(List.of(
      DataTypes.createStructField("grade", DataTypes.StringType, false),
      DataTypes.createStructField("sub_grade", DataTypes.StringType, false),
      DataTypes.createStructField("code", DataTypes.IntegerType, true),
      DataTypes.createStructField("purpose", DataTypes.StringType, false),
      DataTypes.createStructField("amount", DataTypes.DoubleType, false)));

  /** grade from sub_grade (A1..C5), code the grade's number (a bijection, missing for C), purpose unrelated. */
  private static List<Row> loans(int n, long seed) {
    Random random = new Random(seed);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int grade = random.nextInt(3);
      String letter = String.valueOf((char) ('A' + grade));
      rows.add(RowFactory.create(letter, letter + (1 + random.nextInt(5)), grade == 2 ? null : grade + 1,
          "p" + random.nextInt(4), random.nextGaussian()));
    }
    return rows;
  }

  @Test
  void theFinestDeterminantIsFoundAndBijectionsKeepTheEarlierColumn() {
    TableCodec codec = TableCodec.fit(LOANS, loans(600, 1), ColumnOverrides.none());
    assertEquals(List.of("sub_grade determines grade", "sub_grade determines code"),
        codec.dependencies().stream().map(Object::toString).toList(),
        "grade and code determine each other, but sub_grade (15 levels) determines both; purpose nothing");
  }

  @Test
  void aRuleThatFewRowsCouldBreakIsNotADependency() {
    // 40 rows: sub_grade's 15 values leave 25 rows of evidence, below 50, though the rule holds.
    TableCodec codec = TableCodec.fit(LOANS, loans(40, 2), ColumnOverrides.none());
    assertEquals(List.of(), codec.dependencies());
  }

  @Test
  void aBarycentreOfRowsWithDifferentCategoriesDecodesToACombinationTheRowsHave() {
    List<Row> rows = loans(600, 3);
    TableCodec codec = TableCodec.fit(LOANS, rows, ColumnOverrides.none());
    // Rows of sub_grade B2 (grade B, code 2) and of grade A in proportion 1 : 2 split across A's sub-grades: the
    // grade block votes A, the sub_grade block B2.
    float[] b2 = encoded(codec, rows, "B2");
    float[] a1 = encoded(codec, rows, "A1");
    float[] a3 = encoded(codec, rows, "A3");
    double[] z = new double[codec.width()];
    for (int j = 0; j < z.length; j++) {
      z[j] = 0.4 * b2[j] + 0.3 * a1[j] + 0.3 * a3[j];
    }
    Object[] cells = new Object[LOANS.size()];
    codec.decode(z, 0, cells, 0);
    assertEquals("B2", cells[1]);
    assertEquals("B", cells[0], "grade follows sub_grade");
    assertEquals(2, cells[2]);
    TableCodec independent = new TableCodec(codec.columns(), codec.fittedRows(), codec.constraints(), List.of());
    independent.decode(z, 0, cells, 0);
    assertEquals("A", cells[0], "the block's own vote, which the dependency overrides");
  }

  @Test
  void dependenciesSurviveTheCodecsJson() {
    List<Row> rows = loans(600, 4);
    TableCodec codec = TableCodec.fit(LOANS, rows, ColumnOverrides.none());
    TableCodec read = CodecJson.fromJson(CodecJson.toJson(codec));
    assertEquals(codec.dependencies().stream().map(Object::toString).toList(),
        read.dependencies().stream().map(Object::toString).toList());
    for (int k = 0; k < codec.dependencies().size(); k++) {
      assertTrue(java.util.Arrays.equals(codec.dependencies().get(k).dependentLevel(),
          read.dependencies().get(k).dependentLevel()));
    }
  }

  private static float[] encoded(TableCodec codec, List<Row> rows, String subGrade) {
    Row row = rows.stream().filter(r -> r.getString(1).equals(subGrade)).findFirst().orElseThrow();
    float[] out = new float[codec.width()];
    codec.encode(row, out, 0);
    return out;
  }
}
