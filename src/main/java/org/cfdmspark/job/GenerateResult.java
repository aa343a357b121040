package org.cfdmspark.job;

/** The outcome of a generation run: where the table is and what the run recorded about itself. */
public record GenerateResult(String output, RunManifest manifest) {

  /** Synthetic rows written. */
  public long samples() {
    return manifest.samples();
  }

  /** Input rows read, dropped and used. */
  public RunManifest.RowCounts rows() {
    return manifest.rows();
  }
}
