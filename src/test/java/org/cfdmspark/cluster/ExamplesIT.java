package org.cfdmspark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's examples of the Spark API ("Using it from Spark code") run against the packaged jar the way a user runs
 * them: the Java program compiled with javac against the application jar and target/lib and run in a JVM of its
 * own, and the Scala snippet typed into a spark-shell started with {@code --jars} the application jar. Their text
 * is README's (ReadmeExamplesTest).
 *
 * <p>spark-shell is Spark's launcher around the Scala 2.13 REPL (scala-compiler, a test dependency here), which,
 * before the first line typed, binds the session to {@code spark} and its context to {@code sc} and makes a few
 * imports, with the {@code --jars} on the REPL's class path and in {@code spark.jars}. This test does the same
 * (there is no Spark distribution in the build).
 */
class ExamplesIT {
  /** The examples, as README shows them. */
  static final Path EXAMPLES = Path.of("src/test/examples");
  /** The table both examples read (the bundled demo table). */
  private static final Path PENGUINS = Path.of("src/main/resources/demo/penguins.csv");
  private static final Duration TIMEOUT = Duration.ofMinutes(8);
  /** What spark-shell runs before the user's first line. */
  private static final String SPARK_SHELL_START = """
      @transient val spark = org.apache.spark.sql.SparkSession.builder().getOrCreate()
      @transient val sc = spark.sparkContext
      import org.apache.spark.SparkContext._
      import spark.implicits._
      import spark.sql
      import org.apache.spark.sql.functions._
      """;
  /** A compile error or an exception thrown by a line, as the REPL prints them (an exception after the prompt). */
  private static final Pattern REPL_ERROR =
      Pattern.compile("(?m)^(?:scala> )?\\s*(?:error:|[\\w.$]+(?:Exception|Error)\\b)");

  @RegisterExtension
  final ProcessGuard processes = new ProcessGuard();

  /** Kept when the test fails: the examples' output is in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path dir;

  @Test
  void theJavaExampleSamplesABalancedTableEachSpeciesFromItsOwnRows() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classPath = classPath(appJar(), libJars());
    ByteArrayOutputStream javacOutput = new ByteArrayOutputStream();
    int javac = ToolProvider.getSystemJavaCompiler().run(null, javacOutput, javacOutput, "-cp", classPath,
        "-d", classes.toString(), EXAMPLES.resolve("PenguinsExample.java").toString());
    assertEquals(0, javac, () -> "javac failed:\n" + javacOutput);

    Path model = dir.resolve("model");
    Path output = dir.resolve("balanced");
    Submission run = processes.command("PenguinsExample", dir.resolve("java-example.log"), null,
        sparkJvm(classes + File.pathSeparator + classPath, "PenguinsExample", PENGUINS.toString(), model.toString(),
            output.toString()));
    assertEquals(0, run.await(TIMEOUT), () -> "the Java example failed:\n" + run.output());

    Map<String, Set<String>> trainingIslands = new TreeMap<>();
    for (String[] row : penguins()) {
      trainingIslands.computeIfAbsent(row[0], s -> new TreeSet<>()).add(row[1]);
    }
    Map<String, Long> counts = new TreeMap<>();
    for (String line : TestSpark.csvLines(output)) {
      String[] row = line.split(",", -1);
      counts.merge(row[0], 1L, Long::sum);
      // A stratum is sampled from its own rows only: Gentoo penguins live on Biscoe alone, so do sampled ones.
      assertTrue(trainingIslands.get(row[0]).contains(row[1]), () -> "a sampled " + row[0] + " on " + row[1]);
      assertEquals("", row[7], "the ignored year is sampled as null");
    }
    assertEquals(Map.of("Adelie", 60L, "Gentoo", 60L), counts);
    assertTrue(run.output().contains("the loaded model samples the same rows: true"), run::output);
  }

  @Test
  void theScalaSnippetRunsInSparkShellWithTheJar() throws Exception {
    Path input = Files.writeString(dir.resolve("spark-shell-input.scala"),
        SPARK_SHELL_START + Files.readString(EXAMPLES.resolve("penguins.scala")) + ":quit\n");
    String appJar = appJar();
    List<String> command = sparkJvm(classPath(appJar, libJars(), jarOf("scala.tools.nsc.MainGenericRunner"),
        jarOf("org.jline.terminal.Terminal")), "-Dspark.jars=" + appJar, "-Dspark.app.name=Spark shell",
        "scala.tools.nsc.MainGenericRunner", "-usejavacp");
    Submission shell = processes.command("spark-shell", dir.resolve("spark-shell.log"), input, command);
    assertEquals(0, shell.await(TIMEOUT), () -> "spark-shell failed:\n" + shell.output());
    String output = shell.output();
    assertFalse(REPL_ERROR.matcher(output).find(), () -> "the snippet failed in spark-shell:\n" + output);

    Matcher means = Pattern.compile("mean body mass: training (\\d+) g, synthetic (\\d+) g").matcher(output);
    assertTrue(means.find(), output);
    double trainingMean = penguins().stream().filter(row -> !row[5].equals("NA"))
        .mapToDouble(row -> Double.parseDouble(row[5])).average().orElseThrow();
    assertEquals(Math.round(trainingMean), Long.parseLong(means.group(1)), output);
    // Body mass has a standard deviation of about 800 g: the mean of 1,000 rows drawn from the table itself would
    // be within 80 g (3 standard errors) of the training mean; 150 g leaves room for σ's smoothing.
    assertEquals(trainingMean, Long.parseLong(means.group(2)), 150, output);
    assertTrue(output.contains("same rows in 1 and 6 partitions: true"), output);
  }

  /** The penguins table's data rows, split at commas (it has no quoted fields). */
  private static List<String[]> penguins() throws Exception {
    List<String> lines = Files.readAllLines(PENGUINS);
    return lines.subList(1, lines.size()).stream().map(line -> line.split(",", -1)).toList();
  }

  /** A JVM with Spark's Java 17 flags, local[2] without a UI, and the run's log4j configuration. */
  private static List<String> sparkJvm(String classPath, String... mainAndArgs) {
    List<String> command = new ArrayList<>(Processes.javaCommand("-Xmx1g", "-Dspark.master=local[2]",
        "-Dspark.ui.enabled=false", "-Dlog4j2.configurationFile=file:conf/log4j2.properties", "-cp", classPath));
    command.addAll(List.of(mainAndArgs));
    return command;
  }

  private static String appJar() {
    String jar = System.getProperty("cfdm.app.jar");
    assertTrue(jar != null && Files.isRegularFile(Path.of(jar)), "no application jar (run after `package`): " + jar);
    return jar;
  }

  /** Every jar of target/lib (Spark and the application's dependencies), in a class path. */
  private static String libJars() throws Exception {
    try (Stream<Path> jars = Files.list(Processes.projectDir().resolve("target/lib"))) {
      return classPath(jars.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted()
          .toArray(String[]::new));
    }
  }

  /** The jar this test's class path loads {@code className} from. */
  private static String jarOf(String className) throws ClassNotFoundException, URISyntaxException {
    return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String classPath(String... entries) {
    return String.join(File.pathSeparator, entries);
  }
}
