package org.cfdmspark.encoding;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * A {@link TableCodec} as JSON and back, for saved models: every column codec with its kind ("numeric",
 * "categorical", "key"), Spark types in Spark's own JSON form, category levels as JSON scalars boxed back to their
 * column's type on reading (a JSON 7 becomes the Long 7 of a bigint column). Reading what writing wrote gives
 * a codec that encodes and decodes exactly as the original.
 */
public final class CodecJson {
  /**
   * The JSON form of the codec, as written into a saved model's metadata; {@code dependencies}, {@code equalities},
   * {@code ranges}, {@code values}, {@code formulas} and {@code calendars} are absent (null) in models saved before
   * they were found, {@code noiseCorrelation} in those saved before it was fitted and in those without it.
   */
  public record Form(List<ColumnCodec> columns, long fittedRows, List<Inequality> constraints,
      List<CategoryDependency> dependencies, List<ColumnEquality> equalities, List<RangeDependency> ranges,
      List<ValueDependency> values, List<ColumnFormula> formulas, List<CalendarDependency> calendars,
      NoiseCorrelation noiseCorrelation) {
  }

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .addMixIn(ColumnCodec.class, ColumnCodecKinds.class)
      .addMixIn(CategoricalColumnCodec.class, CategoricalLevels.class)
      .registerModule(new SimpleModule("spark-types")
          .addSerializer(DataType.class, new DataTypeWriter())
          .addDeserializer(DataType.class, new DataTypeReader()));

  private CodecJson() {
  }

  public static JsonNode toJson(TableCodec codec) {
    return MAPPER.valueToTree(new Form(codec.columns(), codec.fittedRows(), codec.constraints(),
        codec.dependencies(), codec.equalities(), codec.ranges(), codec.values(), codec.formulas(), codec.calendars(),
        codec.noiseCorrelation()));
  }

  /** @throws IllegalArgumentException when the JSON is not a codec this version can read */
  public static TableCodec fromJson(JsonNode json) {
    try {
      Form form = MAPPER.treeToValue(json, Form.class);
      return new TableCodec(form.columns(), form.fittedRows(), form.constraints(), form.dependencies(),
          form.equalities(), form.ranges(), form.values(), form.formulas(), form.calendars(), form.noiseCorrelation());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a column codec: " + e.getMessage(), e);
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({@JsonSubTypes.Type(value = NumericColumnCodec.class, name = "numeric"),
      @JsonSubTypes.Type(value = CategoricalColumnCodec.class, name = "categorical"),
      @JsonSubTypes.Type(value = KeyColumnCodec.class, name = "key")})
  private interface ColumnCodecKinds {
  }

  @JsonDeserialize(converter = BoxLevels.class)
  private interface CategoricalLevels {
  }

  /** JSON numbers come back as Integer, Long or Double by size: box each level as its column's type. */
  private static final class BoxLevels extends StdConverter<CategoricalColumnCodec, CategoricalColumnCodec> {
    @Override
    public CategoricalColumnCodec convert(CategoricalColumnCodec read) {
      Object[] levels = read.levels().clone();
      DataType type = read.outputType();
      for (int k = 0; k < levels.length; k++) {
        levels[k] = box(levels[k], type);
      }
      return new CategoricalColumnCodec(read.name(), type, levels, read.hasMissing(), read.draw(),
          read.voteWeights());
    }

    private static Object box(Object level, DataType type) {
      if (level == null || !(level instanceof Number number)) {
        return level;
      }
      if (type.equals(DataTypes.ByteType)) {
        return number.byteValue();
      } else if (type.equals(DataTypes.ShortType)) {
        return number.shortValue();
      } else if (type.equals(DataTypes.IntegerType)) {
        return number.intValue();
      } else if (type.equals(DataTypes.LongType)) {
        return number.longValue();
      } else if (type.equals(DataTypes.FloatType)) {
        return number.floatValue();
      } else if (type.equals(DataTypes.DoubleType)) {
        return number.doubleValue();
      } else if (type instanceof DecimalType decimal) {
        return NumericColumnCodec.decimal(decimal, new BigDecimal(number.toString()));
      }
      return level;
    }
  }

  private static final class DataTypeWriter extends StdSerializer<DataType> {
    DataTypeWriter() {
      super(DataType.class);
    }

    @Override
    public void serialize(DataType type, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeTree(MAPPER.readTree(type.json()));
    }
  }

  private static final class DataTypeReader extends StdDeserializer<DataType> {
    DataTypeReader() {
      super(DataType.class);
    }

    @Override
    public DataType deserialize(JsonParser in, DeserializationContext context) throws IOException {
      return DataType.fromJson(in.readValueAsTree().toString());
    }
  }
}
