/**
 * The knob system and the errors users can fix: {@link org.cfdmspark.config.Knob} (one user-facing setting,
 * defined once: name, default, valid range, help), {@link org.cfdmspark.config.Settings} (values for a set of
 * knobs) and {@link org.cfdmspark.config.BadInputException} (a one-line message naming the problem and the fix;
 * the CLI exits 2). The knobs themselves live with what they set: the model's in {@code ml}, the job's in
 * {@code job}.
 *
 * <p>May use: nothing of ours; no Spark.
 */
package org.cfdmspark.config;
