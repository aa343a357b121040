package org.cfdmspark.job;

/**
 * A standalone Spark master that accepts no connection ({@link MasterReachability}): a runtime failure (exit code 1)
 * whose one-line message says all there is, so no stack trace is printed.
 */
public final class UnreachableMasterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnreachableMasterException(String message) {
    super(message);
  }
}
