package org.cfdmspark.privacy;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One-line warnings on stderr about what a run could not avoid, so that a user who reads no manifest still learns
 * it: samples kept as near-copies of training rows, and a training table made mostly of repeated rows (whose
 * copies the guard lets pass, as fresh rows of such a table repeat training rows too).
 */
public final class RunWarnings {
  /** A table is "mostly duplicates" when more than this share of its rows equals another row. */
  public static final double MOSTLY = 0.5;

  private RunWarnings() {
  }

  /**
   * Warns when most rows of a stratum's training set repeat another row: {@code share} of its {@code rows}
   * ({@code DistinctRows.repeatedShare}); {@code label} names the stratum.
   */
  public static void mostlyDuplicates(String label, double share, int rows, PrintStream err) {
    if (share > MOSTLY) {
      err.println(String.format(Locale.ROOT, "warning: %.0f %% of the %,d training rows%s equal another row; "
          + "samples equal to such a row are kept as fresh data of this table would repeat it: compare the "
          + "report's identical-match share with its holdout reference", 100 * share, rows,
          "all".equals(label) ? "" : " of stratum " + label));
    }
  }

  /**
   * Warns that σ-CFDM samples will be training rows as they are: σ 0 (or one draw per step) leaves no smoothing,
   * so every posterior mean is one training row and the guard, which redraws by widening σ, has nothing to widen.
   * {@code setting} names the knobs that did it ("--sigma 0") and {@code fix} what undoes it.
   */
  public static void unsmoothed(String setting, String fix, PrintStream err) {
    err.println("warning: " + setting + " leaves sigma-CFDM no smoothing: the samples are copies of training rows "
        + "and the near-copy guard is off; " + fix + " unless copies are what you want");
  }

  /**
   * Warns when the guard kept {@code stillNear} of {@code samples} samples as near-copies: after its widest σ for
   * σ-CFDM ({@code baseline} false), after its last fresh draw for a baseline, which has no σ to widen. With
   * {@code redrawn} (σ-CFDM redraws columns, --redraw-columns) it adds that a sample whose every column is redrawn
   * does not move with σ: on a table of independent columns auto redraws them all, and such a copy is a chance
   * combination of other rows' values, which a larger σ would not change.
   */
  public static void stillNear(long stillNear, long samples, boolean baseline, boolean redrawn, PrintStream err) {
    if (stillNear > 0 && baseline) {
      err.println(String.format(Locale.ROOT, "warning: %,d of %,d samples are still near-copies of training rows "
          + "after the guard's last redraw and were kept: a baseline has no sigma to widen (guard in the manifest "
          + "counts them); σ-CFDM (--generator cfdm) widens its sigma instead", stillNear, samples));
    } else if (stillNear > 0) {
      err.println(String.format(Locale.ROOT, "warning: %,d of %,d samples are still near-copies of training rows "
          + "after the guard's last widening of sigma (%.0fx) and were kept; give a larger --sigma or a "
          + "--near-copy-target below 1 (guard in the manifest counts them)%s", stillNear, samples,
          SigmaSteps.multiple(NearCopyGuard.ATTEMPTS), redrawn ? "; a sample whose every column --redraw-columns "
          + "draws from other rows is the same at any sigma (a chance combination of their values; --redraw-columns "
          + "none keeps the flow's)" : ""));
    }
  }
}
