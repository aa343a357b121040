package org.cfdmspark.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version Maven writes into a resource at build time, for manifests and saved models. */
public final class ProjectVersion {
  private static final String RESOURCE = "/org/cfdmspark/version.properties";

  private ProjectVersion() {
  }

  /** The version, or "dev" when run from unbuilt sources. */
  public static String current() {
    try (InputStream in = ProjectVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "dev");
      return version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
