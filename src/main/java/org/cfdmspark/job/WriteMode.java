package org.cfdmspark.job;

/** What to do when the output path exists: refuse (the default, so nothing is lost by a typo) or replace it. */
public enum WriteMode {
  ERROR, OVERWRITE
}
