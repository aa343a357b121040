package org.cfdmspark.job;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cfdmspark.config.Knob;

/** The grid of the memorisation study command (the random-feature paper's regimes next to σ-CFDM's σ). */
public final class StudyKnobs {
  private StudyKnobs() {
  }

  public static final Knob<List<Integer>> ROWS = Knob.custom("study-rows", "N[,N...]", List.of(200, 400),
      raw -> Arrays.stream(raw.split(",")).map(String::trim).map(Integer::valueOf).toList(),
      v -> !v.isEmpty() && v.stream().allMatch(n -> n >= 2), "comma-separated integers >= 2",
      "Training-set sizes n (nested seeded subsamples of the table).", StudyKnobs::join);
  public static final Knob<List<Double>> FEATURE_RATIOS = decimals("feature-ratios",
      List.of(0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 4.0), "Ratios p/n of random features to training rows.");
  public static final Knob<List<Integer>> NOISE_DRAWS = Knob.custom("study-noise-draws", "M[,M...]", List.of(1, 4),
      raw -> Arrays.stream(raw.split(",")).map(String::trim).map(Integer::valueOf).toList(),
      v -> !v.isEmpty() && v.stream().allMatch(m -> m >= 1), "comma-separated integers >= 1",
      "Noise draws m per training row and grid time of the random-feature fits.", StudyKnobs::join);
  public static final Knob<List<Double>> SIGMAS = decimals("study-sigmas", List.of(0.0, 0.1, 0.2, 0.4),
      "σ values of σ-CFDM on the same rows.");
  public static final Knob<Integer> SAMPLES = Knob.integer("study-samples", 500, 1, 1_000_000,
      "Samples per point for the memorised fraction.");
  public static final Knob<Integer> TEST_ROWS = Knob.integer("test-rows", 2000, 1, 10_000_000,
      "Rows held out of every training subsample for the test DSM loss.");

  public static final List<Knob<?>> ALL = List.of(ROWS, FEATURE_RATIOS, NOISE_DRAWS, SIGMAS, SAMPLES, TEST_ROWS);

  private static Knob<List<Double>> decimals(String name, List<Double> defaultValue, String help) {
    return Knob.custom(name, "X[,X...]", defaultValue,
        raw -> Arrays.stream(raw.split(",")).map(String::trim).map(Double::valueOf).toList(),
        v -> !v.isEmpty() && v.stream().allMatch(x -> x >= 0 && Double.isFinite(x)),
        "comma-separated numbers >= 0", help, StudyKnobs::join);
  }

  private static String join(List<? extends Number> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
