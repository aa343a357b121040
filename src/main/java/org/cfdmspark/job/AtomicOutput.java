package org.cfdmspark.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;
import org.cfdmspark.config.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output directory that appears complete or not at all. Everything is written into a hidden sibling
 * ({@code .<name>.tmp-<uuid>}, same parent, so the final rename stays within one file system and is atomic on
 * HDFS and local disks); {@link #commit} renames it into place. With {@link WriteMode#OVERWRITE} the old output
 * (one cfdm-spark wrote, or an empty directory: {@link ReplaceableOutput}) is moved aside only once the new one is
 * complete, and deleted after the new one is in place.
 *
 * <p>A run stopped by a signal (SIGINT, SIGTERM) deletes its staging directory as the JVM shuts down
 * ({@link ShutdownCleanup}); a task still writing its file then can create it again (a fresh-clone test saw it once),
 * as a killed run leaves it. A run killed outright (SIGKILL, a lost driver node) cannot clean up: its staging sibling
 * stays, hidden, and the output path is untouched. The next successful run to the same output deletes such
 * leftovers.
 */
final class AtomicOutput {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final WriteMode mode;
  private final long startedMillis = System.currentTimeMillis();
  /** The staging directory's deletion at shutdown, from the first {@link #staging} until commit or abort. */
  private final Runnable onShutdown = this::abort;
  private boolean staged;
  /** Set by {@link #abort}: a commit after it (the shutdown's abort ran first) must not touch the target. */
  private boolean aborted;

  private AtomicOutput(FileSystem fs, Path target, WriteMode mode) {
    this.fs = fs;
    this.target = target;
    this.mode = mode;
    this.staging = sibling("tmp");
  }

  /**
   * Checks that the output may be written in this mode; creates nothing.
   *
   * @param input the path the job reads (its input table or model), which the output must neither be nor hold
   * @param marker the file that marks the kind of output the job writes ({@link ReplaceableOutput#MARKERS}): an
   *     existing output of another kind is not replaced
   */
  static AtomicOutput prepare(String output, WriteMode mode, Configuration conf, String input, String marker) {
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(conf);
      Path target = fs.makeQualified(path);
      if (target.getParent() == null) {
        throw new BadInputException("output '" + output + "' is a root directory; name a directory to create");
      }
      requireOutside(target, output, input, conf);
      requireCreatable(fs, target, output);
      if (mode == WriteMode.ERROR && fs.exists(target)) {
        throw new BadInputException("output '" + output + "' already exists; choose another path or pass "
            + JobKnobs.MODE.option() + " overwrite to replace it");
      }
      if (mode == WriteMode.OVERWRITE && fs.exists(target)) {
        ReplaceableOutput.require(fs, target, output, marker);
      }
      return new AtomicOutput(fs, target, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check output '" + output + "'", e);
    }
  }

  /**
   * Refuses an output whose nearest existing ancestor is a file or not writable by this user: found after
   * sampling, it would be a runtime failure instead of a one-line user error. (Write permission follows the
   * file system's permission bits, so root may be refused a folder it could in fact write.)
   */
  private static void requireCreatable(FileSystem fs, Path target, String output) throws IOException {
    Path ancestor = target.getParent();
    while (ancestor.getParent() != null && !fs.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    FileStatus status = fs.getFileStatus(ancestor);
    if (!status.isDirectory()) {
      throw new BadInputException("output '" + output + "' cannot be created: " + ancestor
          + " is a file, not a directory; choose another " + JobKnobs.OUTPUT.option());
    }
    try {
      fs.access(ancestor, FsAction.WRITE);
    } catch (AccessControlException e) {
      throw new BadInputException("output '" + output + "' cannot be created: no permission to write in "
          + ancestor + "; choose another " + JobKnobs.OUTPUT.option());
    }
  }

  /**
   * Refuses an output that is the input or holds it: replacing it would delete the training data. And one inside an
   * input folder (a folder table or a model): it would add files to the user's folder, which a later read of the
   * folder takes for part of it.
   */
  private static void requireOutside(Path target, String output, String input, Configuration conf)
      throws IOException {
    if (holds(target, input, conf)) {
      throw new BadInputException("output '" + target + "' is or contains the input '" + input
          + "'; write the synthetic table somewhere else");
    }
    Path folder = new Path(input);
    FileSystem fs = folder.getFileSystem(conf);
    folder = fs.makeQualified(folder);
    boolean inside = target.toString().startsWith(folder + "/");
    if (inside && fs.exists(folder) && fs.getFileStatus(folder).isDirectory()) {
      throw new BadInputException("output '" + output + "' is inside the input folder '" + input
          + "', to which it would add files; choose an " + JobKnobs.OUTPUT.option() + " outside it");
    }
  }

  /** Whether {@code target} (qualified) is {@code path} or a directory above it. */
  static boolean holds(Path target, String path, Configuration conf) throws IOException {
    Path inner = new Path(path);
    String in = inner.getFileSystem(conf).makeQualified(inner).toString();
    String out = target.toString();
    return in.equals(out) || in.startsWith(out + "/");
  }

  Path target() {
    return target;
  }

  /**
   * Where the job writes; it does not exist yet. From the first call until {@link #commit} or {@link #abort}, a
   * JVM shutdown (a signal) deletes it: callers ask for it inside the block whose failure aborts.
   */
  synchronized Path staging() {
    if (!staged) {
      staged = true;
      ShutdownCleanup.add(onShutdown);
    }
    return staging;
  }

  FileSystem fileSystem() {
    return fs;
  }

  /**
   * Moves the complete staging directory to the target, replacing an old target in overwrite mode; then
   * deletes stale staging siblings of killed runs.
   */
  void commit() throws IOException {
    // Under the lock that abort takes: a shutdown's abort waits for the renames to finish, and one that came
    // first leaves the target alone (the old output, in overwrite mode, is never moved aside for nothing).
    synchronized (this) {
      if (aborted) {
        throw new IOException("the run was stopped before its output " + target + " was complete");
      }
      moveIntoPlace();
      ShutdownCleanup.remove(onShutdown);
    }
    removeStaleStaging();
  }

  private void moveIntoPlace() throws IOException {
    if (!fs.exists(target)) {
      rename(staging, target);
      return;
    }
    if (mode == WriteMode.ERROR) {
      // Someone created it while we sampled; a rename now would move our output inside theirs.
      throw new IOException("output " + target + " appeared while sampling; the result is left in " + staging);
    }
    Path old = sibling("old");
    rename(target, old);
    try {
      rename(staging, target);
    } catch (IOException e) {
      rename(old, target);
      throw e;
    }
    if (!fs.delete(old, true)) {
      throw new IOException("replaced " + target + " but could not delete the previous output, now at " + old);
    }
  }

  /**
   * Deletes the staging directory after a failure or at shutdown; never throws, so the original failure stays
   * visible.
   */
  synchronized void abort() {
    aborted = true;
    ShutdownCleanup.remove(onShutdown);
    try {
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the temporary output {}", staging, e);
    }
  }

  /**
   * Deletes the staging siblings of earlier runs to this output in which nothing changed since this run
   * started: a live run's tasks keep writing into theirs, a killed run's stays as it was. Never throws; a
   * leftover is only clutter.
   */
  private void removeStaleStaging() {
    String prefix = "." + target.getName() + ".tmp-";
    try {
      for (FileStatus sibling : fs.listStatus(target.getParent())) {
        if (sibling.getPath().getName().startsWith(prefix) && lastChange(sibling) < startedMillis) {
          LOG.info("deleting {}, left by a run that was killed before it could finish", sibling.getPath());
          fs.delete(sibling.getPath(), true);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete stale temporary outputs beside {}", target, e);
    }
  }

  /** The latest modification time of a directory and everything in it. */
  private long lastChange(FileStatus directory) throws IOException {
    long latest = directory.getModificationTime();
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(directory.getPath(), true);
    while (files.hasNext()) {
      latest = Math.max(latest, files.next().getModificationTime());
    }
    return latest;
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  private Path sibling(String role) {
    return new Path(target.getParent(), "." + target.getName() + "." + role + "-" + UUID.randomUUID());
  }
}
