package org.cfdmspark.config;

/** A knob was given a value outside its valid range; the message names the knob and the range. */
public final class KnobException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public KnobException(String message) {
    super(message);
  }
}
