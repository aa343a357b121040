package org.cfdmspark.job;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.config.BadInputException;

/**
 * Which existing outputs {@code --mode overwrite} may delete: an empty directory, or one that cfdm-spark wrote —
 * recognised by the file each kind of output always holds (a generate or sample output's manifest, a saved
 * model's metadata, a report's JSON). Anything else may be a user's own folder (say, the one holding their data),
 * and a typo in {@code --output} must not delete it.
 */
final class ReplaceableOutput {
  /** The marker files: {@link RunManifest#FILE_NAME}, a saved model's metadata.json, {@link ReportJob#JSON}. */
  static final List<String> MARKERS = List.of(RunManifest.FILE_NAME, "metadata.json", ReportJob.JSON);

  private ReplaceableOutput() {
  }

  /**
   * Refuses to replace {@code target} (which exists) unless it is an empty directory or holds a marker file.
   *
   * @param output the path as the user gave it, for the message
   * @throws BadInputException naming a file that is not ours, and the fix
   */
  static void require(FileSystem fs, Path target, String output) throws IOException {
    FileStatus status = fs.getFileStatus(target);
    if (!status.isDirectory()) {
      throw new BadInputException("output '" + output + "' is a file, which " + JobKnobs.MODE.option()
          + " overwrite does not replace; choose another " + JobKnobs.OUTPUT.option() + " (a directory)");
    }
    FileStatus[] entries = fs.listStatus(target);
    if (entries.length == 0
        || Arrays.stream(entries).anyMatch(entry -> MARKERS.contains(entry.getPath().getName()))) {
      return;
    }
    String first = Arrays.stream(entries).map(entry -> entry.getPath().getName()).sorted().findFirst().orElseThrow();
    throw new BadInputException("output '" + output + "' holds files cfdm-spark did not write (" + first
        + (entries.length > 1 ? " and " + (entries.length - 1) + " more" : "") + "), so " + JobKnobs.MODE.option()
        + " overwrite will not delete it; choose another " + JobKnobs.OUTPUT.option() + " or empty it first");
  }
}
