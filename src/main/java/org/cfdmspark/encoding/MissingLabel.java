package org.cfdmspark.encoding;

import java.util.Collection;

/**
 * The name shown for missing cells beside a column's values written as text (a stratum, a bar of a plot): one no
 * value of the column has, so that missing cells and a value written {@code null} or {@code (missing)} stay apart.
 */
public final class MissingLabel {
  /** The name of missing cells when no value is written so. */
  public static final String PLAIN = "(missing)";

  private MissingLabel() {
  }

  /**
   * {@value #PLAIN}, or, when one of {@code texts} (the values as text) is that, the first of "((missing))",
   * "(((missing)))", ... that none is.
   */
  public static String among(Collection<String> texts) {
    String label = PLAIN;
    while (texts.contains(label)) {
      label = "(" + label + ")";
    }
    return label;
  }
}
