/**
 * The quality and privacy report: the comparisons of a synthetic table with its training table and holdout,
 * report.json, report.html and its PNG plots, and the sweep's table and plot.
 *
 * <p>May use: {@code config}, {@code knn}, {@code encoding}, {@code metrics}; Spark SQL to read rows.
 */
package org.cfdmspark.report;
