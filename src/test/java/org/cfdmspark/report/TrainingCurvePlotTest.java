package org.cfdmspark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvePlotTest {
  @TempDir
  Path dir;

  @Test
  void writesAPngOfTheCurve() throws Exception {
    Path file = dir.resolve("training.png");
    TrainingCurvePlot.write(new double[] {2, 1.5, 1.2, 1.1}, new double[] {2.2, 1.8, 1.9, 2.1},
        new double[] {0.4, 0.3, 0.2, 0.15}, 2, 150, file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertEquals(720, image.getWidth());
    assertEquals(480, image.getHeight());
  }
}
