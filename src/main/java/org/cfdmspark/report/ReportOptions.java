package org.cfdmspark.report;

/**
 * How much of the tables a report looks at.
 *
 * @param distanceRows rows per table for sliced W2, MMD, C2ST, PCA and as DCR queries (larger tables are subsampled)
 * @param plotColumns most columns that get a marginal plot
 * @param directions random directions of the sliced Wasserstein distance
 * @param seed seeds every subsample, fold split and projection, so a report is reproducible
 * @param target the column TSTR predicts; null for none (TSTR skipped)
 */
public record ReportOptions(int distanceRows, int plotColumns, int directions, long seed, String target) {
}
