package org.cfdmspark.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text of a list of column names, quoted the way a CSV header is (RFC 4180, section 2): names are separated by
 * commas; a name in double quotes may hold commas, spaces at its ends and quotes, written doubled
 * ({@code "weight, kg","says ""hi"""}). Unquoted names are trimmed. So every name a CSV header can carry can be
 * given to a list option, and {@link #format} writes text that {@link #parse} reads back to the same names.
 */
public final class NameList {
  private NameList() {
  }

  /**
   * The names in {@code text}, in order, duplicates and empty entries dropped.
   *
   * @throws IllegalArgumentException when a quoted name is not closed, or text follows a closing quote
   */
  public static List<String> parse(String text) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = text.length();
    while (i <= n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      StringBuilder name = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i = quoted(text, i + 1, name);
        while (i < n && text.charAt(i) == ' ') {
          i++;
        }
        if (i < n && text.charAt(i) != ',') {
          throw new IllegalArgumentException("text after the closing quote of \"" + name + "\"");
        }
        names.add(name.toString());
      } else {
        int end = text.indexOf(',', i);
        end = end < 0 ? n : end;
        String plain = text.substring(i, end).strip();
        if (!plain.isEmpty()) {
          names.add(plain);
        }
        i = end;
      }
      i++; // past the comma (or the end)
    }
    return List.copyOf(names);
  }

  /** Reads a quoted name from {@code start} (just after the opening quote); returns the index after the closing one. */
  private static int quoted(String text, int start, StringBuilder name) {
    int i = start;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          name.append('"');
          i += 2;
          continue;
        }
        return i + 1;
      }
      name.append(c);
      i++;
    }
    throw new IllegalArgumentException("unclosed quote in " + text);
  }

  /** The names as {@link #parse} reads them: quoted (inner quotes doubled) where they need it, comma-separated. */
  public static String format(List<String> names) {
    return names.stream().map(NameList::quoteIfNeeded).collect(Collectors.joining(","));
  }

  private static String quoteIfNeeded(String name) {
    boolean plain = !name.isEmpty() && name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.equals(name.strip());
    return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
