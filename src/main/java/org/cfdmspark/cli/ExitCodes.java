package org.cfdmspark.cli;

/** The process exit codes, documented in README for schedulers. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int SUCCESS = 0;
  /** The job failed at run time (Spark, I/O, a bug): the message and stack trace are on stderr. */
  public static final int RUNTIME_FAILURE = 1;
  /** Bad input or usage: a one-line message on stderr names the problem and the fix; nothing was written. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {
  }
}
