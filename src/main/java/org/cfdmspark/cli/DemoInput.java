package org.cfdmspark.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code generate --demo}: the bundled Palmer penguins table (CC0) as input, written to ./cfdm-demo-output. A
 * previous demo output is replaced; any other existing folder of that name is left alone (the job refuses).
 */
final class DemoInput {
  static final String OUTPUT = "cfdm-demo-output";
  private static final String RESOURCE = "/demo/penguins.csv";

  private DemoInput() {
  }

  /** The given options with the demo's input and output filled in where the user gave none. */
  static Map<String, String> complete(Map<String, String> given) {
    Map<String, String> options = new LinkedHashMap<>(given);
    options.putIfAbsent("input", extract().toString());
    if (!options.containsKey("output")) {
      Path output = Path.of(OUTPUT).toAbsolutePath();
      options.put("output", output.toString());
      if (Files.isRegularFile(output.resolve("_manifest.json")) && !options.containsKey("mode")) {
        options.put("mode", "overwrite");
        System.err.println("demo: replacing the previous demo's output in " + output
            + " (give --output DIR to keep it)");
      }
    }
    return options;
  }

  /** Copies the bundled table to a temporary file: Spark reads paths, not class-path resources. */
  private static Path extract() {
    try (InputStream in = DemoInput.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo table " + RESOURCE + " is missing from the application jar");
      }
      Path file = Files.createTempFile("cfdm-demo-penguins", ".csv");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack the demo table: " + e.getMessage(), e);
    }
  }
}
