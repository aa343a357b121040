package org.cfdmspark.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cfdmspark.core.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output directory that appears complete or not at all. Everything is written into a hidden sibling
 * ({@code .<name>.tmp-<uuid>}, same parent, so the final rename stays within one file system and is atomic on
 * HDFS and local disks); {@link #commit} renames it into place. With {@link WriteMode#OVERWRITE} the old output
 * is moved aside only once the new one is complete, and deleted after the new one is in place.
 */
final class AtomicOutput {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

  private final FileSystem fs;
  private final Path target;
  private final Path staging;
  private final WriteMode mode;

  private AtomicOutput(FileSystem fs, Path target, WriteMode mode) {
    this.fs = fs;
    this.target = target;
    this.mode = mode;
    this.staging = sibling("tmp");
  }

  /** Checks that the output may be written in this mode; creates nothing. */
  static AtomicOutput prepare(String output, WriteMode mode, Configuration conf) {
    try {
      Path path = new Path(output);
      FileSystem fs = path.getFileSystem(conf);
      Path target = fs.makeQualified(path);
      if (target.getParent() == null) {
        throw new BadInputException("output '" + output + "' is a root directory; name a directory to create");
      }
      if (mode == WriteMode.ERROR && fs.exists(target)) {
        throw new BadInputException("output '" + output + "' already exists; choose another path or pass "
            + JobKnobs.MODE.option() + " overwrite to replace it");
      }
      return new AtomicOutput(fs, target, mode);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check output '" + output + "'", e);
    }
  }

  /** Refuses an output that is the input or holds it: replacing it would delete the training data. */
  void requireOutside(String input, Configuration conf) {
    try {
      Path path = new Path(input);
      String in = path.getFileSystem(conf).makeQualified(path).toString();
      String out = target.toString();
      if (in.equals(out) || in.startsWith(out + "/")) {
        throw new BadInputException("output '" + out + "' is or contains the input '" + input
            + "'; write the synthetic table somewhere else");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve input '" + input + "'", e);
    }
  }

  Path target() {
    return target;
  }

  /** Where the job writes; it does not exist yet. */
  Path staging() {
    return staging;
  }

  FileSystem fileSystem() {
    return fs;
  }

  /** Moves the complete staging directory to the target, replacing an old target in overwrite mode. */
  void commit() throws IOException {
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

  /** Deletes the staging directory after a failure; never throws, so the original failure stays visible. */
  void abort() {
    try {
      fs.delete(staging, true);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete the temporary output {}", staging, e);
    }
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
