package org.cfdmspark.core;

import java.util.List;

/**
 * The knobs of the sampling engine: method.md's σ, M, S, T, noise policy, estimator, K, L, the nn estimator's
 * neighbour index, plus seed, run id (which stands in for an unset seed) and count.
 */
public final class SamplerKnobs {
  private SamplerKnobs() {
  }

  public static final Knob<Sigma> SIGMA = Knob.custom("sigma", "NUMBER|auto", Sigma.AUTO, Sigma::parse,
      Sigma::isValid, "a number >= 0 or auto",
      "Smoothing scale σ in standardised units; 0 reproduces training rows. auto = "
          + SigmaDefault.DESCRIPTION + " (generate raises it for --near-copy-target below 1).",
      Sigma::toString);
  public static final Knob<Integer> DRAWS = Knob.integer("draws", 4, 1, 1024,
      "Smoothing draws M per trajectory: samples land on barycentres of about M nearby training rows.");
  public static final Knob<Integer> STEPS = Knob.integer("steps", 100, 1, 1_000_000,
      "Euler grid size S: the flow is integrated on t = n/S.");
  public static final Knob<Double> START_TIME = Knob.decimal("start-time", 0.8, 0, 1, false,
      "Start time T: start from the noised data at t0 = ceil(T*S)/S, saving that share of the steps.");
  public static final Knob<NoisePolicy> NOISE_POLICY = Knob.choice("noise-policy", NoisePolicy.class,
      NoisePolicy.TRAJECTORY, "Draw the M smoothing vectors once per trajectory, or anew at every step.");
  public static final Knob<EstimatorKind> ESTIMATOR = Knob.choice("estimator", EstimatorKind.class,
      EstimatorKind.NN, "Posterior mean from K nearest + L random training rows (nn; near-exact from t = 0.5 on, "
          + "sub-linear in N with IVF) or from all rows (exact).");
  public static final Knob<Integer> NEIGHBORS = Knob.integer("neighbors", 20, 1, 1_000_000,
      "K: nearest training rows per query for the nn estimator.");
  public static final Knob<Integer> RANDOM_POINTS = Knob.integer("random-points", 20, 0, 1_000_000,
      "L: random further training rows per query for the nn estimator (they stand for the remainder).");
  public static final Knob<IndexKind> INDEX = Knob.choice("index", IndexKind.class, IndexKind.AUTO,
      "Neighbour search of the nn estimator: exact scan, ivf (k-means cells), or auto (ivf from "
          + NeighbourSearch.AUTO_IVF_ROWS + " training rows on).");
  public static final Knob<Integer> NLIST = Knob.integer("nlist", 0, 0, 1_000_000,
      "IVF cells (k-means centroids); 0 = automatic, about 4·sqrt(N).");
  public static final Knob<Integer> NPROBE = Knob.integer("nprobe", 0, 0, 1_000_000,
      "IVF cells searched per query; 0 = automatic, the fewest reaching recall@K >= "
          + NeighbourSearch.TARGET_RECALL + " on a calibration sample.");
  public static final Knob<Long> SEED = Knob.longInteger("seed", null, Long.MIN_VALUE, Long.MAX_VALUE,
      "Random seed: the same seed, data and knobs give the same rows, however the work is split. Unset: derived "
          + "from --run-id, else " + RunSeed.DEFAULT + ".");
  public static final Knob<String> RUN_ID = Knob.text("run-id", "TEXT", null,
      "Name of this run for schedulers (e.g. its date); without --seed the seed is derived from it (first 8 "
          + "bytes of its UTF-8 SHA-256), so re-running a run id gives the same rows.");
  public static final Knob<Long> NUM_SAMPLES = Knob.longInteger("num-samples", 1000L, 1, Long.MAX_VALUE,
      "Number of synthetic rows to generate.");

  /** All of them, in the order docs and manifests list them. */
  public static final List<Knob<?>> ALL = List.of(NUM_SAMPLES, SIGMA, DRAWS, STEPS, START_TIME, NOISE_POLICY,
      ESTIMATOR, NEIGHBORS, RANDOM_POINTS, INDEX, NLIST, NPROBE, SEED, RUN_ID);
}
