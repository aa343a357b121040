package org.cfdmspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.spark.TestSpark;
import org.junit.jupiter.api.Test;

class TableCodecTest {

  @Test
  void decodesToInputUnitsRoundingIntegersAndClippingToTheObservedRange() {
    NumericColumnCodec age = new NumericColumnCodec("age", NumericType.INTEGER, 40, 10, 18, 90, true, false);
    float[] encoded = new float[1];
    age.encode(50, encoded, 0);
    assertEquals(1.0f, encoded[0]);
    assertEquals(52, age.decode(new double[] {1.24}, 0), "rounded");
    assertEquals(90, age.decode(new double[] {9}, 0), "clipped to the maximum");
    assertEquals(18, age.decode(new double[] {-9}, 0), "clipped to the minimum");
    NumericColumnCodec income = new NumericColumnCodec("income", NumericType.DOUBLE, 1.5, 0.5, 0, 3, false, false);
    assertEquals(1.75, income.decode(new double[] {0.5}, 0));
  }

  @Test
  void constantColumnEncodesToZeroAndDecodesToTheConstant() {
    NumericColumnCodec constant = new NumericColumnCodec("c", NumericType.LONG, 7, 0, 7, 7, true, false);
    float[] encoded = {Float.NaN};
    constant.encode(7L, encoded, 0);
    assertEquals(0f, encoded[0]);
    assertEquals(7L, constant.decode(new double[] {0.3}, 0));
  }

  @Test
  void fitsMeanSdAndRangePerColumnAndLaysColumnsSideBySide() {
    SparkSession spark = TestSpark.local(2);
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("n", DataTypes.ShortType, false),
        DataTypes.createStructField("x", DataTypes.FloatType, false)));
    Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create((short) 1, 2f),
        RowFactory.create((short) 3, 2f), RowFactory.create((short) 5, 2f)), schema);
    TableCodec codec = TableCodec.fit(table, ColumnOverrides.none());

    assertEquals(3, codec.fittedRows());
    assertEquals(schema, codec.schema());
    NumericColumnCodec n = (NumericColumnCodec) codec.columns().get(0);
    assertEquals(3, n.mean(), 1e-12);
    assertEquals(Math.sqrt(8.0 / 3), n.sd(), 1e-12, "population standard deviation");
    assertEquals(1, n.min());
    assertEquals(5, n.max());
    float[] encoded = new float[2];
    codec.encode(RowFactory.create((short) 5, 2f), encoded, 0);
    assertEquals((float) (2 / Math.sqrt(8.0 / 3)), encoded[0], 1e-6);
    assertEquals(0f, encoded[1], "constant column");
    Object[] cells = new Object[3];
    codec.decode(new double[] {0, 0}, 0, cells, 1);
    assertEquals(List.of((short) 3, 2f), List.of(cells[1], cells[2]));
  }
}
