package org.cfdmspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cfdmspark.core.TimeGrid;
import org.cfdmspark.core.TrainingSet;
import org.cfdmspark.engine.ScoreNetworkSpec;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvePlotTest {
  @TempDir
  Path dir;

  @Test
  void writesAPngOfTheCurve() throws Exception {
    Random random = new Random(1);
    double[][] rows = new double[60][2];
    for (double[] row : rows) {
      row[0] = random.nextGaussian();
      row[1] = random.nextGaussian();
    }
    ScoreNetworkTraining.Result result = ScoreNetworkTraining.train(TrainingSet.of(rows),
        new ScoreNetworkSpec(8, 1, 12, 0, 0.2, 1e-2, 16), TimeGrid.of(10, 0.5), 4);
    Path file = dir.resolve("training.png");
    TrainingCurvePlot.write(result, file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(720, image.getWidth());
    assertEquals(480, image.getHeight());
  }
}
