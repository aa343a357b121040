/**
 * The batch jobs behind the CLI: read the input (format, columns, --where, holdout), fit and sample through
 * {@code ml}, write atomically with a manifest, progress lines; the report and sweep jobs.
 *
 * <p>May use: {@code config}, {@code knn}, {@code encoding}, {@code engine}, {@code metrics}, {@code privacy},
 * {@code report}, {@code ml}; Spark and Hadoop.
 */
package org.cfdmspark.job;
