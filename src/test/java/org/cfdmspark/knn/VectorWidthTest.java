package org.cfdmspark.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The vector kernel gives the scalar kernel's bits at every vector width a machine could have, not only at
 * this one's: the width is fixed per JVM ({@code DoubleVector.SPECIES_PREFERRED}), so each width runs in a
 * child JVM capped by {@code -XX:MaxVectorSize} (8, 16, 32, 64 bytes = 1, 2, 4, 8 double lanes, as far as this
 * CPU goes), which prints its lane count and a digest of its products; this JVM computes the digest with the
 * scalar kernel.
 */
class VectorWidthTest {

  /** Child JVM: prints "lanes digest" of the vector kernel's products on {@link #digest}'s inputs. */
  public static void main(String[] args) {
    System.out.println(VectorDotProductKernel.LANES + " " + digest(new VectorDotProductKernel()));
  }

  /** A digest of the exact bits of {@code kernel}'s products on seeded random and adversarial shapes with tails. */
  static long digest(DotProductKernel kernel) {
    Random random = new Random(5);
    long digest = 17;
    for (int d : new int[] {1, 2, 3, 5, 7, 8, 9, 16, 17, 33, 129, 200}) {
      for (int trial = 0; trial < 3; trial++) {
        int rows = 1 + random.nextInt(40);
        int queryCount = 1 + random.nextInt(9);
        RowMatrix matrix = trial == 2 ? adversarialMatrix(rows, d, random)
            : VectorDotProductKernelTest.randomMatrix(rows, d, random);
        double[] queries = VectorDotProductKernelTest.randomQueries(queryCount, d, random);
        double[] out = new double[queryCount * rows];
        kernel.dots(queries, 0, queryCount, matrix, 0, rows, out);
        for (double v : out) {
          digest = 31 * digest + Double.doubleToLongBits(v);
        }
      }
    }
    return digest;
  }

  private static RowMatrix adversarialMatrix(int rows, int d, Random random) {
    VectorDotProductKernelTest.Adversary adversary = VectorDotProductKernelTest.Adversary.CANCELLATION;
    float[] x = new float[rows * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = adversary.row(random);
    }
    return RowMatrix.of(rows, d, x);
  }

  @Test
  void everyVectorWidthGivesTheScalarKernelsBits() throws IOException, InterruptedException {
    long expected = digest(ScalarDotProductKernel.INSTANCE);
    Set<Integer> widths = new TreeSet<>();
    for (int bytes : new int[] {8, 16, 32, 64}) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector",
          "-XX:MaxVectorSize=" + bytes, "-cp", System.getProperty("java.class.path"), VectorWidthTest.class.getName()))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertEquals(0, child.waitFor(), "child JVM with MaxVectorSize=" + bytes + " said: " + output);
      String[] words = output.split(" ");
      int lanes = Integer.parseInt(words[0]);
      widths.add(lanes);
      assertEquals(expected, Long.parseLong(words[1]), "vector kernel with " + lanes + " double lanes");
    }
    // On any x86-64 or ARMv8 machine the caps give at least 1 and 2 lanes: the test did compare widths.
    assertTrue(widths.size() >= 2, "only the widths " + widths + " ran");
  }
}
