package org.cfdmspark.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.config.Json;
import org.cfdmspark.ml.CategoryDrawChoice;
import org.cfdmspark.ml.CfdmSummary;
import org.cfdmspark.ml.ModelKnobs;
import org.cfdmspark.ml.GuardTally;
import org.cfdmspark.ml.SamplingMonitor;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * What a generation run did, written as {@value #FILE_NAME} into its output: enough to reproduce it (every knob,
 * the resolved σ, the input's size and modification time, the versions) and to judge it (row counts, timings).
 *
 * @param settings every knob's value as the user would type it
 * @param resolved the values the data-independent auto knobs took ({@code ModelKnobs#resolved}: steps,
 *     final-noise as applied)
 * @param categoryDraw the --category-draw decoding used, with auto's pilot figures (null when no pilot ran)
 * @param sigma the σ actually used (auto resolved); null when strata have their own (see {@code strata})
 * @param seed the seed actually used (given, derived from the run id, or 0)
 * @param seconds wall time per phase: jvm and spark_start (when the command line started the session: see
 *     {@link SparkSessions#startSeconds}), then read, fit (or load, for sample), sample_and_write (sampling is
 *     lazy, so it runs in the write)
 * @param tasks failed and retried task attempts of the sampling stage (both 0 on a run without faults)
 * @param guard what --guard did; null without it
 * @param profile where the time went: the fit's steps (wall seconds, and the driver's CPU seconds) and the task
 *     seconds inside sampling: the flow's first draws (of which neighbour search and posterior-mean kernel), the
 *     guard, decoding
 * @param kernel the driver's dot-product kernel (vector or scalar; both give the same bits, executors log theirs)
 * @param compilers what the driver JVM's JIT compilers were allowed while sampling ({@link StartupCompilation})
 * @param keys the columns regenerated as keys (new unique values), not modelled
 * @param constraints what output rows keep between columns: inequalities (found or stated) and categorical columns
 *     derived from another ("sub_grade determines grade") or from a number's range ("age determines age_group by
 *     ranges"), number columns fixed per category ("plan determines price") on every row, then number columns equal
 *     in many rows ("paid = invoice in 79.4 % of rows") about as often
 * @param marginalMap each number column's --marginal-map stretch of its values about the training mean (the spread of
 *     a pilot's start rows over that of its samples, in the model's units); empty when no stretch applies
 * @param missingScale each number column's --marginal-map scale of the chance of a missing cell (the pilot's
 *     missing start rows over its samples' weights of missing rows), where it is not 1; empty when none
 * @param voteWeights each column's --marginal-map weights of its vote by state (a category, or a number column's
 *     other values and point masses: a tie among a barycentre's largest shares goes to each state in proportion);
 *     empty when none
 */
public record RunManifest(String projectVersion, String sparkVersion, String master, String started,
    Map<String, String> settings, Map<String, Number> resolved, CategoryDrawFacts categoryDraw, Double sigma,
    long seed, Input input, Output output, RowCounts rows,
    List<String> columns, List<StratumSummary> strata, long samples, Map<String, Double> seconds,
    double samplesPerSecond, TaskCounts tasks, GuardTally.Summary guard,
    Profile profile, String kernel, String compilers, List<String> keys, List<String> constraints,
    Map<String, Double> marginalMap, Map<String, Double> missingScale, Map<String, Map<String, Double>> voteWeights) {

  /**
   * The file name. It starts with an underscore, like Spark's _SUCCESS, so that Spark's readers skip it and the
   * output directory reads back as a plain table.
   */
  public static final String FILE_NAME = "_manifest.json";

  /**
   * @param fitSeconds the fit's steps ({@code CfdmModel#fitSeconds}: collect, codec, search, sigma_spacing, …,
   *     process_cpu); empty when the model was loaded
   * @param sampling the sampling profile, written beside {@code fit_seconds} (flow_seconds, search_seconds, …)
   */
  public record Profile(Map<String, Double> fitSeconds, @JsonUnwrapped SamplingMonitor.Profile sampling) {
  }

  /**
   * @param modified the input's modification time, ISO-8601 UTC
   * @param modelUid a saved model's uid (the sample job's input); absent for a table
   * @param modelSha256 the SHA-256 of the saved model's metadata as loaded ({@code CfdmModel#savedSha256}), which
   *     holds its rows' SHA-256: which model made the rows, even if another was saved at its path since; absent for
   *     a table
   */
  public record Input(String path, String format, long bytes, String modified,
      @JsonInclude(JsonInclude.Include.NON_NULL) String modelUid,
      @JsonInclude(JsonInclude.Include.NON_NULL) String modelSha256) {
  }

  public record Output(String path, String format, int partitions) {
  }

  /** Input rows read, left out (by --where or held out by --holdout-fraction), and used as the training set. */
  public record RowCounts(long read, long filtered, long used) {
  }

  /**
   * The category draw decoding used ({@code vote}, {@code weights}, …: --category-draw with auto resolved) and,
   * under auto, the pilot's figures that chose it ({@code ml.CategoryDrawChoice}): the mean disagreement of the
   * categorical blocks with their vote, how far each draw would move the category shares (mean TV distance to the
   * training shares), and the share of near-copies among its first draws; null when no pilot ran.
   */
  public record CategoryDrawFacts(String draw, Double disagreement, Double voteShareError, Double weightsShareError,
      Double firstDrawNearCopies) {
    static CategoryDrawFacts of(CategoryDrawChoice choice) {
      return new CategoryDrawFacts(ModelKnobs.CATEGORY_DRAW.format(choice.draw()), rounded(choice.disagreement()),
          rounded(choice.voteShareError()), rounded(choice.weightsShareError()),
          rounded(choice.firstDrawNearCopies()));
    }

    /** Four decimals: a pilot's share is an estimate, and 0.9199999999999999 reads as noise. */
    private static Double rounded(Double share) {
      return share == null ? null : Math.round(share * 1e4) / 1e4;
    }
  }

  /**
   * One independently sampled stratum ("all" without --stratify-by): its training rows, samples and σ, and with
   * σ auto the pilots that chose it (null for a σ given as a number), the share of first draws copying a repeated
   * training row that the guard redraws (null without the guard), the columns σ-CFDM redraws after its last step
   * (--redraw-columns; what auto chose), and the fit of a trained score model (null for σ-CFDM).
   */
  public record StratumSummary(String value, long rows, long samples, double sigma,
      SigmaCalibration.Result sigmaCalibration, Double repeatedCopyRedraw, List<String> redrawnColumns,
      CfdmSummary.Trained trained) {
  }

  /**
   * @param failed task attempts that ended without success (lost executor, error, killed)
   * @param retried successful attempts that were not a task's first (attempt number above 0)
   */
  public record TaskCounts(long failed, long retried) {
  }

  /** Writes this manifest as indented JSON to {@code file}, which must not exist. */
  void write(FileSystem fs, Path file) throws IOException {
    try (OutputStream out = fs.create(file, false)) {
      Json.mapper().writeValue(out, this);
    }
  }


}
