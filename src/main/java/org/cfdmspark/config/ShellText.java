package org.cfdmspark.config;

/** Option values in error messages and notes, written so that they can be pasted into a shell as they are. */
public final class ShellText {
  private ShellText() {
  }

  /**
   * {@code text} as one shell word: as it is when it holds only characters no POSIX shell treats specially, else in
   * single quotes ({@code 'US date=MM/dd/yyyy'}), or in double quotes when it holds a single quote but nothing a
   * shell expands in double quotes ({@code "ts=yyyyMMdd'T'HH:mm"}), else single quotes with {@code '\''} for each
   * of its own.
   */
  public static String word(String text) {
    if (text.matches("[A-Za-z0-9_.,:/+=%@-]+")) {
      return text;
    }
    if (text.contains("'") && !text.matches("(?s).*[$`\"\\\\!].*")) {
      return '"' + text + '"';
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
