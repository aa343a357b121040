package org.cfdmspark.job;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.engine.ScoreNetworkTraining;
import org.cfdmspark.ml.CfdmSummary;
import org.cfdmspark.report.TrainingCurvePlot;

/**
 * The score network's training curve next to the manifest: {@code _training-<stratum>.png} (per epoch the train
 * and held-out DSM losses and the distance to the closed form; the numbers are in the manifest). Drawn to a local
 * temporary file and copied, as the output may be on any Hadoop file system.
 */
final class TrainingCurves {
  private TrainingCurves() {
  }

  /** Writes the plot of stratum {@code stratum} into {@code directory} if it has a score network; else nothing. */
  static void write(CfdmSummary.StratumSummary stratum, FileSystem fs, Path directory) throws IOException {
    CfdmSummary.Trained trained = stratum.trained();
    if (trained == null || trained.epochs().isEmpty()) {
      return;
    }
    List<ScoreNetworkTraining.Epoch> epochs = trained.epochs();
    java.nio.file.Path local = Files.createTempFile("cfdm-training", ".png");
    try {
      TrainingCurvePlot.write(epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::trainLoss).toArray(),
          epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::heldOutLoss).toArray(),
          epochs.stream().mapToDouble(ScoreNetworkTraining.Epoch::closedFormDistance).toArray(),
          trained.bestEpoch(), stratum.rows(), local);
      fs.copyFromLocalFile(true, true, new Path(local.toString()),
          new Path(directory, "_training-" + stratum.label().replaceAll("[^A-Za-z0-9._-]", "_") + ".png"));
    } finally {
      Files.deleteIfExists(local);
    }
  }
}
