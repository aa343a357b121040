package org.cfdmspark.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Json;
import org.cfdmspark.config.ProjectVersion;
import org.cfdmspark.config.Settings;
import org.cfdmspark.encoding.CodecJson;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.NeighbourSearch;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.engine.TrainingSet;
import org.cfdmspark.knn.IvfCells;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.privacy.NearCopyCheck;
import org.cfdmspark.privacy.NearCopyGuard;
import org.cfdmspark.privacy.SigmaCalibration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A saved {@link CfdmModel}: a directory with {@value #METADATA} (format and project version, the model knobs, the
 * input schema, the codec as JSON, per stratum its σ and engine settings, guard threshold, neighbour-search size and
 * fitted column redraw) and {@code strata/K/}, the encoded rows of stratum K as Parquet {@link EncodedBlock}s. The IVF cells are
 * rebuilt on load from the rows and the seed (deterministic), with the saved probe count, so a loaded model samples
 * bit-identically to the saved one. The metadata is written last: a directory without it is a partial save. The
 * writer's options ({@code model.write().option("csv-sep", ";")}) are kept as the model's input form.
 */
final class ModelStore {
  static final String METADATA = "metadata.json";
  /**
   * Bumped whenever the layout changes; a model of another format is refused, never misread. 2: key columns keep
   * their training keys' form and numbers ({@code KeyColumnCodec}), not the largest key. 3: each stratum's rows
   * carry their SHA-256 in the metadata, checked on load.
   */
  static final int FORMAT = 3;
  private static final int BLOCK_ROWS = 4096;

  private ModelStore() {
  }

  /**
   * @param search null (exact search) or the IVF cell and probe counts
   * @param repeatedCopyRedraw the guard's redraw share for copies of repeated rows; absent (null) in models saved
   *     before it existed, which redraw none
   * @param columnRedraw the columns redrawn after the last step as fitted (--redraw-columns: reference rows,
   *     weights, k), so that a load does not estimate them again; absent (null) in models saved before it was
   *     stored, which fit it again from the settings
   * @param rowsSha256 the SHA-256 of the stratum's encoded rows as saved ({@link ModelFiles#rowsSha256}): a load that reads
   *     other rows (a corrupt file, or a model replaced while it was read) is refused; null for a stratum without rows
   */
  record StoredStratum(String label, long rows, SamplerConfig config, int ivfCells, int ivfProbes,
      Double guardThreshold, SigmaCalibration.Result sigmaCalibration, Double repeatedCopyRedraw,
      ColumnRedraw columnRedraw, String rowsSha256) {
  }

  /**
   * @param inputForm how the input was written, as the writer's options gave it ({@link CfdmModel#inputForm});
   *     absent (null) in models saved before it was recorded
   * @param categoryDraw the draw the codec decodes with, and auto's pilot figures; absent (null) in models saved
   *     before --category-draw auto
   */
  record Metadata(int format, String projectVersion, String sparkVersion, String uid,
      Map<String, String> settings, JsonNode inputSchema, String stratifyBy, long trainingRows, JsonNode codec,
      List<StoredStratum> strata, Map<String, String> inputForm, CategoryDrawChoice categoryDraw) {
  }

  static final class Writer extends MLWriter {
    private final CfdmModel model;

    Writer(CfdmModel model) {
      this.model = model;
    }

    @Override
    public void saveImpl(String path) {
      SparkSession spark = sparkSession();
      FittedModel fitted = model.fitted();
      List<StoredStratum> strata = new ArrayList<>();
      for (int k = 0; k < fitted.strata().size(); k++) {
        FittedModel.Stratum s = fitted.strata().get(k);
        if (s.sampleable() && s.generator().kind() != GeneratorKind.CFDM) {
          throw new BadInputException("saving a model of --generator "
              + ModelKnobs.GENERATOR.format(s.generator().kind()) + " is not supported; save σ-CFDM models, or "
              + "use generate, which fits and samples in one run");
        }
        if (s.sampleable()) {
          writeRows(spark, s.training().points(), stratumPath(path, k));
        }
        IvfCells cells = s.sampleable() ? s.search().cells() : null;
        strata.add(new StoredStratum(s.label(), s.rows(), s.config(), cells == null ? 0 : cells.cells(),
            cells == null ? 0 : s.search().probes(), s.guard() == null ? null : s.guard().threshold(),
            s.sigmaCalibration(), s.guard() == null ? null : s.guard().repeatedCopyRedraw(),
            s.sampleable() ? s.generator().columnRedraw() : null,
            s.sampleable() ? ModelFiles.rowsSha256(s.training().points().values(), s.training().size()
                * s.training().dimension()) : null));
      }
      Metadata metadata = new Metadata(FORMAT, ProjectVersion.current(), spark.version(), model.uid(),
          model.settings().asText(), json(fitted.inputSchema().json()), fitted.stratifyBy(),
          fitted.trainingRows(), CodecJson.toJson(fitted.codec()), strata,
          new TreeMap<>(CollectionConverters.asJava(optionMap())), fitted.categoryDraw());
      Path file = new Path(path, METADATA);
      try (OutputStream out = file.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(file, false)) {
        Json.mapper().writeValue(out, metadata);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
      }
    }

    private static void writeRows(SparkSession spark, RowMatrix points, String path) {
      int d = points.dimension();
      List<EncodedBlock> blocks = new ArrayList<>();
      for (int first = 0; first < points.rows(); first += BLOCK_ROWS) {
        int rows = Math.min(BLOCK_ROWS, points.rows() - first);
        blocks.add(new EncodedBlock(first, rows,
            Arrays.copyOfRange(points.values(), first * d, (first + rows) * d)));
      }
      spark.createDataset(blocks, Encoders.bean(EncodedBlock.class)).coalesce(1).write().parquet(path);
    }
  }

  static final class Reader extends MLReader<CfdmModel> {
    @Override
    public CfdmModel load(String path) {
      SparkSession spark = sparkSession();
      SavedMetadata saved = readMetadata(spark, path);
      Metadata metadata = saved.metadata();
      try {
        TableCodec codec = CodecJson.fromJson(metadata.codec());
        StructType schema = (StructType) DataType.fromJson(metadata.inputSchema().toString());
        Settings settings = Settings.defaults(ModelKnobs.ALL);
        for (Map.Entry<String, String> knob : metadata.settings().entrySet()) {
          settings = withSaved(settings, knob.getKey(), knob.getValue());
        }
        if (!metadata.settings().containsKey(ModelKnobs.REDRAW_COLUMNS.name())) {
          // Saved before the redraw existed: its samples are the barycentres' values, as they were then.
          settings = settings.with(ModelKnobs.REDRAW_COLUMNS, List.of());
        }
        List<FittedModel.Stratum> strata = new ArrayList<>();
        for (int k = 0; k < metadata.strata().size(); k++) {
          strata.add(stratum(spark, path, k, metadata.strata().get(k), codec, settings));
        }
        FittedModel fitted = new FittedModel(schema, codec, metadata.stratifyBy(), metadata.trainingRows(),
            List.copyOf(strata), Map.of(), metadata.categoryDraw() != null ? metadata.categoryDraw()
            : CategoryDrawChoice.given(codec.categoryDraw())); // a model saved before auto: its codec's draw
        // sample learns of copies as generate does: the fit that warned ran in another process.
        ModelFitting.warnIfUnsmoothed(settings, fitted.strata());
        CfdmModel model = new CfdmModel(metadata.uid(), fitted);
        return model.withSettings(settings).withSaved(metadata.inputForm() == null ? Map.of()
            : metadata.inputForm(), saved.sha256());
      } catch (Exception e) { // Spark's reading errors are Scala's checked exceptions, which Java sees declared nowhere
        if (e instanceof BadInputException bad) {
          throw bad;
        }
        if (ModelFiles.vanished(e) || !saved.sha256().equals(currentSha256(spark, path))) {
          // A fit --mode overwrite renamed another model into place between the metadata's read and the rows' (a
          // file listed, then gone, even where the model in place at the end has the metadata read first).
          throw replaced(path, e);
        }
        throw corrupt(path, e.getMessage());
      }
    }

    private static Settings withSaved(Settings settings, String name, String text) {
      String defaultText = settings.asText().get(name);
      // Unset knobs are written as their display text ("(unset)", "(none)"), which is not a value to parse.
      return text.equals(defaultText) ? settings : settings.withText(name, text);
    }


    /**
     * @param settings the model's settings: the spacings of the guard's --guard-locality and of --local-noise are
     *     recomputed from the saved rows; --redraw-columns is the stored fit (a model saved before it was stored fits
     *     it again on the rows: the same seed, the same columns, weights and k, with the same note as at fit);
     *     --parent-noise and --category-draw (the slots a sample takes from one drawn row) as saved
     */
    private static FittedModel.Stratum stratum(SparkSession spark, String path, int k, StoredStratum stored,
        TableCodec codec, Settings settings) throws IOException {
      if (stored.config() == null) {
        return new FittedModel.Stratum(stored.label(), stored.rows(), null, null, null, null, null, null);
      }
      TrainingSet training = new TrainingSet(readRows(spark, stratumPath(path, k), stored, codec.width()));
      NeighbourSearch search = stored.ivfCells() == 0 ? NeighbourSearch.EXACT
          : new NeighbourSearch(IvfCells.build(training.points(), stored.ivfCells(), stored.config().seed()),
              stored.ivfProbes());
      NearCopyGuard guard = stored.guardThreshold() == null ? null
          : new NearCopyGuard(NearCopyCheck.withThreshold(stored.guardThreshold(), training, codec)
              .withLocality(settings.get(ModelKnobs.GUARD_LOCALITY), training)).withRepeatedCopyRedraw(
                  stored.repeatedCopyRedraw() == null ? 0 : stored.repeatedCopyRedraw());
      return new FittedModel.Stratum(stored.label(), stored.rows(), training, stored.config(), search, guard,
          stored.sigmaCalibration(),
          AdaptiveNoiseGenerator.of(ClosedFormGenerator.of(codec, settings.get(ModelKnobs.CATEGORY_DRAW),
              ModelKnobs.parentNoise(settings), stored.columnRedraw() != null ? stored.columnRedraw()
                  : ModelFitting.columnRedraw(stored.label(), training, codec, stored.config(), settings)), training,
              codec, ModelKnobs.localNoise(settings)));
    }

    private static RowMatrix readRows(SparkSession spark, String path, StoredStratum stored, int d) throws IOException {
      ModelFiles.requireWholeParquet(spark, path);
      long rows = stored.rows();
      float[] values = new float[Math.toIntExact(rows * d)];
      long read = 0;
      for (EncodedBlock block : spark.read().parquet(path).as(Encoders.bean(EncodedBlock.class))
          .collectAsList()) {
        System.arraycopy(block.getValues(), 0, values, block.getFirst() * d, block.getRows() * d);
        read += block.getRows();
      }
      if (read != rows) {
        throw new IllegalStateException(path + " holds " + read + " rows, the metadata says " + rows);
      }
      if (!ModelFiles.rowsSha256(values, values.length).equals(stored.rowsSha256())) {
        throw new IllegalStateException(path + "'s rows are not the ones saved (their SHA-256 differs from the "
            + "metadata's)");
      }
      return RowMatrix.of((int) rows, d, values);
    }

    /** The SHA-256 of the metadata at {@code path} now; null while there is none (between a swap's two renames). */
    private static String currentSha256(SparkSession spark, String path) {
      try {
        return readMetadata(spark, path).sha256();
      } catch (BadInputException gone) {
        return null;
      }
    }

    /** The model's metadata and the SHA-256 of its file's bytes. */
    private static SavedMetadata readMetadata(SparkSession spark, String path) {
      Path file = new Path(path, METADATA);
      Metadata metadata;
      String sha256;
      try {
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(new Path(path))) {
          throw new BadInputException("model '" + path + "' does not exist; fit one with the fit command or "
              + "CfdmSynthesizer.fit and save it");
        }
        // A run's output holds its manifest (job.RunManifest.FILE_NAME, a room this one does not see).
        if (!fs.exists(file) && fs.exists(new Path(path, "_manifest.json"))) {
          throw new BadInputException("'" + path + "' is the output of a generate or sample run (synthetic rows and "
              + "_manifest.json), not a saved model; make a model with the fit command (fit --model DIR) and sample "
              + "from that");
        }
        if (fs.getFileStatus(new Path(path)).isFile()) {
          throw new BadInputException("'" + path + "' is a file, not a saved model (a directory that fit --model DIR "
              + "writes); fit one from it with fit --input " + path + " --model DIR, then sample --model DIR");
        }
        if (!fs.exists(file)) {
          throw new BadInputException("'" + path + "' is not a complete saved model (no " + METADATA + "): it "
              + "was not written by a model save, or the save did not finish; save the model again");
        }
        byte[] bytes = ModelFiles.readAll(fs, file);
        sha256 = ModelFiles.sha256(bytes);
        JsonNode tree = Json.mapper().readTree(bytes);
        requireSameVersion(path, tree);
        metadata = Json.mapper().treeToValue(tree, Metadata.class);
      } catch (FileNotFoundException e) { // there a moment ago
        throw replaced(path, e);
      } catch (IOException e) {
        throw corrupt(path, e.getMessage());
      }
      if (metadata.strata() == null || metadata.codec() == null || metadata.inputSchema() == null) {
        throw corrupt(path, "incomplete metadata");
      }
      return new SavedMetadata(metadata, sha256);
    }

    private static void requireSameVersion(String path, JsonNode tree) {
      String saved = tree.path("project_version").asText("unknown");
      int format = tree.path("format").asInt(-1);
      if (format != FORMAT || !saved.equals(ProjectVersion.current())) {
        throw new BadInputException("model '" + path + "' was saved by cfdm-spark " + saved + " (model format "
            + format + "); this is cfdm-spark " + ProjectVersion.current() + " (model format " + FORMAT
            + "): fit it again with this version");
      }
    }
  }

  private static IllegalStateException replaced(String path, Exception e) {
    return new IllegalStateException("model '" + path + "' was replaced while it was loaded (its " + METADATA
        + " changed); run again", e);
  }

  private record SavedMetadata(Metadata metadata, String sha256) {
  }

  private static BadInputException corrupt(String path, String detail) {
    String line = String.valueOf(detail).lines().findFirst().orElse("");
    return new BadInputException("model '" + path + "' is corrupt (" + line + "); save it again");
  }

  private static String stratumPath(String path, int k) {
    return new Path(new Path(path, "strata"), String.valueOf(k)).toString();
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
