package org.cfdmspark.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cfdmspark.encoding.CategoricalColumnCodec;
import org.cfdmspark.encoding.ColumnCodec;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.encoding.KeyColumnCodec;
import org.cfdmspark.encoding.NumericColumnCodec;
import org.cfdmspark.privacy.SigmaCalibration;

/**
 * What a fitted model is, for people and manifests: its columns with their kind and encoded width, and per
 * stratum the training rows, the σ used (in standardised units), how σ auto was chosen, the near-copy guard's
 * threshold and the neighbour search.
 *
 * @param trainingRows rows the model was fitted on
 * @param encodedWidth values per encoded row (d)
 * @param constraints what samples keep between columns: the inequalities ("a <= b", "a < b") and the categorical
 *     columns derived from another ("sub_grade determines grade") on every sample, then the number columns equal in
 *     many rows ("paid = invoice in 79.4 % of rows") about as often
 * @param categoryDraw how categories are read from barycentres, and the pilot that chose it under auto
 */
public record CfdmSummary(long trainingRows, int encodedWidth, List<ColumnSummary> columns,
    List<StratumSummary> strata, List<String> constraints, CategoryDrawChoice categoryDraw) {

  /**
   * @param kind numeric, categorical or key (see the encoding package)
   * @param stretch a number column's --marginal-map stretch of its values about their mean ({@code
   *     encoding.MarginalMap}); null without one
   */
  public record ColumnSummary(String name, String kind, int width, Double stretch) {
  }

  /**
   * @param sigma null for a stratum too small to model
   * @param sigmaCalibration the pilots that chose σ auto; null for a σ given as a number
   * @param guardThreshold the near-copy distance the guard redraws below; null without the guard
   * @param repeatedCopyRedraw the share of first draws copying a repeated training row that the guard redraws
   *     ({@code privacy.RepeatedCopyThinning}); null without the guard
   * @param trained the fit of a trained score model; null for σ-CFDM
   */
  public record StratumSummary(String label, long rows, Double sigma, SigmaCalibration.Result sigmaCalibration,
      Double guardThreshold, Double repeatedCopyRedraw, String neighbourSearch, Trained trained) {
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
        .map(c -> new ColumnSummary(c.name(), kind(c), c.width(),
            c instanceof NumericColumnCodec n && n.marginalMap() != null ? n.marginalMap().stretch() : null)).toList();
    List<StratumSummary> strata = model.strata().stream().map(s -> new StratumSummary(s.label(), s.rows(),
        s.sampleable() ? s.config().sigma() : null, s.sigmaCalibration(),
        s.guard() == null ? null : s.guard().threshold(), s.guard() == null ? null : s.guard().repeatedCopyRedraw(),
        s.sampleable() ? s.search().toString() : null,
        s.generator() instanceof TrainedGenerator t ? new Trained(ModelKnobs.GENERATOR.format(t.kind()),
            t.fitSeconds(), t.bestEpoch(), t.epochs()) : null)).toList();
    return new CfdmSummary(model.trainingRows(), model.codec().width(), columns, strata,
        Stream.of(model.codec().constraints(), model.codec().dependencies(), model.codec().equalities())
            .flatMap(List::stream).map(Object::toString).toList(), model.categoryDraw());
  }

  private static String kind(ColumnCodec codec) {
    return codec instanceof CategoricalColumnCodec ? "categorical" : codec instanceof KeyColumnCodec ? "key"
        : "numeric";
  }

  /** Each number column's --marginal-map stretch, to four decimals, in column order; empty without the map. */
  public Map<String, Double> marginalStretches() {
    Map<String, Double> stretches = new LinkedHashMap<>();
    for (ColumnSummary column : columns) {
      if (column.stretch() != null) {
        stretches.put(column.name(), Math.round(column.stretch() * 1e4) / 1e4);
      }
    }
    return stretches;
  }

  /** The columns regenerated as keys, not modelled ({@link KeyColumnCodec}). */
  public List<String> keys() {
    return columns.stream().filter(c -> c.kind().equals("key")).map(ColumnSummary::name).toList();
  }
}
