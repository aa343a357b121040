package org.cfdmspark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of architecture.md, enforced: each room (package under org.cfdmspark) may use only the rooms
 * its package-info.java names, and the math (engine, knn) and the knob system (config) never touch Spark or Hadoop.
 * Read from the sources, so a fully qualified name in code counts as much as an import.
 */
class ArchitectureTest {
  /** Room → the rooms it may use. Keep in step with each package-info.java and README's code map. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("config", Set.of()),
      Map.entry("knn", Set.of()),
      Map.entry("engine", Set.of("knn")),
      Map.entry("encoding", Set.of("config", "knn")),
      Map.entry("metrics", Set.of("config", "knn", "encoding", "engine")),
      Map.entry("privacy", Set.of("config", "knn", "encoding", "engine", "metrics")),
      Map.entry("report", Set.of("config", "knn", "encoding", "metrics")),
      Map.entry("ml", Set.of("config", "knn", "encoding", "engine", "metrics", "privacy")),
      Map.entry("job", Set.of("config", "knn", "encoding", "engine", "metrics", "privacy", "report", "ml")),
      Map.entry("bench", Set.of("config", "knn", "engine", "metrics", "ml", "job")),
      Map.entry("cli", Set.of("config", "encoding", "ml", "job", "report", "bench")));

  /** Rooms that must stay free of Spark, Hadoop and Scala: testable in milliseconds, usable embedded. */
  static final Set<String> SPARK_FREE = Set.of("config", "knn", "engine");

  private static final Path MAIN = Path.of("src/main/java/org/cfdmspark");
  private static final Pattern OURS = Pattern.compile("\\borg\\.cfdmspark\\.(\\w+)\\.");
  private static final Pattern SPARK = Pattern.compile("\\b(org\\.apache\\.spark|org\\.apache\\.hadoop|scala)\\.");

  @Test
  void everyRoomUsesOnlyWhatItsRulesAllow() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> rooms = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String room = MAIN.relativize(file).getName(0).toString();
        rooms.add(room);
        violations.addAll(violations(room, file.getFileName().toString(), Files.readString(file)));
      }
    }
    assertEquals(ALLOWED.keySet(), rooms, "every room has rules, and every rule a room");
    assertTrue(violations.isEmpty(), "forbidden dependencies:\n" + String.join("\n", violations));
  }

  @Test
  void everyRoomSaysWhatItHoldsAndMayImport() throws IOException {
    for (String room : ALLOWED.keySet()) {
      Path info = MAIN.resolve(room).resolve("package-info.java");
      assertTrue(Files.exists(info), room + " has no package-info.java");
      String text = Files.readString(info);
      assertTrue(text.contains("May use:"), room + "/package-info.java does not say what it may use");
      for (String other : ALLOWED.get(room)) {
        assertTrue(text.contains("{@code " + other + "}"), room + "/package-info.java omits " + other);
      }
    }
  }

  @Test
  void theCheckFindsAForbiddenImportAndAFullyQualifiedName() {
    String engineUsingSpark = "package org.cfdmspark.engine;\nimport org.apache.spark.sql.Row;\n"
        + "class X { org.cfdmspark.job.GenerateJob job; }";
    assertEquals(2, violations("engine", "X.java", engineUsingSpark).size());
    String knnUsingEngine = "package org.cfdmspark.knn;\nimport org.cfdmspark.engine.TrainingSet;\nclass Y {}";
    assertEquals(List.of("knn/Y.java uses engine"), violations("knn", "Y.java", knnUsingEngine));
    // Comments and strings do not count: a Javadoc may name another room.
    String documented = "package org.cfdmspark.knn;\n/** Used by {@link org.cfdmspark.engine.X}. */\n"
        + "class Z { String s = \"org.apache.spark.x\"; }";
    assertTrue(violations("knn", "Z.java", documented).isEmpty());
  }

  static List<String> violations(String room, String fileName, String source) {
    String code = withoutCommentsAndStrings(source);
    List<String> found = new ArrayList<>();
    Set<String> allowed = ALLOWED.getOrDefault(room, Set.of());
    Set<String> used = new TreeSet<>();
    Matcher ours = OURS.matcher(code);
    while (ours.find()) {
      used.add(ours.group(1));
    }
    for (String other : used) {
      if (!other.equals(room) && !allowed.contains(other)) {
        found.add(room + "/" + fileName + " uses " + other);
      }
    }
    if (SPARK_FREE.contains(room) && SPARK.matcher(code).find()) {
      found.add(room + "/" + fileName + " uses Spark, Hadoop or Scala");
    }
    return found;
  }

  private static String withoutCommentsAndStrings(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
        .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }
}
