package org.cfdmspark.job;

import org.cfdmspark.report.QualityReport;

/**
 * The outcome of a generation run: where the table is, what the run recorded about itself and its report (generate
 * --report; null otherwise).
 */
public record GenerateResult(String output, RunManifest manifest, QualityReport report) {

  /** Synthetic rows written. */
  public long samples() {
    return manifest.samples();
  }

  /** Input rows read, dropped and used. */
  public RunManifest.RowCounts rows() {
    return manifest.rows();
  }
}
