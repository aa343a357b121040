package org.cfdmspark.job;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.config.BadInputException;

/**
 * Which existing outputs {@code --mode overwrite} may delete: an empty directory, or one that cfdm-spark wrote of
 * the kind the job writes — recognised by the file each kind of output always holds (a generate or sample output's
 * manifest, a saved model's metadata, a report's JSON). Anything else may be a user's own folder (say, the one
 * holding their data), and a typo in {@code --output} must not delete it; nor may a sample run's output replace a
 * saved model (a new user's typo put 10 rows where a fit had been).
 */
final class ReplaceableOutput {
  /** The marker files: {@link RunManifest#FILE_NAME}, a saved model's metadata.json, {@link ReportJob#JSON}. */
  static final List<String> MARKERS = List.of(RunManifest.FILE_NAME, "metadata.json", ReportJob.JSON);
  /** What each marker's folder holds, for the message. */
  private static final Map<String, String> KINDS = Map.of(RunManifest.FILE_NAME, "a generate or sample run's rows",
      "metadata.json", "a saved model", ReportJob.JSON, "a report");

  private ReplaceableOutput() {
  }

  /**
   * Refuses to replace {@code target} (which exists) unless it is an empty directory or holds {@code marker}, the
   * marker of what the job writes.
   *
   * @param output the path as the user gave it, for the message
   * @param marker one of {@link #MARKERS}
   * @throws BadInputException naming a file that is not ours or another kind of output, and the fix
   */
  static void require(FileSystem fs, Path target, String output, String marker) throws IOException {
    FileStatus status = fs.getFileStatus(target);
    if (!status.isDirectory()) {
      throw new BadInputException("output '" + output + "' is a file, which " + JobKnobs.MODE.option()
          + " overwrite does not replace; choose another " + JobKnobs.OUTPUT.option() + " (a directory)");
    }
    FileStatus[] entries = fs.listStatus(target);
    List<String> names = Arrays.stream(entries).map(entry -> entry.getPath().getName()).toList();
    if (entries.length == 0 || names.contains(marker)) {
      return;
    }
    String other = MARKERS.stream().filter(names::contains).findFirst().orElse(null);
    if (other != null) {
      throw new BadInputException("output '" + output + "' holds " + KINDS.get(other) + " (" + other + "), not "
          + KINDS.get(marker) + ", so " + JobKnobs.MODE.option() + " overwrite will not replace it; choose another "
          + JobKnobs.OUTPUT.option() + ", or delete it first");
    }
    String first = Arrays.stream(entries).map(entry -> entry.getPath().getName()).sorted().findFirst().orElseThrow();
    throw new BadInputException("output '" + output + "' holds files cfdm-spark did not write (" + first
        + (entries.length > 1 ? " and " + (entries.length - 1) + " more" : "") + "), so " + JobKnobs.MODE.option()
        + " overwrite will not delete it; choose another " + JobKnobs.OUTPUT.option() + " or empty it first");
  }
}
