package org.cfdmspark.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cfdmspark.encoding.CategoricalColumnCodec;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.encoding.KeyColumnCodec;
import org.cfdmspark.encoding.MarginalMap;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.encoding.TableCodec;
import org.cfdmspark.engine.ColumnRedraw;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * What a fitted model is, for people and manifests: its columns with their kind and encoded width, and per
 * stratum the training rows, the σ used (in standardised units), how σ auto was chosen, the near-copy guard's
 * threshold and the neighbour search.
 *
 * @param trainingRows rows the model was fitted on
 * @param encodedWidth values per encoded row (d)
 * @param constraints what samples keep between columns: the inequalities ("a <= b", "a < b") and the categorical
 *     columns derived from another ("sub_grade determines grade") or from a number's range ("age determines age_group
 *     by ranges"), the number columns fixed per category ("plan determines price") on every sample, then the number
 *     columns equal in many rows ("paid = invoice in 79.4 % of rows") about as often
 * @param categoryDraw how categories are read from barycentres, and the pilot that chose it under auto
 */
public record CfdmSummary(long trainingRows, int encodedWidth, List<ColumnSummary> columns,
    List<StratumSummary> strata, List<String> constraints, CategoryDrawChoice categoryDraw) {

  /**
   * @param kind numeric, categorical or key (see the encoding package)
   * @param stretch a number column's --marginal-map stretch of its values about their mean ({@code
   *     encoding.MarginalMap}); null without one
   * @param missingScale the map's scale of the chance of a missing cell; null without a map, 1 where not measured
   * @param voteWeights the weights of the column's vote ({@code encoding.VoteCalibration}) by state: a category (or
   *     "(missing)"), or a number column's "(other values)" and point masses; null without weights
   */
  public record ColumnSummary(String name, String kind, int width, Double stretch, Double missingScale,
      Map<String, Double> voteWeights) {
  }

  /**
   * @param sigma null for a stratum too small to model
   * @param sigmaCalibration the pilots that chose σ auto; null for a σ given as a number
   * @param guardThreshold the near-copy distance the guard redraws below; null without the guard
   * @param repeatedCopyRedraw the share of first draws copying a repeated training row that the guard redraws
   *     ({@code privacy.RepeatedCopyThinning}); null without the guard
   * @param redrawnColumns the columns σ-CFDM redraws after its last step (--redraw-columns), in the table's order;
   *     empty for none and for the other generators
   * @param trained the fit of a trained score model; null for σ-CFDM
   */
  public record StratumSummary(String label, long rows, Double sigma, SigmaCalibration.Result sigmaCalibration,
      Double guardThreshold, Double repeatedCopyRedraw, List<String> redrawnColumns, String neighbourSearch,
      Trained trained) {
  }

  /**
   * The fit of a trained score model (method.md §9).
   *
   * @param generator random-features or score-net
   * @param fitSeconds wall time of the fit
   * @param bestEpoch the score network's kept epoch; 0 for random features
   * @param epochs the score network's per-epoch train loss, held-out loss and distance to the closed form
   */
  public record Trained(String generator, double fitSeconds, int bestEpoch, List<ScoreNetworkTraining.Epoch> epochs) {
  }

  static CfdmSummary of(FittedModel model) {
    List<ColumnSummary> columns = model.codec().columns().stream()
        .map(c -> {
          MarginalMap map = c instanceof NumericColumnCodec n ? n.marginalMap() : null;
          return new ColumnSummary(c.name(), kind(c), c.width(), map == null ? null : map.stretch(),
              map == null ? null : map.missingScale(), voteWeights(c));
        }).toList();
    List<StratumSummary> strata = model.strata().stream().map(s -> new StratumSummary(s.label(), s.rows(),
        s.sampleable() ? s.config().sigma() : null, s.sigmaCalibration(),
        s.guard() == null ? null : s.guard().threshold(), s.guard() == null ? null : s.guard().repeatedCopyRedraw(),
        s.sampleable() ? redrawnColumns(model.codec(), s.generator().columnRedraw()) : List.of(),
        s.sampleable() ? s.search().toString() : null,
        s.generator() instanceof TrainedGenerator t ? new Trained(ModelKnobs.GENERATOR.format(t.kind()),
            t.fitSeconds(), t.bestEpoch(), t.epochs()) : null)).toList();
    return new CfdmSummary(model.trainingRows(), model.codec().width(), columns, strata,
        Stream.of(model.codec().constraints(), model.codec().formulas(), model.codec().dependencies(),
            model.codec().calendars(), model.codec().ranges(), model.codec().values(), model.codec().equalities())
            .flatMap(List::stream).map(Object::toString).toList(), model.categoryDraw());
  }

  /**
   * The names of the columns whose blocks {@code redraw} replaces, in the table's order: a block is a column's whole
   * slot range, so that a column of no slots (a key, written anew) that starts where a redrawn one does is not named.
   */
  private static List<String> redrawnColumns(TableCodec codec, ColumnRedraw redraw) {
    List<String> names = new ArrayList<>();
    int offset = 0;
    for (ColumnCodec column : codec.columns()) {
      int start = offset;
      int end = offset + column.width();
      if (IntStream.range(0, redraw.from().length).anyMatch(c -> redraw.from()[c] == start && redraw.to()[c] == end)) {
        names.add(column.name());
      }
      offset = end;
    }
    return List.copyOf(names);
  }

  /** A column's vote weights by the state each weighs, to four decimals; null without weights. */
  private static Map<String, Double> voteWeights(ColumnCodec codec) {
    double[] weights;
    List<String> states = new ArrayList<>();
    if (codec instanceof CategoricalColumnCodec categorical && categorical.voteWeights() != null) {
      weights = categorical.voteWeights();
      Arrays.stream(categorical.levels()).forEach(level -> states.add(String.valueOf(level)));
      states.add("(missing)"); // the last slot when the column has one; never read otherwise
    } else if (codec instanceof NumericColumnCodec numeric && numeric.marginalMap() != null
        && numeric.marginalMap().stateWeights() != null) {
      weights = numeric.marginalMap().stateWeights();
      states.add("(other values)");
      states.addAll(numeric.massValues());
    } else {
      return null;
    }
    Map<String, Double> named = new LinkedHashMap<>();
    for (int k = 0; k < weights.length; k++) {
      named.put(states.get(k), Math.round(weights[k] * 1e4) / 1e4);
    }
    return named;
  }

  /** Each column's vote weights ({@link ColumnSummary#voteWeights}), for the columns that have them. */
  public Map<String, Map<String, Double>> voteWeights() {
    Map<String, Map<String, Double>> weights = new LinkedHashMap<>();
    columns.stream().filter(c -> c.voteWeights() != null).forEach(c -> weights.put(c.name(), c.voteWeights()));
    return weights;
  }

  private static String kind(ColumnCodec codec) {
    return codec instanceof CategoricalColumnCodec ? "categorical" : codec instanceof KeyColumnCodec ? "key"
        : "numeric";
  }

  /**
   * Each mapped number column's --marginal-map stretch, to four decimals, in column order (1 where only its missing
   * cells' chance is scaled); empty without the map.
   */
  public Map<String, Double> marginalStretches() {
    return fourDecimals(ColumnSummary::stretch, 0);
  }

  /** The missing-cell chance's scale of each number column that has one other than 1, to four decimals. */
  public Map<String, Double> missingScales() {
    return fourDecimals(ColumnSummary::missingScale, 1);
  }

  /** {@code part} of each column that has it, to four decimals, leaving out the value {@code none}. */
  private Map<String, Double> fourDecimals(Function<ColumnSummary, Double> part, double none) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (ColumnSummary column : columns) {
      Double value = part.apply(column);
      if (value != null && value != none) {
        values.put(column.name(), Math.round(value * 1e4) / 1e4);
      }
    }
    return values;
  }

  /** The columns regenerated as keys, not modelled ({@link KeyColumnCodec}). */
  public List<String> keys() {
    return columns.stream().filter(c -> c.kind().equals("key")).map(ColumnSummary::name).toList();
  }
}
