package org.cfdmspark.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cfdmspark.config.BadInputException;
import org.cfdmspark.config.Knob;
import org.cfdmspark.config.Settings;
import org.cfdmspark.job.FileFormat;
import org.cfdmspark.job.JobKnobs;
import org.cfdmspark.job.ReportKnobs;
import org.cfdmspark.job.StudyJob;

/**
 * Settles every knob's value with the documented precedence: command line, then the {@code --conf-file}
 * (Java properties, {@code name = value}, as in {@code conf/cfdm.properties}), then the built-in default. One
 * settings file serves every command of a pipeline: a key that is another command's setting (num-samples for fit)
 * is left to that command; a key no command knows is refused.
 */
final class SettingsResolver {
  /** Every command's settings, by name. */
  private static final Set<String> ANY_COMMAND = Stream.of(JobKnobs.GENERATE, JobKnobs.FIT, JobKnobs.SAMPLE,
      ReportKnobs.ALL, StudyJob.KNOBS).flatMap(List::stream).map(Knob::name).collect(Collectors.toSet());

  private SettingsResolver() {
  }

  static Settings resolve(List<Knob<?>> knobs, Path confFile, Map<String, String> commandLine) {
    Settings settings = Settings.defaults(knobs);
    if (confFile != null) {
      for (Map.Entry<String, String> entry : readConfFile(confFile, settings).entrySet()) {
        settings = settings.withText(entry.getKey(), entry.getValue());
      }
    }
    for (Map.Entry<String, String> entry : commandLine.entrySet()) {
      settings = settings.withText(entry.getKey(), entry.getValue());
    }
    // A .tsv input is tab-separated by name: read, and written (and recorded for sample), with tabs unless told.
    if (knobs.contains(JobKnobs.INPUT) && knobs.contains(JobKnobs.CSV_SEP) && !settings.isGiven(JobKnobs.CSV_SEP)
        && FileFormat.tabSeparated(settings.get(JobKnobs.INPUT))) {
      settings = settings.withText(JobKnobs.CSV_SEP.name(), "\\t");
    }
    return settings;
  }

  private static Map<String, String> readConfFile(Path file, Settings settings) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--conf-file: no such file: " + file + "; give the path of a properties file "
          + "such as conf/cfdm.properties");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException("--conf-file: cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new java.util.LinkedHashMap<>();
    Set<String> own = settings.knobs().stream().map(Knob::name).collect(Collectors.toSet());
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (!own.contains(name) && ANY_COMMAND.contains(name)) {
        continue;
      }
      try {
        settings.knob(name);
      } catch (BadInputException e) {
        throw new BadInputException("--conf-file " + file + ": " + e.getMessage());
      }
      values.put(name, properties.getProperty(name));
    }
    return values;
  }
}
