package org.cfdmspark.config;

import java.util.Locale;

/**
 * Which posterior mean x̂(z, t) drives the sampler (method.md §2, §9): the closed form (σ-CFDM), the
 * random-feature model or the score network. Written in lower case with hyphens on the command line.
 */
public enum ModelKind {
  CFDM, RANDOM_FEATURES, SCORE_NET;

  /** The command-line spelling: {@code cfdm}, {@code random-features}, {@code score-net}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind a command-line spelling names; IllegalArgumentException for anything else. */
  public static ModelKind parse(String raw) {
    return valueOf(raw.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
