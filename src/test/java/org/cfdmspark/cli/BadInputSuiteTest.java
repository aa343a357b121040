package org.cfdmspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cfdmspark.testkit.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input, through the command line as a scheduler would meet it: exit code 2, exactly one line on
 * stderr naming the problem, and nothing written at or beside the output (the case's folder is unchanged).
 * Adding a case is one line in {@link #cases}.
 */
class BadInputSuiteTest {
  private static final String CREDIT = TestSpark.testData("credit_default.csv.gz");

  @TempDir
  Path dir;

  /**
   * One bad input: a fragment the error line must contain, and the command line given the case's folder
   * (which holds the output path, {@code out}).
   */
  record Case(String name, String expected, Function<Path, List<String>> options) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no --input", "--input is required",
            folder -> List.of("generate", "--output", folder.resolve("out").toString())),
        new Case("missing input", "does not exist; check --input",
            folder -> generate(folder.resolve("no-such-file.csv").toString(), folder.resolve("out"))),
        file("input format not known from the name", "--input-format csv", "table.txt", "a\n1\n"),
        // JSON was told to pass --input-format csv or parquet, as if either would read it.
        file("JSON input", "is JSON by its name, which cfdm-spark does not read (CSV and Parquet only)", "table.json",
            "{\"a\": 1}\n"),
        // Checked before Spark's footer tasks, which logged a hundred lines of stack traces first.
        file("CSV read as Parquet", "is not Parquet: it does not start with PAR1 (a CSV?); give --input-format csv",
            "table.csv", "a,b\n1,2\n", "--input-format", "parquet"),
        table("empty file", "has no columns", ""),
        table("header only", "has no rows", "a,b\n"),
        credit("unknown column", "unknown column \"NOPE\" in --columns", "--columns", "LIMIT_BAL,NOPE"),
        credit("unknown excluded column", "unknown column \"id\" in --exclude", "--exclude", "id"),
        credit("zero samples", "--num-samples: '0' is not valid", "--num-samples", "0"),
        credit("negative samples", "--num-samples: '-5' is not valid", "--num-samples", "-5"),
        credit("sigma below 0", "--sigma: '-0.1' is not valid", "--sigma", "-0.1"),
        credit("draws M below 1", "--draws: '0' is not valid", "--draws", "0"),
        credit("start time T of 1", "--start-time: '1' is not valid", "--start-time", "1"),
        credit("start time T below 0", "--start-time: '-0.1' is not valid", "--start-time", "-0.1"),
        credit("steps S below 1", "--steps: '0' is not valid", "--steps", "0"),
        credit("neighbors K below 1", "--neighbors: '0' is not valid", "--neighbors", "0"),
        credit("random points L below 0", "--random-points: '-1' is not valid", "--random-points", "-1"),
        credit("training set over the broadcast budget", "--broadcast-budget-mb", "--broadcast-budget-mb", "1"),
        credit("random features whose Gram matrices overflow the driver", "--features 1000000 needs 3 p x p "
            + "matrices of doubles", "--generator", "random-features", "--features", "1000000"),
        credit("noise draws m below 1", "--noise-draws: '0' is not valid", "--generator", "random-features",
            "--noise-draws", "0"),
        credit("ridge below 0", "--ridge: '-1' is not valid", "--generator", "random-features", "--ridge", "-1"),
        credit("score network on fewer rows than its validation split", "needs at least 100 rows; the training "
            + "rows are 30", "--generator", "score-net", "--where", "ID <= 30"),
        table("text in a numeric column", "holds numbers but also text such as 'abc'", "a,b\n1,2\n3,abc\n5,6\n7,8\n"),
        // Distinct numbers and one word: not an id column drawn character by character (it was, with exit 0).
        table("text among distinct numbers", "column 'x' holds numbers but also text such as 'abc' (1 of 41 cells); "
            + "mark that text as missing with --null-value 'abc'", "x,y\n" + IntStream.range(0, 40)
            .mapToObj(i -> (1.5 + i) + "," + (i % 3) + "\n").collect(Collectors.joining()) + "abc,1\n"),
        // Several texts: one --null-value cannot mark them all, so the error does not offer it.
        table("several missing markers in a numeric column", "column 'x' holds numbers but also 2 texts, '?', 'N/A' "
            + "(3 of 43 cells), and --null-value marks one text as missing", "x,y\n" + IntStream.range(0, 40)
            .mapToObj(i -> (1.5 + i) + "," + (i % 3) + "\n").collect(Collectors.joining()) + "N/A,1\n?,2\nN/A,0\n"),
        table("NaN in a numeric column", "holds NaN or Infinity in 1 of 3 rows", "a,b\n1,2\n3,NaN\n5,6\n"),
        table("Infinity in a numeric column", "holds NaN or Infinity in 1 of 3 rows", "a,b\n1,2\n3,Inf\n5,6\n"),
        // Spelt so that Spark leaves the column text: it was modelled as categories, with exit 0.
        table("lowercase inf in a numeric column", "column 'b' holds NaN or Infinity in 1 of 4 rows (written 'inf'); "
            + "mark such cells as missing with --null-value inf", "a,b\n1,2.5\n3,inf\n5,6.5\n7,8.5\n"),
        table("a single training row", "has 1 row (after --where and --holdout-fraction), too few to model",
            "a,b\n1,2\n"),
        table("no row left by the holdout", "has 0 rows (after --where and --holdout-fraction), too few to model; give",
            "a,b\n1,2\n3,4\n", "--holdout-fraction", "0.99"),
        table("--counts without --stratify-by", "--counts gives rows per value of the column a model is stratified "
            + "by, and this model is stratified by none: fit it with --stratify-by COL (generate or fit), or give "
            + "--num-samples", "a,b\n1,x\n3,y\n", "--counts", "x=5"),
        table("a --counts value the column lacks, before the fit", "--counts names \"Nroth\", not a value of b in the "
            + "training rows; its values: \"North\", \"South\", \"(missing)\"", "a,b\n" + IntStream.range(0, 30)
            .mapToObj(i -> i + "," + (i % 10 == 0 ? "" : i % 2 == 0 ? "North" : "South") + "\n")
            .collect(Collectors.joining()), "--stratify-by", "b", "--counts", "Nroth=5,South=3"),
        table("a --counts value named twice", "--counts names 'x' twice; give each value once",
            "a,b\n1,x\n3,y\n", "--stratify-by", "b", "--counts", "x=5,x=7"),
        table("--stratify-by a column --columns leaves out", "--stratify-by b must be a modelled column, and "
            + "--columns does not list it; add it to --columns", "a,b,c\n1,x,2\n3,y,4\n", "--columns", "a,c",
            "--stratify-by", "b"),
        table("--stratify-by an excluded column", "--stratify-by b must be a modelled column; do not exclude or "
            + "ignore it", "a,b,c\n1,x,2\n3,y,4\n", "--exclude", "b", "--stratify-by", "b"),
        table("--stratify-by a column --columns leaves out and --ignore names", "--stratify-by b must be a modelled "
            + "column, and --columns does not list it; add it to --columns and do not exclude or ignore it",
            "a,b,c\n1,x,2\n3,y,4\n", "--columns", "a,c", "--ignore", "b", "--stratify-by", "b"),
        table("--categorical on a measure of distinct values", "column 'a' has 300 distinct values, more than "
            + "--max-categories 200; model it as a number without --categorical a, or raise --max-categories",
            "a,b\n" + IntStream.range(0, 300).mapToObj(i -> (1.5 + i) + "," + (i % 3) + "\n")
            .collect(Collectors.joining()), "--categorical", "a"),
        table("--stratify-by a measure of distinct values", "--stratify-by a has 40 values, and 100 % of the rows are "
            + "in values of fewer than 2 rows, too few to model; stratify by a column of few values (a category)",
            "a,b\n" + IntStream.range(0, 40).mapToObj(i -> (1.5 + i) + "," + (i % 3) + "\n")
            .collect(Collectors.joining()), "--stratify-by", "a"),
        table("a column in --columns and --exclude", "\"b\" named by both --columns and --exclude: keep it in one "
            + "of them", "a,b\n1,2\n3,4\n", "--columns", "a,b", "--exclude", "b"),
        table("semicolon-separated file read with commas", "give --csv-sep ';'", "a;b\n1;2\n3;4\n"),
        table("a column named twice", "names two columns 'value' (columns 2 and 3", "id,value,value\n1,2,3\n4,5,6\n"),
        table("a headerless file whose first row repeats a number", "names two columns '5' (columns 1 and 3 of its "
            + "header); rename one so that every column has its own name (or, if the file has no header line, add one "
            + "naming its columns)", "5,7,5\n1,2,3\n4,5,6\n"),
        table("a row with too many fields", "number of fields is not the header's 2", "a,b\n1,2\n3,4,5\n6,7\n"),
        table("a row with too few fields", "number of fields is not the header's 3", "a,b,c\n1,2,3\n4,5\n6,7,8\n"),
        table("tab-separated file read with commas", "give --csv-sep '\\t'", "a\tb\n1\t2\n3\t4\n"),
        table("two unmodellable columns, one message", "2 columns cannot be modelled as they are: (1) column 'a' "
            + "holds NaN", "a,b,c\nNaN,1,\n2,abc,\n3,4,\n5,6,\n"),
        credit("unknown columns of two options, one message", "unknown columns \"NOPE\" in --string; \"id\" in "
            + "--ignore", "--string", "NOPE", "--ignore", "id"),
        credit("unclosed quote in a list option", "--exclude: '\"ID' is not valid", "--exclude", "\"ID"),
        credit("--where matching no row", "matches none of the 30000 input rows", "--where", "AGE > 500"),
        credit("--where that does not parse", "is not a valid predicate on the input: [PARSE_SYNTAX_ERROR]",
            "--where", "AGE ="),
        // SQL reads a last word as the condition's alias: Spark filtered on "AGE > 30" with exit 0.
        credit("--where cut off after its and", "--where \"AGE > 30 and\" is not a whole predicate: SQL reads 'and' "
            + "at its end as a name", "--where", "AGE > 30 and"),
        credit("--where with a stray last word", "SQL reads 'x' at its end as a name", "--where", "AGE > 30 x"),
        // A name with a space unquoted: Spark's own error, which does not say names with spaces need backticks.
        table("--where naming a column with a space without backticks", "goes in backticks: `monthly fee`",
            "monthly fee,n\n10,1\n20,2\n30,3\n", "--where", "monthly fee > 10"),
        table("--date without a pattern", "--date visit: give the column's pattern as visit=PATTERN",
            "visit,n\n20210315,1\n20210422,2\n20201201,3\n", "--date", "visit"),
        table("--date on a column with a zero-date marker", "2 cells are not dates in that pattern, such as "
            + "'0000-00-00'; fix the pattern or those cells, or, if '0000-00-00' marks a missing value, read it as "
            + "one with --null-value '0000-00-00'", "d,n\n2021-03-15,1\n0000-00-00,2\n2020-12-01,3\n0000-00-00,4\n",
            "--date", "d=yyyy-MM-dd"),
        table("--date with the week-based year YYYY", "--date taken=dd/MM/YYYY HH:mm: not a pattern Spark can parse "
            + "with", "taken,n\n23/08/2024 05:25,1\n24/09/2024 06:25,2\n25/10/2024 07:25,3\n", "--date",
            "taken=dd/MM/YYYY HH:mm"),
        credit("--key on a column whose values repeat", "--key EDUCATION: the column has 7 distinct values in "
            + "30,000 rows, and a key's values are all distinct", "--key", "EDUCATION"),
        file("a Parquet file read as CSV", "is a Parquet file (it starts with PAR1), read as CSV: give "
            + "--input-format parquet", "table.parquet", "PAR1\u0015\u0000\u0015junk\n1\n2\n", "--input-format", "csv"),
        table("--key on a column with missing cells", "--key ref: 2 of its 30 cells are missing, and every sample "
            + "gets a new key; fill them, or leave out --key ref", "ref,n\n"
            + IntStream.range(0, 30).mapToObj(i -> (i % 15 == 3 ? "" : "R-" + i) + "," + (i % 4) + "\n")
            .collect(Collectors.joining()), "--key", "ref"),
        table("--key on a column with missing cells and repeats", "--key region: 2 of its 30 cells are missing, and "
            + "its 28 present cells hold 3 distinct values, and every sample gets a new key; leave out --key region",
            "region,n\n" + IntStream.range(0, 30).mapToObj(i -> (i % 15 == 3 ? "" : "R" + i % 3) + "," + (i % 4)
            + "\n").collect(Collectors.joining()), "--key", "region"),
        credit("categories over --max-categories, counted", "'LIMIT_BAL' has 81 distinct values, more than "
            + "--max-categories 60", "--categorical", "LIMIT_BAL", "--max-categories", "60"),
        table("dates the reader does not infer, over --max-categories", "read them as dates with --date "
            + "visit=MM/dd/yyyy, or leave it out with --exclude visit",
            "visit,n\n03/15/2021,1\n04/22/2021,2\n12/01/2020,3\n03/15/2021,4\n01/30/2022,5\n", "--max-categories",
            "3"),
        table("decimal-comma numbers read without --decimal-comma", "read them as numbers with --decimal-comma, or "
            + "leave it out with --exclude preis",
            "preis;n\n1.507,14;1\n904,41;2\n4.847,59;3\n1.507,14;4\n1.288,35;5\n", "--csv-sep", ";",
            "--max-categories", "3"),
        new Case("output exists with --mode error", "already exists", folder -> {
          write(folder.resolve("out/keep.txt"), "an earlier result");
          return generate(CREDIT, folder.resolve("out"), "--mode", "error");
        }),
        new Case("output holds the input", "is or contains the input", folder -> {
          Path input = write(folder.resolve("out/train.csv"), "a\n1\n2\n");
          return generate(input.toString(), folder.resolve("out"), "--mode", "overwrite");
        }),
        new Case("output inside a folder input", "is inside the input folder", folder -> {
          write(folder.resolve("in/part-00000.csv"), "a,b\n1,2\n3,4\n5,6\n");
          return generate(folder.resolve("in").toString(), folder.resolve("in/synth"));
        }),
        // A report refuses a --target with no values only once it runs, after sampling: the samples, holdout and
        // manifest are not committed without it. (--redraw-columns none: auto refuses that --target at the fit.)
        table("a report that fails after sampling", "--target label is not among the compared columns", "a,b,label\n"
            + IntStream.range(0, 40).mapToObj(i -> (1.5 + i % 7) + "," + "xyz".charAt(i % 3) + ",\n")
            .collect(Collectors.joining()), "--report", "--holdout-fraction", "0.2", "--target", "label",
            "--redraw-columns", "none"),
        new Case("output under a regular file", "is a file, not a directory", folder -> {
          write(folder.resolve("file"), "not a directory");
          return generate(CREDIT, folder.resolve("file/out"));
        }),
        new Case("sample without a model", "--model is required",
            folder -> List.of("sample", "--output", folder.resolve("out").toString())),
        new Case("model directory missing", "does not exist; fit one", folder -> sample(folder.resolve("no-model"), folder)),
        new Case("sample output inside the model", "is inside the input folder", folder -> {
          write(folder.resolve("model/metadata.json"), "{}");
          return List.of("sample", "--model", folder.resolve("model").toString(), "--output",
              folder.resolve("model/x").toString(), "--progress", "false");
        }),
        new Case("partial model: no metadata", "is not a complete saved model (no metadata.json)", folder -> {
          write(folder.resolve("model/strata/0/part-0.parquet"), "half a save");
          return sample(folder.resolve("model"), folder);
        }),
        new Case("a data file given as the model", "is a file, not a saved model (a directory that fit --model DIR "
            + "writes); fit one from it with fit --input", folder -> {
              write(folder.resolve("table.csv"), "a\n1\n");
              return sample(folder.resolve("table.csv"), folder);
            }),
        new Case("a generate output given as the model", "is the output of a generate or sample run", folder -> {
          write(folder.resolve("generated/part-00000.csv"), "a\n1\n");
          write(folder.resolve("generated/_manifest.json"), "{}");
          return sample(folder.resolve("generated"), folder);
        }),
        new Case("corrupt model metadata", "is corrupt", folder -> {
          write(folder.resolve("model/metadata.json"), "{\"format\": 1, \"project_version\": ");
          return sample(folder.resolve("model"), folder);
        }),
        new Case("model of another version", "was saved by cfdm-spark 0.0.1 (model format 1); this is cfdm-spark ",
            folder -> {
              write(folder.resolve("model/metadata.json"), "{\"format\": 1, \"project_version\": \"0.0.1\"}");
              return sample(folder.resolve("model"), folder);
            }),
        new Case("fit without --model", "--model is required",
            folder -> List.of("fit", "--input", CREDIT)),
        new Case("report of a synthetic table that does not exist", "cannot read table '", folder -> {
          write(folder.resolve("train.csv"), "a,b\n1,2\n3,4\n");
          return List.of("report", "--train", folder.resolve("train.csv").toString(), "--synthetic",
              folder.resolve("no-such-run").toString(), "--output", folder.resolve("out").toString());
        }));
  }

  @BeforeAll
  static void startSpark() {
    TestSpark.local(2); // the session Main's generate command picks up
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exitsWithCodeTwoAndOneLineAndWritesNothing(Case bad) throws IOException {
    List<String> args = bad.options().apply(dir);
    Map<String, String> before = contents(dir);

    CliTest.Outcome outcome = CliTest.run(args.toArray(String[]::new));
    assertEquals(ExitCodes.BAD_INPUT, outcome.code(), () -> "exit code; stderr:\n" + outcome.err());
    List<String> lines = outcome.err().lines().toList();
    assertEquals(1, lines.size(), () -> "stderr must be one line:\n" + outcome.err());
    assertTrue(lines.get(0).contains(bad.expected()), () -> "'" + bad.expected() + "' missing from: " + lines);
    assertEquals(before, contents(dir), "nothing may be written at or beside the output");
  }

  /** A case on the credit default table with these options. */
  private static Case credit(String name, String expected, String... options) {
    return new Case(name, expected, folder -> generate(CREDIT, folder.resolve("out"), options));
  }

  /** A case on a CSV file with this text. */
  private static Case table(String name, String expected, String csv, String... options) {
    return file(name, expected, "input.csv", csv, options);
  }

  /** A case on an input file of this name and text. */
  private static Case file(String name, String expected, String fileName, String text, String... options) {
    return new Case(name, expected, folder -> {
      Path input = write(folder.resolve(fileName), text);
      return generate(input.toString(), folder.resolve("out"), options);
    });
  }

  /** Sample from a model into the case folder's {@code out}, without progress lines. */
  private static List<String> sample(Path model, Path folder) {
    return List.of("sample", "--model", model.toString(), "--output", folder.resolve("out").toString(),
        "--progress", "false");
  }

  /** Generate: input, output, no progress lines (stderr holds only the error), plus {@code options}. */
  private static List<String> generate(String input, Path output, String... options) {
    List<String> args = new ArrayList<>(List.of("generate", "--input", input, "--output", output.toString(),
        "--progress", "false"));
    args.addAll(List.of(options));
    return args;
  }

  private static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file and folder under {@code root} (hidden ones too) with its content. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        all.put(root.relativize(path).toString(), Files.isRegularFile(path) ? Files.readString(path) : "(folder)");
      }
    }
    return all;
  }
}
