/**
 * The picocli command line: generate, fit, sample, report, bench, knobs; exit codes 0 / 1 / 2.
 *
 * <p>May use: {@code config}, {@code encoding}, {@code ml}, {@code job}, {@code report}, {@code bench}.
 */
package org.cfdmspark.cli;
