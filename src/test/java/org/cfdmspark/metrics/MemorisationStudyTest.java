package org.cfdmspark.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cfdmspark.engine.SamplerConfig;
import org.cfdmspark.knn.RowMatrix;
import org.cfdmspark.report.MemorisationStudyPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemorisationStudyTest {
  @TempDir
  Path dir;

  @Test
  void separatesTheRegimesAndPlotsThem() throws Exception {
    Random random = new Random(6);
    double[][] rows = new double[232][32];
    for (double[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = random.nextGaussian();
      }
    }
    SamplerConfig sampler = SamplerConfig.defaults(0).withGrid(20, 0.8).withSeed(2);
    MemorisationStudy.Plan plan = new MemorisationStudy.Plan(new int[] {32}, new double[] {0.125, 28},
        new int[] {1}, 1e-8, new double[] {0, 1}, sampler, 100, 200);
    List<MemorisationStudy.Point> points = MemorisationStudy.run(RowMatrix.ofRows(rows), plan);
    assertEquals(4, points.size());
    MemorisationStudy.Point few = points.get(0);
    MemorisationStudy.Point many = points.get(1);
    assertEquals(4, few.features());
    assertEquals(896, many.features());
    assertTrue(few.memorisedFraction() <= 0.1 && many.memorisedFraction() >= 0.9, points.toString());
    // Interpolating 32 rows with 896 features: train loss far below test loss.
    assertTrue(many.trainLoss() < 0.1 * many.testLoss(), many.toString());
    MemorisationStudy.Point closedForm = points.get(2);
    assertEquals(1.0, closedForm.memorisedFraction(), "σ = 0: every sample is a training row");
    assertTrue(closedForm.testLoss() > closedForm.trainLoss());
    assertNull(points.get(3).trainLoss());
    assertTrue(points.get(3).memorisedFraction() < 1.0, "σ = 1 with M = 4 draws makes barycentres");

    Path plot = dir.resolve("study.png");
    MemorisationStudyPlot.write(points, plot);
    assertEquals(1440, ImageIO.read(plot.toFile()).getWidth());
  }
}
