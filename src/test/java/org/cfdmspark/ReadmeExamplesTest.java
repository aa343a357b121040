package org.cfdmspark;

import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * README's examples of the Spark API are the files that ExamplesIT compiles and runs (src/test/examples), word for
 * word, so the two cannot drift apart.
 */
class ReadmeExamplesTest {
  @Test
  void readmeShowsTheExamplesThatTheTestsRun() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String[] example : new String[][] {{"PenguinsExample.java", "java"}, {"penguins.scala", "scala"}}) {
      String block = "```" + example[1] + "\n" + Files.readString(Path.of("src/test/examples", example[0])) + "```\n";
      assertTrue(readme.contains(block), "README.md does not show src/test/examples/" + example[0]
          + " as it is; paste the file into its ```" + example[1] + " block");
    }
  }
}
