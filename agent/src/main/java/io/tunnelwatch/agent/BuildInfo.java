package io.tunnelwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What this build of the agent is, as Maven wrote it into {@code build.properties}: the version,
 * and the source revision when the release build was given one.
 *
 * @param version e.g. {@code 0.1.0-SNAPSHOT}
 * @param revision the commit, or {@code unknown}
 */
public record BuildInfo(String version, String revision) {

  private static final String RESOURCE = "build.properties";

  /** The build this class came with. */
  public static BuildInfo current() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new BuildInfo("unknown", "unknown");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(
        properties.getProperty("version", "unknown"),
        properties.getProperty("revision", "unknown"));
  }

  /** The Java runtime the agent runs on, e.g. {@code 17.0.13}. */
  public static String javaVersion() {
    return Runtime.version().toString();
  }
}
