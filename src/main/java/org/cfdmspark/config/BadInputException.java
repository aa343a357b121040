package org.cfdmspark.config;

/**
 * A problem with what the user gave (a file, a column, a setting), as opposed to a failure of the program. Its
 * message is one line that names the problem and the fix; the CLI prints it and exits with code 2.
 */
public class BadInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
